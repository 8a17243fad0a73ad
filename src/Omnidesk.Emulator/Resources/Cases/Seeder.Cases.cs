using System;
using System.Collections.Generic;
using System.Linq;

namespace Omnidesk.Emulator
{
    /// <summary>The seeded cases, with their messages, attachments, ideas and changelogs.</summary>
    public static partial class Seeder
    {
        public const int FirstCaseId = 2000;

        /// <summary>Idea (proposal) categories.</summary>
        public static readonly long[] IdeaCategoryIds = { 319, 320, 321 };
        public static readonly string[] IdeaStages = { "waiting", "planned", "in_progress", "finished" };

        /// <summary>The account's automation rules that appear in seeded changelogs as done_by rule_N.</summary>
        public static readonly (long Id, string Name)[] Rules =
        {
            (1332, "Auto-assignment"), (1336, "Route by topic"), (1338, "VIP priority"), (1340, "Auto-close after 3 days"),
        };

        internal static readonly string[] Subjects =
        {
            "Cannot log in to my account", "Refund request for order", "Invoice does not match the contract", "How do I change my tariff?",
            "Delivery is late", "Payment failed with error 402", "Wrong item received", "Question about the warranty",
            "App crashes on startup", "Password reset email never arrives", "Please cancel my subscription", "Two-factor code not accepted",
            "Need a copy of the invoice", "Discount code does not work", "Export to CSV is broken", "Feature idea: dark mode",
            "Feature idea: bulk edit", "Change the delivery address", "Account blocked after payment", "Integration with CRM stopped syncing",
            "Slow page loading in the dashboard", "Where is my parcel?", "Callback request", "Problem with the mobile app notifications",
            "Duplicate charge on my card", "Upgrade to the Pro plan", "API returns 500 for new orders", "Question about VAT",
            "Missing items in the order", "Thank you for the quick help", "Contract renewal", "Cannot attach files to a message",
            "Chat widget does not open", "Telegram bot does not answer", "Report: wrong prices on the site", "Request for a demo",
            "Data export for the audit", "Change of company details", "Order stuck in processing", "Help!!!",
        };

        static readonly (string Channel, int Weight)[] Channels =
        {
            ("email", 34), ("web", 14), ("live_chat", 12), ("telegram", 12), ("facebook", 6), ("call", 6), ("idea", 4), ("vkontakte", 4), ("cch101", 5), ("wa_chat", 3),
        };

        static readonly string[] ReplyTexts =
        {
            "Hello! Thank you for contacting us. We are looking into it.", "Could you please send a screenshot of the error?",
            "We have refunded the payment; it will arrive within 5 business days.", "The issue is fixed, please check again.",
            "I have forwarded your request to our billing team.", "Please try clearing the browser cache and logging in again.",
        };

        static readonly string[] UserTexts =
        {
            "Hi, I have a problem and need help as soon as possible.", "It still does not work, the same error appears.",
            "Here is the screenshot you asked for.", "Thanks, that helped!", "Any news on my request?", "I tried that, no luck.",
        };

        static readonly string[] NoteTexts =
        {
            "Customer is on the Pro plan, handle with priority.", "Checked the logs: payment gateway timeout.", "Escalated to the second line.",
        };

        public static List<EmuCase> BuildCases(int count, IReadOnlyList<EmuUser> users)
        {
            var rng = new Random(DataSeed);
            var cases = new List<EmuCase>(count);
            var numbers = new HashSet<string>();
            long messageId = 500_000, fileId = 9_000;
            int closedCount = 0;
            long[] staffIds = Staff.Where(s => s.Active).Select(s => s.StaffId).ToArray();
            long[] groupIds = Groups.Select(g => g.GroupId).ToArray(), labelIds = Labels.Select(l => l.LabelId).ToArray();
            var topic = CustomFields.Single(f => f.FieldId == 30);

            for (int i = 0; i < count; i++)
            {
                var c = new EmuCase { CaseId = FirstCaseId + i };
                string number;
                do number = rng.Next(100, 1000) + "-" + rng.Next(100000, 1000000);
                while (!numbers.Add(number));
                c.CaseNumber = number;

                // special populations, spread evenly through the ids so any --cases size gets some of each
                c.Deleted = i % 50 == 17;
                c.Spam = i % 50 == 41;
                bool merged = i % 40 == 23;
                c.IsActiveChat = i % 60 == 35;

                c.Subject = Subjects[rng.Next(Subjects.Length)];
                if (c.Subject.StartsWith("Refund", StringComparison.Ordinal) || c.Subject.StartsWith("Missing", StringComparison.Ordinal))
                    c.Subject += " #" + rng.Next(10000, 99999);
                var user = users[rng.Next(users.Count)];
                c.UserId = user.UserId;
                c.Channel = c.IsActiveChat ? "live_chat" : Pick(rng, Channels);
                c.Priority = Weighted(rng, ("low", 20), ("normal", 50), ("high", 20), ("critical", 10));
                c.Status = c.IsActiveChat ? "open" : merged ? "closed" : Weighted(rng, ("open", 30), ("waiting", 25), ("closed", 45));
                c.StaffId = c.IsActiveChat || c.Status == "closed" || rng.Next(100) >= 18 ? staffIds[rng.Next(staffIds.Length)] : 0;
                c.GroupId = groupIds[rng.Next(groupIds.Length)];
                c.LanguageId = rng.Next(100) < 80 ? 1 : 2;
                if (c.Channel is "email" or "web")
                {
                    c.Recipient = rng.Next(4) == 0 ? "billing@demo.omnidesk.test" : "support@demo.omnidesk.test";
                    if (c.Channel == "email" && rng.Next(4) == 0) c.CcEmails = "office@" + Domains[rng.Next(Domains.Length)] + ",accounting@" + Domains[rng.Next(Domains.Length)];
                    if (c.Channel == "email" && rng.Next(10) == 0) c.BccEmails = "archive@demo.omnidesk.test";
                }
                else c.Recipient = c.Channel == "idea" ? "" : c.Channel;

                // dates: created in the year before the anchor (active chats: within the last hours)
                c.CreatedAt = c.IsActiveChat
                    ? Anchor.AddMinutes(-rng.Next(10, 300))
                    : Anchor.AddSeconds(-rng.Next(3 * 3600, 365 * 86400));

                // messages: the user opens the case; replies alternate; closed cases always got a staff reply
                int messageCount = rng.Next(1, 7);
                if ((c.Status == "closed" || c.IsActiveChat) && messageCount < 2) messageCount = 2;
                var t = c.CreatedAt;
                // spread the case's events over the time left before the anchor, so recent cases do not pile up on it
                int maxGap = (int)Math.Clamp((Anchor - c.CreatedAt).TotalMinutes / (messageCount + 2), 1, 2 * 1440);
                int Gap(int cap) => rng.Next(1, Math.Min(cap, maxGap) + 1);
                long replier = c.StaffId != 0 ? c.StaffId : staffIds[rng.Next(staffIds.Length)];
                for (int m = 0; m < messageCount; m++)
                {
                    if (m > 0) t = Min(t.AddMinutes(Gap(c.IsActiveChat ? 4 : 2 * 1440)), Anchor);
                    bool fromStaff = m % 2 == 1;
                    bool note = fromStaff && m > 1 && rng.Next(5) == 0;
                    string text = note ? NoteTexts[rng.Next(NoteTexts.Length)] : fromStaff ? ReplyTexts[rng.Next(ReplyTexts.Length)] : UserTexts[rng.Next(UserTexts.Length)];
                    var msg = new EmuMessage
                    {
                        MessageId = messageId++,
                        UserId = fromStaff ? 0 : c.UserId,
                        StaffId = fromStaff ? replier : 0,
                        Note = note,
                        SentViaRule = fromStaff && !note && rng.Next(20) == 0,
                        CreatedAt = t,
                        SentAt = t,
                    };
                    // chat/messenger texts come as plain text, e-mail and web as HTML
                    if (c.Channel is "email" or "web") msg.ContentHtml = "<p>" + text + "</p>"; else msg.Content = text;
                    if (rng.Next(6) == 0)
                    {
                        bool pdf = rng.Next(2) == 0;
                        long id = fileId++;
                        string fileName = pdf ? "invoice-" + id + ".pdf" : "screenshot-" + id + ".png";
                        msg.Attachments.Add(new EmuAttachment
                        {
                            FileId = id,
                            FileName = fileName,
                            FileSize = rng.Next(2_000, 3_000_000),
                            MimeType = pdf ? "application/pdf" : "image/png",
                            Url = FileUrl(id, fileName),
                        });
                    }
                    c.Messages.Add(msg);
                    if (fromStaff && !note) c.LastResponseAt = t;
                }

                if (c.Status == "closed")
                {
                    c.ClosedAt = Min(t.AddMinutes(Gap(600)), Anchor);
                    c.UpdatedAt = Min(c.ClosedAt.Value.AddMinutes(Gap(60) - 1), Anchor);
                    c.ClosingSpeedAsString = closedCount++ % 7 == 6;
                    if (rng.Next(100) < 40)
                    {
                        c.Rating = Weighted(rng, ("high", 60), ("middle", 25), ("low", 15));
                        c.RatingComment = rng.Next(3) == 0 ? "" : c.Rating == "low" ? "Took too long" : c.Rating == "middle" ? "OK" : "Great support, thanks!";
                        c.RatedStaffId = rng.Next(5) == 0 ? 0 : c.StaffId;
                    }
                }
                else c.UpdatedAt = Min(t.AddMinutes(Gap(120) - 1), Anchor);

                // labels, some locked by rules/SLA
                int labelCount = rng.Next(0, 4);
                foreach (long l in labelIds.OrderBy(_ => rng.Next()).Take(labelCount).OrderBy(l => l)) c.Labels.Add(l);
                if (c.Labels.Count > 0 && rng.Next(5) == 0) c.LockedLabels.Add(c.Labels[0]);

                if (rng.Next(100) < 60)
                    c.CustomFields["cf_25"] = rng.Next(3) switch
                    {
                        0 => "Order #A-" + rng.Next(1000, 9999),
                        1 => "Invoice 2026-" + rng.Next(100, 999),
                        _ => "Contract C-" + rng.Next(10, 99) + "/2025",
                    };
                if (rng.Next(100) < 70) c.CustomFields[topic.Key] = topic.Options[(rng.Next(4) + 1).ToString()];
                c.CustomFields["cf_44"] = rng.Next(4) == 0;

                if (merged && cases.Count > 0)
                {
                    var parent = cases[rng.Next(cases.Count)];
                    c.ParentCaseId = parent.IsMerged ? parent.ParentCaseId : parent.CaseId;
                }
                cases.Add(c);
            }
            // ideas and histories come from their own generators, so they never shift the data above
            foreach (var c in cases) AddIdeaAndHistory(c);
            return cases;
        }

        static readonly string[] IdeaTexts =
        {
            "It would be great to have a dark theme in the agent account.", "Please add bulk editing of cases.",
            "Allow exporting reports to Excel.", "Add a mobile app widget for quick replies.",
        };

        static readonly string[] OfficialResponses =
        {
            "Thank you! We have added it to our roadmap.", "This is already available in the latest release.", "We are working on it right now.",
        };

        /// <summary>The idea part of idea cases and a plausible changelog for every case.</summary>
        static void AddIdeaAndHistory(EmuCase c)
        {
            var rng = new Random(unchecked(DataSeed * 31 + (int)c.CaseId));
            if (c.Channel == "idea")
            {
                c.Idea = new EmuIdea
                {
                    Content = IdeaTexts[rng.Next(IdeaTexts.Length)],
                    Stage = IdeaStages[rng.Next(IdeaStages.Length)],
                    Category = IdeaCategoryIds[rng.Next(IdeaCategoryIds.Length)],
                };
                if (c.Idea.Stage != "waiting" || rng.Next(3) == 0)
                {
                    c.Idea.OfficialResponse = OfficialResponses[rng.Next(OfficialResponses.Length)];
                    c.Idea.OfficialResponseAt = Min(c.CreatedAt.AddMinutes(rng.Next(30, 3000)), c.UpdatedAt);
                }
            }

            var log = c.Changelog;
            var t = c.CreatedAt;
            void Add(DateTimeOffset at, string ev, string by, string old, string value) =>
                log.Add(new EmuChangelogEntry { CreatedAt = Min(at, c.UpdatedAt), Event = ev, DoneBy = by, OldValue = old, Value = value });
            string user = "user_" + c.UserId;
            bool chat = c.Channel is "live_chat" or "wa_chat" or "telegram" or "vkontakte" or "facebook";

            Add(t, "created", user, "", c.Channel);
            if (chat) Add(t, "chat_activation", user, "", "");
            if (c.GroupId != DefaultGroupId)
            {
                Add(t, "rules", "rule_1336", "Route by topic (ID - 1336)", null);
                Add(t, "group", "rule_1336", DefaultGroupId.ToString(), c.GroupId.ToString());
            }
            if (c.Priority is "high" or "critical")
            {
                Add(t, "rules", "rule_1338", "VIP priority (ID - 1338)", null);
                Add(t, "priority", "rule_1338", "normal", c.Priority);
            }
            if (c.LockedLabels.Count > 0)
                Add(t, "labels", "rule_1338", "", string.Join(",", c.LockedLabels));

            // the assignee: by the auto-assignment rule (most cases) or by an agent taking the case
            var firstStaffReply = c.Messages.FirstOrDefault(m => m.StaffId != 0 && !m.Note);
            long assignee = c.StaffId != 0 ? c.StaffId : 0;
            if (assignee != 0)
            {
                var at = t.AddSeconds(rng.Next(1, 90));
                if (rng.Next(4) != 0)
                {
                    Add(at, "rules", "rule_1332", "Auto-assignment (ID - 1332)", null);
                    Add(at, "staff", "rule_1332", "0", assignee.ToString());
                    if (chat) Add(at, "fixed_chat", "rule_1332", "0", assignee.ToString());
                }
                else Add(at, "staff", "staff_" + assignee, "0", assignee.ToString());
            }

            // status: open → waiting when an agent answers, → closed at closing time
            string status = "open";
            if (firstStaffReply != null && c.Status != "open")
            {
                Add(firstStaffReply.CreatedAt, "status", "staff_" + firstStaffReply.StaffId, "open", "waiting");
                status = "waiting";
            }
            if (c.Status == "closed" && c.ClosedAt.HasValue)
            {
                bool byRule = rng.Next(3) == 0;
                Add(c.ClosedAt.Value, "status", byRule ? "rule_1340" : "staff_" + (assignee != 0 ? assignee : Staff[0].StaffId), status, "closed");
                if (byRule) log.Insert(log.Count - 1, new EmuChangelogEntry { CreatedAt = Min(c.ClosedAt.Value, c.UpdatedAt), Event = "rules", DoneBy = "rule_1340", OldValue = "Auto-close after 3 days (ID - 1340)" });
                if (chat) Add(c.ClosedAt.Value, "chat_completion", "staff_" + (assignee != 0 ? assignee : Staff[0].StaffId), "", "");
                if (c.Rating != null) Add(c.UpdatedAt, "rating", user, "", c.Rating);
            }
            if (c.Idea?.OfficialResponseAt is DateTimeOffset answered && c.Idea.Stage != "waiting")
                Add(answered, "idea_stage", "staff_" + (assignee != 0 ? assignee : Staff[0].StaffId), "waiting", c.Idea.Stage);
            if (c.Deleted) Add(c.UpdatedAt, "deleted", "staff_" + (assignee != 0 ? assignee : Staff[0].StaffId), "false", "true");
            if (c.Spam) Add(c.UpdatedAt, "spam", "staff_" + (assignee != 0 ? assignee : Staff[0].StaffId), "false", "true");
            // stable order by time (entries at the same second keep their insertion order)
            var sorted = log.OrderBy(e => e.CreatedAt).ToList();
            log.Clear();
            log.AddRange(sorted);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// Builds the Omnidesk.com demo account: agents, views, customers and tickets with timelines. Deterministic: a fixed
    /// generator seed and the emulator's fixed anchor date (<see cref="Seeder.Anchor"/>, not the clock), so every start
    /// and every reset yields the same data.
    /// </summary>
    public static class ComSeeder
    {
        public const long FirstTicketId = 858400;
        public const long FirstCustomerId = 626800;
        public const long FirstChannelId = 1194900;
        public const long FirstEventId = 4090000;
        public const long FirstEntryId = 3143000;
        public const int CustomerCount = 80;
        /// <summary>Closed tickets closed longer ago than this (before the anchor) are archived.</summary>
        public static readonly TimeSpan ArchiveAge = TimeSpan.FromDays(90);

        const int DataSeed = 20190928;

        /// <summary>Agent 300 is inactive (filtered out by activeOnly).</summary>
        public static IReadOnlyList<ComUser> Users { get; } = new[]
        {
            new ComUser(1, "thomas", "thomas@omnidesk-demo.test", "+31201234501", true, new long[] { 10001, 10003 }),
            new ComUser(2, "marleen", "marleen@omnidesk-demo.test", "+31201234502", true, new long[] { 10002 }, "en"),
            new ComUser(254, "sanne", "sanne@omnidesk-demo.test", "+31201234503", true, new long[] { 10003 }),
            new ComUser(255, "daan", "daan@omnidesk-demo.test", "", true, new long[] { 10001, 10002, 10003 }, "en"),
            new ComUser(300, "former agent", "former@omnidesk-demo.test", "", false, Array.Empty<long>()),
        };

        /// <summary>View ids have two digits: applyView needs at least two characters.</summary>
        public static IReadOnlyList<ComView> Views { get; } = new[]
        {
            new ComView(11, "Open tickets", "open-tickets", new[] { "new", "open" }),
            new ComView(12, "Waiting", "waiting", new[] { "pending", "holding" }),
            new ComView(13, "Unassigned", "unassigned", new[] { "new", "open", "pending", "holding" }, UnassignedOnly: true),
            new ComView(14, "Finance", "finance", new[] { "new", "open", "pending", "holding" }, GroupId: 10002),
            new ComView(15, "Done", "done", new[] { "solved", "closed" }),
        };

        static readonly string[] FirstNames = { "Thomas", "Sanne", "Daan", "Emma", "Lucas", "Julia", "Sem", "Tess", "Finn", "Anna", "Liam", "Eva", "Noah", "Lotte", "Bram", "Fleur" };
        static readonly string[] LastNames = { "van Test", "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks" };

        static readonly string[] Titles =
        {
            "vraag van {0}", "Invoice question", "Order not delivered", "Refund request", "Cannot log in", "Change my address",
            "Damaged product", "Subscription cancel", "Question about my invoice", "Wrong item received", "Password reset does not arrive",
            "Delivery time", "Warranty claim", "Discount code not working", "Callback please", "Payment failed",
        };

        static readonly string[] CustomerTexts =
        {
            "Hello, I have a question about my order. Can you help me?", "My invoice shows the wrong amount, please check.",
            "The parcel has still not arrived after a week.", "I would like a refund for the damaged product.",
            "I cannot log in since yesterday, the password reset mail never arrives.",
        };

        static readonly string[] AgentTexts =
        {
            "Thank you for your message, we are looking into it.", "Could you send us your order number?",
            "We have sent a replacement, it should arrive within two days.", "The refund has been processed.",
            "I have reset your account, please try again.",
        };

        static readonly string[] NoteTexts =
        {
            "Customer called earlier about this, handle with priority.", "Checked with the warehouse: shipped on Monday.",
            "Escalated to Finance.", "My intern note on this ticket",
        };

        static readonly string[] TagSets = { "", "", "", "invoice", "vip", "delivery,urgent", "refund" };

        static readonly (string Status, int Weight)[] StatusWeights =
        {
            ("new", 10), ("open", 15), ("pending", 12), ("holding", 8), ("solved", 20), ("closed", 35),
        };

        /// <summary>The seeded customers and <paramref name="ticketCount"/> tickets.</summary>
        public static (List<ComCustomer> Customers, List<ComTicket> Tickets) Build(int ticketCount)
        {
            var rng = new Random(DataSeed);
            var anchor = Seeder.Anchor.ToUniversalTime();
            long channelId = FirstChannelId;
            var customers = new List<ComCustomer>(CustomerCount);
            for (int i = 0; i < CustomerCount; i++)
            {
                string first = FirstNames[i % FirstNames.Length], last = LastNames[(i * 7 + i / FirstNames.Length) % LastNames.Length];
                var c = new ComCustomer
                {
                    Id = FirstCustomerId + i, BrandId = i % 3 == 0 ? 1 : 2, Firstname = first, Lastname = last,
                    ExternalPrimaryId = i % 2 == 0 ? (20164564646592000L + i).ToString(CultureInfo.InvariantCulture) : null,
                    CreatedAt = anchor.AddDays(-500 + i * 3).AddMinutes(rng.Next(0, 1440)),
                };
                string email = (first + "." + last.Replace(" ", "", StringComparison.Ordinal) + (i + 1).ToString(CultureInfo.InvariantCulture) + "@example.test").ToLowerInvariant();
                c.Channels.Add(new ComCustomerChannel(channelId++, c.BrandId, c.Id, 1, email));
                if (i % 3 != 2)
                    c.Channels.Add(new ComCustomerChannel(channelId++, c.BrandId, c.Id, 2, "+316" + rng.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture)));
                if (i % 4 == 0)
                {
                    c.SetCustomField("company", i % 8 == 0 ? "Acme BV" : "Bakkerij de Boer");
                    c.SetCustomField("membership", i % 8 == 0 ? "gold" : "silver");
                }
                customers.Add(c);
            }

            var tickets = new List<ComTicket>(ticketCount);
            var ids = new IdCounters { Event = FirstEventId, Entry = FirstEntryId };
            for (int i = 0; i < ticketCount; i++)
            {
                // spread over the year before the anchor, oldest first; the first six take every status once
                var created = anchor.AddMinutes(-(double)(ticketCount - i) * 365 * 24 * 60 / Math.Max(ticketCount, 1) - rng.Next(0, 600));
                string status = i < ComTicket.Statuses.Length ? ComTicket.Statuses[i] : Weighted(rng, StatusWeights);
                var customer = customers[rng.Next(customers.Count)];
                int ch = rng.Next(100);
                long channel = ch < 65 ? 1 : ch < 85 ? 2 : 8;
                // a chat visitor is known by the e-mail address; a customer without a phone number gets an e-mail ticket
                var contact = customer.Channels.FirstOrDefault(x => x.ChannelId == channel) ?? customer.Channels[0];
                if (contact.ChannelId != channel && channel != 8) channel = contact.ChannelId;
                bool inbound = rng.Next(100) < 85;
                string service = customer.BrandId == 1 ? "support@omnidesk-demo.test" : "service@mybrand.test";
                long group = status == "new" && rng.Next(2) == 0 ? 0 : ComAccount.Groups[rng.Next(ComAccount.Groups.Count)].Id;
                var agents = Users.Where(u => u.Active).ToList();
                long user = status == "new" || rng.Next(100) < 15 ? 0 : agents[rng.Next(agents.Count)].Id;
                var t = new ComTicket
                {
                    Id = FirstTicketId + i, Title = string.Format(CultureInfo.InvariantCulture, Titles[rng.Next(Titles.Length)], customer.Firstname),
                    Status = status, Priority = Weighted(rng, ("low", 20), ("medium", 50), ("high", 20), ("urgent", 10)),
                    Direction = inbound ? "inbound" : "outbound", ChannelId = channel, BrandId = customer.BrandId, CustomerId = customer.Id,
                    AssignedGroupId = group, AssignedUserId = user,
                    From = inbound ? contact.UniqueReference : service, To = inbound ? service : contact.UniqueReference,
                    ExternalId = channel == 1 ? MessageId(rng) : null,
                    Tags = TagSets[rng.Next(TagSets.Length)], SlaPolicyId = customer.BrandId == 1 ? 5 : 6, CreatedAt = created,
                };
                BuildTimeline(t, agents, rng, ids, anchor);
                t.Archived = t.Status == "closed" && t.ClosedAt < anchor - ArchiveAge;
                tickets.Add(t);
            }
            return (customers, tickets);
        }

        /// <summary>An e-mail Message-ID like the example's "BFFDAFF1-6E3F-2244-93EE-65A9CF3D0ECE.1", from the generator.</summary>
        static string MessageId(Random rng)
        {
            var bytes = new byte[16];
            rng.NextBytes(bytes);
            string hex = Convert.ToHexString(bytes);
            return hex.Substring(0, 8) + "-" + hex.Substring(8, 4) + "-" + hex.Substring(12, 4) + "-" + hex.Substring(16, 4) + "-" + hex.Substring(20, 12) + ".1";
        }

        /// <summary>
        /// The first message (the customer's, or the agent's for an outbound ticket), the assignment event, then for every
        /// status past new an agent reply, sometimes a note and a customer answer, and the status events on the way.
        /// </summary>
        static void BuildTimeline(ComTicket t, List<ComUser> agents, Random rng, IdCounters ids, DateTimeOffset anchor)
        {
            var time = t.CreatedAt.AddSeconds(1);
            var agent = agents.FirstOrDefault(a => a.Id == t.AssignedUserId) ?? agents[rng.Next(agents.Count)];
            bool email = t.ChannelId == 1;
            string customerAddress = t.Direction == "inbound" ? t.From : t.To, service = t.Direction == "inbound" ? t.To : t.From;
            string status = "new";

            ComTimelineEntry Message(bool fromCustomer, string text, DateTimeOffset at, string statusNew) => new()
            {
                Id = ids.Entry++, Kind = ComEntryKind.Message, TicketId = t.Id, CreatedAt = at, UserId = fromCustomer ? 0 : agent.Id,
                UserName = fromCustomer ? "Anonymous" : agent.Name, ChannelId = t.ChannelId, Direction = fromCustomer ? "inbound" : "outbound",
                From = fromCustomer ? customerAddress : service, To = fromCustomer ? service : customerAddress, StatusNew = statusNew,
                ExternalId = fromCustomer ? t.ExternalId : null,
                Content = email ? "<!DOCTYPE html>\n<html><body><p>" + text + "</p></body></html>\n" : text,
            };

            ComTimelineEntry Event(string itemType, string itemTypeId, string description, string by, DateTimeOffset at) => new()
            {
                Id = ids.Event++, Kind = ComEntryKind.Event, TicketId = t.Id, CreatedAt = at, ItemType = itemType, ItemTypeId = itemTypeId,
                Description = description, InitiatedBy = by,
            };

            bool first = t.Direction == "inbound";
            t.Timeline.Add(Message(first, first ? CustomerTexts[rng.Next(CustomerTexts.Length)] : AgentTexts[rng.Next(AgentTexts.Length)], time, "new"));
            if (first) t.LastUpdateCustomer = time; else t.LastUpdateAgent = time;
            if (t.AssignedGroupId != 0)
            {
                string group = ComAccount.Group(t.AssignedGroupId).Name;
                t.Timeline.Add(Event("assigned_group_id", t.AssignedGroupId.ToString(CultureInfo.InvariantCulture), "Assigned to " + group, "trigger: Assign to " + group, time.AddSeconds(6)));
            }
            t.LastUpdate = time.AddSeconds(6);
            if (t.Status == "new") return;

            // every later step fits before the anchor
            double room = Math.Max(60, (anchor - time).TotalMinutes - 1);
            var step = TimeSpan.FromMinutes(Math.Min(room / 5, rng.Next(20, 2000)));
            time += step;
            t.Timeline.Add(Event("status", "open", "Status changed from new to open", "user: " + agent.Name, time));
            status = "open";
            time += TimeSpan.FromSeconds(5);
            t.Timeline.Add(Message(false, AgentTexts[rng.Next(AgentTexts.Length)], time, "open"));
            t.LastUpdateAgent = time;
            if (t.Id % 3 == 0)
            {
                time += step / 4;
                t.Timeline.Add(new ComTimelineEntry
                {
                    Id = ids.Entry++, Kind = ComEntryKind.Note, TicketId = t.Id, CreatedAt = time, UserId = agent.Id, UserName = agent.Name,
                    Content = NoteTexts[rng.Next(NoteTexts.Length)], StatusNew = "open", Pinned = t.Id % 9 == 0,
                });
                t.LastUpdateAgent = time;
            }
            if (t.Id % 2 == 0)
            {
                time += step / 2;
                t.Timeline.Add(Message(true, CustomerTexts[rng.Next(CustomerTexts.Length)], time, "open"));
                t.LastUpdateCustomer = time;
            }
            if (t.Status != "open")
            {
                time += step;
                t.Timeline.Add(Event("status", t.Status, "Status changed from " + status + " to " + t.Status,
                    t.Status == "closed" ? "trigger: Close solved tickets" : "user: " + agent.Name, time));
                if (t.IsFinished) t.ClosedAt = time;
            }
            t.LastUpdate = time;
        }

        /// <summary>The next event and note/message ids while seeding.</summary>
        sealed class IdCounters
        {
            public long Event;
            public long Entry;
        }

        static string Weighted(Random rng, params (string Value, int Weight)[] items)
        {
            int total = items.Sum(x => x.Weight), r = rng.Next(total);
            foreach (var (value, weight) in items)
            {
                if (r < weight) return value;
                r -= weight;
            }
            return items[^1].Value;
        }
    }
}

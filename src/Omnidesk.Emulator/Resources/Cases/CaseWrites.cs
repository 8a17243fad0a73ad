using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Omnidesk.Emulator.AttachmentUploads;
using static Omnidesk.Emulator.BodyValues;

namespace Omnidesk.Emulator
{
    /// <summary>A validated create-case request.</summary>
    public sealed class CaseDraft
    {
        public string UserEmail { get; set; }
        public string UserPhone { get; set; }
        public string UserCustomId { get; set; }
        public string UserFullName { get; set; }
        public string Subject { get; set; }
        public string Content { get; set; }
        public string ContentHtml { get; set; }
        public long? LanguageId { get; set; }
        public string Channel { get; set; }
        public Dictionary<string, object> CustomFields { get; } = new(StringComparer.Ordinal);
        public List<long> Labels { get; } = new();
        public List<string> AttachmentUrls { get; } = new();
        public List<DraftFile> Files { get; } = new();
    }

    /// <summary>A validated update-case request (null = leave as is).</summary>
    public sealed class CaseUpdate
    {
        public string Subject { get; set; }
        public string Status { get; set; }
        public string Priority { get; set; }
        public long? StaffId { get; set; }
        public long? GroupId { get; set; }
        public long? LanguageId { get; set; }
        /// <summary>cf_N → the field and its new value (null = clear it).</summary>
        public Dictionary<string, (EmuCustomField Field, object Value)> CustomFields { get; } = new(StringComparer.Ordinal);
        public List<long> AddLabels { get; } = new();
        public List<long> DeleteLabels { get; } = new();
    }

    /// <summary>
    /// Parsing, validation and application of the case writes. Parsing happens outside the store lock and answers the
    /// API's error codes; the Apply* methods run under it and record every change in the case's changelog.
    /// </summary>
    public static class CaseWrites
    {
        public static readonly string[] Statuses = { "open", "waiting", "closed" };
        public static readonly string[] Priorities = { "low", "normal", "high", "critical" };
        public static readonly string[] Ratings = { "low", "middle", "high" };

        static readonly Regex EmailPattern = new(@"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>.]{2,}$", RegexOptions.CultureInvariant);
        static readonly Regex CustomChannel = new(@"^cch\d+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());

        /// <summary>Label ids: wrong_labels when not integers, label_not_found when not a label of the store.</summary>
        static string Labels(JsonElement e, string name, DataStore store, List<long> into)
        {
            foreach (var v in Values(e))
            {
                if (!TryLong(v, out long id)) return "wrong_" + name;
                if (store.Labels.Find(id) == null) return ApiDescription.Labels.NotFound;
                if (!into.Contains(id)) into.Add(id);
            }
            return null;
        }

        /// <summary>
        /// custom_fields: {cf_N: value}, each given to <paramref name="set"/>. A field the store does not have →
        /// custom_field_not_found; a bad value → wrong_custom_fields.
        /// </summary>
        static string CustomFields(JsonElement e, DataStore store, Action<EmuCustomField, object> set)
        {
            if (IsAbsent(e)) return null;
            if (e.ValueKind != JsonValueKind.Object) return "wrong_custom_fields";
            foreach (var p in e.EnumerateObject())
            {
                var field = store.FindCustomField(p.Name);
                if (field == null) return ApiDescription.CustomFields.NotFound;
                string error = CustomFieldValue(field, p.Value, out object value);
                if (error != null) return error;
                set(field, value);
            }
            return null;
        }

        /// <summary>language_id: an active language of the store, else wrong_language_id.</summary>
        static string Language(JsonElement e, DataStore store, out long id) =>
            TryLong(e, out id) && store.Languages.Find(id) is { Active: true } ? null : "wrong_language_id";

        /// <summary>Text: any string. Select: an option key or title (stored as the title). Checkbox: a boolean. "" / null clears.</summary>
        static string CustomFieldValue(EmuCustomField field, JsonElement v, out object value)
        {
            value = null;
            if (v.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
            {
                var items = Values(v).Select(Str).Where(s => !string.IsNullOrEmpty(s)).ToList();
                if (items.Count == 0) return null;
                if (items.Count == 1) v = JsonSerializer.SerializeToElement(items[0]);
                else if (field.FieldType == "text") { value = string.Join(",", items); return null; }
                else return "wrong_custom_fields";
            }
            string s = Str(v);
            if (string.IsNullOrEmpty(s)) return null;
            switch (field.FieldType)
            {
                case "checkbox":
                    bool? b = s.ToLowerInvariant() switch { "1" or "true" => true, "0" or "false" => false, _ => null };
                    if (b == null) return "wrong_custom_fields";
                    value = b.Value;
                    return null;
                case "select":
                    if (field.Options.TryGetValue(s, out var title)) { value = title; return null; }
                    var byTitle = field.Options.Values.FirstOrDefault(t => string.Equals(t, s, StringComparison.OrdinalIgnoreCase));
                    if (byTitle == null) return "wrong_custom_fields";
                    value = byTitle;
                    return null;
                default:
                    value = s;
                    return null;
            }
        }

        /// <summary>How a custom field's value reads in the changelog: text as is, select as the option key, checkbox 1/0.</summary>
        static string CustomFieldLogValue(EmuCustomField field, object value) => value switch
        {
            null => "",
            bool b => b ? "1" : "0",
            string s when field?.FieldType == "select" => field.Options.FirstOrDefault(o => o.Value == s).Key ?? s,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };

        // ---- create ----

        /// <summary>Validates POST /api/cases.json; returns (0, null) and the draft, or the status and error code.</summary>
        public static (int Status, string Error) ParseCreate(RequestBody body, DataStore store, out CaseDraft draft)
        {
            draft = null;
            var c = body.Get("case");
            var d = new CaseDraft();

            // the files first: an oversized upload is refused whatever else the request says
            string fileError = ParseFiles(body, d.Files, "case");
            if (fileError != null) return (413, fileError);

            d.UserEmail = Text(c, "user_email");
            d.UserPhone = Text(c, "user_phone");
            d.UserCustomId = Text(c, "user_custom_id");
            d.UserFullName = Text(c, "user_full_name");
            string channel = Text(c, "channel")?.ToLowerInvariant();
            if (d.UserEmail != null)
            {
                if (!EmailPattern.IsMatch(d.UserEmail)) return (400, "incorrect_user_email");
                d.Channel = "email";
            }
            else if (d.UserPhone != null)
            {
                if (Digits(d.UserPhone).Length < 5 || d.UserPhone.Any(ch => char.IsLetter(ch))) return (400, "incorrect_user_phone");
                d.Channel = "web";
            }
            else if (d.UserCustomId != null)
            {
                // a custom-channel user is identified by its id within that channel
                if (channel == null || !CustomChannel.IsMatch(channel)) return (400, "user_not_specified");
                d.Channel = channel;
            }
            else return (400, "user_not_specified");
            if (channel != null && d.UserCustomId == null)
            {
                if (channel is not ("email" or "web") && !CustomChannel.IsMatch(channel)) return (400, "wrong_channel");
                d.Channel = channel;
            }

            d.Subject = Text(c, "subject");
            if (d.Subject == null) return (400, "subject_not_specified");
            d.Content = Text(c, "content");
            d.ContentHtml = Text(c, "content_html");
            if (d.Content == null && d.ContentHtml == null) return (400, "content_not_specified");

            string error;
            var lang = Prop(c, "language_id");
            if (!IsAbsent(lang) && Str(lang) != "")
            {
                if ((error = Language(lang, store, out long l)) != null) return (400, error);
                d.LanguageId = l;
            }
            error = CustomFields(Prop(c, "custom_fields"), store, (field, value) => d.CustomFields[field.Key] = value);
            if (error != null) return (400, error);
            foreach (var key in d.CustomFields.Where(kv => kv.Value == null).Select(kv => kv.Key).ToList()) d.CustomFields.Remove(key);
            if ((error = Labels(Prop(c, "labels"), "labels", store, d.Labels)) != null) return (400, error);
            AttachmentUrls(Prop(c, "attachment_urls"), d.AttachmentUrls);
            draft = d;
            return (0, null);
        }

        // ---- update ----

        /// <summary>Validates the body of PUT /api/cases/{ids}.json; returns null and the update, or an error code (400).</summary>
        public static string ParseUpdate(RequestBody body, DataStore store, out CaseUpdate update)
        {
            update = null;
            var c = body.Get("case");
            var u = new CaseUpdate();
            var subject = Prop(c, "subject");
            if (!IsAbsent(subject))
            {
                u.Subject = Str(subject)?.Trim();
                if (string.IsNullOrEmpty(u.Subject)) return "subject_not_specified";
            }
            string status = Text(c, "status")?.ToLowerInvariant();
            if (status != null)
            {
                if (Array.IndexOf(Statuses, status) < 0) return "wrong_status";
                u.Status = status;
            }
            string priority = Text(c, "priority")?.ToLowerInvariant();
            if (priority != null)
            {
                if (Array.IndexOf(Priorities, priority) < 0) return "wrong_priority";
                u.Priority = priority;
            }
            var staff = Prop(c, "staff_id");
            if (!IsAbsent(staff))
            {
                if (!TryLong(staff, out long id) || (id != 0 && store.Staff.Find(id) == null)) return ApiDescription.Staff.NotFound;
                u.StaffId = id;
            }
            var group = Prop(c, "group_id");
            if (!IsAbsent(group))
            {
                if (!TryLong(group, out long id) || store.Groups.Find(id) == null) return ApiDescription.Groups.NotFound;
                u.GroupId = id;
            }
            string error;
            var lang = Prop(c, "language_id");
            if (!IsAbsent(lang))
            {
                if ((error = Language(lang, store, out long l)) != null) return error;
                u.LanguageId = l;
            }
            error = CustomFields(Prop(c, "custom_fields"), store, (field, value) => u.CustomFields[field.Key] = (field, value));
            if (error != null) return error;
            if ((error = Labels(Prop(c, "add_labels"), "add_labels", store, u.AddLabels)) != null) return error;
            if ((error = Labels(Prop(c, "delete_labels"), "delete_labels", store, u.DeleteLabels)) != null) return error;
            if ((error = Labels(Prop(c, "remove_labels"), "delete_labels", store, u.DeleteLabels)) != null) return error;
            update = u;
            return null;
        }

        static void Log(EmuCase c, DateTimeOffset now, string doneBy, string ev, string old, string value)
        {
            if (old == value) return;
            c.Changelog.Add(new EmuChangelogEntry { CreatedAt = now, Event = ev, DoneBy = doneBy, OldValue = old ?? "", Value = value ?? "" });
        }

        static string S(long n) => n.ToString(CultureInfo.InvariantCulture);

        public static void ApplyUpdate(CaseUpdate u, EmuCase c, DateTimeOffset now, string doneBy)
        {
            if (u.Subject != null) { Log(c, now, doneBy, "subject", c.Subject, u.Subject); c.Subject = u.Subject; }
            if (u.Status != null && u.Status != c.Status)
            {
                Log(c, now, doneBy, "status", c.Status, u.Status);
                c.Status = u.Status;
                c.ClosedAt = u.Status == "closed" ? now : null;
            }
            if (u.Priority != null) { Log(c, now, doneBy, "priority", c.Priority, u.Priority); c.Priority = u.Priority; }
            if (u.StaffId is long staff) { Log(c, now, doneBy, "staff", S(c.StaffId), S(staff)); c.StaffId = staff; }
            if (u.GroupId is long group) { Log(c, now, doneBy, "group", S(c.GroupId), S(group)); c.GroupId = group; }
            if (u.LanguageId is long lang) { Log(c, now, doneBy, "language", S(c.LanguageId), S(lang)); c.LanguageId = lang; }
            foreach (var (key, (field, value)) in u.CustomFields)
            {
                string old = CustomFieldLogValue(field, c.CustomFields.GetValueOrDefault(key));
                Log(c, now, doneBy, "custom_field_" + field.FieldId, old, CustomFieldLogValue(field, value));
                if (value == null) c.CustomFields.Remove(key); else c.CustomFields[key] = value;
            }
            if (u.AddLabels.Count > 0 || u.DeleteLabels.Count > 0)
            {
                string old = string.Join(",", c.Labels);
                var labels = c.Labels.Union(u.AddLabels)
                    .Where(l => !u.DeleteLabels.Contains(l) || c.LockedLabels.Contains(l)) // locked labels stay
                    .OrderBy(l => l).ToList();
                c.Labels = labels;
                Log(c, now, doneBy, "labels", old, string.Join(",", labels));
            }
            c.UpdatedAt = now;
        }

        // ---- trash, spam, restore ----

        public static void ApplyMove(string op, EmuCase c, DateTimeOffset now, string doneBy)
        {
            switch (op)
            {
                case "trash":
                    if (!c.Deleted) Log(c, now, doneBy, "deleted", "false", "true");
                    c.Deleted = true;
                    c.Spam = false;
                    break;
                case "spam":
                    if (!c.Spam) Log(c, now, doneBy, "spam", "false", "true");
                    c.Spam = true;
                    c.Deleted = false;
                    break;
                default: // restore
                    if (c.Deleted || c.Spam) Log(c, now, doneBy, "restored", c.Deleted ? "deleted" : "spam", "");
                    c.Deleted = false;
                    c.Spam = false;
                    break;
            }
            c.UpdatedAt = now;
        }

        // ---- ratings ----

        /// <summary>{"rate":{rating, rating_comment, rating_staff_id|rated_staff_id}}; staff: null = not given.</summary>
        public static string ParseRate(RequestBody body, DataStore store, out string rating, out string comment, out long? staff)
        {
            var r = body.Get("rate");
            rating = Text(r, "rating")?.ToLowerInvariant();
            comment = Str(Prop(r, "rating_comment")) ?? "";
            staff = null;
            if (rating == null || Array.IndexOf(Ratings, rating) < 0) return "wrong_rating";
            var s = Prop(r, "rating_staff_id");
            if (IsAbsent(s)) s = Prop(r, "rated_staff_id");
            if (!IsAbsent(s))
            {
                if (!TryLong(s, out long id) || (id != 0 && store.Staff.Find(id) == null)) return ApiDescription.Staff.NotFound;
                staff = id;
            }
            return null;
        }

        public static void ApplyCaseRating(EmuCase c, DateTimeOffset now, string doneBy, string rating, string comment, long? staff)
        {
            Log(c, now, doneBy, "rating", c.Rating ?? "", rating);
            c.Rating = rating;
            c.RatingComment = comment;
            c.RatedStaffId = staff ?? c.StaffId;
            c.UpdatedAt = now;
        }

        public static void ApplyMessageRating(EmuCase c, EmuMessage m, DateTimeOffset now, string doneBy, string rating, string comment)
        {
            Log(c, now, doneBy, "message_rating", m.Rating ?? "", rating);
            m.Rating = rating;
            m.RatingComment = comment;
            m.RatedStaffId = m.StaffId; // the agent whose response was rated (0 for a user's message)
            c.UpdatedAt = now;
        }

        // ---- ideas ----

        /// <summary>{"message":{content, stage, category_id}}: wrong_stage / category_not_found.</summary>
        public static string ParseIdea(RequestBody body, out string content, out string stage, out long? category)
        {
            var m = body.Get("message");
            content = Str(Prop(m, "content"));
            stage = Text(m, "stage")?.ToLowerInvariant();
            category = null;
            if (stage != null && Array.IndexOf(Seeder.IdeaStages, stage) < 0) return "wrong_stage";
            var cat = Prop(m, "category_id");
            if (IsAbsent(cat)) cat = Prop(m, "category");
            if (!IsAbsent(cat))
            {
                if (!TryLong(cat, out long id) || Array.IndexOf(Seeder.IdeaCategoryIds, id) < 0) return "category_not_found";
                category = id;
            }
            return null;
        }

        public static void ApplyIdea(EmuCase c, DateTimeOffset now, string doneBy, string content, string stage, long? category)
        {
            var idea = c.Idea;
            if (content != null) { Log(c, now, doneBy, "idea_content", idea.Content, content); idea.Content = content; }
            if (stage != null) { Log(c, now, doneBy, "idea_stage", idea.Stage, stage); idea.Stage = stage; }
            if (category is long cat) { Log(c, now, doneBy, "idea_category", S(idea.Category), S(cat)); idea.Category = cat; }
            c.UpdatedAt = now;
        }

        public static void ApplyOfficialResponse(EmuCase c, DateTimeOffset now, string doneBy, string content)
        {
            Log(c, now, doneBy, "idea_official_response", c.Idea.OfficialResponse ?? "", content ?? "");
            c.Idea.OfficialResponse = content;
            c.Idea.OfficialResponseAt = content == null ? null : now;
            c.UpdatedAt = now;
        }
    }
}

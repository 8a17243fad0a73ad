using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using static Omnidesk.Emulator.AttachmentUploads;
using static Omnidesk.Emulator.BodyValues;

namespace Omnidesk.Emulator
{
    /// <summary>A validated new response or note.</summary>
    public sealed class MessageDraft
    {
        public bool Note { get; set; }
        public string Content { get; set; }
        public string ContentHtml { get; set; }
        /// <summary>The author: a user (StaffId 0) or a staff member (UserId 0).</summary>
        public long UserId { get; set; }
        public long StaffId { get; set; }
        /// <summary>Accepted and ignored: the emulator sends no e-mail.</summary>
        public bool DoNotSendEmail { get; set; }
        /// <summary>send_at (unix seconds); a time after now makes a delayed message (sent_at = send_at).</summary>
        public DateTimeOffset? SendAt { get; set; }
        public List<string> AttachmentUrls { get; } = new();
        public List<DraftFile> Files { get; } = new();
    }

    /// <summary>Parsing and validation of the message writes (notes: NoteWrites), and the messages list query.</summary>
    public static class MessageWrites
    {
        /// <summary>Without page and limit the list is the last this many messages.</summary>
        public const int DefaultLast = 100;

        /// <summary>
        /// POST …/messages.json {"message":{…}}: files (413), then the author (exactly one of user_id and staff_id),
        /// then the content. Returns (0, null) and the draft, or the status and error code.
        /// </summary>
        public static (int Status, string Error) ParseResponse(RequestBody body, DataStore store, out MessageDraft draft)
        {
            draft = null;
            var m = body.Get("message");
            var d = new MessageDraft();
            string fileError = ParseFiles(body, d.Files, "message");
            if (fileError != null) return (413, fileError);

            // 0 and "" mean "not given" (clients often send both ids, one of them 0)
            var (hasUser, userOk, userId) = Id(Prop(m, "user_id"));
            var (hasStaff, staffOk, staffId) = Id(Prop(m, "staff_id"));
            if (hasUser && hasStaff) return (400, "user_and_staff_specified");
            if (!hasUser && !hasStaff) return (400, "user_or_staff_not_specified");
            if (hasStaff)
            {
                string error = StaffError(store, staffOk, staffId);
                if (error != null) return (400, error);
                d.StaffId = staffId;
            }
            else
            {
                if (!userOk || store.UserById(userId) == null) return (400, "user_not_found");
                d.UserId = userId;
            }

            d.Content = Text(m, "content");
            d.ContentHtml = Text(m, "content_html");
            if (d.Content == null && d.ContentHtml == null) return (400, "content_not_specified");
            string dnse = Text(m, "do_not_send_email")?.ToLowerInvariant();
            d.DoNotSendEmail = dnse is "1" or "true";
            var sendAt = Prop(m, "send_at");
            if (!IsAbsent(sendAt) && Str(sendAt) != "")
            {
                if (!TryLong(sendAt, out long unix) || unix > 253402300799) return (400, "wrong_send_at");
                d.SendAt = DateTimeOffset.FromUnixTimeSeconds(unix);
            }
            AttachmentUrls(Prop(m, "attachment_urls"), d.AttachmentUrls);
            draft = d;
            return (0, null);
        }

        /// <summary>
        /// PUT …/messages/{id}.json {"message":{content, content_html}} or …/note/{id}.json {"note":…} (or "message").
        /// The edit replaces the text: a field not given becomes "". Neither given → content_not_specified.
        /// </summary>
        public static string ParseEdit(RequestBody body, bool note, out string content, out string contentHtml)
        {
            var m = note ? Wrapper(body) : body.Get("message");
            content = Text(m, "content");
            contentHtml = Text(m, "content_html");
            return content == null && contentHtml == null ? "content_not_specified" : null;
        }

        /// <summary>Applies an edit (under the store lock).</summary>
        public static void ApplyEdit(EmuCase c, EmuMessage m, DateTimeOffset now, string doneBy, string content, string contentHtml)
        {
            m.Content = content ?? "";
            m.ContentHtml = contentHtml ?? "";
            c.UpdatedAt = now;
            c.Changelog.Add(new EmuChangelogEntry
            {
                CreatedAt = now, Event = m.Note ? "note_edited" : "response_edited", DoneBy = doneBy, OldValue = "",
                Value = m.MessageId.ToString(CultureInfo.InvariantCulture),
            });
        }

        /// <summary>"note", else "message".</summary>
        internal static JsonElement Wrapper(RequestBody body)
        {
            var n = body.Get("note");
            return n.ValueKind == JsonValueKind.Object ? n : body.Get("message");
        }

        /// <summary>(given, a valid integer, the value); 0, "" and null are "not given".</summary>
        internal static (bool Has, bool Ok, long Value) Id(JsonElement e)
        {
            if (IsAbsent(e)) return (false, true, 0);
            string s = Str(e)?.Trim();
            if (string.IsNullOrEmpty(s) || s == "0") return (false, true, 0);
            return TryLong(e, out long id) ? (true, true, id) : (true, false, 0);
        }

        internal static string StaffError(DataStore store, bool ok, long id)
        {
            var staff = ok ? store.Staff.Find(id) : null;
            if (staff == null) return ApiDescription.Staff.NotFound;
            return staff.Active ? null : "staff_not_active";
        }

        /// <summary>
        /// GET …/messages.json: order asc (default) or desc, limit 1..100, page ≥ 1. Without both page and limit, the last
        /// 100 messages (in the requested order). Returns the error code, or null and the page.
        /// </summary>
        public static string Page(IQueryCollection query, IReadOnlyList<EmuMessage> all, out List<EmuMessage> page)
        {
            page = null;
            string order = "asc";
            if (query.TryGetValue("order", out var o) && o.Count > 0 && !string.IsNullOrEmpty(o[0]))
            {
                order = o[0].ToLowerInvariant();
                if (order is not ("asc" or "desc")) return "wrong_order";
            }
            int? limit = null, pageNo = null;
            var d = ApiDescription.Messages;
            if (query.TryGetValue("limit", out var l) && l.Count > 0 && !string.IsNullOrEmpty(l[0]))
            {
                if (Paging.Limit(l[0], d, out int n) is string error) return error;
                limit = n;
            }
            if (query.TryGetValue("page", out var p) && p.Count > 0 && !string.IsNullOrEmpty(p[0]))
            {
                if (Paging.Page(p[0], d, out int n) is string error) return error;
                pageNo = n;
            }
            var ordered = order == "asc" ? all.ToList() : all.Reverse().ToList();
            if (limit == null && pageNo == null)
            {
                // "the last 100 messages": the newest 100, in the requested order
                page = order == "asc" ? ordered.Skip(Math.Max(0, ordered.Count - DefaultLast)).ToList() : ordered.Take(DefaultLast).ToList();
                return null;
            }
            int size = limit ?? DefaultLast;
            long skip = (long)((pageNo ?? 1) - 1) * size;
            page = skip >= ordered.Count ? new List<EmuMessage>() : ordered.Skip((int)skip).Take(size).ToList();
            return null;
        }
    }
}

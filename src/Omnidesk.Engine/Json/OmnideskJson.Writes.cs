using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Omnidesk.Engine.Json
{
    /// <summary>Messages, changelog, ideas and the answers of bulk case writes.</summary>
    internal static partial class OmnideskJson
    {
        /// <summary>{"message":{…}} (or the bare message) → the message; <see cref="OmnideskMessage.CaseId"/> is left 0.</summary>
        public static OmnideskMessage ParseMessage(byte[] body) => ParseSingle(body, "message", "message_id", MapMessage);

        /// <summary>The numbered envelope of GET /api/cases/{id}/messages.json (for the messages endpoint).</summary>
        public static OmnideskPage<OmnideskMessage> ParseMessageList(byte[] body) => ParseList(body, "message", MapMessage);

        /// <summary>{"changelog":[…]} (a real array), a numbered envelope, or a bare array; total_count when present.</summary>
        public static OmnideskPage<OmnideskChangelogEntry> ParseChangelog(byte[] body, long caseId) =>
            ParseList(body, "changelog", e => MapChangelogEntry(e, caseId));

        public static OmnideskMessage MapMessage(JsonElement e)
        {
            var m = new OmnideskMessage();
            foreach (var p in e.EnumerateObject())
            {
                var v = p.Value;
                switch (p.Name.ToLowerInvariant())
                {
                    case "message_id": m.MessageId = JsonValues.Int64(v) ?? 0; break;
                    case "case_id": m.CaseId = JsonValues.Int64(v) ?? 0; break;
                    case "user_id": m.UserId = NullIfZero(JsonValues.Int64(v)); break;
                    case "staff_id": m.StaffId = NullIfZero(JsonValues.Int64(v)); break;
                    case "content": m.Content = JsonValues.String(v); break;
                    case "content_html": m.ContentHtml = JsonValues.String(v); break;
                    case "attachments": m.Attachments = MapAttachments(v); break;
                    case "note": m.IsNote = JsonValues.Bool(v) ?? false; break;
                    case "sent_via_rule": m.SentViaRule = JsonValues.Bool(v) ?? false; break;
                    case "created_at": m.CreatedAt = JsonValues.Date(v); break;
                    case "sent_at": m.SentAt = JsonValues.Date(v); break;
                    case "rating": m.Rating = NullIfNone(JsonValues.String(v)); break;
                    case "rating_comment": m.RatingComment = JsonValues.String(v); break;
                    case "rated_staff_id": m.RatedStaffId = NullIfZero(JsonValues.Int64(v)); break;
                }
            }
            return m;
        }

        /// <summary>[{file_id, file_name, file_size, mime_type, url}, …], also a PHP object {"0":{…}}; anything else → empty.</summary>
        public static OmnideskAttachment[] MapAttachments(JsonElement e)
        {
            var list = new List<OmnideskAttachment>();
            IEnumerable<JsonElement> items;
            switch (e.ValueKind)
            {
                case JsonValueKind.Array: items = e.EnumerateArray(); break;
                case JsonValueKind.Object: items = e.EnumerateObject().Select(p => p.Value); break;
                default: return list.ToArray();
            }
            foreach (var item in items)
            {
                if (item.ValueKind != JsonValueKind.Object) continue;
                var a = new OmnideskAttachment();
                foreach (var p in item.EnumerateObject())
                {
                    var v = p.Value;
                    switch (p.Name.ToLowerInvariant())
                    {
                        case "file_id": a.FileId = JsonValues.Int64(v) ?? 0; break;
                        case "file_name": a.FileName = JsonValues.String(v); break;
                        case "file_size": a.FileSize = JsonValues.Int64(v) ?? 0; break;
                        case "mime_type": a.MimeType = JsonValues.String(v); break;
                        case "url": a.Url = JsonValues.String(v); break;
                    }
                }
                list.Add(a);
            }
            return list.ToArray();
        }

        public static OmnideskChangelogEntry MapChangelogEntry(JsonElement e, long caseId)
        {
            var entry = new OmnideskChangelogEntry { CaseId = caseId };
            foreach (var p in e.EnumerateObject())
            {
                var v = p.Value;
                switch (p.Name.ToLowerInvariant())
                {
                    case "created_at": entry.CreatedAt = JsonValues.Date(v); break;
                    case "event": entry.Event = JsonValues.String(v); break;
                    case "done_by": entry.DoneBy = JsonValues.String(v); break;
                    case "old_value": entry.OldValue = JsonValues.String(v); break;
                    case "value": entry.Value = JsonValues.String(v); break;
                }
            }
            return entry;
        }

        /// <summary>"idea":{content, stage, category, official_response, official_response_tstamp}; not an object or {} → null.</summary>
        public static OmnideskIdea MapIdea(JsonElement e)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.EnumerateObject().Any()) return null;
            var idea = new OmnideskIdea();
            foreach (var p in e.EnumerateObject())
            {
                var v = p.Value;
                switch (p.Name.ToLowerInvariant())
                {
                    case "content": idea.Content = JsonValues.String(v); break;
                    case "stage": idea.Stage = NullIfNone(JsonValues.String(v)); break;
                    case "category":
                    case "category_id": idea.CategoryId = NullIfZero(JsonValues.Int64(v)); break;
                    case "official_response": idea.OfficialResponse = JsonValues.String(v); break;
                    case "official_response_tstamp":
                    case "official_response_at": idea.OfficialResponseAt = JsonValues.Date(v); break;
                }
            }
            return idea;
        }

        /// <summary>
        /// The answer to PUT/DELETE on cases/{ids}: {"case":{…}} → that case (its id succeeded);
        /// {"case_success_id":[…]} → those ids (numbers or numeric strings); both forms accepted for any id count.
        /// <paramref name="bodilessMeansAll"/> (DELETE, documented only as "200 OK"): an empty body, [], {} or any
        /// body without case_success_id means every requested id succeeded.
        /// </summary>
        public static OmnideskBulkResult ParseBulkResult(byte[] body, IReadOnlyList<long> requestedIds, bool bodilessMeansAll)
        {
            var all = new OmnideskBulkResult(requestedIds.ToArray(), new OmnideskCase[0]);
            if (IsBlank(body))
            {
                if (bodilessMeansAll) return all;
                throw new UnexpectedShapeException("expected a 'case' object or 'case_success_id', got an empty body");
            }

            JsonDocument doc;
            try
            {
                doc = Parse(body);
            }
            catch (JsonException) when (bodilessMeansAll)
            {
                return all; // "200 OK" with some text: the delete is done
            }
            using (doc)
            {
                var root = doc.RootElement;
                long[] successIds = null;
                var cases = new List<OmnideskCase>();
                if (root.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in root.EnumerateObject())
                    {
                        if (Is(p.Name, "case_success_id") || Is(p.Name, "case_success_ids"))
                            successIds = JsonValues.Int64Array(p.Value);
                        else if (Is(p.Name, "case") && p.Value.ValueKind == JsonValueKind.Object)
                            cases.Add(MapCase(p.Value));
                    }
                    if (successIds == null && cases.Count == 0 && root.EnumerateObject().Any(p => IsIndex(p.Name)))
                        cases.AddRange(ParseList(body, "case", MapCase).Items); // a numbered envelope of cases
                }

                if (successIds == null && cases.Count == 0)
                {
                    if (bodilessMeansAll) return all;
                    throw new UnexpectedShapeException("expected a 'case' object or 'case_success_id'");
                }

                if (successIds == null)
                {
                    successIds = cases
                        .Select(c => c.CaseId != 0 ? c.CaseId : (requestedIds.Count == 1 ? requestedIds[0] : 0))
                        .Where(id => id != 0)
                        .ToArray();
                }
                return new OmnideskBulkResult(successIds, cases.ToArray());
            }
        }

        private static bool IsIndex(string name) => TryIndex(name, out _);

        private static long? NullIfZero(long? value) => value == 0 ? null : value;
    }
}

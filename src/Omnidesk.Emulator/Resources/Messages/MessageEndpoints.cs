using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>
    /// The responses of a case: list, add (to one case or, with "2000,2001" as the case, to several), edit and delete.
    /// <see cref="NoteEndpoints"/> serves the notes the same way.
    /// </summary>
    public class MessageEndpoints : ResourceEndpoints
    {
        readonly bool _note;

        public MessageEndpoints() : this(ApiDescription.Messages, note: false)
        {
        }

        protected MessageEndpoints(ResourceDescription description, bool note) : base(description) => _note = note;

        static ApiResult CaseNotFound() => ApiResult.Error(404, ApiDescription.Cases.NotFound);

        static Action<Utf8JsonWriter, EmuMessage> Writer(ApiRequest r) => (w, m) => MessageJson.Write(w, m, r.Config, r.BaseUrl);

        public override ApiResult List(ApiRequest r)
        {
            var c = r.Store.FindCase(r.ParentId);
            if (c == null) return CaseNotFound();
            string error = MessageWrites.Page(r.Http.Request.Query, c.Messages, out var page);
            if (error != null) return ApiResult.Error(400, error);
            return ApiResult.Ok(ListOf(page, c.Messages.Count, Writer(r)));
        }

        /// <summary>Validates the body of a new response (or note).</summary>
        protected virtual (int Status, string Error) Parse(ApiRequest r, out MessageDraft draft) =>
            MessageWrites.ParseResponse(r.Body, r.Store, out draft);

        /// <summary>
        /// One case → 201 {"message":…} (404 / 403 staff_has_not_access); several → 201 {"case_success_id":[…]}. The body
        /// is validated before the cases are looked up.
        /// </summary>
        public override ApiResult Create(ApiRequest r)
        {
            var (keys, bulk, idsError) = Keys(r.ParentId);
            if (idsError != null) return idsError;
            var (status, error) = Parse(r, out var draft);
            if (error != null) return ApiResult.Error(status, error);
            var fail = r.Config.BulkFailIds;
            if (bulk) return ApiResult.Created(SuccessIds(r.Store.AddMessages(keys, fail, draft).Select(x => x.CaseId)));
            var existing = keys.Count == 1 ? r.Store.FindCase(keys[0]) : null;
            if (existing == null) return CaseNotFound();
            if (fail.Contains(existing.CaseId)) return ApiResult.Error(403, "staff_has_not_access");
            var added = r.Store.AddMessages(new[] { existing.CaseId.ToString(CultureInfo.InvariantCulture) }, Array.Empty<long>(), draft);
            return added.Count == 0 ? CaseNotFound() : ApiResult.Created(ItemOf(added[0].Message, Writer(r)));
        }

        /// <summary>The case key and message of the route, or the 404 / 400 (a response where a note is meant, or back) answer.</summary>
        (string Key, long MessageId, ApiResult Error) Existing(ApiRequest r)
        {
            string key = r.ParentId;
            if (!long.TryParse(r.Id, NumberStyles.None, CultureInfo.InvariantCulture, out long id)) return (key, 0, NotFound());
            var c = r.Store.FindCase(key);
            if (c == null) return (key, id, CaseNotFound());
            var m = c.Messages.FirstOrDefault(x => x.MessageId == id);
            if (m == null) return (key, id, NotFound());
            if (_note && !m.Note) return (key, id, ApiResult.Error(400, "message_is_not_note"));
            if (!_note && m.Note) return (key, id, ApiResult.Error(400, "message_is_note"));
            return (key, id, null);
        }

        /// <summary>The edit replaces the text → 200 {"message":…}.</summary>
        public override ApiResult Update(ApiRequest r)
        {
            var (key, id, wrong) = Existing(r);
            if (wrong != null) return wrong;
            string error = MessageWrites.ParseEdit(r.Body, _note, out string content, out string html);
            if (error != null) return ApiResult.Error(400, error);
            string by = r.DoneBy;
            var (c, m) = r.Store.ChangeMessage(key, id, (c, m, now) => MessageWrites.ApplyEdit(c, m, now, by, content, html));
            if (c == null) return CaseNotFound();
            return m == null ? NotFound() : ApiResult.Ok(ItemOf(m, Writer(r)));
        }

        /// <summary>200 [].</summary>
        public override ApiResult Delete(ApiRequest r)
        {
            var (key, id, wrong) = Existing(r);
            if (wrong != null) return wrong;
            return r.Store.RemoveMessage(key, id, r.DoneBy) ? ApiResult.Ok(JsonOutput.EmptyArray()) : NotFound();
        }
    }
}

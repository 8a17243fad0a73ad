using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>GET /api/cases/{id}/changelog.json: the case's events, filtered and paged by <see cref="ChangelogQuery"/>.</summary>
    public sealed class ChangelogEndpoints : ResourceEndpoints
    {
        public ChangelogEndpoints() : base(ApiDescription.Changelog)
        {
        }

        /// <summary>{"changelog":[{created_at, event, done_by, old_value?, value?},…]}, oldest first.</summary>
        public override ApiResult List(ApiRequest r)
        {
            var c = r.Store.FindCase(r.ParentId);
            if (c == null) return ApiResult.Error(404, ApiDescription.Cases.NotFound);
            string error = ChangelogQuery.TryParse(r.Http.Request.Query, r.Store, out var query);
            if (error != null) return ApiResult.Error(400, error);
            var page = query.Apply(c.Changelog);
            return ApiResult.Ok(ListOf(page, page.Count, WriteEntry));
        }

        static void WriteEntry(Utf8JsonWriter w, EmuChangelogEntry e)
        {
            w.WriteStartObject();
            w.WriteString("created_at", JsonOutput.FormatDate(e.CreatedAt));
            w.WriteString("event", e.Event);
            w.WriteString("done_by", e.DoneBy);
            if (e.OldValue != null) w.WriteString("old_value", e.OldValue);
            if (e.Value != null) w.WriteString("value", e.Value);
            w.WriteEndObject();
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>
    /// The case endpoints: list (with its filters and sorts, <see cref="CaseQuery"/>), view by id or number, create,
    /// update, trash/spam/restore and delete (one case, or several ids "2000,2001" at once), and the case's ratings and
    /// idea (CaseEndpoints.Ratings.cs, CaseEndpoints.Ideas.cs).
    /// </summary>
    public sealed partial class CaseEndpoints : ResourceEndpoints
    {
        public CaseEndpoints() : base(ApiDescription.Cases)
        {
        }

        protected override IEnumerable<ApiRoute> Actions() => RatingRoutes().Concat(IdeaRoutes());

        static Action<Utf8JsonWriter, EmuCase> Writer(EmulatorConfig config) => (w, c) => CaseJson.Write(w, c, config);

        /// <summary>{"case":{…}}</summary>
        byte[] ItemOf(EmuCase c, EmulatorConfig config) => ItemOf(c, Writer(config));

        public override ApiResult List(ApiRequest r)
        {
            string error = CaseQuery.TryParse(r.Http.Request.Query, r.Store, out var query);
            if (error != null) return ApiResult.Error(400, error);
            // other clients change cases meanwhile (churn_per_list_request): applied before the page is read
            if (r.Config.ChurnPerListRequest > 0) r.Store.ApplyChurn(r.Config.ChurnPerListRequest);
            var (total, page) = r.Store.QueryCases(query, r.Staff);
            if (page.Count == 0 && r.Config.EmptyPageQuirk)
            {
                // a historic quirk of the real API: past the end it sent this, pretty-printed, with no total_count
                return ApiResult.Ok("{\n    \"case\": []\n}"u8.ToArray());
            }
            return ApiResult.Ok(ListOf(page, total, Writer(r.Config)));
        }

        public override ApiResult Get(ApiRequest r)
        {
            var c = r.Store.FindCase(r.Id);
            return c == null ? NotFound() : ApiResult.Ok(ItemOf(c, r.Config));
        }

        public override ApiResult Create(ApiRequest r)
        {
            var (status, error) = CaseWrites.ParseCreate(r.Body, r.Store, out var draft);
            if (error != null) return ApiResult.Error(status, error);
            var c = r.Store.CreateCase(draft, r.Staff);
            return ApiResult.Created(ItemOf(c, r.Config));
        }

        public override ApiResult Update(ApiRequest r)
        {
            var (keys, bulk, idsError) = Keys(r.Id);
            if (idsError != null) return idsError;
            string error = CaseWrites.ParseUpdate(r.Body, r.Store, out var update);
            if (error != null) return ApiResult.Error(400, error);
            string by = r.DoneBy;
            return ApplyToCases(r, keys, bulk, (c, now) => CaseWrites.ApplyUpdate(update, c, now, by));
        }

        /// <summary>PUT /api/cases/{ids}/trash.json, spam.json, restore.json.</summary>
        public override ApiResult ChangeState(ApiRequest r)
        {
            var (keys, bulk, idsError) = Keys(r.Id);
            if (idsError != null) return idsError;
            string state = r.State, by = r.DoneBy;
            return ApplyToCases(r, keys, bulk, (c, now) => CaseWrites.ApplyMove(state, c, now, by));
        }

        /// <summary>Permanent delete: one case → 200 [], several → {"case_success_id":[…]}.</summary>
        public override ApiResult Delete(ApiRequest r)
        {
            var (keys, bulk, idsError) = Keys(r.Id);
            if (idsError != null) return idsError;
            var fail = r.Config.BulkFailIds;
            if (bulk) return ApiResult.Ok(SuccessIds(r.Store.RemoveMany(keys, fail)));
            var existing = keys.Count == 1 ? r.Store.FindCase(keys[0]) : null;
            if (existing == null) return NotFound();
            if (fail.Contains(existing.CaseId)) return ApiResult.Error(403, "staff_has_not_access");
            var removed = r.Store.RemoveMany(new[] { existing.CaseId.ToString(CultureInfo.InvariantCulture) }, Array.Empty<long>());
            return removed.Count == 0 ? NotFound() : ApiResult.Ok(JsonOutput.EmptyArray());
        }

        /// <summary>
        /// Runs a change on one case (→ {"case":…}, 404, or 403 for a bulk_fail_ids case) or on several
        /// (→ {"case_success_id":[…]} without the missing and bulk_fail_ids cases).
        /// </summary>
        ApiResult ApplyToCases(ApiRequest r, List<string> keys, bool bulk, Action<EmuCase, DateTimeOffset> change)
        {
            var fail = r.Config.BulkFailIds;
            if (bulk) return ApiResult.Ok(SuccessIds(r.Store.ChangeMany(keys, fail, change)));
            var existing = keys.Count == 1 ? r.Store.FindCase(keys[0]) : null;
            if (existing == null) return NotFound();
            if (fail.Contains(existing.CaseId)) return ApiResult.Error(403, "staff_has_not_access");
            var changed = r.Store.Change(existing.CaseId.ToString(CultureInfo.InvariantCulture), change);
            return changed == null ? NotFound() : ApiResult.Ok(ItemOf(changed, r.Config));
        }
    }
}

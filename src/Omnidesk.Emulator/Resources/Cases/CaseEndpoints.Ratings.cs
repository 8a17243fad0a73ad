using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Omnidesk.Emulator
{
    /// <summary>The ratings of a case and of its messages: PUT /api/cases/{id}/rate.json and …/rate/{message_id}.json.</summary>
    public sealed partial class CaseEndpoints
    {
        IEnumerable<ApiRoute> RatingRoutes()
        {
            yield return ItemAction("PUT", "rate", RateCase);
            yield return ItemAction("PUT", @"rate/(?<message>\d+)", RateMessage);
        }

        ApiResult RateCase(ApiRequest r)
        {
            string key = r.Id;
            if (r.Store.FindCase(key) == null) return NotFound();
            string error = CaseWrites.ParseRate(r.Body, r.Store, out string rating, out string comment, out long? staff);
            if (error != null) return ApiResult.Error(400, error);
            string by = r.DoneBy;
            var c = r.Store.Change(key, (c, now) => CaseWrites.ApplyCaseRating(c, now, by, rating, comment, staff));
            return c == null ? NotFound() : ApiResult.Ok(ItemOf(c, r.Config));
        }

        ApiResult RateMessage(ApiRequest r)
        {
            string key = r.Id, messageNotFound = ApiDescription.Messages.NotFound;
            if (!long.TryParse(r.Route.Groups["message"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long messageId))
                return ApiResult.Error(404, messageNotFound);
            var existing = r.Store.FindCase(key);
            if (existing == null) return NotFound();
            if (existing.Messages.All(m => m.MessageId != messageId)) return ApiResult.Error(404, messageNotFound);
            string error = CaseWrites.ParseRate(r.Body, r.Store, out string rating, out string comment, out _);
            if (error != null) return ApiResult.Error(400, error);
            string by = r.DoneBy;
            var (c, m) = r.Store.ChangeMessage(key, messageId, (c, m, now) => CaseWrites.ApplyMessageRating(c, m, now, by, rating, comment));
            if (c == null) return NotFound();
            return m == null
                ? ApiResult.Error(404, messageNotFound)
                : ApiResult.Ok(JsonOutput.Item(ApiDescription.Messages.ItemKey, m, (w, x) => MessageJson.Write(w, x, r.Config, r.BaseUrl)));
        }
    }
}

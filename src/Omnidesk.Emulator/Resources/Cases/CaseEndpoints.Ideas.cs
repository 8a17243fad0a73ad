using System.Collections.Generic;
using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>The idea part of an "idea" case: PUT /api/cases/{id}/idea.json and PUT/DELETE …/idea_official_response.json.</summary>
    public sealed partial class CaseEndpoints
    {
        IEnumerable<ApiRoute> IdeaRoutes()
        {
            yield return ItemAction("PUT", "idea", EditIdea);
            yield return ItemAction("PUT", "idea_official_response", SetOfficialResponse);
            yield return ItemAction("DELETE", "idea_official_response", DeleteOfficialResponse);
        }

        /// <summary>The idea case of the route, or the 404 / 400 case_is_not_idea answer.</summary>
        (string Key, ApiResult Error) IdeaCase(ApiRequest r)
        {
            string key = r.Id;
            var c = r.Store.FindCase(key);
            if (c == null) return (key, NotFound());
            if (c.Idea == null) return (key, ApiResult.Error(400, "case_is_not_idea"));
            return (key, null);
        }

        ApiResult EditIdea(ApiRequest r)
        {
            var (key, notIdea) = IdeaCase(r);
            if (notIdea != null) return notIdea;
            string error = CaseWrites.ParseIdea(r.Body, out string content, out string stage, out long? category);
            if (error != null) return ApiResult.Error(400, error);
            string by = r.DoneBy;
            var c = r.Store.Change(key, (c, now) => CaseWrites.ApplyIdea(c, now, by, content, stage, category));
            return c == null ? NotFound() : ApiResult.Ok(ItemOf(c, r.Config));
        }

        ApiResult SetOfficialResponse(ApiRequest r)
        {
            var (key, notIdea) = IdeaCase(r);
            if (notIdea != null) return notIdea;
            var message = r.Body.Get("message");
            string content = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("content", out var v) ? BodyValues.Str(v) : null;
            if (string.IsNullOrWhiteSpace(content)) return ApiResult.Error(400, "content_not_specified");
            string by = r.DoneBy;
            var c = r.Store.Change(key, (c, now) => CaseWrites.ApplyOfficialResponse(c, now, by, content));
            return c == null ? NotFound() : ApiResult.Ok(ItemOf(c, r.Config));
        }

        ApiResult DeleteOfficialResponse(ApiRequest r)
        {
            var (key, notIdea) = IdeaCase(r);
            if (notIdea != null) return notIdea;
            string by = r.DoneBy;
            var c = r.Store.Change(key, (c, now) =>
            {
                if (c.Idea.OfficialResponse != null) CaseWrites.ApplyOfficialResponse(c, now, by, null);
            });
            return c == null ? NotFound() : ApiResult.Ok(JsonOutput.EmptyArray());
        }
    }
}

using System.Globalization;

namespace Omnidesk.Emulator;

/// <summary>The write endpoints: create, update, trash/spam/restore, delete, ratings, ideas, and the changelog.</summary>
public static partial class ApiHandlers
{
    static ApiResult CreateCase(ApiRequest r)
    {
        var (status, error) = CaseWrites.ParseCreate(r.Body, out var draft);
        if (error != null) return ApiResult.Error(status, error);
        var c = r.Store.CreateCase(draft, r.Staff);
        return ApiResult.Created(JsonOutput.SingleCase(c, r.Config));
    }

    /// <summary>The case ids of a path ("2000" or "2000,2001,…"): bulk when it has a comma.</summary>
    static (List<string> Keys, bool Bulk, ApiResult Error) Ids(ApiRequest r)
    {
        string raw = r.Route.Groups["ids"].Value;
        var keys = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (keys.Count > CaseWrites.MaxBulkIds) return (null, false, ApiResult.Error(400, "too_many_cases"));
        return (keys, raw.Contains(','), null);
    }

    /// <summary>
    /// Runs a change on one case (→ {"case":…}, 404, or 403 for a bulk_fail_ids case) or on several
    /// (→ {"case_success_id":[…]} without the missing and bulk_fail_ids cases).
    /// </summary>
    static ApiResult ApplyToCases(ApiRequest r, List<string> keys, bool bulk, Action<EmuCase, DateTimeOffset> change)
    {
        var fail = r.Config.BulkFailIds;
        if (bulk) return ApiResult.Ok(JsonOutput.CaseSuccessIds(r.Store.ChangeMany(keys, fail, change)));
        var existing = keys.Count == 1 ? r.Store.FindCase(keys[0]) : null;
        if (existing == null) return ApiResult.Error(404, "case_not_found");
        if (fail.Contains(existing.CaseId)) return ApiResult.Error(403, "staff_has_not_access");
        var changed = r.Store.Change(existing.CaseId.ToString(CultureInfo.InvariantCulture), change);
        return changed == null ? ApiResult.Error(404, "case_not_found") : ApiResult.Ok(JsonOutput.SingleCase(changed, r.Config));
    }

    static ApiResult UpdateCases(ApiRequest r)
    {
        var (keys, bulk, idsError) = Ids(r);
        if (idsError != null) return idsError;
        string error = CaseWrites.ParseUpdate(r.Body, r.Store, out var update);
        if (error != null) return ApiResult.Error(400, error);
        string by = r.DoneBy;
        return ApplyToCases(r, keys, bulk, (c, now) => CaseWrites.ApplyUpdate(update, c, now, by));
    }

    static ApiResult MoveCases(ApiRequest r)
    {
        var (keys, bulk, idsError) = Ids(r);
        if (idsError != null) return idsError;
        string op = r.Route.Groups["op"].Value.ToLowerInvariant(), by = r.DoneBy;
        return ApplyToCases(r, keys, bulk, (c, now) => CaseWrites.ApplyMove(op, c, now, by));
    }

    /// <summary>Permanent delete: one case → 200 [], several → {"case_success_id":[…]}.</summary>
    static ApiResult DeleteCases(ApiRequest r)
    {
        var (keys, bulk, idsError) = Ids(r);
        if (idsError != null) return idsError;
        var fail = r.Config.BulkFailIds;
        if (bulk) return ApiResult.Ok(JsonOutput.CaseSuccessIds(r.Store.RemoveMany(keys, fail)));
        var existing = keys.Count == 1 ? r.Store.FindCase(keys[0]) : null;
        if (existing == null) return ApiResult.Error(404, "case_not_found");
        if (fail.Contains(existing.CaseId)) return ApiResult.Error(403, "staff_has_not_access");
        var removed = r.Store.RemoveMany(new[] { existing.CaseId.ToString(CultureInfo.InvariantCulture) }, Array.Empty<long>());
        return removed.Count == 0 ? ApiResult.Error(404, "case_not_found") : ApiResult.Ok(JsonOutput.EmptyArray());
    }

    static ApiResult GetChangelog(ApiRequest r)
    {
        var c = r.Store.FindCase(r.Route.Groups["key"].Value);
        if (c == null) return ApiResult.Error(404, "case_not_found");
        string error = ChangelogQuery.TryParse(r.Http.Request.Query, out var query);
        if (error != null) return ApiResult.Error(400, error);
        return ApiResult.Ok(JsonOutput.Changelog(query.Apply(c.Changelog)));
    }

    static ApiResult RateCase(ApiRequest r)
    {
        string key = r.Route.Groups["key"].Value;
        if (r.Store.FindCase(key) == null) return ApiResult.Error(404, "case_not_found");
        string error = CaseWrites.ParseRate(r.Body, r.Store, out string rating, out string comment, out long? staff);
        if (error != null) return ApiResult.Error(400, error);
        string by = r.DoneBy;
        var c = r.Store.Change(key, (c, now) => CaseWrites.ApplyCaseRating(c, now, by, rating, comment, staff));
        return c == null ? ApiResult.Error(404, "case_not_found") : ApiResult.Ok(JsonOutput.SingleCase(c, r.Config));
    }

    static ApiResult RateMessage(ApiRequest r)
    {
        string key = r.Route.Groups["key"].Value;
        if (!long.TryParse(r.Route.Groups["message"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long messageId))
            return ApiResult.Error(404, "message_not_found");
        var existing = r.Store.FindCase(key);
        if (existing == null) return ApiResult.Error(404, "case_not_found");
        if (existing.Messages.All(m => m.MessageId != messageId)) return ApiResult.Error(404, "message_not_found");
        string error = CaseWrites.ParseRate(r.Body, r.Store, out string rating, out string comment, out _);
        if (error != null) return ApiResult.Error(400, error);
        string by = r.DoneBy;
        var (c, m) = r.Store.ChangeMessage(key, messageId, (c, m, now) => CaseWrites.ApplyMessageRating(c, m, now, by, rating, comment));
        if (c == null) return ApiResult.Error(404, "case_not_found");
        return m == null ? ApiResult.Error(404, "message_not_found") : ApiResult.Ok(JsonOutput.SingleMessage(m, r.Config, r.BaseUrl));
    }

    /// <summary>The idea case of the route, or the 404 / 400 case_is_not_idea answer.</summary>
    static (string Key, ApiResult Error) IdeaCase(ApiRequest r)
    {
        string key = r.Route.Groups["key"].Value;
        var c = r.Store.FindCase(key);
        if (c == null) return (key, ApiResult.Error(404, "case_not_found"));
        if (c.Idea == null) return (key, ApiResult.Error(400, "case_is_not_idea"));
        return (key, null);
    }

    static ApiResult EditIdea(ApiRequest r)
    {
        var (key, notIdea) = IdeaCase(r);
        if (notIdea != null) return notIdea;
        string error = CaseWrites.ParseIdea(r.Body, out string content, out string stage, out long? category);
        if (error != null) return ApiResult.Error(400, error);
        string by = r.DoneBy;
        var c = r.Store.Change(key, (c, now) => CaseWrites.ApplyIdea(c, now, by, content, stage, category));
        return c == null ? ApiResult.Error(404, "case_not_found") : ApiResult.Ok(JsonOutput.SingleCase(c, r.Config));
    }

    static ApiResult SetOfficialResponse(ApiRequest r)
    {
        var (key, notIdea) = IdeaCase(r);
        if (notIdea != null) return notIdea;
        var message = r.Body.Get("message");
        string content = message.ValueKind == System.Text.Json.JsonValueKind.Object && message.TryGetProperty("content", out var v) ? CaseWrites.Str(v) : null;
        if (string.IsNullOrWhiteSpace(content)) return ApiResult.Error(400, "content_not_specified");
        string by = r.DoneBy;
        var c = r.Store.Change(key, (c, now) => CaseWrites.ApplyOfficialResponse(c, now, by, content));
        return c == null ? ApiResult.Error(404, "case_not_found") : ApiResult.Ok(JsonOutput.SingleCase(c, r.Config));
    }

    static ApiResult DeleteOfficialResponse(ApiRequest r)
    {
        var (key, notIdea) = IdeaCase(r);
        if (notIdea != null) return notIdea;
        string by = r.DoneBy;
        var c = r.Store.Change(key, (c, now) =>
        {
            if (c.Idea.OfficialResponse != null) CaseWrites.ApplyOfficialResponse(c, now, by, null);
        });
        return c == null ? ApiResult.Error(404, "case_not_found") : ApiResult.Ok(JsonOutput.EmptyArray());
    }
}

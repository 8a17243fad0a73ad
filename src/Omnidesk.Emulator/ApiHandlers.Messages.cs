using System.Globalization;

namespace Omnidesk.Emulator;

/// <summary>The message and note endpoints: list, add (single and bulk), edit, delete.</summary>
public static partial class ApiHandlers
{
    static ApiResult ListMessages(ApiRequest r)
    {
        var c = r.Store.FindCase(r.Route.Groups["key"].Value);
        if (c == null) return ApiResult.Error(404, "case_not_found");
        string error = MessageWrites.Page(r.Http.Request.Query, c.Messages, out var page);
        if (error != null) return ApiResult.Error(400, error);
        return ApiResult.Ok(JsonOutput.MessageList(page, c.Messages.Count, r.Config, r.BaseUrl));
    }

    static ApiResult AddResponses(ApiRequest r)
    {
        var (keys, bulk, idsError) = Ids(r);
        if (idsError != null) return idsError;
        var (status, error) = MessageWrites.ParseResponse(r.Body, r.Store, out var draft);
        return error != null ? ApiResult.Error(status, error) : AddToCases(r, keys, bulk, draft);
    }

    static ApiResult AddNotes(ApiRequest r)
    {
        var (keys, bulk, idsError) = Ids(r);
        if (idsError != null) return idsError;
        var (status, error) = MessageWrites.ParseNote(r.Body, r.Store, r.Staff, out var draft);
        return error != null ? ApiResult.Error(status, error) : AddToCases(r, keys, bulk, draft);
    }

    /// <summary>One case → 201 {"message":…} (404 / 403 staff_has_not_access); several → 201 {"case_success_id":[…]}.</summary>
    static ApiResult AddToCases(ApiRequest r, List<string> keys, bool bulk, MessageDraft draft)
    {
        var fail = r.Config.BulkFailIds;
        if (bulk) return ApiResult.Created(JsonOutput.CaseSuccessIds(r.Store.AddMessages(keys, fail, draft).Select(x => x.CaseId)));
        var existing = keys.Count == 1 ? r.Store.FindCase(keys[0]) : null;
        if (existing == null) return ApiResult.Error(404, "case_not_found");
        if (fail.Contains(existing.CaseId)) return ApiResult.Error(403, "staff_has_not_access");
        var added = r.Store.AddMessages(new[] { existing.CaseId.ToString(CultureInfo.InvariantCulture) }, Array.Empty<long>(), draft);
        return added.Count == 0
            ? ApiResult.Error(404, "case_not_found")
            : ApiResult.Created(JsonOutput.SingleMessage(added[0].Message, r.Config, r.BaseUrl));
    }

    /// <summary>The case key and message of the route, or the 404 / 400 (wrong kind) answer.</summary>
    static (string Key, long MessageId, ApiResult Error) ExistingMessage(ApiRequest r, bool note)
    {
        string key = r.Route.Groups["key"].Value;
        if (!long.TryParse(r.Route.Groups["message"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
            return (key, 0, ApiResult.Error(404, "message_not_found"));
        var c = r.Store.FindCase(key);
        if (c == null) return (key, id, ApiResult.Error(404, "case_not_found"));
        var m = c.Messages.FirstOrDefault(x => x.MessageId == id);
        if (m == null) return (key, id, ApiResult.Error(404, "message_not_found"));
        if (note && !m.Note) return (key, id, ApiResult.Error(400, "message_is_not_note"));
        if (!note && m.Note) return (key, id, ApiResult.Error(400, "message_is_note"));
        return (key, id, null);
    }

    static ApiResult EditResponse(ApiRequest r) => EditMessage(r, note: false);
    static ApiResult EditNote(ApiRequest r) => EditMessage(r, note: true);

    static ApiResult EditMessage(ApiRequest r, bool note)
    {
        var (key, id, wrong) = ExistingMessage(r, note);
        if (wrong != null) return wrong;
        string error = MessageWrites.ParseEdit(r.Body, note, out string content, out string html);
        if (error != null) return ApiResult.Error(400, error);
        string by = r.DoneBy;
        var (c, m) = r.Store.ChangeMessage(key, id, (c, m, now) => MessageWrites.ApplyEdit(c, m, now, by, content, html));
        if (c == null) return ApiResult.Error(404, "case_not_found");
        return m == null ? ApiResult.Error(404, "message_not_found") : ApiResult.Ok(JsonOutput.SingleMessage(m, r.Config, r.BaseUrl));
    }

    static ApiResult DeleteResponse(ApiRequest r) => DeleteMessage(r, note: false);
    static ApiResult DeleteNote(ApiRequest r) => DeleteMessage(r, note: true);

    static ApiResult DeleteMessage(ApiRequest r, bool note)
    {
        var (key, id, wrong) = ExistingMessage(r, note);
        if (wrong != null) return wrong;
        return r.Store.RemoveMessage(key, id, r.DoneBy) ? ApiResult.Ok(JsonOutput.EmptyArray()) : ApiResult.Error(404, "message_not_found");
    }
}

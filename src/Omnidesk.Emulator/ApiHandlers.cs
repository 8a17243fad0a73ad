using System.Text.RegularExpressions;

namespace Omnidesk.Emulator;

/// <summary>What a handler answers (the pipeline adds the headers every /api response carries).</summary>
public sealed record ApiResult(int Status, byte[] Body)
{
    public static ApiResult Ok(byte[] body) => new(200, body);
    public static ApiResult Created(byte[] body) => new(201, body);
    public static ApiResult Error(int status, string code) => new(status, JsonOutput.Error(code));
}

/// <summary>An authenticated request, as a handler sees it.</summary>
public sealed class ApiRequest
{
    public HttpContext Http { get; init; }
    public EmuStaff Staff { get; init; }
    public EmulatorConfig Config { get; init; }
    public DataStore Store { get; init; }
    public Match Route { get; init; }
    /// <summary>The request body of a write (JSON, or a form turned into the same tree); <see cref="RequestBody.Empty"/> for reads.</summary>
    public RequestBody Body { get; init; } = RequestBody.Empty;

    /// <summary>changelog done_by for changes made with these credentials.</summary>
    public string DoneBy => "staff_" + Staff.StaffId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>scheme://host[:port] of this server, for file URLs.</summary>
    public string BaseUrl => Http.Request.Scheme + "://" + Http.Request.Host.Value;
}

/// <summary>The /api routes. New endpoints are added to <see cref="Routes"/>; writes are in ApiHandlers.Writes.cs.</summary>
public static partial class ApiHandlers
{
    const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    static readonly (string Method, Regex Path, Func<ApiRequest, ApiResult> Handler)[] Routes =
    {
        ("GET", new Regex(@"^/api/cases\.json$", Options), ListCases),
        ("POST", new Regex(@"^/api/cases\.json$", Options), CreateCase),
        ("GET", new Regex(@"^/api/cases/(?<key>[^/]+)\.json$", Options), GetCase),
        ("PUT", new Regex(@"^/api/cases/(?<ids>[^/]+)\.json$", Options), UpdateCases),
        ("DELETE", new Regex(@"^/api/cases/(?<ids>[^/]+)\.json$", Options), DeleteCases),
        ("PUT", new Regex(@"^/api/cases/(?<ids>[^/]+)/(?<op>trash|spam|restore)\.json$", Options), MoveCases),
        ("GET", new Regex(@"^/api/cases/(?<key>[^/,]+)/changelog\.json$", Options), GetChangelog),
        ("PUT", new Regex(@"^/api/cases/(?<key>[^/,]+)/rate\.json$", Options), RateCase),
        ("PUT", new Regex(@"^/api/cases/(?<key>[^/,]+)/rate/(?<message>\d+)\.json$", Options), RateMessage),
        ("PUT", new Regex(@"^/api/cases/(?<key>[^/,]+)/idea\.json$", Options), EditIdea),
        ("PUT", new Regex(@"^/api/cases/(?<key>[^/,]+)/idea_official_response\.json$", Options), SetOfficialResponse),
        ("DELETE", new Regex(@"^/api/cases/(?<key>[^/,]+)/idea_official_response\.json$", Options), DeleteOfficialResponse),
        ("GET", new Regex(@"^/api/cases/(?<key>[^/,]+)/messages\.json$", Options), ListMessages),
        ("POST", new Regex(@"^/api/cases/(?<ids>[^/]+)/messages\.json$", Options), AddResponses),
        ("PUT", new Regex(@"^/api/cases/(?<key>[^/,]+)/messages/(?<message>\d+)\.json$", Options), EditResponse),
        ("DELETE", new Regex(@"^/api/cases/(?<key>[^/,]+)/messages/(?<message>\d+)\.json$", Options), DeleteResponse),
        ("POST", new Regex(@"^/api/cases/(?<ids>[^/]+)/note\.json$", Options), AddNotes),
        ("PUT", new Regex(@"^/api/cases/(?<key>[^/,]+)/note/(?<message>\d+)\.json$", Options), EditNote),
        ("DELETE", new Regex(@"^/api/cases/(?<key>[^/,]+)/note/(?<message>\d+)\.json$", Options), DeleteNote),
        ("GET", new Regex(@"^/api/filters\.json$", Options), ListFilters),
    };

    /// <summary>The handler and its route match, or null (→ 404 not_found).</summary>
    public static (Func<ApiRequest, ApiResult> Handler, Match Match) Find(string method, string path)
    {
        // HEAD is answered like GET (ASP.NET drops the body)
        string m = HttpMethods.IsHead(method) ? "GET" : method.ToUpperInvariant();
        foreach (var (routeMethod, regex, handler) in Routes)
        {
            if (routeMethod != m) continue;
            var match = regex.Match(path);
            if (match.Success) return (handler, match);
        }
        return (null, null);
    }

    static ApiResult ListCases(ApiRequest r)
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
        return ApiResult.Ok(JsonOutput.CaseList(page, total, r.Config));
    }

    static ApiResult GetCase(ApiRequest r)
    {
        var c = r.Store.FindCase(r.Route.Groups["key"].Value);
        return c == null ? ApiResult.Error(404, "case_not_found") : ApiResult.Ok(JsonOutput.SingleCase(c, r.Config));
    }

    static ApiResult ListFilters(ApiRequest r) => ApiResult.Ok(JsonOutput.FilterList(r.Store.Filters));
}

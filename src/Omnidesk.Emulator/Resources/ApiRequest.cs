using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Omnidesk.Emulator
{
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

        /// <summary>The item's id in the path (/api/labels/{id}.json; for a bulk route "2000,2001").</summary>
        public string Id => Route.Groups["id"].Value;

        /// <summary>The parent's id in the path (/api/cases/{parent}/messages.json; for a bulk create "2000,2001").</summary>
        public string ParentId => Route.Groups["parent"].Value;

        /// <summary>The state of a state change (/api/cases/{id}/{state}.json), lower-case.</summary>
        public string State => Route.Groups["state"].Value.ToLowerInvariant();

        /// <summary>changelog done_by for changes made with these credentials.</summary>
        public string DoneBy => "staff_" + Staff.StaffId.ToString(CultureInfo.InvariantCulture);

        /// <summary>scheme://host[:port] of this server, for file URLs.</summary>
        public string BaseUrl => Http.Request.Scheme + "://" + Http.Request.Host.Value;
    }
}

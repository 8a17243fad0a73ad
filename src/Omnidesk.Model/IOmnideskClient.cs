using System;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// The engine as the cmdlets see it: one instance per connection, safe to share between threads.
    /// Every call takes an <see cref="OmnideskCallContext"/> that carries cancellation and per-call logging.
    /// Failures surface as <see cref="OmnideskApiException"/> (or OperationCanceledException when cancelled).
    /// </summary>
    public interface IOmnideskClient : IDisposable
    {
        Uri BaseUri { get; }
        string Email { get; }
        OmnideskClientSettings Settings { get; }

        /// <summary>The rate-limit headers of the latest response (rate_limit_per_minute, api_calls_left).</summary>
        OmnideskRateLimit RateLimit { get; }

        /// <summary>GET /api/cases.json with the query's filters and page/limit.</summary>
        Task<OmnideskPage<OmnideskCase>> GetCasesAsync(OmnideskCaseQuery query, int page, int limit, OmnideskCallContext context);

        /// <summary>GET /api/cases/{idOrNumber}.json; a case number (NNN-NNNNNN) works in place of the id.</summary>
        Task<OmnideskCase> GetCaseAsync(string idOrNumber, OmnideskCallContext context);

        /// <summary>GET /api/filters.json.</summary>
        Task<OmnideskPage<OmnideskFilter>> GetFiltersAsync(OmnideskCallContext context);
    }
}

using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// The engine as the cmdlets see it: one instance per connection, safe to share between threads.
    /// Every call takes an <see cref="OmnideskCallContext"/> that carries cancellation and per-call logging.
    /// Failures surface as <see cref="OmnideskApiException"/> (or OperationCanceledException when cancelled).
    /// </summary>
    public partial interface IOmnideskClient : IDisposable
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

        /// <summary>POST /api/cases.json: JSON, or multipart case[...] when the case has attachments.</summary>
        Task<OmnideskCase> CreateCaseAsync(OmnideskNewCase newCase, OmnideskCallContext context);

        /// <summary>PUT /api/cases/{id}.json, or /api/cases/{id1},{id2},….json for several (at most 10).</summary>
        Task<OmnideskBulkResult> UpdateCasesAsync(IReadOnlyList<long> caseIds, OmnideskCaseChange change, OmnideskCallContext context);

        /// <summary>PUT /api/cases/{ids}/trash|spam|restore.json, or DELETE /api/cases/{ids}.json (at most 10 ids).</summary>
        Task<OmnideskBulkResult> ChangeCaseStateAsync(IReadOnlyList<long> caseIds, OmnideskCaseAction action, OmnideskCallContext context);

        /// <summary>PUT /api/cases/{id}/rate.json.</summary>
        Task<OmnideskCase> RateCaseAsync(long caseId, OmnideskRatingChange rating, OmnideskCallContext context);

        /// <summary>PUT /api/cases/{id}/rate/{messageId}.json.</summary>
        Task<OmnideskMessage> RateMessageAsync(long caseId, long messageId, OmnideskRatingChange rating, OmnideskCallContext context);

        /// <summary>GET /api/cases/{idOrNumber}/changelog.json; entries carry <paramref name="caseId"/>.</summary>
        Task<OmnideskPage<OmnideskChangelogEntry>> GetChangelogAsync(string idOrNumber, long caseId, OmnideskChangelogQuery query,
            int page, int limit, OmnideskCallContext context);

        /// <summary>PUT /api/cases/{id}/idea.json.</summary>
        Task<OmnideskCase> UpdateIdeaAsync(long caseId, OmnideskIdeaChange change, OmnideskCallContext context);

        /// <summary>PUT /api/cases/{id}/idea_official_response.json.</summary>
        Task<OmnideskCase> SetIdeaResponseAsync(long caseId, string content, OmnideskCallContext context);

        /// <summary>DELETE /api/cases/{id}/idea_official_response.json.</summary>
        Task DeleteIdeaResponseAsync(long caseId, OmnideskCallContext context);

        /// <summary>GET /api/cases/{idOrNumber}/messages.json?page=&amp;limit=&amp;order=asc|desc; messages carry <paramref name="caseId"/>.</summary>
        Task<OmnideskPage<OmnideskMessage>> GetMessagesAsync(string idOrNumber, long caseId, string order, int page, int limit,
            OmnideskCallContext context);

        /// <summary>POST /api/cases/{id}/messages.json, or /api/cases/{id1},{id2},…/messages.json (at most 10).</summary>
        Task<OmnideskMessagesResult> AddMessagesAsync(IReadOnlyList<long> caseIds, OmnideskNewMessage message, OmnideskCallContext context);

        /// <summary>PUT /api/cases/{caseId}/messages/{messageId}.json.</summary>
        Task<OmnideskMessage> UpdateMessageAsync(long caseId, long messageId, string content, string contentHtml, OmnideskCallContext context);

        /// <summary>DELETE /api/cases/{caseId}/messages/{messageId}.json.</summary>
        Task DeleteMessageAsync(long caseId, long messageId, OmnideskCallContext context);

        /// <summary>POST /api/cases/{id}/note.json, or /api/cases/{id1},{id2},…/note.json (at most 10).</summary>
        Task<OmnideskMessagesResult> AddNotesAsync(IReadOnlyList<long> caseIds, OmnideskNewMessage note, OmnideskCallContext context);

        /// <summary>PUT /api/cases/{caseId}/note/{messageId}.json.</summary>
        Task<OmnideskMessage> UpdateNoteAsync(long caseId, long messageId, string content, string contentHtml, OmnideskCallContext context);

        /// <summary>DELETE /api/cases/{caseId}/note/{messageId}.json.</summary>
        Task DeleteNoteAsync(long caseId, long messageId, OmnideskCallContext context);

        /// <summary>
        /// Streams an attachment's file into <paramref name="destination"/>, reporting (bytes so far, total when known).
        /// Sent without credentials; only when the account's own host asks for them (files older than 30 days) is it
        /// sent again with the API credentials. Returns the number of bytes written.
        /// </summary>
        Task<long> DownloadAsync(Uri url, System.IO.Stream destination, Action<long, long?> onProgress, OmnideskCallContext context);
    }
}

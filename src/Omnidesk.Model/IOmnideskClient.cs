using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// The engine as the cmdlets see it: one instance per connection, safe to share between threads. Its verbs are
    /// generic over a resource's description (<see cref="OmnideskResource"/>); the API's dialect (paths, envelopes,
    /// paging, errors, rate limits, auth) is the engine's business. <see cref="OmnideskEndpoints"/> names the calls the
    /// cmdlets make. Every call takes an <see cref="OmnideskCallContext"/> that carries cancellation and per-call
    /// logging. Failures surface as <see cref="OmnideskApiException"/> (or OperationCanceledException when cancelled).
    /// </summary>
    public partial interface IOmnideskClient : IDisposable
    {
        Uri BaseUri { get; }

        /// <summary>The API this client speaks.</summary>
        OmnideskProduct Product { get; }
        string Email { get; }
        OmnideskClientSettings Settings { get; }

        /// <summary>The rate-limit headers of the latest response.</summary>
        OmnideskRateLimit RateLimit { get; }

        /// <summary>One page of the resource's list (of the parent's items when it has a parent), with the query's filters.</summary>
        Task<OmnideskPage<T>> GetPageAsync<T>(OmnideskResource<T> resource, OmnideskParentKey parent,
            IEnumerable<KeyValuePair<string, string>> query, long page, int limit, OmnideskCallContext context) where T : class;

        /// <summary>One item by its id (or its number, where the resource has one), with the query's options (null: none).</summary>
        Task<T> GetAsync<T>(OmnideskResource<T> resource, OmnideskParentKey parent, string key, IEnumerable<KeyValuePair<string, string>> query,
            OmnideskCallContext context) where T : class;

        /// <summary>
        /// Creates an item from <paramref name="draft"/>, or for a child resource one under each of
        /// <paramref name="parentIds"/> (up to the bulk size) in one request. Multipart when the draft carries files.
        /// </summary>
        Task<OmnideskBulkResult<T>> CreateAsync<T>(OmnideskResource<T> resource, IReadOnlyList<long> parentIds, object draft,
            OmnideskCallContext context) where T : class;

        /// <summary>Changes one item, or several (up to the bulk size) with one change.</summary>
        Task<OmnideskBulkResult<T>> UpdateAsync<T>(OmnideskResource<T> resource, OmnideskParentKey parent, IReadOnlyList<long> ids,
            object change, OmnideskCallContext context) where T : class;

        /// <summary>One of the resource's actions (trash, restore, delete, rate, ...) on one item or several.</summary>
        /// <remarks>An action on the collection (<see cref="OmnideskAction.OnCollection"/>) may take no ids at all.</remarks>
        Task<OmnideskBulkResult<T>> InvokeAsync<T>(OmnideskResource<T> resource, string action, OmnideskParentKey parent,
            IReadOnlyList<long> ids, object body, OmnideskCallContext context) where T : class;

        /// <summary>
        /// Any request to the API (path relative to the API root, such as "cases/123.json"), with the connection's auth,
        /// rate limiter, retries and errors; <paramref name="jsonBody"/> is sent as is. The answer is not interpreted.
        /// </summary>
        Task<OmnideskResponse> SendAsync(string method, string path, IEnumerable<KeyValuePair<string, string>> query, string jsonBody,
            OmnideskCallContext context);

        /// <summary>
        /// Streams an attachment's file into <paramref name="destination"/>, reporting (bytes so far, total when known).
        /// Sent without credentials; only when the account's own host asks for them (files older than 30 days) is it
        /// sent again with the API credentials. Returns the number of bytes written.
        /// </summary>
        Task<long> DownloadAsync(Uri url, System.IO.Stream destination, Action<long, long?> onProgress, OmnideskCallContext context);
    }

    /// <summary>The parent item a child resource's request goes under: its key in the path and its id for the items read.</summary>
    public sealed class OmnideskParentKey
    {
        public OmnideskParentKey(string key, long id)
        {
            if (string.IsNullOrWhiteSpace(key)) throw new ArgumentException("A parent id or number is required.", nameof(key));
            Key = key.Trim();
            Id = id;
        }

        public OmnideskParentKey(long id) : this(id.ToString(System.Globalization.CultureInfo.InvariantCulture), id)
        {
        }

        /// <summary>What goes in the path: the id, or a number the API accepts in its place.</summary>
        public string Key { get; }

        /// <summary>The parent's id, stamped on the items read (0 when not known yet).</summary>
        public long Id { get; }
    }

    /// <summary>An answer to <see cref="IOmnideskClient.SendAsync"/>: status, content type and body text.</summary>
    public sealed class OmnideskResponse
    {
        public OmnideskResponse(int statusCode, string contentType, string body)
        {
            StatusCode = statusCode;
            ContentType = contentType;
            Body = body;
        }

        public int StatusCode { get; }
        public string ContentType { get; }
        public string Body { get; }
    }
}

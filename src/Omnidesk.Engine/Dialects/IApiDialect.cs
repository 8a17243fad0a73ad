using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using Omnidesk.Engine.Http;

namespace Omnidesk.Engine.Dialects
{
    /// <summary>
    /// What differs between the APIs the engine speaks: how a request is authenticated and addressed, how a list is
    /// paged and wrapped, how an item and a bulk answer look, what an error body says and which headers carry the rate
    /// limit. The generic verbs of <see cref="OmnideskClient"/> know nothing else about an API.
    /// </summary>
    internal interface IApiDialect
    {
        /// <summary>
        /// Puts the connection's credential on a request to the API (after its path and query were taken for logs and
        /// errors, so a key in the query string is never among them).
        /// </summary>
        void Authenticate(HttpRequestMessage request);

        /// <summary>Whether the connection has a credential to authenticate with.</summary>
        bool HasCredential { get; }

        /// <summary>The texts of the credential that no log or error may show.</summary>
        string[] Secrets { get; }

        /// <summary>A raw request's path (Invoke-OmnideskRequest) under the API root: "cases.json" → "api/cases.json".</summary>
        string RawPath(string path);

        /// <summary>The rate-limit headers of this API.</summary>
        RateLimitHeaders RateLimitHeaders { get; }

        /// <summary>The path (relative to the connection's base) of the resource's collection, under the parent when it has one.</summary>
        string CollectionPath(OmnideskResource resource, OmnideskParentKey parent);

        /// <summary>The path of one item or several (<paramref name="keys"/>), with an action's segment when given.</summary>
        string ItemPath(OmnideskResource resource, OmnideskParentKey parent, string keys, OmnideskAction action);

        /// <summary>An item's key (an id, or a number the API accepts in its place) as it goes in a path.</summary>
        string PathKey(string key);

        /// <summary>The keys of several ids in one path ("1,2,3").</summary>
        string JoinKeys(IReadOnlyList<long> ids);

        /// <summary>Adds the paging parameters for one page (1-based) of <paramref name="limit"/> items; 0 means the API's default.</summary>
        void AddPaging(List<KeyValuePair<string, string>> query, long page, int limit);

        /// <summary>One object of the API as <typeparamref name="T"/>, by the dialect's naming, value quirks and date format.</summary>
        T Read<T>(JsonElement element);

        /// <summary>
        /// A factory of a write's body (made afresh for every attempt), from the draft and, for an action that carries
        /// them in the body, the items' ids; null for a request without one.
        /// </summary>
        Func<HttpContent> Body(OmnideskResource resource, OmnideskAction action, IReadOnlyList<long> ids, object draft);

        /// <summary>One page of a list answer.</summary>
        OmnideskPage<T> ReadPage<T>(byte[] body, OmnideskResource resource, Func<JsonElement, T> map);

        /// <summary>One item answer.</summary>
        T ReadItem<T>(byte[] body, OmnideskResource resource, Func<JsonElement, T> map);

        /// <summary>The answer to a creation of a resource without a parent: the new item, or the id the answer names.</summary>
        OmnideskBulkResult<T> ReadCreated<T>(byte[] body, OmnideskResource resource, Func<JsonElement, T> map) where T : class;

        /// <summary>
        /// The answer to a write on <paramref name="ids"/> (the items' own ids, or for a child resource's creation the
        /// parents'): the ids it succeeded for and the items it sent back. <paramref name="bodilessMeansAll"/>: an answer
        /// without a body (a delete) means every id succeeded.
        /// </summary>
        OmnideskBulkResult<T> ReadBulk<T>(byte[] body, OmnideskResource resource, IReadOnlyList<long> ids, bool underParents,
            bool bodilessMeansAll, Func<JsonElement, T> map) where T : class;

        /// <summary>The API's error code (a stable word, such as case_not_found) and message in an error body.</summary>
        ApiError ReadError(byte[] body);
    }

    /// <summary>What an error body says: a stable code (or null) and the server's message (or null).</summary>
    internal struct ApiError
    {
        public ApiError(string code, string message)
        {
            Code = code;
            Message = message;
        }

        public string Code { get; }
        public string Message { get; }
    }

    /// <summary>The names of the headers that tell an API's request budget (null: the API has no such header).</summary>
    internal sealed class RateLimitHeaders
    {
        public RateLimitHeaders(string limit, string callsLeft, string retryAfter)
        {
            Limit = limit;
            CallsLeft = callsLeft;
            RetryAfter = retryAfter;
        }

        /// <summary>Requests allowed per minute.</summary>
        public string Limit { get; }

        /// <summary>Requests left in the current minute.</summary>
        public string CallsLeft { get; }

        /// <summary>Seconds to wait after a 429 (the standard Retry-After is read as well).</summary>
        public string RetryAfter { get; }
    }
}

using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http.Headers;
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
        /// <summary>The Authorization header for the connection's credential, or null when the API authenticates otherwise.</summary>
        AuthenticationHeaderValue Authorization(NetworkCredential credential);

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

        /// <summary>A JSON body: the draft's members, wrapped in <paramref name="key"/> when the API wraps bodies.</summary>
        byte[] JsonBody(string key, object draft);

        /// <summary>The same members as multipart form fields, then the files.</summary>
        IReadOnlyList<FormField> FormBody(string key, object draft, IEnumerable<OmnideskUpload> files);

        /// <summary>One page of a list answer.</summary>
        OmnideskPage<T> ReadPage<T>(byte[] body, OmnideskResource resource, Func<JsonElement, T> map);

        /// <summary>One item answer.</summary>
        T ReadItem<T>(byte[] body, OmnideskResource resource, Func<JsonElement, T> map);

        /// <summary>
        /// The answer to a write on <paramref name="ids"/> (the items' own ids, or for a child resource's creation the
        /// parents'): the ids it succeeded for and the items it sent back. <paramref name="bodilessMeansAll"/>: an answer
        /// without a body (a delete) means every id succeeded.
        /// </summary>
        OmnideskBulkResult<T> ReadBulk<T>(byte[] body, OmnideskResource resource, IReadOnlyList<long> ids, bool underParents,
            bool bodilessMeansAll, Func<JsonElement, T> map) where T : class;

        /// <summary>The API's error code or message in an error body, or null.</summary>
        string ReadErrorCode(byte[] body);
    }

    /// <summary>The names of the headers that tell an API's request budget.</summary>
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

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Omnidesk.Engine.Http;
using Omnidesk.Engine.Json;
using Omnidesk.Engine.Resources;

namespace Omnidesk.Engine.Dialects
{
    /// <summary>
    /// The omnidesk.ru API (sold in English as Deskie): Basic auth with the staff e-mail and API key, paths
    /// api/{resource}/{ids}.json with bulk ids joined by commas, page/limit paging, numbered list envelopes with
    /// total_count, {"error":...} bodies, and the rate_limit_per_minute / api_calls_left / retry_after headers.
    /// </summary>
    internal sealed class DeskieDialect : IApiDialect
    {
        /// <summary>The dialect without a credential: it reads answers and names headers like any other.</summary>
        public static readonly DeskieDialect Instance = new DeskieDialect(null);

        private static readonly RateLimitHeaders Headers = new RateLimitHeaders("rate_limit_per_minute", "api_calls_left", "retry_after");

        /// <summary>The Basic credentials, set on each API request (never a default header: downloads go without them).</summary>
        private readonly AuthenticationHeaderValue _authorization;

        public DeskieDialect(NetworkCredential credential)
        {
            if (credential == null)
            {
                Secrets = Array.Empty<string>();
                return;
            }
            var pair = (credential.UserName ?? "") + ":" + (credential.Password ?? "");
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
            Secrets = new[] { credential.Password, _authorization.Parameter };
        }

        public RateLimitHeaders RateLimitHeaders => Headers;

        public void Authenticate(HttpRequestMessage request) => request.Headers.Authorization = _authorization;

        public bool HasCredential => _authorization != null;

        public string[] Secrets { get; }

        public string RawPath(string path) => path.StartsWith("api/", StringComparison.OrdinalIgnoreCase) ? path : "api/" + path;

        public string CollectionPath(OmnideskResource resource, OmnideskParentKey parent) =>
            Under(resource, parent) + resource.Path + ".json";

        public string ItemPath(OmnideskResource resource, OmnideskParentKey parent, string keys, OmnideskAction action)
        {
            if (action != null && action.OnParent)
                return Under(resource, parent).TrimEnd('/') + "/" + action.Segment.Replace("{id}", keys) + ".json";
            var item = Under(resource, parent) + resource.Path + "/" + keys;
            return (action?.Segment == null ? item : item + "/" + action.Segment) + ".json";
        }

        public string JoinKeys(IReadOnlyList<long> ids) => string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

        /// <summary>"api/" or, for a child resource, "api/cases/{parent}/".</summary>
        private string Under(OmnideskResource resource, OmnideskParentKey parent)
        {
            if (resource.Parent == null) return "api/";
            if (parent == null) throw new ArgumentException($"A {resource.Name} belongs to a {resource.Parent.Name}: give its id.", nameof(parent));
            return "api/" + resource.Parent.Path + "/" + PathKey(parent.Key) + "/";
        }

        /// <summary>An id, a case number, or ids joined for a bulk request (their commas stay as they are).</summary>
        public string PathKey(string key) => Uri.EscapeDataString(key.Trim()).Replace("%2C", ",");

        public void AddPaging(List<KeyValuePair<string, string>> query, long page, int limit)
        {
            if (page > 0) query.Add(new KeyValuePair<string, string>("page", page.ToString(CultureInfo.InvariantCulture)));
            if (limit > 0) query.Add(new KeyValuePair<string, string>("limit", limit.ToString(CultureInfo.InvariantCulture)));
        }

        public T Read<T>(JsonElement element) => ApiJsonContract.Read<T>(element);

        public Func<HttpContent> Body(OmnideskResource resource, OmnideskAction action, IReadOnlyList<long> ids, object draft) =>
            RequestBodies.For(resource, action, draft);

        public OmnideskPage<T> ReadPage<T>(byte[] body, OmnideskResource resource, Func<JsonElement, T> map) =>
            DeskieEnvelope.ParseList(body, resource.ItemKey, map);

        public T ReadItem<T>(byte[] body, OmnideskResource resource, Func<JsonElement, T> map) =>
            DeskieEnvelope.ParseSingle(body, resource.ItemKey, resource.IdField, map);

        public ApiError ReadError(byte[] body) => new ApiError(DeskieEnvelope.TryReadErrorCode(body), null);

        public OmnideskBulkResult<T> ReadCreated<T>(byte[] body, OmnideskResource resource, Func<JsonElement, T> map) where T : class =>
            new OmnideskBulkResult<T>(Array.Empty<long>(), new[] { ReadItem(body, resource, map) });

        /// <summary>
        /// {"case":{…}} → that item (its id succeeded); {"case_success_id":[…]} → those ids (numbers or numeric strings);
        /// both forms are accepted for any id count, and so is a numbered envelope of items. For a child resource
        /// (a message added to cases) the ids are the parents': an item without its parent's id belongs to the only
        /// requested parent, or to the only succeeded one. A delete's answer is documented only as "200 OK".
        /// </summary>
        public OmnideskBulkResult<T> ReadBulk<T>(byte[] body, OmnideskResource resource, IReadOnlyList<long> ids, bool underParents,
            bool bodilessMeansAll, Func<JsonElement, T> map) where T : class
        {
            var owner = underParents ? resource.Parent : resource;
            var successKey = owner.ItemKey + "_success_id";
            var expected = $"expected a '{resource.ItemKey}' object or '{successKey}'";
            var all = new OmnideskBulkResult<T>(ids.ToArray(), Array.Empty<T>());
            if (DeskieEnvelope.IsBlank(body))
            {
                if (bodilessMeansAll) return all;
                throw new UnexpectedShapeException(expected + ", got an empty body");
            }

            JsonDocument doc;
            try
            {
                doc = DeskieEnvelope.Parse(body);
            }
            catch (JsonException) when (bodilessMeansAll)
            {
                return all; // "200 OK" with some text: the delete is done
            }
            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    if (bodilessMeansAll) return all;
                    throw new UnexpectedShapeException($"{expected}, got a JSON {root.ValueKind.ToString().ToLowerInvariant()}");
                }

                long[] successIds = null;
                var items = new List<KeyValuePair<long, T>>(); // the id each item names (its own, or its parent's), and the item
                var idField = owner.IdField;
                var numbered = false;
                foreach (var p in root.EnumerateObject())
                {
                    if (Is(p.Name, successKey) || Is(p.Name, successKey + "s"))
                        successIds = JsonValues.Int64Array(p.Value);
                    else if ((Is(p.Name, resource.ItemKey) || Is(p.Name, resource.BodyKey)) && p.Value.ValueKind == JsonValueKind.Object)
                        items.Add(Item(p.Value, idField, map));
                    else if (IsIndex(p.Name))
                        numbered = true;
                }
                if (successIds == null && items.Count == 0 && numbered)
                {
                    items.AddRange(DeskieEnvelope.ParseList(body, resource.ItemKey, e => Item(e, idField, map)).Items);
                }

                if (successIds == null && items.Count == 0)
                {
                    if (bodilessMeansAll) return all;
                    throw new UnexpectedShapeException(expected);
                }

                var only = ids.Count == 1 ? ids[0] : successIds != null && successIds.Length == 1 ? successIds[0] : 0;
                var named = items.Select(i => i.Key != 0 ? i.Key : only).ToList();
                if (underParents && resource is OmnideskResource<T> typed && typed.SetParentId != null)
                {
                    for (var i = 0; i < items.Count; i++)
                        if (items[i].Key == 0 && named[i] != 0) typed.SetParentId(items[i].Value, named[i]);
                }
                if (successIds == null)
                {
                    successIds = underParents && named.Any(id => id == 0)
                        ? ids.ToArray() // a 2xx that names no parent: the request as a whole succeeded
                        : named.Where(id => id != 0).Distinct().ToArray();
                }
                return new OmnideskBulkResult<T>(successIds, items.Select(i => i.Value).ToArray());
            }
        }

        private static KeyValuePair<long, T> Item<T>(JsonElement element, string idField, Func<JsonElement, T> map)
        {
            long id = 0;
            foreach (var p in element.EnumerateObject())
                if (Is(p.Name, idField)) id = JsonValues.Int64(p.Value) ?? 0;
            return new KeyValuePair<long, T>(id, map(element));
        }

        private static bool IsIndex(string name) =>
            name.Length > 0 && name.Length < 19 && name.All(c => c >= '0' && c <= '9');

        private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using Omnidesk.Engine.Http;
using Omnidesk.Engine.Json;

namespace Omnidesk.Engine.Dialects
{
    /// <summary>
    /// The Omnidesk.com API (v2): an API key in the apiKey header (or query parameter), paths api/v2/{controller}[/{id}]
    /// and api/v2/{controller}/{action}, form bodies (multipart where the endpoint takes it), itemStart/itemLimit paging,
    /// {"type":"item"} / {"type":"result"} / list envelopes, {"status":"error","message":…} bodies, zone-less dates in
    /// the account's time zone, and no rate-limit headers.
    /// </summary>
    internal sealed class OmnideskComDialect : IApiDialect
    {
        internal const string KeyName = "apiKey";

        private static readonly RateLimitHeaders NoHeaders = new RateLimitHeaders(null, null, null);

        private static readonly Regex NotFound = new Regex(@"^This ([A-Za-z ]+) does not exist\.?$", RegexOptions.CultureInvariant);

        private readonly string _key;
        private readonly OmnideskApiKeyLocation _location;
        private readonly JsonSerializerOptions _json;

        public OmnideskComDialect(string apiKey, OmnideskApiKeyLocation location, TimeZoneInfo zone)
        {
            _key = string.IsNullOrEmpty(apiKey) ? null : apiKey;
            _location = location;
            _json = ComJsonContract.For(zone ?? throw new ArgumentNullException(nameof(zone)));
            Secrets = _key == null ? Array.Empty<string>() : new[] { _key, Uri.EscapeDataString(_key) };
        }

        public RateLimitHeaders RateLimitHeaders => NoHeaders;

        public bool HasCredential => _key != null;

        public string[] Secrets { get; }

        public void Authenticate(HttpRequestMessage request)
        {
            if (_key == null) return;
            if (_location == OmnideskApiKeyLocation.Header)
            {
                request.Headers.Remove(KeyName);
                request.Headers.TryAddWithoutValidation(KeyName, _key);
                return;
            }
            var uri = request.RequestUri;
            var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
            request.RequestUri = new Uri(uri.GetLeftPart(UriPartial.Path) + uri.Query + separator + KeyName + "=" + Uri.EscapeDataString(_key));
        }

        public string RawPath(string path) =>
            path.StartsWith("api/v2/", StringComparison.OrdinalIgnoreCase) ? path
            : path.StartsWith("v2/", StringComparison.OrdinalIgnoreCase) ? "api/" + path
            : path.StartsWith("api/", StringComparison.OrdinalIgnoreCase) ? "api/v2/" + path.Substring(4)
            : "api/v2/" + path;

        public string CollectionPath(OmnideskResource resource, OmnideskParentKey parent) => "api/v2/" + resource.Path;

        public string ItemPath(OmnideskResource resource, OmnideskParentKey parent, string keys, OmnideskAction action)
        {
            if (action != null && action.OnCollection) return CollectionPath(resource, parent) + "/" + action.Segment;
            var item = CollectionPath(resource, parent) + "/" + keys;
            return action?.Segment == null ? item : item + "/" + action.Segment;
        }

        public string PathKey(string key) => Uri.EscapeDataString(key.Trim());

        public string JoinKeys(IReadOnlyList<long> ids) => string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

        /// <summary>Page n (1-based) of <paramref name="limit"/> items starts at item (n - 1) × limit.</summary>
        public void AddPaging(List<KeyValuePair<string, string>> query, long page, int limit)
        {
            if (limit <= 0) return;
            if (page > 1) query.Add(new KeyValuePair<string, string>("itemStart", ((page - 1) * limit).ToString(CultureInfo.InvariantCulture)));
            query.Add(new KeyValuePair<string, string>("itemLimit", limit.ToString(CultureInfo.InvariantCulture)));
        }

        public T Read<T>(JsonElement element) => ComJsonContract.Read<T>(element, _json);

        /// <summary>The model's form (<see cref="OmnideskForm"/>), urlencoded or multipart, with an action's ids as name[] fields.</summary>
        public Func<HttpContent> Body(OmnideskResource resource, OmnideskAction action, IReadOnlyList<long> ids, object draft)
        {
            if (draft == null && action?.IdsField == null) return null;
            var form = draft as OmnideskForm ?? (draft == null ? new OmnideskForm() : throw new ArgumentException(
                $"An Omnidesk.com body is an {nameof(OmnideskForm)}, not a {draft.GetType().Name}.", nameof(draft)));
            var fields = form.Select(f => FormField.Text(f.Key, f.Value)).ToList();
            if (action?.IdsField != null)
                fields.AddRange(ids.Select(id => FormField.Text(action.IdsField + "[]", id.ToString(CultureInfo.InvariantCulture))));
            return form.Multipart ? RequestContent.Multipart(fields) : RequestContent.UrlEncoded(fields);
        }

        public OmnideskPage<T> ReadPage<T>(byte[] body, OmnideskResource resource, Func<JsonElement, T> map)
        {
            using (var doc = Parse(body))
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                    throw new UnexpectedShapeException("expected a list {\"items\":[…]}");
                var list = new List<T>(items.GetArrayLength());
                foreach (var item in items.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.Object) list.Add(map(item));
                long? total = root.TryGetProperty("itemTotal", out var t) ? JsonValues.Int64(t) : null;
                return new OmnideskPage<T>(list, total);
            }
        }

        public T ReadItem<T>(byte[] body, OmnideskResource resource, Func<JsonElement, T> map)
        {
            using (var doc = Parse(body))
            {
                if (TryItem(doc.RootElement, out var item)) return map(item);
                throw new UnexpectedShapeException($"expected a {resource.Name} {{\"type\":\"item\",\"item\":{{…}}}}");
            }
        }

        /// <summary>The new item, or a result that names the new item's id in a member such as customerID or ticketID.</summary>
        public OmnideskBulkResult<T> ReadCreated<T>(byte[] body, OmnideskResource resource, Func<JsonElement, T> map) where T : class
        {
            using (var doc = Parse(body))
            {
                var root = doc.RootElement;
                if (TryItem(root, out var item)) return new OmnideskBulkResult<T>(Array.Empty<long>(), new[] { map(item) });
                if (!IsResult(root)) throw new UnexpectedShapeException("expected an item or a result");
                var ids = root.EnumerateObject()
                    .Where(p => p.Name.Length > 2 && p.Name.EndsWith("ID", StringComparison.OrdinalIgnoreCase))
                    .Select(p => JsonValues.Int64(p.Value) ?? 0).Where(id => id > 0).Take(1).ToArray();
                return new OmnideskBulkResult<T>(ids, Array.Empty<T>());
            }
        }

        /// <summary>A 2xx result or item answers for every id it was sent; a delete may answer with no body at all.</summary>
        public OmnideskBulkResult<T> ReadBulk<T>(byte[] body, OmnideskResource resource, IReadOnlyList<long> ids, bool underParents,
            bool bodilessMeansAll, Func<JsonElement, T> map) where T : class
        {
            if (DeskieEnvelope.IsBlank(body) && bodilessMeansAll) return new OmnideskBulkResult<T>(ids.ToArray(), Array.Empty<T>());
            using (var doc = Parse(body))
            {
                var root = doc.RootElement;
                if (TryItem(root, out var item)) return new OmnideskBulkResult<T>(ids.ToArray(), new[] { map(item) });
                if (IsResult(root) || bodilessMeansAll) return new OmnideskBulkResult<T>(ids.ToArray(), Array.Empty<T>());
                throw new UnexpectedShapeException("expected a result {\"type\":\"result\",\"message\":…}");
            }
        }

        /// <summary>
        /// {"status":"error","message":…}: the message, and as code "&lt;entity&gt;_not_found" for "This &lt;entity&gt; does not
        /// exist." (the API's not-found answer, on a 400), else none: the messages are prose, not codes.
        /// </summary>
        public ApiError ReadError(byte[] body)
        {
            if (DeskieEnvelope.IsBlank(body)) return default;
            try
            {
                using (var doc = Parse(body))
                {
                    var root = doc.RootElement;
                    if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("message", out var m) || m.ValueKind != JsonValueKind.String)
                        return default;
                    var message = m.GetString()?.Trim();
                    var notFound = message == null ? null : NotFound.Match(message);
                    var code = notFound != null && notFound.Success
                        ? notFound.Groups[1].Value.Trim().ToLowerInvariant().Replace(' ', '_') + "_not_found"
                        : null;
                    return new ApiError(code, string.IsNullOrEmpty(message) ? null : message);
                }
            }
            catch (JsonException)
            {
                return default;
            }
        }

        private static JsonDocument Parse(byte[] body)
        {
            if (DeskieEnvelope.IsBlank(body)) throw new UnexpectedShapeException("expected JSON, got an empty body");
            return DeskieEnvelope.Parse(body);
        }

        private static bool TryItem(JsonElement root, out JsonElement item)
        {
            item = default;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("item", out item) && item.ValueKind == JsonValueKind.Object;
        }

        private static bool IsResult(JsonElement root) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String &&
            string.Equals(type.GetString(), "result", StringComparison.OrdinalIgnoreCase);
    }
}

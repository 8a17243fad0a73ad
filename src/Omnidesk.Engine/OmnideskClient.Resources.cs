using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Omnidesk.Engine.Http;

namespace Omnidesk.Engine
{
    /// <summary>
    /// The generic verbs: every request to a described resource is built here from its description and the dialect,
    /// and every answer read by the dialect's envelopes and the item readers. Bodies are re-created per attempt.
    /// </summary>
    internal sealed partial class OmnideskClient
    {
        private static readonly HttpMethod Put = new HttpMethod("PUT");
        private static readonly HttpMethod Delete = new HttpMethod("DELETE");

        public async Task<OmnideskPage<T>> GetPageAsync<T>(OmnideskResource<T> resource, OmnideskParentKey parent,
            IEnumerable<KeyValuePair<string, string>> query, long page, int limit, OmnideskCallContext context) where T : class
        {
            if (resource == null) throw new ArgumentNullException(nameof(resource));
            var parameters = query == null ? new List<KeyValuePair<string, string>>() : query.ToList();
            _dialect.AddPaging(parameters, page, limit);
            var response = await SendAsync(HttpMethod.Get, _dialect.CollectionPath(resource, parent), parameters, (HttpContent)null, context)
                .ConfigureAwait(false);
            var result = Read(response, body => _dialect.ReadPage(body, resource, _dialect.Read<T>));
            StampParent(resource, parent, result.Items);
            return result;
        }

        public async Task<T> GetAsync<T>(OmnideskResource<T> resource, OmnideskParentKey parent, string key,
            IEnumerable<KeyValuePair<string, string>> query, OmnideskCallContext context) where T : class
        {
            if (resource == null) throw new ArgumentNullException(nameof(resource));
            if (string.IsNullOrWhiteSpace(key)) throw new ArgumentException($"A {resource.Name} id is required.", nameof(key));
            var path = _dialect.ItemPath(resource, parent, _dialect.PathKey(key), null);
            var response = await SendAsync(HttpMethod.Get, path, query, (HttpContent)null, context).ConfigureAwait(false);
            var item = Read(response, body => _dialect.ReadItem(body, resource, _dialect.Read<T>));
            StampParent(resource, parent, new[] { item });
            return item;
        }

        public async Task<OmnideskBulkResult<T>> CreateAsync<T>(OmnideskResource<T> resource, IReadOnlyList<long> parentIds, object draft,
            OmnideskCallContext context) where T : class
        {
            if (resource == null) throw new ArgumentNullException(nameof(resource));
            if (draft == null) throw new ArgumentNullException(nameof(draft));
            if (resource.Parent == null)
            {
                var created = await SendAsync(HttpMethod.Post, _dialect.CollectionPath(resource, null), null,
                    _dialect.Body(resource, null, Array.Empty<long>(), draft), context).ConfigureAwait(false);
                return Read(created, body => _dialect.ReadCreated(body, resource, _dialect.Read<T>));
            }
            var parents = CheckIds(resource.Parent, parentIds, resource.BulkSize);
            var path = _dialect.CollectionPath(resource, new OmnideskParentKey(_dialect.JoinKeys(parents), 0));
            var response = await SendAsync(HttpMethod.Post, path, null, _dialect.Body(resource, null, parents, draft), context).ConfigureAwait(false);
            return Read(response, body => _dialect.ReadBulk(body, resource, parents, true, false, _dialect.Read<T>));
        }

        public Task<OmnideskBulkResult<T>> UpdateAsync<T>(OmnideskResource<T> resource, OmnideskParentKey parent, IReadOnlyList<long> ids,
            object change, OmnideskCallContext context) where T : class
        {
            if (change == null) throw new ArgumentNullException(nameof(change));
            return WriteItemsAsync(resource, null, Put, parent, ids, change, context);
        }

        public Task<OmnideskBulkResult<T>> InvokeAsync<T>(OmnideskResource<T> resource, string action, OmnideskParentKey parent,
            IReadOnlyList<long> ids, object body, OmnideskCallContext context) where T : class
        {
            if (resource == null) throw new ArgumentNullException(nameof(resource));
            var described = resource.Action(action);
            return WriteItemsAsync(resource, described, new HttpMethod(described.Method), parent, ids, body, context);
        }

        private async Task<OmnideskBulkResult<T>> WriteItemsAsync<T>(OmnideskResource<T> resource, OmnideskAction action, HttpMethod method,
            OmnideskParentKey parent, IReadOnlyList<long> ids, object body, OmnideskCallContext context) where T : class
        {
            if (resource == null) throw new ArgumentNullException(nameof(resource));
            var bulk = action == null ? resource.BulkSize : action.Bulk ? resource.BulkSize : 1;
            // an action on the collection with no ids field (updateCustomer) names its item in the body
            var checkedIds = action != null && action.OnCollection && action.IdsField == null && ids != null && ids.Count == 0
                ? Array.Empty<long>()
                : CheckIds(resource, ids, bulk);
            var path = _dialect.ItemPath(resource, parent, _dialect.JoinKeys(checkedIds), action);
            var response = await SendAsync(method, path, null, _dialect.Body(resource, action, checkedIds, body), context).ConfigureAwait(false);
            // A delete is documented as "200 OK" alone: no answer means it is done.
            var isDelete = method.Method == Delete.Method;
            var result = Read(response, b => _dialect.ReadBulk(b, resource, checkedIds, false, isDelete, _dialect.Read<T>));
            StampParent(resource, parent, result.Items);
            return result;
        }

        public async Task<OmnideskResponse> SendAsync(string method, string path, IEnumerable<KeyValuePair<string, string>> query,
            string jsonBody, OmnideskCallContext context)
        {
            if (string.IsNullOrWhiteSpace(method)) throw new ArgumentException("An HTTP method is required.", nameof(method));
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A path is required.", nameof(path));
            var relative = path.Trim().TrimStart('/');
            if (Uri.TryCreate(relative, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
                throw new ArgumentException("Give a path relative to the API, such as 'cases.json', not a whole address.", nameof(path));
            relative = _dialect.RawPath(relative);
            var body = jsonBody == null ? null : RequestContent.Json(System.Text.Encoding.UTF8.GetBytes(jsonBody));
            var response = await SendAsync(new HttpMethod(method.Trim().ToUpperInvariant()), relative, query, body, context).ConfigureAwait(false);
            return new OmnideskResponse(response.StatusCode, response.ContentType, BodyText.Decode(response.Body, int.MaxValue, out _));
        }

        private static void StampParent<T>(OmnideskResource<T> resource, OmnideskParentKey parent, IEnumerable<T> items) where T : class
        {
            if (parent == null || parent.Id == 0 || resource.SetParentId == null) return;
            foreach (var item in items) if (item != null) resource.SetParentId(item, parent.Id);
        }

        /// <summary>1 to <paramref name="most"/> positive ids (the API's bulk limit for the resource).</summary>
        private static long[] CheckIds(OmnideskResource resource, IReadOnlyList<long> ids, int most)
        {
            if (ids == null) throw new ArgumentNullException(nameof(ids));
            if (ids.Count == 0) throw new ArgumentException($"At least one {resource.Name} id is required.", nameof(ids));
            if (ids.Count > most)
                throw new ArgumentException($"At most {most} {resource.Name} ids can go in one request; got {ids.Count}.", nameof(ids));
            foreach (var id in ids)
                if (id <= 0) throw new ArgumentOutOfRangeException(nameof(ids), id, $"A {resource.Name} id must be a positive number.");
            return ids.ToArray();
        }
    }
}

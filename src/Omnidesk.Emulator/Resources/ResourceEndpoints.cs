using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Omnidesk.Emulator
{
    /// <summary>A route of the /api table: a method, a path pattern and its handler.</summary>
    public sealed record ApiRoute(string Method, Regex Path, Func<ApiRequest, ApiResult> Handler);

    /// <summary>
    /// The handlers of one resource. Its routes are made from its <see cref="ResourceDescription"/>: one per verb the
    /// description names, to the method of that verb here, a state-change route when it has states, and the resource's own
    /// <see cref="Actions"/>. A resource overrides the methods of the verbs it has (<see cref="StoredResource{T}"/> does it
    /// generically); the others are never routed.
    /// </summary>
    public abstract class ResourceEndpoints
    {
        const RegexOptions PathOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

        protected ResourceEndpoints(ResourceDescription description) => Description = description;

        public ResourceDescription Description { get; }

        public virtual ApiResult List(ApiRequest r) => throw Unsupported(nameof(List));
        [SuppressMessage("Naming", "CA1716", Justification = "Named after its verb, ResourceVerbs.Get; only C# in this assembly overrides it.")]
        public virtual ApiResult Get(ApiRequest r) => throw Unsupported(nameof(Get));
        public virtual ApiResult Create(ApiRequest r) => throw Unsupported(nameof(Create));
        public virtual ApiResult Update(ApiRequest r) => throw Unsupported(nameof(Update));
        public virtual ApiResult Delete(ApiRequest r) => throw Unsupported(nameof(Delete));
        /// <summary>PUT /api/{path}/{id}/{state}.json; the state is <see cref="ApiRequest.State"/>.</summary>
        public virtual ApiResult ChangeState(ApiRequest r) => throw Unsupported(nameof(ChangeState));

        NotSupportedException Unsupported(string verb) => new(Description.Path + " describes no " + verb);

        /// <summary>Routes beyond the described verbs (a case's rating, its idea); see <see cref="ItemAction"/>.</summary>
        protected virtual IEnumerable<ApiRoute> Actions() => Enumerable.Empty<ApiRoute>();

        /// <summary>The resource's routes, in the order they are tried.</summary>
        public IEnumerable<ApiRoute> Routes()
        {
            var d = Description;
            if (d.Has(ResourceVerbs.List)) yield return Route("GET", CollectionPath(bulk: false), List);
            if (d.Has(ResourceVerbs.Create)) yield return Route("POST", CollectionPath(bulk: d.BulkSize > 0), Create);
            if (d.Has(ResourceVerbs.Get)) yield return Route("GET", ItemPath, Get);
            if (d.Has(ResourceVerbs.Update)) yield return Route("PUT", ItemPath, Update);
            if (d.Has(ResourceVerbs.Delete)) yield return Route("DELETE", ItemPath, Delete);
            if (d.States.Count > 0)
                yield return Route("PUT", ItemPath + "/(?<state>" + string.Join("|", d.States.Select(Regex.Escape)) + ")", ChangeState);
            foreach (var action in Actions()) yield return action;
        }

        /// <summary>
        /// /api/{path}, or under its parent /api/{parent}/(?&lt;parent&gt;…)/{path}: one parent id, or with
        /// <paramref name="bulk"/> a comma list of them.
        /// </summary>
        string CollectionPath(bool bulk)
        {
            var d = Description;
            if (d.Parent == null) return "/api/" + Regex.Escape(d.Path);
            return "/api/" + Regex.Escape(d.Parent.Path) + "/(?<parent>" + (bulk ? "[^/]+" : "[^/,]+") + ")/" + Regex.Escape(d.Path);
        }

        /// <summary>
        /// The item path: a top-level resource takes any segment (an id, a case number, a bulk comma list), a child
        /// resource a numeric id.
        /// </summary>
        string ItemPath => CollectionPath(bulk: false) + (Description.Parent == null ? "/(?<id>[^/]+)" : @"/(?<id>\d+)");

        /// <summary>A route on one item: {method} /api/{path}/(?&lt;id&gt;…)/{suffix}.json, the suffix a pattern.</summary>
        protected ApiRoute ItemAction(string method, string suffix, Func<ApiRequest, ApiResult> handler) =>
            Route(method, CollectionPath(bulk: false) + "/(?<id>[^/,]+)/" + suffix, handler);

        static ApiRoute Route(string method, string path, Func<ApiRequest, ApiResult> handler) =>
            new(method, new Regex("^" + path + @"\.json$", PathOptions), handler);

        // ---- helpers of the handlers ----

        /// <summary>404 with the description's error code.</summary>
        protected ApiResult NotFound() => ApiResult.Error(404, Description.NotFound);

        /// <summary>{"&lt;item key&gt;":{…}}</summary>
        protected byte[] ItemOf<T>(T item, Action<Utf8JsonWriter, T> write) => JsonOutput.Item(Description.ItemKey, item, write);

        /// <summary>A page of the list in the description's envelope; <paramref name="total"/> counts the matches of all pages.</summary>
        protected byte[] ListOf<T>(IReadOnlyList<T> page, int total, Action<Utf8JsonWriter, T> write) => Description.Envelope switch
        {
            ListEnvelope.Array => JsonOutput.ArrayList(Description.ItemKey, page, write),
            _ => JsonOutput.NumberedList(Description.ItemKey, page, total, write),
        };

        /// <summary>
        /// The ids of a path segment ("2000" or "2000,2001,…"): bulk when it has a comma; more than the description's
        /// bulk size → 400 too_many_….
        /// </summary>
        protected (List<string> Keys, bool Bulk, ApiResult Error) Keys(string raw)
        {
            var keys = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (keys.Count > Description.BulkSize) return (null, false, ApiResult.Error(400, Description.TooManyIds));
            return (keys, raw.Contains(','), null);
        }

        /// <summary>The answer of a bulk write: {"case_success_id":[…]}.</summary>
        protected byte[] SuccessIds(IEnumerable<long> ids) => JsonOutput.SuccessIds(Description.SuccessIdsKey, ids);
    }
}

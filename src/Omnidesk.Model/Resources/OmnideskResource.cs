using System;
using System.Collections.Generic;

namespace Omnidesk
{
    /// <summary>
    /// One resource of an API, described once: where it lives, how its items are wrapped and named, what it belongs
    /// to, how many go in one bulk request and which state changes it has. The engine's generic verbs build every
    /// request, parse every answer and page every list from this; the cmdlets bind identities from it.
    /// </summary>
    public abstract class OmnideskResource
    {
        private protected OmnideskResource(string name, string plural, string path, string itemKey, string idField)
        {
            Name = name;
            Plural = plural;
            Path = path;
            ItemKey = itemKey;
            IdField = idField;
        }

        /// <summary>The singular noun users read in messages: "case".</summary>
        public string Name { get; }

        /// <summary>The plural noun: "cases".</summary>
        public string Plural { get; }

        /// <summary>The collection's path segment under the API root (or under the parent's item): "cases".</summary>
        public string Path { get; }

        /// <summary>The key that wraps one item in answers and list envelopes: "case".</summary>
        public string ItemKey { get; }

        /// <summary>The key that wraps a body sent to the resource: the item key unless described otherwise ("note").</summary>
        public string BodyKey => _bodyKey ?? ItemKey;

        private string _bodyKey;

        /// <summary>The item's id field: "case_id".</summary>
        public string IdField { get; }

        /// <summary>A second identity the API accepts in place of the id (a case number), or null.</summary>
        public string NumberField { get; private set; }

        /// <summary>The resource whose item this one lives under (a case for messages), or null.</summary>
        public OmnideskResource Parent { get; private set; }

        /// <summary>The most ids one request may carry (joined "1,2,3" in the path); 1 when there is no bulk form.</summary>
        public int BulkSize { get; private set; } = 1;

        /// <summary>The largest page a list request may ask for.</summary>
        public int MaxPageSize { get; private set; } = 100;

        /// <summary>The last page the API serves for one query; later pages are never asked for.</summary>
        public long MaxPage { get; private set; } = 500;

        /// <summary>Whether the API has a list of this resource.</summary>
        public bool CanList { get; private set; } = true;

        /// <summary>The state changes and sub-resource actions of one item, by name ("trash", "rate", ...).</summary>
        public IReadOnlyDictionary<string, OmnideskAction> Actions => _actions;

        private readonly Dictionary<string, OmnideskAction> _actions = new Dictionary<string, OmnideskAction>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The .NET type of an item.</summary>
        public abstract Type ItemType { get; }

        /// <summary>An action of this resource; throws when it has none of that name.</summary>
        public OmnideskAction Action(string name)
        {
            if (name != null && _actions.TryGetValue(name, out var action)) return action;
            throw new ArgumentException($"A {Name} has no action '{name}'.", nameof(name));
        }

        public override string ToString() => Plural;

        /// <summary>Configuration while a resource is described: each setter returns the resource.</summary>
        private protected void SetNumberField(string field) => NumberField = field;
        private protected void SetBodyKey(string key) => _bodyKey = key;
        private protected void SetParent(OmnideskResource parent) => Parent = parent;
        private protected void SetBulkSize(int size) => BulkSize = size;
        private protected void SetPaging(int maxPageSize, long maxPage) { MaxPageSize = maxPageSize; MaxPage = maxPage; }
        private protected void SetNoList() => CanList = false;
        private protected void AddAction(OmnideskAction action) => _actions[action.Name] = action;
    }

    /// <summary>A resource whose items are <typeparamref name="T"/>.</summary>
    public sealed class OmnideskResource<T> : OmnideskResource where T : class
    {
        public OmnideskResource(string name, string plural, string path, string itemKey, string idField)
            : base(name, plural, path, itemKey, idField)
        {
        }

        public override Type ItemType => typeof(T);

        public OmnideskResource<T> WithNumber(string numberField)
        {
            SetNumberField(numberField);
            return this;
        }

        public OmnideskResource<T> WithBodyKey(string bodyKey)
        {
            SetBodyKey(bodyKey);
            return this;
        }

        /// <summary>Items live under an item of <paramref name="parent"/>; <paramref name="setParentId"/> stamps its id on each read item.</summary>
        public OmnideskResource<T> Under(OmnideskResource parent, Action<T, long> setParentId = null)
        {
            SetParent(parent);
            SetParentId = setParentId;
            return this;
        }

        /// <summary>Stamps the parent's id on an item read under it (the API leaves it out), or null.</summary>
        public Action<T, long> SetParentId { get; private set; }

        public OmnideskResource<T> WithBulk(int size)
        {
            SetBulkSize(size);
            return this;
        }

        public OmnideskResource<T> WithPaging(int maxPageSize, long maxPage)
        {
            SetPaging(maxPageSize, maxPage);
            return this;
        }

        public OmnideskResource<T> WithoutList()
        {
            SetNoList();
            return this;
        }

        public OmnideskResource<T> With(OmnideskAction action)
        {
            AddAction(action);
            return this;
        }
    }

    /// <summary>
    /// A state change or sub-resource of one item (or of a bulk of items): PUT /api/cases/{ids}/trash.json is
    /// ("trash", PUT, "trash"); DELETE /api/cases/{ids}.json is ("delete", DELETE, null).
    /// </summary>
    public sealed class OmnideskAction
    {
        public OmnideskAction(string name, string method, string segment, string bodyKey = null, bool bulk = false, bool onParent = false,
            bool onCollection = false, string idsField = null)
        {
            OnCollection = onCollection;
            IdsField = idsField;
            Name = name;
            Method = method;
            Segment = segment;
            BodyKey = bodyKey;
            Bulk = bulk;
            OnParent = onParent;
        }

        /// <summary>
        /// The path is the parent item's, then <see cref="Segment"/> with {id} replaced by the item's id:
        /// PUT /api/cases/{case}/rate/{message}.json rates a message.
        /// </summary>
        public bool OnParent { get; }

        /// <summary>
        /// The path is the collection's, then <see cref="Segment"/>, with no id in it: POST /api/v2/ticket/setstatus.
        /// The items' ids, if any, go in the body as <see cref="IdsField"/>.
        /// </summary>
        public bool OnCollection { get; }

        /// <summary>The body field that carries the items' ids of an action on the collection ("ticketIDs"), or null.</summary>
        public string IdsField { get; }

        public string Name { get; }

        /// <summary>The HTTP method: "PUT", "DELETE", ...</summary>
        public string Method { get; }

        /// <summary>The path segment after the item's id ("trash"), or null for the item itself.</summary>
        public string Segment { get; }

        /// <summary>The key that wraps the body ("rate"), or null when the action sends no body or an unwrapped one.</summary>
        public string BodyKey { get; }

        /// <summary>Whether the action takes several ids at once (up to the resource's bulk size).</summary>
        public bool Bulk { get; }
    }
}

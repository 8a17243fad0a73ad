using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>
    /// The generic handlers of a resource kept in a <see cref="ResourceTable{T}"/>, driven by its description: the list
    /// (numbered envelope, paged with the description's limits), get by id, and create, update and delete. A resource
    /// adds how an item is written and, when it is writable, how a body makes or changes one.
    /// </summary>
    public abstract class StoredResource<T> : ResourceEndpoints where T : class, IResourceItem
    {
        protected StoredResource(ResourceDescription description) : base(description)
        {
        }

        /// <summary>The resource's table in the account's store.</summary>
        protected abstract ResourceTable<T> Table(DataStore store);

        /// <summary>The item's fields after its id field.</summary>
        protected abstract void WriteFields(Utf8JsonWriter w, T item);

        /// <summary>
        /// Validates a create: returns null and the maker of the new item (given its id), or the error code of a 400.
        /// <paramref name="body"/> is the body's wrapper object (undefined when it is missing).
        /// </summary>
        protected virtual string TryCreate(JsonElement body, DataStore store, out Func<long, T> create) =>
            throw new NotSupportedException(Description.Path + " cannot be created");

        /// <summary>Validates an update: returns null and the change of the item (its id kept), or the error code of a 400.</summary>
        protected virtual string TryUpdate(JsonElement body, DataStore store, out Func<T, T> change) =>
            throw new NotSupportedException(Description.Path + " cannot be updated");

        /// <summary>What else a delete does (under no lock), after the item is gone.</summary>
        protected virtual void Deleted(DataStore store, long id)
        {
        }

        void WriteItem(Utf8JsonWriter w, T item)
        {
            w.WriteStartObject();
            w.WriteNumber(Description.IdField, item.Id);
            WriteFields(w, item);
            w.WriteEndObject();
        }

        public override ApiResult List(ApiRequest r)
        {
            var all = Table(r.Store).All;
            if (!Description.Paged) return ApiResult.Ok(ListOf(all, all.Count, WriteItem));
            string error = Paging.TryParse(r.Http.Request.Query, Description, out int page, out int limit);
            if (error != null) return ApiResult.Error(400, error);
            long skip = (long)(page - 1) * limit;
            var items = skip >= all.Count ? new List<T>() : all.Skip((int)skip).Take(limit).ToList();
            return ApiResult.Ok(ListOf(items, all.Count, WriteItem));
        }

        public override ApiResult Get(ApiRequest r)
        {
            var item = Table(r.Store).Find(r.Id);
            return item == null ? NotFound() : ApiResult.Ok(ItemOf(item, WriteItem));
        }

        /// <summary>201 and the new item.</summary>
        public override ApiResult Create(ApiRequest r)
        {
            string error = TryCreate(r.Body.Get(Description.BodyKey), r.Store, out var create);
            if (error != null) return ApiResult.Error(400, error);
            return ApiResult.Created(ItemOf(Table(r.Store).Add(create), WriteItem));
        }

        /// <summary>200 and the changed item; an unknown id → 404 before the body is looked at.</summary>
        public override ApiResult Update(ApiRequest r)
        {
            var table = Table(r.Store);
            var existing = table.Find(r.Id);
            if (existing == null) return NotFound();
            string error = TryUpdate(r.Body.Get(Description.BodyKey), r.Store, out var change);
            if (error != null) return ApiResult.Error(400, error);
            var updated = table.Replace(existing.Id, change);
            return updated == null ? NotFound() : ApiResult.Ok(ItemOf(updated, WriteItem));
        }

        /// <summary>200 [].</summary>
        public override ApiResult Delete(ApiRequest r)
        {
            var existing = Table(r.Store).Find(r.Id);
            if (existing == null || !Table(r.Store).Remove(existing.Id)) return NotFound();
            Deleted(r.Store, existing.Id);
            return ApiResult.Ok(JsonOutput.EmptyArray());
        }
    }
}

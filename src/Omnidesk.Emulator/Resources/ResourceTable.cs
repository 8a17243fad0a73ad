using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace Omnidesk.Emulator
{
    /// <summary>An item of a <see cref="ResourceTable{T}"/>: immutable, so readers share it and a write replaces it.</summary>
    public interface IResourceItem
    {
        long Id { get; }
    }

    /// <summary>
    /// The items of one resource, in id order, back to their seed on <see cref="Reset"/>. Readers take no lock: they see
    /// an immutable snapshot, which each write replaces. These tables are small and rarely written, and so authenticating
    /// a request or validating a case write never waits for a write, nor for the case store's lock.
    /// </summary>
    public sealed class ResourceTable<T> where T : class, IResourceItem
    {
        sealed class Snapshot
        {
            public Snapshot(List<T> items)
            {
                Items = new ReadOnlyCollection<T>(items);
                ById = items.ToDictionary(i => i.Id);
            }

            public ReadOnlyCollection<T> Items { get; }
            public Dictionary<long, T> ById { get; }
        }

        readonly IReadOnlyList<T> _seed;
        readonly object _writeLock = new();
        volatile Snapshot _snapshot;
        long _nextId;

        public ResourceTable(IReadOnlyList<T> seed)
        {
            _seed = seed;
            Reset();
        }

        /// <summary>Every item, in id order.</summary>
        public IReadOnlyList<T> All => _snapshot.Items;

        public T Find(long id) => _snapshot.ById.GetValueOrDefault(id);

        /// <summary>The item whose id is this path segment, or null (also for anything but a plain number).</summary>
        public T Find(string id) =>
            long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? Find(n) : null;

        /// <summary>Back to the seeded items; new ids start after the highest seeded one again.</summary>
        public void Reset()
        {
            lock (_writeLock)
            {
                var items = _seed.OrderBy(i => i.Id).ToList();
                _nextId = items.Count == 0 ? 1 : items[^1].Id + 1;
                _snapshot = new Snapshot(items);
            }
        }

        /// <summary>Adds the item <paramref name="create"/> makes for the next id (ids of deleted items are not reused).</summary>
        public T Add(Func<long, T> create)
        {
            lock (_writeLock)
            {
                var item = create(_nextId++);
                _snapshot = new Snapshot(_snapshot.Items.Append(item).ToList());
                return item;
            }
        }

        /// <summary>Replaces an item by what <paramref name="change"/> makes of it; null when there is no such item.</summary>
        public T Replace(long id, Func<T, T> change)
        {
            lock (_writeLock)
            {
                var old = Find(id);
                if (old == null) return null;
                var item = change(old);
                _snapshot = new Snapshot(_snapshot.Items.Select(i => i.Id == id ? item : i).ToList());
                return item;
            }
        }

        public bool Remove(long id)
        {
            lock (_writeLock)
            {
                if (Find(id) == null) return false;
                _snapshot = new Snapshot(_snapshot.Items.Where(i => i.Id != id).ToList());
                return true;
            }
        }
    }
}

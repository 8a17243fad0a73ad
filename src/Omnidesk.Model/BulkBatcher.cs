using System.Collections.Generic;

namespace Omnidesk
{
    /// <summary>
    /// Groups ids for bulk requests: ids queued with equal changes (the same key) share batches of at most the bulk
    /// size, in the order they came. A batch is handed out as soon as it is full, the rest at the end; an id is taken
    /// once. No I/O, so it lives here, next to the contract, where the cmdlets use it and tests reach it directly.
    /// </summary>
    internal sealed class BulkBatcher<TChange>
    {
        private readonly int _size;
        private readonly Dictionary<string, BulkBatch<TChange>> _byKey = new Dictionary<string, BulkBatch<TChange>>();
        /// <summary>The batches not yet full, in the order they were begun (few: one per distinct change).</summary>
        private readonly List<BulkBatch<TChange>> _open = new List<BulkBatch<TChange>>();
        private readonly HashSet<long> _taken = new HashSet<long>();

        /// <param name="size">The most ids one request may carry (<see cref="OmnideskResource.BulkSize"/>).</param>
        public BulkBatcher(int size)
        {
            if (size < 1) throw new System.ArgumentOutOfRangeException(nameof(size));
            _size = size;
        }

        /// <summary>
        /// Queues <paramref name="id"/> with its change; false (and nothing queued) when the id came before. When the id
        /// fills its batch, <paramref name="full"/> is that batch, to send now; else null.
        /// </summary>
        public bool Add(long id, string changeKey, TChange change, out BulkBatch<TChange> full)
        {
            full = null;
            if (!_taken.Add(id)) return false;
            if (!_byKey.TryGetValue(changeKey, out var batch))
            {
                _byKey[changeKey] = batch = new BulkBatch<TChange>(change);
                _open.Add(batch);
            }
            batch.Add(id);
            if (batch.Ids.Count == _size)
            {
                _byKey.Remove(changeKey);
                _open.Remove(batch);
                full = batch;
            }
            return true;
        }

        /// <summary>The batches not yet full, in the order they were begun; the batcher forgets them.</summary>
        public IReadOnlyList<BulkBatch<TChange>> TakeRest()
        {
            var rest = _open.ToArray();
            _open.Clear();
            _byKey.Clear();
            return rest;
        }
    }

    /// <summary>Ids that go in one bulk request, with the change they all get.</summary>
    internal sealed class BulkBatch<TChange>
    {
        private readonly List<long> _ids = new List<long>();

        public BulkBatch(TChange change) => Change = change;

        public TChange Change { get; }

        public IReadOnlyList<long> Ids => _ids;

        internal void Add(long id) => _ids.Add(id);
    }
}

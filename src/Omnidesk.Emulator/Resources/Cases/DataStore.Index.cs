using System;
using System.Collections.Generic;

namespace Omnidesk.Emulator
{
    /// <summary>
    /// One ascending order of all cases for a sort family (updated_at, created_at, response, priority, status): entries
    /// (key, case_id), so ties break by case_id and the order is total. The descending sort is this order reversed (the
    /// tie-break goes with the sort direction). Built lazily on the first list request with that sort, then kept up to
    /// date incrementally: every write marks the case dirty, and the next query moves just the dirty cases (binary search,
    /// remove and insert) instead of sorting everything again. Used only under the store lock.
    /// </summary>
    sealed class SortIndex
    {
        /// <summary>
        /// An entry of the order. <see cref="Case"/> is the live case and <see cref="Bits"/> its hidden flags, status and
        /// priority (<see cref="CaseQuery.BitsOf"/>): neither is compared. The bits let common queries skip reading the
        /// case objects (scattered in memory: at 100 000 cases that cache-missing is most of the time).
        /// </summary>
        public readonly record struct Entry(long Key, long CaseId, EmuCase Case = null, int Bits = 0) : IComparable<Entry>
        {
            public int CompareTo(Entry other)
            {
                int r = Key.CompareTo(other.Key);
                return r != 0 ? r : CaseId.CompareTo(other.CaseId);
            }
        }

        /// <summary>Past this many dirty cases a full rebuild is cheaper than moving them one by one.</summary>
        const int MaxIncremental = 2048;

        readonly Func<EmuCase, long> _key;
        readonly List<Entry> _entries = new();
        readonly Dictionary<long, long> _keyOf = new();
        readonly HashSet<long> _dirty = new();
        bool _stale = true;

        public SortIndex(Func<EmuCase, long> key) => _key = key;

        public long KeyOf(EmuCase c) => _key(c);

        public void MarkDirty(long caseId)
        {
            if (_stale) return;
            _dirty.Add(caseId);
            if (_dirty.Count > MaxIncremental) Invalidate();
        }

        public void Invalidate()
        {
            _stale = true;
            _dirty.Clear();
        }

        /// <summary>The entries, ascending, brought up to date with <paramref name="byId"/> (the live cases).</summary>
        public List<Entry> Entries(IReadOnlyCollection<EmuCase> cases, IReadOnlyDictionary<long, EmuCase> byId)
        {
            if (!_stale && _dirty.Count > 0)
            {
                foreach (long id in _dirty)
                {
                    if (_keyOf.Remove(id, out long oldKey))
                    {
                        int at = _entries.BinarySearch(new Entry(oldKey, id));
                        if (at < 0) { _stale = true; break; }
                        _entries.RemoveAt(at);
                    }
                    if (byId.TryGetValue(id, out var c))
                    {
                        var e = new Entry(_key(c), id, c, CaseQuery.BitsOf(c));
                        int at = _entries.BinarySearch(e);
                        if (at >= 0) { _stale = true; break; }
                        _entries.Insert(~at, e);
                        _keyOf[id] = e.Key;
                    }
                }
                _dirty.Clear();
            }
            if (_stale || _entries.Count != byId.Count) Rebuild(cases);
            return _entries;
        }

        void Rebuild(IReadOnlyCollection<EmuCase> cases)
        {
            _entries.Clear();
            _keyOf.Clear();
            _dirty.Clear();
            if (_entries.Capacity < cases.Count) _entries.Capacity = cases.Count;
            foreach (var c in cases)
            {
                long k = _key(c);
                _entries.Add(new Entry(k, c.CaseId, c, CaseQuery.BitsOf(c)));
                _keyOf[c.CaseId] = k;
            }
            _entries.Sort();
            _stale = false;
        }

        /// <summary>The first index whose key is ≥ <paramref name="key"/>.</summary>
        public static int LowerBound(List<Entry> entries, long key)
        {
            int at = entries.BinarySearch(new Entry(key, long.MinValue));
            return at >= 0 ? at : ~at;
        }

        /// <summary>The sort key of each family; dates as UTC ticks (the order of DateTimeOffset comparison).</summary>
        public static Func<EmuCase, long> KeyFor(string family) => family switch
        {
            "updated_at" => c => c.UpdatedAt.UtcTicks,
            "created_at" => c => c.CreatedAt.UtcTicks,
            // cases without a response sort as the oldest
            "response" => c => c.LastResponseAt?.UtcTicks ?? long.MinValue,
            "priority" => c => Array.IndexOf(CaseWrites.Priorities, c.Priority),
            _ => c => Array.IndexOf(CaseWrites.Statuses, c.Status),
        };
    }

    public sealed partial class DataStore
    {
        readonly Dictionary<string, SortIndex> _indexes = new(StringComparer.Ordinal);

        /// <summary>Call (under the lock) after changing, adding or removing a case, so the sorted orders follow.</summary>
        void MarkDirty(long caseId)
        {
            foreach (var index in _indexes.Values) index.MarkDirty(caseId);
        }

        void InvalidateIndexes()
        {
            foreach (var index in _indexes.Values) index.Invalidate();
        }

        /// <summary>
        /// The list query on the sorted order of its sort: walks the order (backwards for _desc), narrowed by binary
        /// search to the time window when the sort is by the same date, counts every match and copies the page.
        /// </summary>
        (int Total, List<EmuCase> Page) QueryIndexed(CaseQuery query, EmuStaff me)
        {
            string family = query.SortFamily;
            if (!_indexes.TryGetValue(family, out var index))
                _indexes[family] = index = new SortIndex(SortIndex.KeyFor(family));
            var entries = index.Entries(_cases, _byId);

            int lo = 0, hi = entries.Count; // [lo, hi)
            var window = family switch
            {
                "created_at" => query.CreatedWindow,
                "updated_at" => query.UpdatedWindow,
                _ => (null, null),
            };
            if (window.From is long from) lo = SortIndex.LowerBound(entries, TicksOfSecond(from));
            if (window.To is long to) hi = Math.Max(lo, SortIndex.LowerBound(entries, TicksOfSecond(to + 1)));

            long skip = (long)(query.Page - 1) * query.Limit;
            int total = 0;
            var page = new List<EmuCase>();
            bool desc = query.Descending, needsCase = query.NeedsCase(family);
            for (int n = 0; n < hi - lo; n++)
            {
                var e = entries[desc ? hi - 1 - n : lo + n];
                if (!query.MatchesBits(e.Bits)) continue;
                var c = e.Case;
                if (needsCase)
                {
                    if (index.KeyOf(c) != e.Key || CaseQuery.BitsOf(c) != e.Bits)
                    {
                        // a write that did not mark its case dirty: rebuild rather than answer out of order
                        index.Invalidate();
                        return QueryIndexed(query, me);
                    }
                    if (!query.Matches(c, me, this)) continue;
                }
                if (total >= skip && page.Count < query.Limit) page.Add(c.Clone());
                total++;
            }
            return (total, page);
        }

        static long TicksOfSecond(long unixSeconds)
        {
            // clamp to DateTimeOffset's range (TryParseTime already limits it; to + 1 may step past the end)
            const long maxSeconds = 253402300800L;
            unixSeconds = Math.Clamp(unixSeconds, -62135596800L, maxSeconds);
            return DateTime.UnixEpoch.Ticks + unixSeconds * TimeSpan.TicksPerSecond;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Omnidesk.Engine.Listing
{
    /// <summary>
    /// The cases of several readers one after another, with -Skip/-First applied to the whole: the parts of a query
    /// split on an array filter over the API's 20 values, whose results are merged each case once, or one walk by
    /// creation time. Only merged parts can repeat a case, so only they keep the set of ids returned.
    /// </summary>
    internal sealed class MergedCaseReader : IOmnideskListReader<OmnideskCase>
    {
        private readonly IOmnideskListReader<OmnideskCase>[] _parts;
        private readonly OmnideskListPage<OmnideskCase>[] _pending;
        private readonly HashSet<long> _seen;
        private readonly ulong _skip;
        private readonly ulong _first;
        private readonly bool _includeTotalCount;
        private readonly bool _disjoint;
        private ulong _skipped;
        private ulong _returned;
        private int _current;
        private bool _started;
        private bool _done;

        /// <param name="parts">The readers, each over the whole of its part (no window of its own).</param>
        /// <param name="disjoint">No case matches two parts, so their totals add up exactly.</param>
        public MergedCaseReader(IReadOnlyList<IOmnideskListReader<OmnideskCase>> parts, bool disjoint, OmnideskListWindow window)
        {
            _parts = parts.ToArray();
            _pending = new OmnideskListPage<OmnideskCase>[_parts.Length];
            _seen = _parts.Length > 1 ? new HashSet<long>() : null;
            _disjoint = disjoint;
            _skip = window.Skip;
            _first = window.First;
            _includeTotalCount = window.IncludeTotalCount;
            _done = _first == 0 && !_includeTotalCount;
        }

        public long? TotalCount { get; private set; }

        public double TotalAccuracy => _parts.Length == 1 || _disjoint ? 1.0 : 0.5;

        public async Task<OmnideskListPage<OmnideskCase>> NextAsync()
        {
            if (_done) return null;
            if (!_started)
            {
                _started = true;
                if (_includeTotalCount)
                {
                    // The total comes before any case, so every part's first page is read before the first is returned.
                    long sum = 0;
                    var known = true;
                    for (var i = 0; i < _parts.Length; i++)
                    {
                        _pending[i] = await _parts[i].NextAsync().ConfigureAwait(false);
                        if (_parts[i].TotalCount.HasValue) sum += _parts[i].TotalCount.Value;
                        else known = false;
                    }
                    TotalCount = known ? sum : (long?)null;
                }
            }
            while (_current < _parts.Length)
            {
                var page = _pending[_current] ?? await _parts[_current].NextAsync().ConfigureAwait(false);
                _pending[_current] = null;
                if (page == null)
                {
                    _parts[_current].Dispose();
                    _current++;
                    continue;
                }
                var items = Select(page.Items);
                if (_returned < _first) return page.Items == items ? page : Copy(page, items, page.CutAtPageLimit);
                // -First is reached: later pages are not read, and a page limit does not matter any more.
                Dispose();
                return Copy(page, items, false);
            }
            _done = true;
            return null;
        }

        private static OmnideskListPage<OmnideskCase> Copy(OmnideskListPage<OmnideskCase> page, IReadOnlyList<OmnideskCase> items, bool cut) =>
            new OmnideskListPage<OmnideskCase>(page.Number, page.Limit, page.Answer, items, cut, cut ? page.UnreachedCount : null);

        /// <summary>The cases of a page the caller gets: not returned before, past -Skip, within -First. No copy when that is all.</summary>
        private IReadOnlyList<OmnideskCase> Select(IReadOnlyList<OmnideskCase> cases)
        {
            List<OmnideskCase> selected = null;
            for (var i = 0; i < cases.Count; i++)
            {
                var item = cases[i];
                var keep = (_seen == null || _seen.Add(item.CaseId)) && !Skipped() && _returned < _first;
                if (keep) _returned++;
                if (keep && selected != null) selected.Add(item);
                else if (!keep && selected == null) selected = new List<OmnideskCase>(cases.Take(i));
            }
            return selected ?? cases;
        }

        private bool Skipped()
        {
            if (_skipped >= _skip) return false;
            _skipped++;
            return true;
        }

        public void Dispose()
        {
            _done = true;
            foreach (var part in _parts) part.Dispose();
        }
    }
}

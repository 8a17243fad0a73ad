using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Omnidesk.Engine.Listing
{
    /// <summary>
    /// Reads a whole listing by creation time (see <see cref="CreationSlice"/>). The first answer is returned before
    /// anything else is asked: a reader that wants a few cases costs one request. Once it told the total and the first
    /// creation time, and one more request the last, the span is cut into slices of about <see cref="SlicePages"/>
    /// pages; up to the concurrency slices are walked at once, each at most that many pages ahead (memory stays
    /// bounded), and returned in order. The slices do not overlap: each case comes once.
    /// </summary>
    internal sealed class CreationWalk : IOmnideskListReader<OmnideskCase>
    {
        /// <summary>Pages of a creation-time slice: each slice ends with a part page, so smaller slices cost requests.</summary>
        internal const int SlicePages = 8;

        private readonly CaseFetch _fetch;
        private readonly OmnideskCaseQuery _query;
        private readonly bool _descending;
        private readonly int _limit;
        private readonly int _concurrency;
        private readonly ReaderCancellation _cancellation;
        private OmnideskPage<OmnideskCase> _first;
        private Queue<OmnideskCaseQuery> _spans;
        private readonly Queue<CreationSlice> _walking = new Queue<CreationSlice>();
        private long _answers;
        private bool _done;

        /// <param name="query">The filters; its Sort is null, created_at_asc or created_at_desc.</param>
        public CreationWalk(CaseFetch fetch, OmnideskCaseQuery query, int limit, int concurrency, OmnideskCallContext context)
        {
            _fetch = fetch;
            _query = query;
            _descending = query.Sort == "created_at_desc";
            _limit = limit;
            _concurrency = Math.Max(1, concurrency);
            _cancellation = new ReaderCancellation(context);
        }

        public long? TotalCount => _first?.TotalCount;

        public double TotalAccuracy => 1.0;

        public async Task<OmnideskListPage<OmnideskCase>> NextAsync()
        {
            if (_done) return null;
            if (_first == null)
            {
                var start = _query.Clone();
                start.Sort = _descending ? "created_at_desc" : "created_at_asc";
                _first = await _fetch(start, 1, _limit, _cancellation.Context).ConfigureAwait(false);
                _answers = 1;
                _done = _first.Items.Count < _limit;
                return new OmnideskListPage<OmnideskCase>(1, _limit, _first, _first.Items);
            }
            if (_spans == null)
            {
                _spans = new Queue<OmnideskCaseQuery>(await SlicesAsync().ConfigureAwait(false));
                // The first slice goes on after the first answer, which it is given; the others start from nothing.
                var firstPage = _first;
                while (_spans.Count > 0 && _walking.Count < _concurrency)
                {
                    StartNext(firstPage);
                    firstPage = null;
                }
            }
            while (_walking.Count > 0)
            {
                var batch = await _walking.Peek().NextAsync().ConfigureAwait(false);
                if (batch != null)
                    return new OmnideskListPage<OmnideskCase>(++_answers, _limit, new OmnideskPage<OmnideskCase>(batch, _first.TotalCount), batch);
                _walking.Dequeue();
                if (_spans.Count > 0) StartNext(null);
            }
            _done = true;
            return null;
        }

        private void StartNext(OmnideskPage<OmnideskCase> firstPage) =>
            _walking.Enqueue(new CreationSlice(_fetch, _spans.Dequeue(), _descending, _limit, SlicePages, firstPage, _cancellation.Context));

        /// <summary>
        /// The spans of creation time still to walk after the first answer. The first span goes on from that answer to
        /// the end of its last second. For a small listing or a concurrency of 1 it is the rest of the query; else the
        /// time up to the last creation second (asked for once) is cut into slices of about <see cref="SlicePages"/>
        /// pages, the last one open like the query.
        /// </summary>
        private async Task<List<OmnideskCaseQuery>> SlicesAsync()
        {
            var total = _first.TotalCount ?? 0;
            var near = CreationSlice.Second(_first.Items[_first.Items.Count - 1].CreatedAt);
            DateTimeOffset? end = null;
            if (_concurrency > 1 && near.HasValue && total > 2L * SlicePages * _limit)
            {
                var opposite = _query.Clone();
                opposite.Sort = _descending ? "created_at_asc" : "created_at_desc";
                var last = await _fetch(opposite, 1, 1, _cancellation.Context).ConfigureAwait(false);
                end = CreationSlice.Second(last.Items.Count > 0 ? last.Items[0].CreatedAt : null);
            }
            var slices = new List<OmnideskCaseQuery>();
            if (!end.HasValue || end == near)
            {
                slices.Add(_query);
                return slices;
            }

            var head = _query.Clone();
            if (_descending) head.CreatedAfter = near;
            else head.CreatedBefore = near;
            slices.Add(head);

            var step = _descending ? -1 : 1;
            var seconds = Math.Abs((end.Value - near.Value).TotalSeconds);
            var count = (long)Math.Max(1, Math.Min(Math.Ceiling((total - _first.Items.Count) / ((double)SlicePages * _limit)), 10000));
            var span = Math.Max(1L, (long)Math.Ceiling(seconds / count));
            var from = near.Value.AddSeconds(step);
            while (true)
            {
                var slice = _query.Clone();
                var next = from.AddSeconds(step * span);
                var isLast = _descending ? next < end.Value : next > end.Value;
                if (_descending)
                {
                    slice.CreatedBefore = from;
                    if (!isLast) slice.CreatedAfter = next.AddSeconds(1);
                }
                else
                {
                    slice.CreatedAfter = from;
                    if (!isLast) slice.CreatedBefore = next.AddSeconds(-1);
                }
                slices.Add(slice);
                if (isLast) return slices;
                from = next;
            }
        }

        /// <summary>Stops the slices being walked: a reader that stops early stops the walks ahead of it.</summary>
        public void Dispose()
        {
            _done = true;
            _cancellation.Dispose();
        }
    }
}

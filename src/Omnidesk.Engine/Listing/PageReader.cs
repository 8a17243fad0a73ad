using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Omnidesk.Engine.Listing
{
    /// <summary>
    /// Reads a list by page numbers for a -Skip/-First window: the window becomes the page and limit that serve it
    /// (<see cref="PageWindow"/>), so only the pages needed are asked for. The first page is asked alone; once its
    /// answer gave the total, up to the concurrency later pages are read ahead at once, and only that many are held.
    /// No page past the API's last one is asked for; a list cut short there says how many matches it left.
    /// </summary>
    internal sealed class PageReader<T> : IOmnideskListReader<T>
    {
        private readonly Func<long, int, OmnideskCallContext, Task<OmnideskPage<T>>> _fetch;
        private readonly ReaderCancellation _cancellation;
        private readonly long _maxPage;
        private readonly int _concurrency;
        private readonly int _limit;
        private readonly ulong _first;
        /// <summary>The last page -First can need: nothing past it is ever asked for, read-ahead included.</summary>
        private readonly long _lastWanted;
        private readonly Queue<KeyValuePair<long, Task<OmnideskPage<T>>>> _inFlight = new Queue<KeyValuePair<long, Task<OmnideskPage<T>>>>();
        private int _offset;
        private ulong _returned;
        private long _next;
        /// <summary>Until the first answer tells the total, only the first page is asked for.</summary>
        private long _last = long.MaxValue;
        private int _ahead = 1;
        private bool _started;
        private bool _done;

        public PageReader(Func<long, int, OmnideskCallContext, Task<OmnideskPage<T>>> fetch, OmnideskListWindow window, long maxPage,
            int concurrency, OmnideskCallContext context)
        {
            _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
            _maxPage = maxPage;
            _concurrency = Math.Max(1, concurrency);
            _first = window.First;
            var chosen = PageWindow.Choose(window.Skip, _first, window.PageSize, maxPage);
            _next = chosen.Page;
            _limit = chosen.Limit;
            _offset = chosen.Offset;
            _lastWanted = _first == ulong.MaxValue
                ? long.MaxValue
                : chosen.Page + (long)Math.Min((ulong)chosen.Offset + Math.Max(_first, 1UL) - 1, long.MaxValue - 1) / chosen.Limit;
            // -First 0 reads nothing, unless the total is wanted: then the first answer is read for it.
            _done = _first == 0 && !window.IncludeTotalCount;
            _cancellation = new ReaderCancellation(context);
        }

        public long? TotalCount { get; private set; }

        public double TotalAccuracy => 1.0;

        public async Task<OmnideskListPage<T>> NextAsync()
        {
            if (_done) return null;
            while (_inFlight.Count < _ahead && _next <= _last)
            {
                _inFlight.Enqueue(new KeyValuePair<long, Task<OmnideskPage<T>>>(_next, _fetch(_next, _limit, _cancellation.Context)));
                _next++;
            }
            if (_inFlight.Count == 0)
            {
                _done = true;
                return null;
            }

            var started = _inFlight.Dequeue();
            var page = started.Key;
            var answer = await started.Value.ConfigureAwait(false);
            if (!_started)
            {
                _started = true;
                var total = answer.TotalCount;
                TotalCount = total;
                _last = Math.Min(Math.Min(_lastWanted, _maxPage), total.HasValue ? (total.Value + _limit - 1) / _limit : long.MaxValue);
                _ahead = total.HasValue ? _concurrency : 1;
            }

            var items = Window(answer.Items);
            if (_returned >= _first || IsComplete(answer, page))
            {
                _done = true;
            }
            else if (page >= _maxPage)
            {
                // More match and the caller wants them, but the API serves no later page.
                _done = true;
                var unreached = answer.TotalCount.HasValue ? answer.TotalCount.Value - page * _limit : (long?)null;
                return new OmnideskListPage<T>(page, _limit, answer, items, true, unreached);
            }
            return new OmnideskListPage<T>(page, _limit, answer, items);
        }

        /// <summary>The answer's items inside the window; the answer's own list when that is all of it (no copy).</summary>
        private IReadOnlyList<T> Window(IReadOnlyList<T> items)
        {
            var offset = _offset;
            _offset = 0;
            var count = Math.Max(0, items.Count - offset);
            if ((ulong)count > _first - _returned) count = (int)(_first - _returned);
            _returned += (ulong)count;
            if (offset == 0 && count == items.Count) return items;
            var part = new T[count];
            for (var i = 0; i < count; i++) part[i] = items[offset + i];
            return part;
        }

        /// <summary>The answer ends the list: a short page, or the total reached.</summary>
        private bool IsComplete(OmnideskPage<T> answer, long page) =>
            answer.Items.Count < _limit || (answer.TotalCount.HasValue && page * _limit >= answer.TotalCount.Value);

        public void Dispose()
        {
            _done = true;
            // Read-ahead nobody will read is cancelled; its failures are observed so they are not reported as unobserved.
            foreach (var started in _inFlight)
                started.Value.ContinueWith(t => _ = t.Exception, CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            _inFlight.Clear();
            _cancellation.Dispose();
        }
    }
}

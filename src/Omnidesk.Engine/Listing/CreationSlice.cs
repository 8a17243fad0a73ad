using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Omnidesk.Engine.Listing
{
    /// <summary>
    /// Walks the cases created in one span of time by keyset paging on the creation time, which never changes: each
    /// request asks for page 1 from the creation second of the last case read (from_time, or to_time when
    /// descending), so cases that are added, changed or removed meanwhile cannot shift the pages. Cases of the
    /// boundary second come again in the next answer and are skipped by id; a second that fills a whole page is read
    /// on its own, by page numbers. The walk runs in the background, at most <c>buffer</c> pages ahead of its reader.
    /// </summary>
    // The semaphores are left to the GC: they never allocate a wait handle, and the background walk may still release
    // one after its reader has gone, which must not throw.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable",
        Justification = "SemaphoreSlim without a wait handle holds no unmanaged resource; see the comment above.")]
    internal sealed class CreationSlice
    {
        private readonly CaseFetch _fetch;
        private readonly OmnideskCaseQuery _query;
        private readonly bool _descending;
        private readonly int _limit;
        private readonly OmnideskCallContext _context;
        private readonly CancellationToken _cancellation;
        private readonly SemaphoreSlim _space;
        private readonly SemaphoreSlim _ready = new SemaphoreSlim(0);
        private readonly ConcurrentQueue<IReadOnlyList<OmnideskCase>> _batches = new ConcurrentQueue<IReadOnlyList<OmnideskCase>>();
        private Exception _error;

        /// <param name="query">The filters, with CreatedAfter/CreatedBefore set to the slice's span (either may be open).</param>
        /// <param name="firstPage">An answer already read and written for the slice's start: the walk goes on after it.</param>
        /// <param name="context">The walk runs on other threads than its reader's: the context's callbacks must allow that.</param>
        public CreationSlice(CaseFetch fetch, OmnideskCaseQuery query, bool descending, int limit, int buffer,
            OmnideskPage<OmnideskCase> firstPage, OmnideskCallContext context)
        {
            _fetch = fetch;
            _query = query;
            _descending = descending;
            _limit = limit;
            _context = context;
            _cancellation = context.Cancellation;
            _space = new SemaphoreSlim(buffer);
            Task.Run(() => WalkAsync(firstPage));
        }

        /// <summary>The next cases in order, or null when the slice is done; a failure of the walk is thrown here.</summary>
        public async Task<IReadOnlyList<OmnideskCase>> NextAsync()
        {
            await _ready.WaitAsync(_cancellation).ConfigureAwait(false);
            if (_batches.TryDequeue(out var batch))
            {
                _space.Release();
                return batch;
            }
            // Rethrown with the walk's own stack trace, which says where it failed.
            if (_error != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(_error).Throw();
            return null;
        }

        private async Task WalkAsync(OmnideskPage<OmnideskCase> firstPage)
        {
            try
            {
                var cursor = _descending ? _query.CreatedBefore : _query.CreatedAfter;
                var atCursor = new HashSet<long>();
                var page = firstPage;
                while (true)
                {
                    if (page == null)
                    {
                        page = await ReadAsync(Window(cursor, null), 1).ConfigureAwait(false);
                        await PublishAsync(page.Items.Where(c => !atCursor.Contains(c.CaseId)).ToList()).ConfigureAwait(false);
                    }
                    if (page.Items.Count < _limit) break;

                    var lastSecond = Second(page.Items[page.Items.Count - 1].CreatedAt);
                    if (cursor.HasValue && lastSecond == Second(cursor))
                    {
                        // The whole page is one second: from_time cannot move on, so read that second by page numbers.
                        foreach (var c in page.Items) atCursor.Add(c.CaseId);
                        for (var number = 2; ; number++)
                        {
                            var more = await ReadAsync(Window(lastSecond, lastSecond), number).ConfigureAwait(false);
                            await PublishAsync(more.Items.Where(c => atCursor.Add(c.CaseId)).ToList()).ConfigureAwait(false);
                            if (more.Items.Count < _limit) break;
                        }
                        cursor = lastSecond.Value.AddSeconds(_descending ? -1 : 1);
                        atCursor.Clear();
                    }
                    else
                    {
                        cursor = lastSecond;
                        atCursor = new HashSet<long>(page.Items.Where(c => Second(c.CreatedAt) == lastSecond).Select(c => c.CaseId));
                    }
                    page = null;
                }
            }
            catch (Exception e)
            {
                _error = e;
            }
            _ready.Release();   // the end (or the failure) is the last thing the reader finds
        }

        /// <summary>The slice's query from the cursor on (or, with <paramref name="second"/>, just that second).</summary>
        private OmnideskCaseQuery Window(DateTimeOffset? cursor, DateTimeOffset? second)
        {
            var window = _query.Clone();
            window.Sort = _descending ? "created_at_desc" : "created_at_asc";
            if (second.HasValue)
            {
                window.CreatedAfter = window.CreatedBefore = second;
            }
            else if (cursor.HasValue)
            {
                if (_descending) window.CreatedBefore = cursor;
                else window.CreatedAfter = cursor;
            }
            return window;
        }

        private Task<OmnideskPage<OmnideskCase>> ReadAsync(OmnideskCaseQuery window, int page) =>
            _fetch(window, page, _limit, _context);

        private async Task PublishAsync(IReadOnlyList<OmnideskCase> cases)
        {
            await _space.WaitAsync(_cancellation).ConfigureAwait(false);
            _batches.Enqueue(cases);
            _ready.Release();
        }

        /// <summary>The API's time filters count whole seconds.</summary>
        internal static DateTimeOffset? Second(DateTimeOffset? value) =>
            value.HasValue ? DateTimeOffset.FromUnixTimeSeconds(value.Value.ToUnixTimeSeconds()) : (DateTimeOffset?)null;
    }
}

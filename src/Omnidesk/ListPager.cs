using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// Reads a list endpoint page by page for a SupportsPaging cmdlet: each page is written as it arrives, -Skip and
    /// -First become a page window so only the pages needed are requested, and the API's page limit is reported.
    /// </summary>
    internal sealed class ListPager<T>
    {
        /// <summary>The API serves no page past 500.</summary>
        internal const long MaxPage = 500;

        private readonly OmnideskConnectedCmdlet _cmdlet;
        private readonly ListProgress _progress;
        private readonly Func<long, int, OmnideskCallContext, Task<OmnideskPage<T>>> _fetch;
        private readonly string _narrowingHint;

        /// <param name="fetch">Starts reading one page (page, limit); failures surface as OmnideskApiException.</param>
        /// <param name="narrowingHint">How to narrow the query, for the warning past the page limit.</param>
        public ListPager(OmnideskConnectedCmdlet cmdlet, ListProgress progress, Func<long, int, OmnideskCallContext, Task<OmnideskPage<T>>> fetch,
            string narrowingHint = "Narrow the query.")
        {
            _cmdlet = cmdlet;
            _progress = progress;
            _fetch = fetch;
            _narrowingHint = narrowingHint;
        }

        /// <summary>Writes the items that -Skip/-First select (and the total first, for -IncludeTotalCount).</summary>
        public void WriteWindow(int pageSize)
        {
            var paging = _cmdlet.PagingParameters;
            var first = paging.First;
            if (first == 0 && !paging.IncludeTotalCount) return;
            var window = PageWindow.Choose(paging.Skip, first, pageSize, MaxPage);
            var offset = window.Offset;
            // The last page -First can need: nothing past it is ever requested, read-ahead included.
            var lastPage = first == ulong.MaxValue
                ? long.MaxValue
                : window.Page + (long)Math.Min((ulong)offset + Math.Max(first, 1UL) - 1, long.MaxValue - 1) / window.Limit;
            ulong emitted = 0;
            var isFirstPage = true;
            foreach (var page in Pages(window.Page, window.Limit, lastPage))
            {
                if (isFirstPage)
                {
                    isFirstPage = false;
                    if (paging.IncludeTotalCount) WriteTotal(_cmdlet, page.TotalCount, 1.0, _progress.Noun);
                }
                for (var i = offset; i < page.Items.Count && emitted < first; i++, emitted++)
                    _cmdlet.WriteObject(page.Items[i]);
                offset = 0;
                if (emitted >= first) return;
            }
        }

        /// <summary>
        /// Reads pages from <paramref name="startPage"/> to the last one, in order. Once the first answer gave the
        /// total, up to Connect-Omnidesk's -MaxConcurrency later pages are read ahead at once; only that many pages
        /// are ever held. The caller may stop early.
        /// </summary>
        public IEnumerable<OmnideskPage<T>> Pages(long startPage, int limit, long lastPage = long.MaxValue)
        {
            var firstPage = Read(startPage, limit, _fetch(startPage, limit, _cmdlet.NewCallContext()));
            yield return firstPage;
            if (IsLast(firstPage, startPage, limit)) yield break;

            var total = firstPage.TotalCount;
            var last = Math.Min(Math.Min(lastPage, MaxPage), total.HasValue ? (total.Value + limit - 1) / limit : long.MaxValue);
            var ahead = total.HasValue ? _cmdlet.Concurrency : 1;
            var inFlight = new Queue<KeyValuePair<long, Task<OmnideskPage<T>>>>();
            var next = startPage + 1;
            while (true)
            {
                while (inFlight.Count < ahead && next <= last)
                {
                    inFlight.Enqueue(new KeyValuePair<long, Task<OmnideskPage<T>>>(next, _fetch(next, limit, _cmdlet.NewCallContext())));
                    next++;
                }
                if (inFlight.Count == 0) yield break;
                var started = inFlight.Dequeue();
                var result = Read(started.Key, limit, started.Value);
                yield return result;
                if (IsLast(result, started.Key, limit)) yield break;
            }
        }

        private OmnideskPage<T> Read(long page, int limit, Task<OmnideskPage<T>> fetch)
        {
            var result = _cmdlet.Await(fetch);
            _progress.PageRead(page, limit, result);
            return result;
        }

        private bool IsLast(OmnideskPage<T> result, long page, int limit)
        {
            if (result.Items.Count < limit) return true;
            if (result.TotalCount.HasValue && page * limit >= result.TotalCount.Value) return true;
            if (page < MaxPage) return false;
            var unreached = result.TotalCount.HasValue
                ? (result.TotalCount.Value - page * limit).ToString(CultureInfo.InvariantCulture)
                : "More";
            _cmdlet.WriteWarning($"{unreached} matching {_progress.Noun} were not returned: the API serves at most {MaxPage} pages " +
                                 $"({MaxPage * limit:N0} {_progress.Noun} at -PageSize {limit}) for one query. {_narrowingHint}");
            return true;
        }

        /// <summary>-IncludeTotalCount's object; when the API sent no total, a warning says so and how to count instead.</summary>
        public static void WriteTotal(PSCmdlet cmdlet, long? total, double accuracy, string noun)
        {
            if (!total.HasValue)
                cmdlet.WriteWarning($"The API does not say how many {noun} there are, so the total count is unknown. To count them, " +
                                    $"read them all: ({cmdlet.MyInvocation.MyCommand.Name} ... | Measure-Object).Count.");
            cmdlet.WriteObject(cmdlet.PagingParameters.NewTotalCount((ulong)Math.Max(0, total ?? 0), total.HasValue ? accuracy : 0.0));
        }
    }

    /// <summary>The page and limit that serve -Skip/-First with the fewest requests and bytes.</summary>
    internal struct PageWindow
    {
        public long Page;
        public int Limit;
        public int Offset;

        public static PageWindow Choose(ulong skip, ulong first, int pageSize, long maxPage)
        {
            // Everything wanted fits in one page: take the smallest limit whose page boundaries hold the whole range.
            var wanted = Math.Max(first, 1UL);
            if (wanted <= (ulong)pageSize)
            {
                for (var limit = (int)wanted; limit <= pageSize; limit++)
                {
                    var firstIndex = skip / (ulong)limit;
                    var lastIndex = (skip + wanted - 1) / (ulong)limit;
                    if (firstIndex == lastIndex && firstIndex + 1 <= (ulong)maxPage)
                        return new PageWindow { Page = (long)firstIndex + 1, Limit = limit, Offset = (int)(skip % (ulong)limit) };
                }
            }
            return new PageWindow
            {
                Page = (long)Math.Min(skip / (ulong)pageSize + 1, (ulong)maxPage + 1),
                Limit = pageSize,
                Offset = (int)(skip % (ulong)pageSize),
            };
        }
    }

    /// <summary>Write-Progress for list reads, shown only once there is more than one page.</summary>
    internal sealed class ListProgress
    {
        private readonly Cmdlet _cmdlet;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly ulong _skip;
        private readonly ulong _first;
        private int _pages;
        private long _items;
        private bool _shown;

        public ListProgress(Cmdlet cmdlet, string activity, string noun, PagingParameters paging)
            : this(cmdlet, activity, noun, paging.Skip, paging.First)
        {
        }

        /// <summary>For a whole list that a command reads for itself (no -Skip or -First of the user's applies).</summary>
        public ListProgress(Cmdlet cmdlet, string activity, string noun, ulong skip = 0, ulong first = ulong.MaxValue)
        {
            _cmdlet = cmdlet;
            _activity = activity;
            _activityId = StringComparer.Ordinal.GetHashCode(activity) & 0x7FFFFFFF;
            Noun = noun;
            _skip = skip;
            _first = first;
        }

        /// <summary>What is read, in the plural ("cases").</summary>
        public string Noun { get; }

        /// <summary>The whole result's size, when later answers count only part of it (a walk by creation time).</summary>
        public long? FixedTotal { get; set; }

        public void PageRead<T>(long page, int limit, OmnideskPage<T> result)
        {
            _pages++;
            _items += result.Items.Count;
            // What this command will read in all: the server's total, less -Skip, at most -First.
            long? expected = null;
            var total = FixedTotal ?? result.TotalCount;
            if (total.HasValue)
                expected = (long)Math.Min((ulong)Math.Max(0, total.Value - (long)Math.Min(_skip, long.MaxValue)), _first);
            if (_pages < 2 && !(expected > limit)) return;
            var status = expected.HasValue
                ? $"Page {page}: {_items:N0} of {expected:N0} {Noun} read"
                : $"Page {page}: {_items:N0} {Noun} read";
            var record = new ProgressRecord(_activityId, _activity, status);
            if (expected > 0) record.PercentComplete = (int)Math.Min(100, _items * 100 / expected.Value);
            _cmdlet.WriteProgress(record);
            _shown = true;
        }

        public void Complete()
        {
            if (!_shown) return;
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}

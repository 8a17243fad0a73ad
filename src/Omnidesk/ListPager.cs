using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

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

        private readonly PSCmdlet _cmdlet;
        private readonly ListProgress _progress;
        private readonly Func<long, int, OmnideskPage<T>> _fetch;
        private readonly string _narrowingHint;

        /// <param name="fetch">Reads one page (page, limit); a failure must stop the command, not return null.</param>
        /// <param name="narrowingHint">How to narrow the query, for the warning past the page limit.</param>
        public ListPager(PSCmdlet cmdlet, ListProgress progress, Func<long, int, OmnideskPage<T>> fetch, string narrowingHint = "Narrow the query.")
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
            ulong emitted = 0;
            var isFirstPage = true;
            foreach (var page in Pages(window.Page, window.Limit))
            {
                if (isFirstPage)
                {
                    isFirstPage = false;
                    if (paging.IncludeTotalCount) WriteTotal(_cmdlet, page.TotalCount, 1.0);
                }
                for (var i = offset; i < page.Items.Count && emitted < first; i++, emitted++)
                    _cmdlet.WriteObject(page.Items[i]);
                offset = 0;
                if (emitted >= first) return;
            }
        }

        /// <summary>Reads pages lazily from <paramref name="startPage"/> until the last one; the caller may stop early.</summary>
        public IEnumerable<OmnideskPage<T>> Pages(long startPage, int limit)
        {
            for (var page = startPage; ; page++)
            {
                var result = _fetch(page, limit);
                _progress.PageRead(page, limit, result);
                yield return result;

                if (result.Items.Count < limit) yield break;
                if (result.TotalCount.HasValue && page * limit >= result.TotalCount.Value) yield break;
                if (page >= MaxPage)
                {
                    var unreached = result.TotalCount.HasValue
                        ? (result.TotalCount.Value - page * limit).ToString(CultureInfo.InvariantCulture)
                        : "More";
                    _cmdlet.WriteWarning($"{unreached} matching {_progress.Noun} were not returned: the API serves at most {MaxPage} pages " +
                                         $"({MaxPage * limit:N0} {_progress.Noun} at -PageSize {limit}) for one query. {_narrowingHint}");
                    yield break;
                }
            }
        }

        public static void WriteTotal(PSCmdlet cmdlet, long? total, double accuracy) =>
            cmdlet.WriteObject(cmdlet.PagingParameters.NewTotalCount((ulong)Math.Max(0, total ?? 0), total.HasValue ? accuracy : 0.0));
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
        {
            _cmdlet = cmdlet;
            _activity = activity;
            _activityId = StringComparer.Ordinal.GetHashCode(activity) & 0x7FFFFFFF;
            Noun = noun;
            _skip = paging.Skip;
            _first = paging.First;
        }

        /// <summary>What is read, in the plural ("cases").</summary>
        public string Noun { get; }

        public void PageRead<T>(long page, int limit, OmnideskPage<T> result)
        {
            _pages++;
            _items += result.Items.Count;
            // What this command will read in all: the server's total, less -Skip, at most -First.
            long? expected = null;
            if (result.TotalCount.HasValue)
                expected = (long)Math.Min((ulong)Math.Max(0, result.TotalCount.Value - (long)Math.Min(_skip, long.MaxValue)), _first);
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

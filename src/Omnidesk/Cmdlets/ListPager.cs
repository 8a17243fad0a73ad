using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// Reads a list endpoint page by page for a SupportsPaging cmdlet, through the engine's reader (see
    /// <see cref="IOmnideskClient.ReadPages{T}"/>): each page is written as it arrives, -Skip and -First become a page
    /// window so only the pages needed are requested, and the API's page limit is reported.
    /// </summary>
    internal sealed class ListPager<T>
    {
        private readonly OmnideskConnectedCmdlet _cmdlet;
        private readonly ListProgress _progress;
        private readonly Func<long, int, OmnideskCallContext, Task<OmnideskPage<T>>> _fetch;
        private readonly string _narrowingHint;
        private readonly long _maxPage;

        /// <summary>The advice past the page limit when a command has no better one.</summary>
        public const string DefaultNarrowingHint = "Narrow the query.";

        /// <param name="fetch">Starts reading one page (page, limit); failures surface as OmnideskApiException.</param>
        /// <param name="narrowingHint">How to narrow the query, for the warning past the page limit.</param>
        /// <param name="resource">What is listed, for its page limit.</param>
        public ListPager(OmnideskConnectedCmdlet cmdlet, ListProgress progress, OmnideskResource resource,
            Func<long, int, OmnideskCallContext, Task<OmnideskPage<T>>> fetch, string narrowingHint = DefaultNarrowingHint)
        {
            _cmdlet = cmdlet;
            _progress = progress;
            _fetch = fetch;
            _narrowingHint = narrowingHint;
            _maxPage = resource.MaxPage;
        }

        /// <summary>Writes the items that -Skip/-First select (and the total first, for -IncludeTotalCount).</summary>
        public void WriteWindow(int pageSize)
        {
            var paging = _cmdlet.PagingParameters;
            if (paging.First == 0 && !paging.IncludeTotalCount) return;
            using (var reader = _cmdlet.Client.ReadPages(_fetch, Window(paging, pageSize), _maxPage, _cmdlet.NewCallContext()))
                Write(_cmdlet, reader, _progress, _maxPage, _narrowingHint);
        }

        /// <summary>
        /// Writes what a reader reads: the total first (-IncludeTotalCount), then each page's items, with progress,
        /// and a warning when the API's page limit cut the list short. <paramref name="firstPage"/>: the reader's first
        /// answer, when the caller read it already.
        /// </summary>
        public static void Write(OmnideskConnectedCmdlet cmdlet, IOmnideskListReader<T> reader, ListProgress progress, long maxPage,
            string narrowingHint, Task<OmnideskListPage<T>> firstPage = null)
        {
            var isFirstPage = true;
            var next = firstPage ?? reader.NextAsync();
            OmnideskListPage<T> page;
            for (; (page = cmdlet.Await(next)) != null; next = reader.NextAsync())
            {
                progress.PageRead(page.Number, page.Limit, page.Answer);
                if (isFirstPage)
                {
                    isFirstPage = false;
                    if (cmdlet.PagingParameters.IncludeTotalCount) WriteTotal(cmdlet, reader.TotalCount, reader.TotalAccuracy, progress.Noun);
                }
                var items = page.Items;
                for (var i = 0; i < items.Count; i++) cmdlet.WriteObject(items[i]);
                if (page.CutAtPageLimit) WarnCut(cmdlet, page, progress.Noun, maxPage, narrowingHint);
            }
        }

        /// <summary>-Skip, -First, -IncludeTotalCount and -PageSize as the engine takes them.</summary>
        public static OmnideskListWindow Window(PagingParameters paging, int pageSize) => new OmnideskListWindow
        {
            Skip = paging.Skip,
            First = paging.First,
            IncludeTotalCount = paging.IncludeTotalCount,
            PageSize = pageSize,
        };

        private static void WarnCut(Cmdlet cmdlet, OmnideskListPage<T> page, string noun, long maxPage, string narrowingHint)
        {
            var unreached = page.UnreachedCount.HasValue ? page.UnreachedCount.Value.ToString(CultureInfo.InvariantCulture) : "More";
            cmdlet.WriteWarning($"{unreached} matching {noun} were not returned: the API serves at most {maxPage} pages " +
                                $"({maxPage * page.Limit:N0} {noun} at -PageSize {page.Limit}) for one query. {narrowingHint}");
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

        public void PageRead<T>(long page, int limit, OmnideskPage<T> result)
        {
            _pages++;
            _items += result.Items.Count;
            // What this command will read in all: the server's total, less -Skip, at most -First.
            long? expected = null;
            var total = result.TotalCount;
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

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;

namespace Omnidesk.Commands
{
    [Cmdlet(VerbsCommon.Get, "OmnideskCase", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OmnideskCase))]
    public sealed class GetOmnideskCaseCommand : CaseTargetCmdlet
    {
        private const string ListSet = "List";

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("open", "waiting", "closed")]
        public string[] Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("low", "normal", "high", "critical")]
        public string[] Priority { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(ChannelCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Channel { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public long[] UserId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateLength(4, 320)]
        public string[] UserEmail { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateLength(4, 64)]
        public string[] UserPhone { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string[] UserCustomId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public long[] StaffId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public long[] GroupId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Alias("labels")]
        public long[] Label { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNull]
        public Hashtable CustomField { get; set; }

        [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
        [Alias("filter_id")]
        [ArgumentCompleter(typeof(FilterIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string FilterId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string Subject { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public DateTime? CreatedAfter { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public DateTime? CreatedBefore { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public DateTime? UpdatedAfter { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public DateTime? UpdatedBefore { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("updated_at_desc", "updated_at_asc", "created_at_desc", "created_at_asc", "response_desc",
            "response_asc", "priority_desc", "priority_asc", "status_asc", "status_desc")]
        public string Sort { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludeMerged { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludeActiveChats { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 100;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ListSet)
            {
                List(FilterId);
                return;
            }
            if (ParameterSetName != ByInputObjectSet)
            {
                foreach (var target in CasesOfRecord()) GetOne(target);
                return;
            }
            foreach (var item in PipedItem.Expand(InputObject))
            {
                // A piped filter (Get-OmnideskFilter | Get-OmnideskCase) lists its cases; anything else names a case.
                var filterId = FilterIdOf(item);
                if (filterId != null)
                {
                    List(filterId);
                    continue;
                }
                var target = ReadItem(item);
                if (target != null) GetOne(target);
            }
        }

        private static readonly string[] FilterIdProperties = { "FilterId", "filter_id" };

        /// <summary>The filter an item is: a filter object, or an object with a FilterId (filter_id) and nothing naming a case.</summary>
        private static string FilterIdOf(object item)
        {
            if (PipedItem.Unwrap(item) is OmnideskFilter filter) return filter.FilterId;
            if (PipedItem.IsScalar(item) || PipedItem.TryGet(item, CaseRef.IdProperties, out _, out _) ||
                PipedItem.TryGet(item, CaseRef.NumberProperties, out _, out _)) return null;
            return PipedItem.TryGet(item, FilterIdProperties, out var value, out _)
                ? System.Convert.ToString(value, CultureInfo.InvariantCulture).Trim()
                : null;
        }

        private ulong _namedSkipped;
        private ulong _namedWritten;

        /// <summary>
        /// Reads one named case. -Skip and -First count the named cases too: skipped ones and those past -First are not
        /// read at all.
        /// </summary>
        private void GetOne(CaseRef target)
        {
            if (_namedSkipped < PagingParameters.Skip)
            {
                _namedSkipped++;
                return;
            }
            if (_namedWritten >= PagingParameters.First) return;
            _namedWritten++;
            OmnideskCase found;
            try
            {
                found = Await(context => Client.GetCaseAsync(target.Key, context));
            }
            catch (OmnideskApiException e)
            {
                WriteApiError(e, target.Id.HasValue ? (object)target.Id.Value : target.Number);
                return;
            }
            WriteObject(found);
        }

        private void List(string filterId)
        {
            if (PagingParameters.First == 0 && !PagingParameters.IncludeTotalCount) return;
            var parts = BuildQuery(filterId).Split(OmnideskCaseQuery.MaxArrayValues, out var disjoint);
            var progress = new ListProgress(this, "Get-OmnideskCase", "cases", PagingParameters);
            try
            {
                if (parts.Count == 1 && !WalksByCreationTime) Pager(parts[0], progress).WriteWindow(PageSize);
                else WriteStreams(parts, disjoint, progress);
            }
            catch (OmnideskApiException e)
            {
                // A missing page would make the result silently incomplete: stop the command instead.
                ThrowTerminatingError(OmnideskErrors.ToErrorRecord(e, null));
            }
            finally
            {
                progress.Complete();
            }
        }

        /// <summary>
        /// A whole listing (no -First) in creation order, which is also the order when no -Sort is given, is read as
        /// a walk by creation time: it reaches every match however many, and each case exactly once however the
        /// cases change meanwhile. -First and other orders read pages by number.
        /// </summary>
        private bool WalksByCreationTime =>
            PagingParameters.First == ulong.MaxValue && (Sort == null || Sort == "created_at_asc" || Sort == "created_at_desc");

        private ListPager<OmnideskCase> Pager(OmnideskCaseQuery query, ListProgress progress) =>
            new ListPager<OmnideskCase>(this, progress, (page, limit, context) => Client.GetCasesAsync(query, (int)page, limit, context),
                "Without -Sort (or with -Sort created_at_asc or created_at_desc) and without -First, every match is listed.");

        /// <summary>
        /// Writes case streams one after another with -Skip/-First applied to the whole: one walk by creation time,
        /// or several queries (an array filter over the API's 20 values) whose results are merged, each case once.
        /// </summary>
        private void WriteStreams(IReadOnlyList<OmnideskCaseQuery> parts, bool disjoint, ListProgress progress)
        {
            var totals = new long?[parts.Count];
            var streams = parts.Select((p, i) => WalksByCreationTime
                ? CreationWalk(p, progress, total => totals[i] = total)
                : PagesOf(p, progress, total => totals[i] = total)).Select(e => e.GetEnumerator()).ToList();
            try
            {
                var pending = new bool?[streams.Count];
                if (PagingParameters.IncludeTotalCount)
                {
                    // The total has to come first, so every stream's first page is read before any case is written.
                    for (var i = 0; i < streams.Count; i++) pending[i] = streams[i].MoveNext();
                    var known = totals.All(t => t.HasValue);
                    ListPager<OmnideskCase>.WriteTotal(this, known ? totals.Sum() : null, parts.Count == 1 || disjoint ? 1.0 : 0.5, "cases");
                }

                // Only merged queries can repeat a case; a single walk never does, and keeps no set that grows.
                var seen = streams.Count > 1 ? new HashSet<long>() : null;
                ulong skipped = 0, emitted = 0;
                var skip = PagingParameters.Skip;
                var first = PagingParameters.First;
                for (var i = 0; i < streams.Count; i++)
                {
                    var more = pending[i] ?? streams[i].MoveNext();
                    for (; more; more = streams[i].MoveNext())
                    {
                        var item = streams[i].Current;
                        if (seen != null && !seen.Add(item.CaseId)) continue;
                        if (skipped < skip) { skipped++; continue; }
                        if (emitted >= first) return;
                        WriteObject(item);
                        emitted++;
                    }
                }
            }
            finally
            {
                foreach (var stream in streams) stream.Dispose();
            }
        }

        private IEnumerable<OmnideskCase> PagesOf(OmnideskCaseQuery query, ListProgress progress, Action<long?> onTotal)
        {
            var first = true;
            foreach (var page in Pager(query, progress).Pages(1, PageSize))
            {
                if (first) onTotal(page.TotalCount);
                first = false;
                foreach (var item in page.Items) yield return item;
            }
        }

        /// <summary>Pages of a creation-time slice: each slice ends with a part page, so smaller slices cost requests.</summary>
        private const int SlicePages = 8;

        /// <summary>
        /// Reads a whole listing by creation time (see <see cref="CreationSlice"/>). Once the first answer told the
        /// total and the first creation time, and one more the last, the span is cut into slices of about
        /// <see cref="SlicePages"/> pages; up to -MaxConcurrency slices are walked at once, each at most that many
        /// pages ahead (memory stays bounded), and written in order. The slices do not overlap: each case comes once.
        /// </summary>
        private IEnumerable<OmnideskCase> CreationWalk(OmnideskCaseQuery query, ListProgress progress, Action<long?> onTotal)
        {
            var descending = Sort == "created_at_desc";
            var start = query.Clone();
            start.Sort = descending ? "created_at_desc" : "created_at_asc";
            var first = Await(context => Client.GetCasesAsync(start, 1, PageSize, context));
            onTotal(first.TotalCount);
            progress.FixedTotal = first.TotalCount;
            progress.PageRead(1, PageSize, first);
            // The first answer is written before anything else is asked: a reader that wants a few cases costs one request.
            foreach (var item in first.Items) yield return item;
            if (first.Items.Count < PageSize) yield break;

            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation))
            {
                var spans = new Queue<OmnideskCaseQuery>(Slices(query, first, descending));
                var walking = new Queue<CreationSlice>();
                var firstPage = first;
                var context = NewCallContext(stop.Token);
                void StartNext()
                {
                    walking.Enqueue(new CreationSlice(Client, spans.Dequeue(), descending, PageSize, SlicePages, firstPage, context));
                    firstPage = null;
                }
                try
                {
                    while (spans.Count > 0 && walking.Count < Concurrency) StartNext();
                    long batches = 1;
                    while (walking.Count > 0)
                    {
                        var slice = walking.Peek();
                        IReadOnlyList<OmnideskCase> batch;
                        while ((batch = Await(slice.NextAsync())) != null)
                        {
                            progress.PageRead(++batches, PageSize, new OmnideskPage<OmnideskCase>(batch, first.TotalCount));
                            foreach (var item in batch) yield return item;
                        }
                        walking.Dequeue();
                        if (spans.Count > 0) StartNext();
                    }
                }
                finally
                {
                    stop.Cancel();   // a reader that stops early stops the walks ahead of it
                }
            }
        }

        /// <summary>
        /// The spans of creation time still to walk after the first answer. The first span goes on from that answer to
        /// the end of its last second. For a small listing or -MaxConcurrency 1 it is the rest of the query; else the
        /// time up to the last creation second (asked for once) is cut into slices of about <see cref="SlicePages"/>
        /// pages, the last one open like the query.
        /// </summary>
        private IEnumerable<OmnideskCaseQuery> Slices(OmnideskCaseQuery query, OmnideskPage<OmnideskCase> first, bool descending)
        {
            var total = first.TotalCount ?? 0;
            var near = CreationSlice.Second(first.Items[first.Items.Count - 1].CreatedAt);
            DateTimeOffset? end = null;
            if (Concurrency > 1 && near.HasValue && total > 2L * SlicePages * PageSize)
            {
                var opposite = query.Clone();
                opposite.Sort = descending ? "created_at_asc" : "created_at_desc";
                end = CreationSlice.Second(Await(context => Client.GetCasesAsync(opposite, 1, 1, context)).Items.FirstOrDefault()?.CreatedAt);
            }
            if (!end.HasValue || end == near)
            {
                yield return query;
                yield break;
            }

            var head = query.Clone();
            if (descending) head.CreatedAfter = near;
            else head.CreatedBefore = near;
            yield return head;

            var step = descending ? -1 : 1;
            var seconds = Math.Abs((end.Value - near.Value).TotalSeconds);
            var count = (long)Math.Max(1, Math.Min(Math.Ceiling((total - first.Items.Count) / ((double)SlicePages * PageSize)), 10000));
            var span = Math.Max(1L, (long)Math.Ceiling(seconds / count));
            var from = near.Value.AddSeconds(step);
            while (true)
            {
                var slice = query.Clone();
                var next = from.AddSeconds(step * span);
                var isLast = descending ? next < end.Value : next > end.Value;
                if (descending)
                {
                    slice.CreatedBefore = from;
                    if (!isLast) slice.CreatedAfter = next.AddSeconds(1);
                }
                else
                {
                    slice.CreatedAfter = from;
                    if (!isLast) slice.CreatedBefore = next.AddSeconds(-1);
                }
                yield return slice;
                if (isLast) yield break;
                from = next;
            }
        }

        private OmnideskCaseQuery BuildQuery(string filterId) => new OmnideskCaseQuery
        {
            Status = Status,
            Priority = Priority,
            Channel = Channel,
            UserId = UserId,
            UserEmail = UserEmail,
            UserPhone = UserPhone,
            UserCustomId = UserCustomId,
            StaffId = StaffId,
            GroupId = GroupId,
            Label = Label,
            CustomFields = CustomField == null ? null : CustomFields.Convert(this, CustomField, CustomFields.FilterValues),
            FilterId = filterId,
            Subject = Subject,
            CreatedAfter = ToOffset(CreatedAfter),
            CreatedBefore = ToOffset(CreatedBefore),
            UpdatedAfter = ToOffset(UpdatedAfter),
            UpdatedBefore = ToOffset(UpdatedBefore),
            Sort = Sort,
            IncludeMerged = IncludeMerged,
            IncludeActiveChats = IncludeActiveChats,
        };

        private static DateTimeOffset? ToOffset(DateTime? value) =>
            value.HasValue ? new DateTimeOffset(value.Value) : (DateTimeOffset?)null;
    }
}

using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;

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
        /// Reads one named case, as one of the command's per-item requests (up to -MaxConcurrency at once, written in
        /// the order named). -Skip and -First count the named cases too: skipped ones and those past -First are not read.
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
            Items.Add(context => Client.GetCaseAsync(target.Key, context), WriteObject, e => WriteApiError(e, target.IdOrNumber));
        }

        /// <summary>
        /// Lists the matching cases as the engine reads them (<see cref="IOmnideskClient.ReadCases"/>): a whole listing
        /// in creation order walks creation time, every match exactly once; an array filter over the API's 20 values is
        /// read as several queries, each case once; anything else by page numbers, up to the API's page limit.
        /// </summary>
        private void List(string filterId)
        {
            if (PagingParameters.First == 0 && !PagingParameters.IncludeTotalCount) return;
            var progress = new ListProgress(this, "Get-OmnideskCase", "cases", PagingParameters);
            try
            {
                using (var reader = Client.ReadCases(BuildQuery(filterId), ListPager<OmnideskCase>.Window(PagingParameters, PageSize), NewCallContext()))
                    ListPager<OmnideskCase>.Write(this, reader, progress, OmnideskResources.Case.MaxPage, NarrowingHint);
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

        /// <summary>Past the page limit: how to list every match.</summary>
        private const string NarrowingHint =
            "Without -Sort (or with -Sort created_at_asc or created_at_desc) and without -First, every match is listed.";

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

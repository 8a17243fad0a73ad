using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace Omnidesk.Commands
{
    [Cmdlet(VerbsCommon.Get, "OmnideskCase", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OmnideskCase))]
    public sealed class GetOmnideskCaseCommand : OmnideskConnectedCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";
        private const string ByNumberSet = "ByNumber";
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "case_id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] CaseId { get; set; }

        // Also in the ById set, hidden: a piped case carries both CaseId and CaseNumber, and must resolve to ById.
        [Parameter(ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true, DontShow = true)]
        [Parameter(Mandatory = true, ParameterSetName = ByNumberSet, ValueFromPipelineByPropertyName = true)]
        [Alias("case_number")]
        [ValidateNotNullOrEmpty]
        public string[] CaseNumber { get; set; }

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
            switch (ParameterSetName)
            {
                case ByIdSet:
                    foreach (var id in CaseId) GetOne(id.ToString(CultureInfo.InvariantCulture), id);
                    break;
                case ByNumberSet:
                    foreach (var number in CaseNumber) GetOne(number.Trim(), number);
                    break;
                default:
                    List();
                    break;
            }
        }

        private void GetOne(string key, object target)
        {
            OmnideskCase found;
            try
            {
                found = Await(context => Client.GetCaseAsync(key, context));
            }
            catch (OmnideskApiException e)
            {
                WriteApiError(e, target);
                return;
            }
            WriteObject(found);
        }

        private void List()
        {
            if (PagingParameters.First == 0 && !PagingParameters.IncludeTotalCount) return;
            var parts = BuildQuery().Split(OmnideskCaseQuery.MaxArrayValues, out var disjoint);
            var progress = new ListProgress(this, "Get-OmnideskCase", "cases", PagingParameters);
            try
            {
                if (parts.Count == 1) Pager(parts[0], progress).WriteWindow(PageSize);
                else ListMerged(parts, disjoint, progress);
            }
            finally
            {
                progress.Complete();
            }
        }

        private ListPager<OmnideskCase> Pager(OmnideskCaseQuery query, ListProgress progress) =>
            new ListPager<OmnideskCase>(this, progress, (page, limit) =>
            {
                try
                {
                    return Await(context => Client.GetCasesAsync(query, (int)page, limit, context));
                }
                catch (OmnideskApiException e)
                {
                    // A missing page would make the result silently incomplete: stop the command instead.
                    ThrowTerminatingError(OmnideskErrors.ToErrorRecord(e, query));
                    return null;
                }
            }, "Narrow it, for example with -CreatedAfter and -CreatedBefore.");

        /// <summary>
        /// Several queries (an array filter over the API's 20 values): their results are merged, each case once,
        /// and -Skip/-First apply to the merged stream.
        /// </summary>
        private void ListMerged(IReadOnlyList<OmnideskCaseQuery> parts, bool disjoint, ListProgress progress)
        {
            var readers = parts.Select(p => Pager(p, progress).Pages(1, PageSize).GetEnumerator()).ToList();
            try
            {
                var hasPage = new bool?[readers.Count];
                if (PagingParameters.IncludeTotalCount)
                {
                    // The total has to come first, so every part's first page is read before any case is written.
                    long sum = 0;
                    var known = true;
                    for (var i = 0; i < readers.Count; i++)
                    {
                        hasPage[i] = readers[i].MoveNext();
                        if (hasPage[i] == true && readers[i].Current.TotalCount.HasValue) sum += readers[i].Current.TotalCount.Value;
                        else if (hasPage[i] == true) known = false;
                    }
                    ListPager<OmnideskCase>.WriteTotal(this, known ? sum : (long?)null, disjoint ? 1.0 : 0.5);
                }

                var seen = new HashSet<long>();
                ulong skipped = 0, emitted = 0;
                var skip = PagingParameters.Skip;
                var first = PagingParameters.First;
                for (var i = 0; i < readers.Count; i++)
                {
                    var more = hasPage[i] ?? readers[i].MoveNext();
                    while (more)
                    {
                        foreach (var item in readers[i].Current.Items)
                        {
                            if (!seen.Add(item.CaseId)) continue;
                            if (skipped < skip) { skipped++; continue; }
                            if (emitted >= first) return;
                            WriteObject(item);
                            emitted++;
                        }
                        if (emitted >= first) return;
                        more = readers[i].MoveNext();
                    }
                }
            }
            finally
            {
                foreach (var reader in readers) reader.Dispose();
            }
        }

        private OmnideskCaseQuery BuildQuery() => new OmnideskCaseQuery
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
            FilterId = FilterId,
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

    /// <summary>Tab completion for -Channel: the API's channel names.</summary>
    public sealed class ChannelCompleter : IArgumentCompleter
    {
        internal static readonly string[] Known =
        {
            "email", "web", "call", "live_chat", "facebook", "fb_chat", "vkontakte", "vk_chat", "twitter", "instagram_posts",
            "instagram_chat", "ok_chat", "telegram", "skype", "slack", "mattermost", "viber", "line", "zalo", "wa_chat",
            "youscan", "avito", "idea",
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            System.Management.Automation.Language.CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return Known.Where(c => c.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(c => new CompletionResult(c, c, CompletionResultType.ParameterValue, c));
        }
    }
}

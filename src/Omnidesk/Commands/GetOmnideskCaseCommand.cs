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
        /// <summary>The API serves no page past 500.</summary>
        internal const long MaxPage = 500;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "case_id")]
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
            var first = PagingParameters.First;
            if (first == 0 && !PagingParameters.IncludeTotalCount) return;
            var parts = BuildQuery().Split(OmnideskCaseQuery.MaxArrayValues, out var disjoint);
            var progress = new ListProgress(this, PagingParameters.Skip, first);
            try
            {
                if (parts.Count == 1) ListOne(parts[0], progress);
                else ListMerged(parts, disjoint, progress);
            }
            finally
            {
                progress.Complete();
            }
        }

        /// <summary>One query: -Skip and -First become a page window, so only the pages needed are requested.</summary>
        private void ListOne(OmnideskCaseQuery query, ListProgress progress)
        {
            var skip = PagingParameters.Skip;
            var first = PagingParameters.First;
            var window = PageWindow.Choose(skip, first, PageSize, MaxPage);
            var offset = window.Offset;
            ulong emitted = 0;
            var isFirstPage = true;
            foreach (var page in Pages(query, window.Page, window.Limit, progress))
            {
                if (isFirstPage)
                {
                    isFirstPage = false;
                    if (PagingParameters.IncludeTotalCount) WriteTotal(page.TotalCount, 1.0);
                }
                for (var i = offset; i < page.Items.Count && emitted < first; i++, emitted++)
                    WriteObject(page.Items[i]);
                offset = 0;
                if (emitted >= first) return;
            }
        }

        /// <summary>
        /// Several queries (an array filter over the API's 20 values): their results are merged, each case once,
        /// and -Skip/-First apply to the merged stream.
        /// </summary>
        private void ListMerged(IReadOnlyList<OmnideskCaseQuery> parts, bool disjoint, ListProgress progress)
        {
            var readers = parts.Select(p => Pages(p, 1, PageSize, progress).GetEnumerator()).ToList();
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
                    WriteTotal(known ? sum : (long?)null, disjoint ? 1.0 : 0.5);
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

        /// <summary>Reads pages lazily from <paramref name="startPage"/> until the last one; the caller stops it early.</summary>
        private IEnumerable<OmnideskPage<OmnideskCase>> Pages(OmnideskCaseQuery query, long startPage, int limit, ListProgress progress)
        {
            for (var page = startPage; ; page++)
            {
                OmnideskPage<OmnideskCase> result;
                try
                {
                    result = Await(context => Client.GetCasesAsync(query, (int)page, limit, context));
                }
                catch (OmnideskApiException e)
                {
                    // A missing page would make the result silently incomplete: stop the command instead.
                    ThrowTerminatingError(OmnideskErrors.ToErrorRecord(e, query));
                    yield break;
                }
                progress.PageRead(page, limit, result);
                yield return result;

                if (result.Items.Count < limit) yield break;
                if (result.TotalCount.HasValue && page * limit >= result.TotalCount.Value) yield break;
                if (page >= MaxPage)
                {
                    var unreached = result.TotalCount.HasValue ? (result.TotalCount.Value - page * limit).ToString(CultureInfo.InvariantCulture) : "More";
                    WriteWarning($"{unreached} matching cases were not returned: the API serves at most {MaxPage} pages " +
                                 $"({MaxPage * limit:N0} cases at -PageSize {limit}) for one query. Narrow it, for example with -CreatedAfter and -CreatedBefore.");
                    yield break;
                }
            }
        }

        private void WriteTotal(long? total, double accuracy) =>
            WriteObject(PagingParameters.NewTotalCount((ulong)Math.Max(0, total ?? 0), total.HasValue ? accuracy : 0.0));

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
            CustomFields = CustomField == null ? null : ConvertCustomFields(CustomField),
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

        private Dictionary<string, string[]> ConvertCustomFields(Hashtable table)
        {
            var result = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in table)
            {
                var key = CustomFieldKey.Normalize(entry.Key);
                if (key == null)
                {
                    ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskInvalidCustomField",
                        $"-CustomField key '{entry.Key}' is not a custom field: use its API name, such as cf_25.", entry.Key));
                }
                result[key] = CustomFieldKey.Values(entry.Value);
            }
            return result;
        }

        private static DateTimeOffset? ToOffset(DateTime? value) =>
            value.HasValue ? new DateTimeOffset(value.Value) : (DateTimeOffset?)null;
    }

    /// <summary>Custom fields as users write them in a hashtable: @{ cf_25 = 'vip'; 30 = '2','3'; cf_44 = $true }.</summary>
    internal static class CustomFieldKey
    {
        public static string Normalize(object key)
        {
            var text = Convert.ToString(PSObjectBase(key), CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            if (text.StartsWith("cf_", StringComparison.OrdinalIgnoreCase)) text = text.Substring(3);
            return text.Length > 0 && text.All(char.IsDigit) ? "cf_" + text : null;
        }

        public static string[] Values(object value)
        {
            value = PSObjectBase(value);
            if (value is string s) return new[] { s };
            if (value is IEnumerable many) return many.Cast<object>().Select(Scalar).ToArray();
            return new[] { Scalar(value) };
        }

        private static string Scalar(object value)
        {
            value = PSObjectBase(value);
            if (value is bool b) return b ? "1" : "0";
            return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }

        private static object PSObjectBase(object value) => value is PSObject ps ? ps.BaseObject : value;
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
        private const int ActivityId = 0x0D35;
        private readonly Cmdlet _cmdlet;
        private readonly ulong _skip;
        private readonly ulong _first;
        private int _pages;
        private long _items;
        private bool _shown;

        public ListProgress(Cmdlet cmdlet, ulong skip, ulong first)
        {
            _cmdlet = cmdlet;
            _skip = skip;
            _first = first;
        }

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
                ? $"Page {page}: {_items:N0} of {expected:N0} cases read"
                : $"Page {page}: {_items:N0} cases read";
            var record = new ProgressRecord(ActivityId, "Get-OmnideskCase", status);
            if (expected > 0) record.PercentComplete = (int)Math.Min(100, _items * 100 / expected.Value);
            _cmdlet.WriteProgress(record);
            _shown = true;
        }

        public void Complete()
        {
            if (!_shown) return;
            _cmdlet.WriteProgress(new ProgressRecord(ActivityId, "Get-OmnideskCase", "Done") { RecordType = ProgressRecordType.Completed });
        }
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

using System.Globalization;
using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>
    /// The changelog of a case. A change filter takes the old and the new value ('open','closed'), either of which
    /// may be 'any' or 'empty'; one value means "changed to it" ('closed' = 'any','closed').
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OmnideskCaseChangelog", DefaultParameterSetName = ByInputObjectSet, SupportsPaging = true)]
    [OutputType(typeof(OmnideskChangelogEntry))]
    public sealed class GetOmnideskCaseChangelogCommand : OmnideskConnectedCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ByNumberSet = "ByNumber";
        private const string ByInputObjectSet = "ByInputObject";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "case_id")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByNumberSet, ValueFromPipelineByPropertyName = true)]
        [Alias("case_number")]
        [ValidateNotNullOrEmpty]
        public string CaseNumber { get; set; }

        /// <summary>A case from Get-OmnideskCase (it carries both the id and the number).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByInputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public OmnideskCase InputObject { get; set; }

        [Parameter] [ValidateCount(1, 2)] public string[] Status { get; set; }
        [Parameter] [ValidateCount(1, 2)] public string[] Priority { get; set; }
        [Parameter] [ValidateCount(1, 2)] public string[] Staff { get; set; }
        [Parameter] [ValidateCount(1, 2)] public string[] Group { get; set; }
        [Parameter] [ValidateCount(1, 2)] public string[] Subject { get; set; }
        [Parameter] [ValidateCount(1, 2)] public string[] CustomField { get; set; }
        [Parameter] [ValidateCount(1, 2)] public string[] Label { get; set; }
        [Parameter] [ValidateCount(1, 2)] public string[] FixedChatStaff { get; set; }

        /// <summary>Only what these rules did.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public long[] Rule { get; set; }

        [Parameter] public SwitchParameter IncludeChatActivation { get; set; }
        [Parameter] public SwitchParameter IncludeChatCompletion { get; set; }

        [Parameter]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 100;

        protected override void ProcessRecord()
        {
            var byNumber = ParameterSetName == ByNumberSet;
            long? caseId = InputObject?.CaseId ?? (byNumber ? ResolveId(CaseNumber) : CaseId);
            if (caseId == null) return;
            var key = byNumber ? CaseNumber.Trim() : caseId.Value.ToString(CultureInfo.InvariantCulture);
            object target = byNumber ? (object)CaseNumber : caseId.Value;
            var query = new OmnideskChangelogQuery
            {
                Status = Pair(Status), Priority = Pair(Priority), Staff = Pair(Staff), Group = Pair(Group),
                Subject = Pair(Subject), CustomFields = Pair(CustomField), Labels = Pair(Label), FixedChatStaff = Pair(FixedChatStaff),
                Rules = Rule, ShowChatActivation = IncludeChatActivation, ShowChatCompletion = IncludeChatCompletion,
            };
            var progress = new ListProgress(this, "Get-OmnideskCaseChangelog", "changelog entries", PagingParameters);
            try
            {
                new ListPager<OmnideskChangelogEntry>(this, progress, (page, limit) =>
                    Await(context => Client.GetChangelogAsync(key, caseId.Value, query, (int)page, limit, context))).WriteWindow(PageSize);
            }
            catch (OmnideskApiException e)
            {
                // One case's changelog failed (perhaps part-way): say so for that case, and go on with the next one.
                WriteApiError(e, target);
            }
            finally
            {
                progress.Complete();
            }
        }

        /// <summary>Entries carry the case id; by number, it is read from the case first.</summary>
        private long? ResolveId(string number)
        {
            try
            {
                return Await(context => Client.GetCaseAsync(number.Trim(), context)).CaseId;
            }
            catch (OmnideskApiException e)
            {
                WriteApiError(e, number);
                return null;
            }
        }

        private static string[] Pair(string[] values) =>
            values == null ? null : values.Length == 1 ? new[] { "any", values[0] } : values;
    }
}

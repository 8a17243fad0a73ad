using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk.Commands
{
    /// <summary>
    /// The changelog of a case. A change filter takes the old and the new value ('open','closed'), either of which
    /// may be 'any' or 'empty'; one value means "changed to it" ('closed' = 'any','closed').
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OmnideskCaseChangelog", DefaultParameterSetName = ByInputObjectSet, SupportsPaging = true)]
    [OutputType(typeof(OmnideskChangelogEntry))]
    public sealed class GetOmnideskCaseChangelogCommand : CaseItemsCmdlet<OmnideskChangelogEntry>
    {
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

        protected override OmnideskResource<OmnideskChangelogEntry> Listed => OmnideskResources.Changelog;

        protected override Task<OmnideskPage<OmnideskChangelogEntry>> FetchAsync(string key, long caseId, int page, int limit,
            OmnideskCallContext context)
        {
            var query = new OmnideskChangelogQuery
            {
                Status = Pair(Status), Priority = Pair(Priority), Staff = Pair(Staff), Group = Pair(Group),
                Subject = Pair(Subject), CustomFields = Pair(CustomField), Labels = Pair(Label), FixedChatStaff = Pair(FixedChatStaff),
                Rules = Rule, ShowChatActivation = IncludeChatActivation, ShowChatCompletion = IncludeChatCompletion,
            };
            return Client.GetChangelogAsync(key, caseId, query, page, limit, context);
        }

        private static string[] Pair(string[] values) =>
            values == null ? null : values.Length == 1 ? new[] { "any", values[0] } : values;
    }
}

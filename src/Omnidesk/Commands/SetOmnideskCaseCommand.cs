using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk.Commands
{
    [Cmdlet(VerbsCommon.Set, "OmnideskCase", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskCase))]
    public sealed class SetOmnideskCaseCommand : CaseChangeCmdlet
    {
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Subject { get; set; }

        [Parameter]
        [ValidateSet("open", "waiting", "closed")]
        public string Status { get; set; }

        [Parameter]
        [ValidateSet("low", "normal", "high", "critical")]
        public string Priority { get; set; }

        /// <summary>0 unassigns the case.</summary>
        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        public long? StaffId { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? GroupId { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? LanguageId { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Hashtable CustomField { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public long[] AddLabel { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public long[] RemoveLabel { get; set; }

        private OmnideskCaseChange _change;
        private string _action;

        protected override void BeginProcessing()
        {
            _change = new OmnideskCaseChange
            {
                Subject = Subject,
                Status = Status,
                Priority = Priority,
                StaffId = StaffId,
                GroupId = GroupId,
                LanguageId = LanguageId,
                CustomFields = CustomField == null ? null : CustomFields.Convert(this, CustomField, CustomFields.WriteValue),
                AddLabels = AddLabel,
                RemoveLabels = RemoveLabel,
            };
            if (_change.IsEmpty)
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskNoChange",
                    "Nothing to change: give at least one of -Subject, -Status, -Priority, -StaffId, -GroupId, -LanguageId, -CustomField, -AddLabel, -RemoveLabel.", null));
            _action = "Set " + Describe(_change);
        }

        protected override string Action => _action;
        protected override string Outcome => "changed";

        protected override Task<OmnideskBulkResult> SendAsync(IReadOnlyList<long> caseIds, OmnideskCallContext context) =>
            Client.UpdateCasesAsync(caseIds, _change, context);

        private static string Describe(OmnideskCaseChange c)
        {
            var parts = new List<string>();
            if (c.Subject != null) parts.Add($"subject '{c.Subject}'");
            if (c.Status != null) parts.Add("status " + c.Status);
            if (c.Priority != null) parts.Add("priority " + c.Priority);
            if (c.StaffId != null) parts.Add(c.StaffId == 0 ? "no staff member" : "staff " + c.StaffId);
            if (c.GroupId != null) parts.Add("group " + c.GroupId);
            if (c.LanguageId != null) parts.Add("language " + c.LanguageId);
            if (c.CustomFields != null) foreach (var f in c.CustomFields) parts.Add($"{f.Key} '{Text(f.Value)}'");
            if (c.AddLabels != null) parts.Add("add labels " + string.Join(",", c.AddLabels));
            if (c.RemoveLabels != null) parts.Add("remove labels " + string.Join(",", c.RemoveLabels));
            return string.Join(", ", parts);
        }

        private static string Text(object value) =>
            value is object[] many ? string.Join(",", many) : System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}

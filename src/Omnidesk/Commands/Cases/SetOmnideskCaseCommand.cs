using System.Collections;
using System.Collections.Generic;
using System.Globalization;
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

        /// <summary>No change parameter and piped objects: each object says what its case should be.</summary>
        private bool _fromItems;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
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
            if (!_change.IsEmpty)
            {
                _action = "Set " + Describe(_change);
                return;
            }
            if (ParameterSetName != ByInputObjectSet)
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskNoChange",
                    "Nothing to change: give at least one of -Subject, -Status, -Priority, -StaffId, -GroupId, -LanguageId, -CustomField, -AddLabel, -RemoveLabel, " +
                    "or pipe objects whose Subject, Status, Priority, StaffId, GroupId, LanguageId, Labels or CustomFields say what each case should be.", null));
            _fromItems = true;
        }

        protected override string Action => _action;
        protected override string Outcome => "changed";

        private protected override void ProcessCase(CaseRef target)
        {
            if (_fromItems) ApplyItem(target);
            else base.ProcessCase(target);
        }

        /// <summary>
        /// Makes the case what the piped object says (an edited CSV row, a changed case object): the case is read, and
        /// only the fields that differ are sent, grouped into bulk requests with other cases that get the same change.
        /// -WhatIf reads nothing and shows every field the object carries.
        /// </summary>
        private void ApplyItem(CaseRef target)
        {
            var edit = CaseEdit.Read(target.Item, out var error);
            if (error != null)
            {
                WriteErrorInTurn(error);
                return;
            }
            if (edit.IsEmpty)
            {
                WriteErrorInTurn(OmnideskErrors.InvalidArgument("OmnideskNoChange",
                    $"Nothing to change for {target}: the piped {PipedItem.TypeName(target.Item)} has no Subject, Status, Priority, StaffId, GroupId, LanguageId, Labels or CustomFields. " +
                    "Give the change as parameters, for example -Status closed.", target.Item));
                return;
            }
            if (IsRepeat(target)) return;
            if (WhatIfRequested)
            {
                Approve(target.ToString(), "Set to the piped values: " + Describe(edit.AsChange(), labelsAreTheWholeSet: true), Force);
                return;
            }
            // Marked before the read, so a case that comes again while it is read is not read twice.
            Seen(target);
            long id = 0;
            Items.Add(async context =>
            {
                id = await IdOf(target, context).ConfigureAwait(false);
                return await Client.GetCaseAsync(id.ToString(CultureInfo.InvariantCulture), context).ConfigureAwait(false);
            }, current =>
            {
                var change = edit.ChangeFrom(current);
                if (change.IsEmpty)
                {
                    WriteVerbose($"{target} already has the piped values; nothing is sent for it.");
                    if (PassThru) WriteObject(current);
                    return;
                }
                if (Approve(target.ToString(), "Set " + Describe(change), Force)) Enqueue(id, target, change, change.Key);
            }, e => WriteApiError(e, target.Item));
        }

        protected override Task<OmnideskBulkResult> SendAsync(IReadOnlyList<long> caseIds, object change, OmnideskCallContext context) =>
            Client.UpdateCasesAsync(caseIds, (OmnideskCaseChange)change ?? _change, context);

        /// <param name="labelsAreTheWholeSet">AddLabels are the labels the case is to have (piped values, -WhatIf), not ones to add.</param>
        private static string Describe(OmnideskCaseChange c, bool labelsAreTheWholeSet = false)
        {
            var parts = new List<string>();
            if (c.Subject != null) parts.Add($"subject '{c.Subject}'");
            if (c.Status != null) parts.Add("status " + c.Status);
            if (c.Priority != null) parts.Add("priority " + c.Priority);
            if (c.StaffId != null) parts.Add(c.StaffId == 0 ? "no staff member" : "staff " + c.StaffId);
            if (c.GroupId != null) parts.Add("group " + c.GroupId);
            if (c.LanguageId != null) parts.Add("language " + c.LanguageId);
            if (c.CustomFields != null) foreach (var f in c.CustomFields) parts.Add($"{f.Key} '{Text(f.Value)}'");
            if (c.AddLabels != null) parts.Add((labelsAreTheWholeSet ? "labels " : "add labels ") + string.Join(",", c.AddLabels));
            if (c.RemoveLabels != null) parts.Add("remove labels " + string.Join(",", c.RemoveLabels));
            return string.Join(", ", parts);
        }

        private static string Text(object value) =>
            value is object[] many ? string.Join(",", many) : System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}

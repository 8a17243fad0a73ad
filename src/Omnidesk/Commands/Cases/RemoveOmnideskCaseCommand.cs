using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk.Commands
{
    /// <summary>To the trash (recoverable), to spam with -Spam, or gone for good with -Permanent.</summary>
    [Cmdlet(VerbsCommon.Remove, "OmnideskCase", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskCase))]
    public sealed class RemoveOmnideskCaseCommand : CaseChangeCmdlet
    {
        [Parameter]
        public SwitchParameter Spam { get; set; }

        /// <summary>Deletes for good; asks for confirmation unless -Force.</summary>
        [Parameter]
        public SwitchParameter Permanent { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Spam && Permanent)
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskConflictingSwitches",
                    "-Spam and -Permanent cannot be used together: a case is either marked as spam (recoverable) or deleted for good.", null));
        }

        private OmnideskCaseAction Kind => Permanent ? OmnideskCaseAction.Delete : Spam ? OmnideskCaseAction.Spam : OmnideskCaseAction.Trash;

        protected override string Action =>
            Permanent ? "Delete permanently" : Spam ? "Mark as spam" : "Move to the trash";

        protected override string Outcome =>
            Permanent ? "deleted" : Spam ? "marked as spam" : "moved to the trash";

        protected override string IrreversibleQuery(string target) =>
            Permanent ? $"{target} will be deleted permanently, with its messages; it cannot be restored. Delete it?" : null;

        protected override bool CasesRemainAfterwards => !Permanent;

        protected override Task<OmnideskBulkResult> SendAsync(IReadOnlyList<long> caseIds, object change, OmnideskCallContext context) =>
            Client.ChangeCaseStateAsync(caseIds, Kind, context);
    }
}

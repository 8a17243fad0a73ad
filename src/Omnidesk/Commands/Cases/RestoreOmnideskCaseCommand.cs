using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk.Commands
{
    /// <summary>Back from the trash or from spam.</summary>
    [Cmdlet(VerbsData.Restore, "OmnideskCase", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskCase))]
    public sealed class RestoreOmnideskCaseCommand : CaseChangeCmdlet
    {
        protected override string Action => "Restore from the trash or spam";
        protected override string Outcome => "restored";

        protected override Task<OmnideskBulkResult> SendAsync(IReadOnlyList<long> caseIds, object change, OmnideskCallContext context) =>
            Client.ChangeCaseStateAsync(caseIds, OmnideskCaseAction.Restore, context);
    }
}

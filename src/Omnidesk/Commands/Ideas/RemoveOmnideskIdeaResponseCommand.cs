using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>Deletes the official response to an idea; it cannot be restored.</summary>
    [Cmdlet(VerbsCommon.Remove, "OmnideskIdeaResponse", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOmnideskIdeaResponseCommand : CaseTargetCmdlet
    {
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var target in CasesOfRecord())
            {
                ApplyTo(target, "Delete the official response to the idea", async (id, context) =>
                {
                    await Client.DeleteIdeaResponseAsync(id, context).ConfigureAwait(false);
                    return true;
                }, passThru: false, Force, $"The official response to the idea of {target} will be deleted; it cannot be restored. Delete it?");
            }
        }
    }
}

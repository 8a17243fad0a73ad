using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>Adds or replaces the official response to an idea.</summary>
    [Cmdlet(VerbsCommon.Set, "OmnideskIdeaResponse", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskCase))]
    public sealed class SetOmnideskIdeaResponseCommand : CaseTargetCmdlet
    {
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Content { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var target in CasesOfRecord())
                ApplyTo(target, "Set the official response to the idea", (id, context) => Client.SetIdeaResponseAsync(id, Content, context), PassThru);
        }
    }
}

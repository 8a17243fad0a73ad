using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>Edits the idea of a case of the idea channel: its text, stage or category.</summary>
    [Cmdlet(VerbsCommon.Set, "OmnideskIdea", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskCase))]
    public sealed class SetOmnideskIdeaCommand : CaseTargetCmdlet
    {
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Content { get; set; }

        [Parameter]
        [ValidateSet("waiting", "planned", "in_progress", "finished")]
        public string Stage { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? CategoryId { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            if (Content == null && Stage == null && CategoryId == null)
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskNoChange", "Nothing to change: give -Content, -Stage or -CategoryId.", null));
        }

        protected override void ProcessRecord()
        {
            var change = new OmnideskIdeaChange { Content = Content, Stage = Stage, CategoryId = CategoryId };
            var what = Stage != null ? "Set the idea's stage to " + Stage : "Edit the idea";
            foreach (var target in CasesOfRecord())
                ApplyToCase(target, what, (id, context) => Client.UpdateIdeaAsync(id, change, context), PassThru);
        }
    }

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
                ApplyToCase(target, "Set the official response to the idea", (id, context) => Client.SetIdeaResponseAsync(id, Content, context), PassThru);
        }
    }

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
                ApplyToCase(target, "Delete the official response to the idea", async (id, context) =>
                {
                    await Client.DeleteIdeaResponseAsync(id, context).ConfigureAwait(false);
                    return true;
                }, passThru: false, Force, $"The official response to the idea of {target} will be deleted; it cannot be restored. Delete it?");
            }
        }
    }
}

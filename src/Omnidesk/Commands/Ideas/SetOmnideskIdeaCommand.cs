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
            base.BeginProcessing();
            if (Content == null && Stage == null && CategoryId == null)
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskNoChange", "Nothing to change: give -Content, -Stage or -CategoryId.", null));
        }

        protected override void ProcessRecord()
        {
            var change = new OmnideskIdeaChange { Content = Content, Stage = Stage, CategoryId = CategoryId };
            var what = Stage != null ? "Set the idea's stage to " + Stage : "Edit the idea";
            foreach (var target in CasesOfRecord())
                ApplyTo(target, what, (id, context) => Client.UpdateIdeaAsync(id, change, context), PassThru);
        }
    }
}

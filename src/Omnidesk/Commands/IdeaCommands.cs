using System.Globalization;
using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>Edits the idea of a case of the idea channel: its text, stage or category.</summary>
    [Cmdlet(VerbsCommon.Set, "OmnideskIdea", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskCase))]
    public sealed class SetOmnideskIdeaCommand : OmnideskConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "case_id")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseId { get; set; }

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
            ApplyChange("Case " + CaseId.ToString(CultureInfo.InvariantCulture), what,
                context => Client.UpdateIdeaAsync(CaseId, change, context), PassThru, CaseId);
        }
    }

    /// <summary>Adds or replaces the official response to an idea.</summary>
    [Cmdlet(VerbsCommon.Set, "OmnideskIdeaResponse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskCase))]
    public sealed class SetOmnideskIdeaResponseCommand : OmnideskConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "case_id")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseId { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Content { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            ApplyChange("Case " + CaseId.ToString(CultureInfo.InvariantCulture), "Set the official response to the idea",
                context => Client.SetIdeaResponseAsync(CaseId, Content, context), PassThru, CaseId);
        }
    }

    /// <summary>Deletes the official response to an idea; it cannot be restored.</summary>
    [Cmdlet(VerbsCommon.Remove, "OmnideskIdeaResponse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOmnideskIdeaResponseCommand : OmnideskConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "case_id")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseId { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            ApplyChange("Case " + CaseId.ToString(CultureInfo.InvariantCulture), "Delete the official response to the idea",
                async context =>
                {
                    await Client.DeleteIdeaResponseAsync(CaseId, context).ConfigureAwait(false);
                    return true;
                }, passThru: false, CaseId, Force);
        }
    }
}

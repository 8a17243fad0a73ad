using System.Management.Automation;

namespace Omnidesk
{
    /// <summary>Edits the text of messages or notes (Set-OmnideskMessage, Set-OmnideskNote).</summary>
    public abstract class SetMessageCmdletBase : MessageTargetCmdlet
    {
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Content { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ContentHtml { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Content == null && ContentHtml == null)
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskNoChange", "Nothing to change: give -Content or -ContentHtml.", null));
        }

        protected override void ProcessRecord()
        {
            foreach (var message in MessagesOfRecord())
            {
                ApplyTo(message, "Edit the text", (id, context) => Kind == MessageKind.Note
                    ? Client.UpdateNoteAsync(message.CaseId, id, Content, ContentHtml, context)
                    : Client.UpdateMessageAsync(message.CaseId, id, Content, ContentHtml, context), PassThru);
            }
        }
    }
}

using System.Management.Automation;

namespace Omnidesk
{
    /// <summary>Deletes messages or notes (Remove-OmnideskMessage, Remove-OmnideskNote); they cannot be restored, so it asks unless -Force.</summary>
    public abstract class RemoveMessageCmdletBase : MessageTargetCmdlet
    {
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var message in MessagesOfRecord())
            {
                ApplyTo(message, "Delete", async (id, context) =>
                {
                    if (Kind == MessageKind.Note) await Client.DeleteNoteAsync(message.CaseId, id, context).ConfigureAwait(false);
                    else await Client.DeleteMessageAsync(message.CaseId, id, context).ConfigureAwait(false);
                    return true;
                }, passThru: false, Force, $"{Describe(message)} will be deleted; it cannot be restored. Delete it?");
            }
        }
    }
}

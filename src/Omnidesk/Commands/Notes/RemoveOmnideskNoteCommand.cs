using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>Deletes notes; they cannot be restored. Asks unless -Force.</summary>
    [Cmdlet(VerbsCommon.Remove, "OmnideskNote", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOmnideskNoteCommand : RemoveMessageCmdletBase
    {
        private protected override MessageKind Kind => MessageKind.Note;
    }
}

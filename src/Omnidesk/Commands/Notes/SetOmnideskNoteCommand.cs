using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>Edits the text of notes.</summary>
    [Cmdlet(VerbsCommon.Set, "OmnideskNote", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskMessage))]
    public sealed class SetOmnideskNoteCommand : SetMessageCmdletBase
    {
        private protected override MessageKind Kind => MessageKind.Note;
    }
}

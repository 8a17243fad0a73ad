using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>An internal note in cases (staff only; never sent to the user).</summary>
    [Cmdlet(VerbsCommon.New, "OmnideskNote", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskMessage))]
    public sealed class NewOmnideskNoteCommand : NewMessageCmdletBase
    {
        /// <summary>The note's author; by default the staff member of the connection.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? StaffId { get; set; }

        private protected override MessageKind Kind => MessageKind.Note;
        protected override string Action => (StaffId.HasValue ? $"Add a note by staff member {StaffId}" : "Add a note") + Files;

        protected override ErrorRecord Complete(OmnideskNewMessage message)
        {
            message.StaffId = StaffId;
            return null;
        }
    }
}

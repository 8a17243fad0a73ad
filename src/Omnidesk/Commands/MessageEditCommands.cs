using System.Globalization;
using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>
    /// Edits or removes one message or note, named by -CaseId and -MessageId, both bound from a piped message.
    /// A piped message of the other kind (a note given to a message cmdlet, or the reverse) is refused before
    /// anything is sent: the API keeps them apart.
    /// </summary>
    public abstract class MessageCmdletBase : OmnideskConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("case_id")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("message_id")]
        [ValidateRange(1, long.MaxValue)]
        public long MessageId { get; set; }

        /// <summary>
        /// Bound from a piped message only, to refuse the wrong kind. An object, not a bool: Import-Csv rows carry
        /// "True"/"False" as text, and a free-text "note" column must not stop the binding.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        [Alias("note")]
        public object IsNote { get; set; }

        /// <summary>True for the note cmdlets.</summary>
        protected abstract bool ForNotes { get; }

        protected string Target => (ForNotes ? "Note " : "Message ") + MessageId.ToString(CultureInfo.InvariantCulture) +
                                   " of case " + CaseId.ToString(CultureInfo.InvariantCulture);

        /// <summary>False, with an error, when a piped message is of the other kind.</summary>
        protected bool IsRightKind()
        {
            var isNote = AsBool(IsNote);
            if (!isNote.HasValue || isNote.Value == ForNotes) return true;
            var message = ForNotes
                ? $"Message {MessageId} of case {CaseId} is a response, not a note: use the *-OmnideskMessage cmdlets."
                : $"Message {MessageId} of case {CaseId} is a note: use the *-OmnideskNote cmdlets.";
            WriteError(OmnideskErrors.InvalidArgument(ForNotes ? "OmnideskNotANote" : "OmnideskMessageIsNote", message, MessageId));
            return false;
        }

        private static bool? AsBool(object value)
        {
            value = value is PSObject ps ? ps.BaseObject : value;
            if (value is bool b) return b;
            var text = value as string;
            if (string.Equals(text, "true", System.StringComparison.OrdinalIgnoreCase) || text == "1") return true;
            if (string.Equals(text, "false", System.StringComparison.OrdinalIgnoreCase) || text == "0") return false;
            return null;
        }
    }

    public abstract class SetMessageCmdletBase : MessageCmdletBase
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
            if (Content == null && ContentHtml == null)
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskNoChange", "Nothing to change: give -Content or -ContentHtml.", null));
        }

        protected override void ProcessRecord()
        {
            if (!IsRightKind()) return;
            ApplyChange(Target, "Edit the text", context => ForNotes
                ? Client.UpdateNoteAsync(CaseId, MessageId, Content, ContentHtml, context)
                : Client.UpdateMessageAsync(CaseId, MessageId, Content, ContentHtml, context), PassThru, MessageId);
        }
    }

    public abstract class RemoveMessageCmdletBase : MessageCmdletBase
    {
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (!IsRightKind()) return;
            ApplyChange(Target, "Delete", async context =>
            {
                if (ForNotes) await Client.DeleteNoteAsync(CaseId, MessageId, context).ConfigureAwait(false);
                else await Client.DeleteMessageAsync(CaseId, MessageId, context).ConfigureAwait(false);
                return true;
            }, passThru: false, MessageId, Force);
        }
    }

    [Cmdlet(VerbsCommon.Set, "OmnideskMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskMessage))]
    public sealed class SetOmnideskMessageCommand : SetMessageCmdletBase
    {
        protected override bool ForNotes => false;
    }

    [Cmdlet(VerbsCommon.Set, "OmnideskNote", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskMessage))]
    public sealed class SetOmnideskNoteCommand : SetMessageCmdletBase
    {
        protected override bool ForNotes => true;
    }

    /// <summary>Deletes responses; they cannot be restored. Asks unless -Force.</summary>
    [Cmdlet(VerbsCommon.Remove, "OmnideskMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOmnideskMessageCommand : RemoveMessageCmdletBase
    {
        protected override bool ForNotes => false;
    }

    /// <summary>Deletes notes; they cannot be restored. Asks unless -Force.</summary>
    [Cmdlet(VerbsCommon.Remove, "OmnideskNote", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOmnideskNoteCommand : RemoveMessageCmdletBase
    {
        protected override bool ForNotes => true;
    }
}

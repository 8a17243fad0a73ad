using System.Globalization;
using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>
    /// Edits or removes messages or notes, named by -CaseId and -MessageId, or piped: message objects, objects or CSV rows
    /// with CaseId and MessageId, or message ids with -CaseId (see <see cref="MessageRef.Read"/>). A piped message of
    /// the other kind (a note given to a message cmdlet, or the reverse) is refused before anything is sent: the API
    /// keeps them apart.
    /// </summary>
    public abstract class MessageCmdletBase : OmnideskConnectedCmdlet
    {
        protected const string ByIdSet = "ById";
        protected const string ByInputObjectSet = "ByInputObject";

        /// <summary>The case; with piped message ids, the case they belong to.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Parameter(ParameterSetName = ByInputObjectSet)]
        [Alias("case_id")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet)]
        [Alias("message_id")]
        [ValidateRange(1, long.MaxValue)]
        public long MessageId { get; set; }

        /// <summary>Messages from Get-OmnideskMessage, objects with CaseId and MessageId, or message ids of -CaseId.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByInputObjectSet, ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        /// <summary>True for the note cmdlets.</summary>
        protected abstract bool ForNotes { get; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                Process(MessageRef.FromIds(CaseId, MessageId));
                return;
            }
            long? caseId = MyInvocation.BoundParameters.ContainsKey(nameof(CaseId)) ? CaseId : (long?)null;
            foreach (var item in PipedItem.Expand(InputObject))
            {
                var message = MessageRef.Read(item, caseId, out var error);
                if (error != null) WriteError(error);
                else if (IsRightKind(message)) Process(message);
            }
        }

        /// <summary>Edits or removes one message.</summary>
        private protected abstract void Process(MessageRef message);

        private protected string Target(MessageRef message) => (ForNotes ? "Note " : "Message ") + message.MessageId.ToString(CultureInfo.InvariantCulture) +
                                                       " of case " + message.CaseId.ToString(CultureInfo.InvariantCulture);

        /// <summary>False, with an error, when a piped message is of the other kind.</summary>
        private bool IsRightKind(MessageRef message)
        {
            if (!message.IsNote.HasValue || message.IsNote.Value == ForNotes) return true;
            var text = ForNotes
                ? $"Message {message.MessageId} of case {message.CaseId} is a response, not a note: use the *-OmnideskMessage cmdlets."
                : $"Message {message.MessageId} of case {message.CaseId} is a note: use the *-OmnideskNote cmdlets.";
            WriteError(OmnideskErrors.InvalidArgument(ForNotes ? "OmnideskNotANote" : "OmnideskMessageIsNote", text, message.Item));
            return false;
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

        private protected override void Process(MessageRef message)
        {
            ApplyChange(Target(message), "Edit the text", context => ForNotes
                ? Client.UpdateNoteAsync(message.CaseId, message.MessageId, Content, ContentHtml, context)
                : Client.UpdateMessageAsync(message.CaseId, message.MessageId, Content, ContentHtml, context), PassThru, message.MessageId);
        }
    }

    public abstract class RemoveMessageCmdletBase : MessageCmdletBase
    {
        [Parameter]
        public SwitchParameter Force { get; set; }

        private protected override void Process(MessageRef message)
        {
            var target = Target(message);
            ApplyChange(target, "Delete", async context =>
            {
                if (ForNotes) await Client.DeleteNoteAsync(message.CaseId, message.MessageId, context).ConfigureAwait(false);
                else await Client.DeleteMessageAsync(message.CaseId, message.MessageId, context).ConfigureAwait(false);
                return true;
            }, passThru: false, message.MessageId, Force, $"{target} will be deleted; it cannot be restored. Delete it?");
        }
    }

    [Cmdlet(VerbsCommon.Set, "OmnideskMessage", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskMessage))]
    public sealed class SetOmnideskMessageCommand : SetMessageCmdletBase
    {
        protected override bool ForNotes => false;
    }

    [Cmdlet(VerbsCommon.Set, "OmnideskNote", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskMessage))]
    public sealed class SetOmnideskNoteCommand : SetMessageCmdletBase
    {
        protected override bool ForNotes => true;
    }

    /// <summary>Deletes responses; they cannot be restored. Asks unless -Force.</summary>
    [Cmdlet(VerbsCommon.Remove, "OmnideskMessage", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOmnideskMessageCommand : RemoveMessageCmdletBase
    {
        protected override bool ForNotes => false;
    }

    /// <summary>Deletes notes; they cannot be restored. Asks unless -Force.</summary>
    [Cmdlet(VerbsCommon.Remove, "OmnideskNote", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOmnideskNoteCommand : RemoveMessageCmdletBase
    {
        protected override bool ForNotes => true;
    }
}

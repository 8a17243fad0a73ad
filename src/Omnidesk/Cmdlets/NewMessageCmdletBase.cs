using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk.Commands
{
    /// <summary>
    /// Adds one message (or note) to every case given: cases go 10 per request, as the API allows. Each new message
    /// is written out; a bulk answer lists only case ids, so those messages are read back (the newest of each case).
    /// </summary>
    public abstract class NewMessageCmdletBase : BulkCaseCmdlet<OmnideskMessagesResult>
    {
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Content { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ContentHtml { get; set; }

        /// <summary>Files to upload (at most 25 MB each, 50 MB in all).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Attachment { get; set; }

        /// <summary>Addresses of files the server downloads itself.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] AttachmentUrl { get; set; }

        protected OmnideskNewMessage Message { get; private set; }

        /// <summary>"response" or "note", for messages and errors.</summary>
        protected abstract string Kind { get; }

        /// <summary>Completes and checks the message; an ErrorRecord stops the command before anything is sent.</summary>
        protected abstract ErrorRecord Complete(OmnideskNewMessage message);

        protected override void BeginProcessing()
        {
            if (Content == null && ContentHtml == null)
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskContentMissing", $"Give the {Kind}'s text: -Content or -ContentHtml.", null));
            // The same files go to every case: checked once, before anything is sent or asked.
            var uploads = AttachmentFiles.Resolve(this, Attachment, out var attachmentError);
            if (attachmentError != null) ThrowTerminatingError(attachmentError);
            var message = new OmnideskNewMessage { Content = Content, ContentHtml = ContentHtml, AttachmentUrls = AttachmentUrl, Attachments = uploads };
            var error = Complete(message);
            if (error != null) ThrowTerminatingError(error);
            Message = message;
        }

        protected string Files
        {
            get
            {
                var count = Message.Attachments.Count + (Message.AttachmentUrls?.Length ?? 0);
                return count == 0 ? "" : $" with {count} attachment(s)";
            }
        }

        protected override IEnumerable<long> Succeeded(OmnideskMessagesResult result) => result.SucceededCaseIds;

        protected override void WriteSucceeded(long caseId, OmnideskMessagesResult result)
        {
            var message = result.Messages?.FirstOrDefault(m => m.CaseId == caseId) ?? ReadBack(caseId);
            if (message != null) WriteObject(message);
        }

        /// <summary>
        /// A bulk answer lists only case ids: find the new message among the case's newest ones (same kind, author and
        /// text). The case did get it, so a failure here is a warning, never an error a script would resend on.
        /// </summary>
        private OmnideskMessage ReadBack(long caseId)
        {
            try
            {
                var newest = Await(context => Client.GetMessagesAsync(caseId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    caseId, "desc", 1, 10, context)).Items;
                var match = newest.FirstOrDefault(IsTheNewMessage);
                if (match == null) WriteWarning($"Case {caseId} got the {Kind}, but it was not found among the case's newest messages.");
                return match;
            }
            catch (OmnideskApiException e)
            {
                WriteWarning($"Case {caseId} got the {Kind}, but reading it back failed: {e.Message}");
                return null;
            }
        }

        private bool IsTheNewMessage(OmnideskMessage m) =>
            m.IsNote == (Kind == "note") &&
            (Message.StaffId == null || m.StaffId == Message.StaffId) &&
            (Message.UserId == null || m.UserId == Message.UserId) &&
            (Message.Content == null || m.Content == Message.Content) &&
            (Message.ContentHtml == null || m.ContentHtml == Message.ContentHtml);
    }

    /// <summary>A response in cases, from a staff member or on behalf of a user.</summary>
    [Cmdlet(VerbsCommon.New, "OmnideskMessage", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskMessage))]
    public sealed class NewOmnideskMessageCommand : NewMessageCmdletBase
    {
        /// <summary>The staff member who answers (exactly one of -StaffId and -UserId).</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? StaffId { get; set; }

        /// <summary>The user on whose behalf the response is added.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? UserId { get; set; }

        /// <summary>Add the response to the case without e-mailing it.</summary>
        [Parameter]
        public SwitchParameter DoNotSendEmail { get; set; }

        /// <summary>Send it later, at this time.</summary>
        [Parameter]
        public DateTime? SendAt { get; set; }

        protected override string Kind => "response";
        protected override string Outcome => "given the response";

        protected override string Action => StaffId.HasValue
            ? $"Add a response from staff member {StaffId}{Files}"
            : $"Add a response on behalf of user {UserId}{Files}";

        protected override ErrorRecord Complete(OmnideskNewMessage message)
        {
            if (StaffId.HasValue == UserId.HasValue)
                return OmnideskErrors.InvalidArgument(StaffId.HasValue ? "OmnideskAuthorConflict" : "OmnideskAuthorMissing",
                    "Give exactly one author: -StaffId for a staff member's response, or -UserId for a response on behalf of a user.", null);
            message.StaffId = StaffId;
            message.UserId = UserId;
            message.DoNotSendEmail = DoNotSendEmail ? true : (bool?)null;
            message.SendAt = SendAt.HasValue ? new DateTimeOffset(SendAt.Value) : (DateTimeOffset?)null;
            return null;
        }

        protected override Task<OmnideskMessagesResult> SendAsync(IReadOnlyList<long> caseIds, object change, OmnideskCallContext context) =>
            Client.AddMessagesAsync(caseIds, Message, context);
    }

    /// <summary>An internal note in cases (staff only; never sent to the user).</summary>
    [Cmdlet(VerbsCommon.New, "OmnideskNote", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskMessage))]
    public sealed class NewOmnideskNoteCommand : NewMessageCmdletBase
    {
        /// <summary>The note's author; by default the staff member of the connection.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? StaffId { get; set; }

        protected override string Kind => "note";
        protected override string Outcome => "given the note";
        protected override string Action => (StaffId.HasValue ? $"Add a note by staff member {StaffId}" : "Add a note") + Files;

        protected override ErrorRecord Complete(OmnideskNewMessage message)
        {
            message.StaffId = StaffId;
            return null;
        }

        protected override Task<OmnideskMessagesResult> SendAsync(IReadOnlyList<long> caseIds, object change, OmnideskCallContext context) =>
            Client.AddNotesAsync(caseIds, Message, context);
    }
}

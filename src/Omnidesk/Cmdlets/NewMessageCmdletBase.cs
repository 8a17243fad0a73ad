using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// Adds one message (or note) to every case given: cases go 10 per request, as the API allows. Each new message
    /// is written out; a bulk answer lists only case ids, so those messages are read back (the newest of each case), up to
    /// -MaxConcurrency at once, each in its case's place.
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

        /// <summary>A response or a note.</summary>
        private protected abstract MessageKind Kind { get; }

        /// <summary>Completes and checks the message; an ErrorRecord stops the command before anything is sent.</summary>
        protected abstract ErrorRecord Complete(OmnideskNewMessage message);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Content == null && ContentHtml == null)
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskContentMissing", $"Give the {Kind.Noun()}'s text: -Content or -ContentHtml.", null));
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

        protected override string Outcome => "given the " + Kind.Noun();

        protected override Task<OmnideskMessagesResult> SendAsync(IReadOnlyList<long> caseIds, object change, OmnideskCallContext context) =>
            Kind == MessageKind.Note ? Client.AddNotesAsync(caseIds, Message, context) : Client.AddMessagesAsync(caseIds, Message, context);

        protected override IEnumerable<long> Succeeded(OmnideskMessagesResult result) => result.SucceededCaseIds;

        protected override void WriteSucceeded(long caseId, OmnideskMessagesResult result)
        {
            var message = result.Messages?.FirstOrDefault(m => m.CaseId == caseId);
            if (message != null) Items.Deliver(() => WriteObject(message));
            else ReadBack(caseId);
        }

        /// <summary>
        /// A bulk answer lists only case ids: find the new message among the case's newest ones (same kind, author and
        /// text), read as one of the command's per-item requests. The case did get it, so a failure here is a warning,
        /// never an error a script would resend on.
        /// </summary>
        private void ReadBack(long caseId)
        {
            Items.Add(context => Client.GetMessagesAsync(caseId.ToString(System.Globalization.CultureInfo.InvariantCulture), caseId, "desc", 1, 10, context),
                newest =>
                {
                    var match = newest.Items.FirstOrDefault(IsTheNewMessage);
                    if (match != null) WriteObject(match);
                    else WriteWarning($"Case {caseId} got the {Kind.Noun()}, but it was not found among the case's newest messages.");
                },
                e => WriteWarning($"Case {caseId} got the {Kind.Noun()}, but reading it back failed: {e.Message}"));
        }

        private bool IsTheNewMessage(OmnideskMessage m) =>
            m.IsNote == (Kind == MessageKind.Note) &&
            (Message.StaffId == null || m.StaffId == Message.StaffId) &&
            (Message.UserId == null || m.UserId == Message.UserId) &&
            (Message.Content == null || m.Content == Message.Content) &&
            (Message.ContentHtml == null || m.ContentHtml == Message.ContentHtml);
    }
}

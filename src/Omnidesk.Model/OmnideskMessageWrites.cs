using System;
using System.Collections.Generic;

namespace Omnidesk
{
    /// <summary>
    /// The body of POST /api/cases/{ids}/messages.json ("message") or /note.json ("note"); null members are not sent.
    /// With attachments the request is multipart message[...] / note[...].
    /// </summary>
    public sealed class OmnideskNewMessage : IOmnideskUploads
    {
        public string Content { get; set; }
        public string ContentHtml { get; set; }
        /// <summary>A user's response: that user. Exactly one of UserId and StaffId for a response.</summary>
        public long? UserId { get; set; }
        /// <summary>A staff member's response, or the author of a note.</summary>
        public long? StaffId { get; set; }
        /// <summary>Responses only: add it to the case without e-mailing it to the user (do_not_send_email).</summary>
        public bool? DoNotSendEmail { get; set; }
        /// <summary>Responses only: send it later (send_at, unix seconds).</summary>
        public DateTimeOffset? SendAt { get; set; }
        public string[] AttachmentUrls { get; set; }
        public IReadOnlyList<OmnideskUpload> Attachments { get; set; }
    }

    /// <summary>The body of PUT …/messages/{id}.json ("message") or …/note/{id}.json ("note"); null members are not sent.</summary>
    public sealed class OmnideskMessageEdit
    {
        public string Content { get; set; }
        public string ContentHtml { get; set; }
    }

    /// <summary>What the API answered to messages or notes added to one or several cases.</summary>
    public sealed class OmnideskMessagesResult : OmnideskBulkResult<OmnideskMessage>
    {
        public OmnideskMessagesResult(IReadOnlyList<long> succeededCaseIds, IReadOnlyList<OmnideskMessage> messages)
            : base(succeededCaseIds, messages)
        {
        }

        /// <summary>The cases the message was added to.</summary>
        public IReadOnlyList<long> SucceededCaseIds => SucceededIds;
        /// <summary>The new messages, when the API sent them (it does for one case; a bulk answer lists only case ids).</summary>
        public IReadOnlyList<OmnideskMessage> Messages => Items;
    }
}

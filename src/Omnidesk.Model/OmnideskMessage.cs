using System;

namespace Omnidesk
{
    /// <summary>A message of a case: a user's or staff member's response, or a note (IsNote).</summary>
    public sealed class OmnideskMessage
    {
        public long CaseId { get; set; }
        public long MessageId { get; set; }
        /// <summary>The user who wrote it; null when a staff member did (the API sends 0).</summary>
        public long? UserId { get; set; }
        /// <summary>The staff member who wrote it; null when a user did (the API sends 0).</summary>
        public long? StaffId { get; set; }
        public string Content { get; set; }
        public string ContentHtml { get; set; }
        public OmnideskList<OmnideskAttachment> Attachments { get; set; } = OmnideskList<OmnideskAttachment>.Empty;
        public bool IsNote { get; set; }
        public bool SentViaRule { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        /// <summary>When it was (or will be) sent; later than CreatedAt for a delayed message.</summary>
        public DateTimeOffset? SentAt { get; set; }
        public bool IsScheduled => SentAt.HasValue && CreatedAt.HasValue && SentAt.Value > CreatedAt.Value;
        public string Rating { get; set; }
        public string RatingComment { get; set; }
        public long? RatedStaffId { get; set; }

        public override string ToString() => $"Message {MessageId} of case {CaseId}";
    }

    public sealed class OmnideskAttachment
    {
        public long FileId { get; set; }
        public string FileName { get; set; }
        public long FileSize { get; set; }
        public string MimeType { get; set; }
        public string Url { get; set; }

        public override string ToString() => FileName;
    }
}

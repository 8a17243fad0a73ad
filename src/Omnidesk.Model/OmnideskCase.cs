using System;

namespace Omnidesk
{
    /// <summary>A case (ticket) as the API returns it, with its quirks already resolved.</summary>
    public sealed class OmnideskCase
    {
        public long CaseId { get; set; }
        public string CaseNumber { get; set; }
        public string Subject { get; set; }
        public long UserId { get; set; }
        /// <summary>0 when the case is unassigned (the API's own convention, also used by the -StaffId filter).</summary>
        public long StaffId { get; set; }
        public long GroupId { get; set; }
        public string Status { get; set; }
        public string Priority { get; set; }
        public string Channel { get; set; }
        public string Recipient { get; set; }
        public OmnideskList<string> CcEmails { get; set; } = OmnideskList<string>.Empty;
        public OmnideskList<string> BccEmails { get; set; } = OmnideskList<string>.Empty;
        public bool Deleted { get; set; }
        public bool Spam { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        /// <summary>Null while the case is not closed (the API sends "-").</summary>
        public DateTimeOffset? ClosedAt { get; set; }
        public DateTimeOffset? LastResponseAt { get; set; }
        /// <summary>Minutes from creation to closing; null while not closed (the API sends "-").</summary>
        public int? ClosingSpeed { get; set; }
        public long? ParentCaseId { get; set; }
        public long? LanguageId { get; set; }
        /// <summary>Keyed by the API's field name (cf_N); values are strings, numbers, booleans or arrays (see <see cref="OmnideskCustomFields"/>).</summary>
        public OmnideskCustomFields CustomFields { get; set; } = new OmnideskCustomFields();
        public OmnideskList<long> Labels { get; set; } = OmnideskList<long>.Empty;
        public OmnideskList<long> LockedLabels { get; set; } = OmnideskList<long>.Empty;
        public string Rating { get; set; }
        public string RatingComment { get; set; }
        public long? RatedStaffId { get; set; }
        /// <summary>Only on cases of the idea channel, when the API sends it.</summary>
        public OmnideskIdea Idea { get; set; }

        public override string ToString() =>
            string.IsNullOrEmpty(CaseNumber) ? $"Case {CaseId} '{Subject}'" : $"Case {CaseNumber} '{Subject}'";
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace Omnidesk.Emulator
{
    /// <summary>A case. Mutable so the write endpoints of later issues can change it in place (under the store lock).</summary>
    public sealed class EmuCase
    {
        public long CaseId { get; set; }
        public string CaseNumber { get; set; }
        public string Subject { get; set; }
        public long UserId { get; set; }
        /// <summary>0 = unassigned.</summary>
        public long StaffId { get; set; }
        public long GroupId { get; set; }
        public string Status { get; set; }
        public string Priority { get; set; }
        public string Channel { get; set; }
        public string Recipient { get; set; } = "";
        public string CcEmails { get; set; } = "";
        public string BccEmails { get; set; } = "";
        public bool Deleted { get; set; }
        public bool Spam { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
        public DateTimeOffset? ClosedAt { get; set; }
        public DateTimeOffset? LastResponseAt { get; set; }
        /// <summary>The real API sometimes sends closing_speed as a numeric string; seeded per case so it is stable.</summary>
        public bool ClosingSpeedAsString { get; set; }
        public long? ParentCaseId { get; set; }
        /// <summary>A live chat still in progress: hidden from the list unless show_active_chats is set.</summary>
        public bool IsActiveChat { get; set; }
        public long LanguageId { get; set; }
        /// <summary>cf_N → string (text/select) or bool (checkbox).</summary>
        public SortedDictionary<string, object> CustomFields { get; set; } = new(StringComparer.Ordinal);
        public List<long> Labels { get; set; } = new();
        public List<long> LockedLabels { get; set; } = new();
        public string Rating { get; set; }
        public string RatingComment { get; set; }
        public long? RatedStaffId { get; set; }
        public List<EmuMessage> Messages { get; set; } = new();
        /// <summary>Only for cases of the "idea" channel.</summary>
        public EmuIdea Idea { get; set; }
        /// <summary>Every change of the case, oldest first.</summary>
        public List<EmuChangelogEntry> Changelog { get; set; } = new();

        public bool IsMerged => ParentCaseId.HasValue;

        /// <summary>Minutes from creation to closing, or null while not closed.</summary>
        public int? ClosingSpeedMinutes =>
            Status == "closed" && ClosedAt.HasValue ? (int)Math.Max(0, (ClosedAt.Value - CreatedAt).TotalMinutes) : null;

        /// <summary>A deep copy, so JSON can be written outside the store lock.</summary>
        public EmuCase Clone()
        {
            var c = (EmuCase)MemberwiseClone();
            c.CustomFields = new SortedDictionary<string, object>(CustomFields, StringComparer.Ordinal);
            c.Labels = new List<long>(Labels);
            c.LockedLabels = new List<long>(LockedLabels);
            c.Messages = Messages.Select(m => m.Clone()).ToList();
            c.Idea = Idea?.Clone();
            c.Changelog = Changelog.Select(e => e.Clone()).ToList();
            return c;
        }
    }
}

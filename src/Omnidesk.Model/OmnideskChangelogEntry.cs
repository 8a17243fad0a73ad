using System;

namespace Omnidesk
{
    /// <summary>One event of a case's changelog (GET /api/cases/{id}/changelog.json).</summary>
    public sealed class OmnideskChangelogEntry
    {
        public long CaseId { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        /// <summary>What changed: status, staff, group, priority, subject, labels, custom_field_N, rules, fixed_chat, ...</summary>
        public string Event { get; set; }
        /// <summary>Who: staff_N, rule_N, user_N, ...</summary>
        public string DoneBy { get; set; }
        public string OldValue { get; set; }
        public string Value { get; set; }

        public override string ToString() => $"{CreatedAt:u} {Event}: '{OldValue}' -> '{Value}' by {DoneBy}";
    }
}

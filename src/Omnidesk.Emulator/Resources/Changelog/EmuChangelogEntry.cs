using System;

namespace Omnidesk.Emulator
{
    /// <summary>One changelog event: event is status, staff, group, custom_field_N, labels, rules, deleted, …</summary>
    public sealed class EmuChangelogEntry
    {
        public DateTimeOffset CreatedAt { get; set; }
        public string Event { get; set; }
        /// <summary>staff_N, rule_N or user_N.</summary>
        public string DoneBy { get; set; }
        /// <summary>null = not sent (e.g. the "rules" event carries only old_value).</summary>
        public string OldValue { get; set; }
        public string Value { get; set; }

        public EmuChangelogEntry Clone() => (EmuChangelogEntry)MemberwiseClone();
    }
}

using System;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>The kind of a timeline entry, its "type": event, note or message.</summary>
    public enum ComEntryKind
    {
        Event,
        Note,
        Message,
    }

    /// <summary>One timeline entry: an event (history), an internal note or a message (§4.4).</summary>
    public sealed class ComTimelineEntry
    {
        public long Id { get; init; }
        public ComEntryKind Kind { get; init; }
        public long TicketId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }

        // events
        public string ItemType { get; init; }
        public string ItemTypeId { get; init; }
        public string Description { get; init; }
        public string InitiatedBy { get; init; }

        // notes and messages
        public string Content { get; init; }
        /// <summary>0 with "Anonymous" = the customer wrote it.</summary>
        public long UserId { get; init; }
        public string UserName { get; init; }
        public long ChannelId { get; init; }
        public string Direction { get; init; } = "";
        public string From { get; init; }
        public string To { get; init; }
        public string Cc { get; init; }
        public string Bcc { get; init; }
        public string ExternalId { get; init; }
        public string StatusNew { get; init; }
        public bool Pinned { get; init; }
        public DateTimeOffset? SendAt { get; init; }
    }
}

using System;
using System.Collections.Generic;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>A ticket with its timeline. Mutable: every access goes through the store's lock.</summary>
    public sealed class ComTicket
    {
        public static readonly string[] Statuses = { "new", "open", "pending", "holding", "solved", "closed" };
        /// <summary>Only "medium" is documented; the others are a guess (§4.3).</summary>
        public static readonly string[] Priorities = { "low", "medium", "high", "urgent" };

        public long Id { get; init; }
        public string Title { get; set; }
        public string Status { get; set; } = "new";
        public string Priority { get; set; } = "medium";
        public string Direction { get; init; } = "inbound";
        public long ChannelId { get; init; } = 1;
        public long BrandId { get; init; }
        /// <summary>0 = no customer.</summary>
        public long CustomerId { get; set; }
        /// <summary>0 = unassigned.</summary>
        public long AssignedGroupId { get; set; }
        public long AssignedUserId { get; set; }
        public string From { get; init; }
        public string To { get; init; }
        public string ExternalId { get; init; }
        public long? FormId { get; set; }
        public string Tags { get; set; } = "";
        public int SlaPolicyId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset LastUpdate { get; set; }
        public DateTimeOffset? LastUpdateAgent { get; set; }
        public DateTimeOffset? LastUpdateCustomer { get; set; }
        public DateTimeOffset? ClosedAt { get; set; }
        /// <summary>Long-closed tickets are archived: listed only with searchArchived=yes.</summary>
        public bool Archived { get; set; }
        public List<ComTimelineEntry> Timeline { get; } = new();

        public bool IsFinished => Status is "solved" or "closed";
    }
}

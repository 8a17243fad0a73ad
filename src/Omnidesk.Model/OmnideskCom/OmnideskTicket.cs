using System;

namespace Omnidesk
{
    /// <summary>
    /// An Omnidesk.com ticket (GET /api/v2/ticket, /api/v2/ticket/{id}). Its dates are the API's zone-less wall-clock
    /// times, placed in the connection's time zone (Connect-Omnidesk -TimeZone). A ticket read from the list has no
    /// <see cref="Timeline"/>, <see cref="Customer"/> or assignment options: those come with the ticket read by id.
    /// </summary>
    public sealed class OmnideskTicket
    {
        public long TicketId { get; set; }
        public string Title { get; set; }
        /// <summary>new, open, pending, holding, solved or closed.</summary>
        public string Status { get; set; }
        public string Priority { get; set; }
        /// <summary>inbound or outbound.</summary>
        public string Direction { get; set; }
        public long ChannelId { get; set; }
        public string ChannelName { get; set; }
        public long BrandId { get; set; }
        public string BrandName { get; set; }
        /// <summary>0 when the ticket has no customer.</summary>
        public long CustomerId { get; set; }
        /// <summary>0 when no group is assigned.</summary>
        public long AssignedGroupId { get; set; }
        /// <summary>0 when no agent is assigned.</summary>
        public long AssignedUserId { get; set; }
        public string From { get; set; }
        public string FromName { get; set; }
        public string To { get; set; }
        public string ToName { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        /// <summary>The API's last_update.</summary>
        public DateTimeOffset? UpdatedAt { get; set; }
        public DateTimeOffset? ClosedAt { get; set; }
        /// <summary>The API's comma-separated tags, one item each.</summary>
        public OmnideskList<string> Tags { get; set; } = OmnideskList<string>.Empty;
        public string ExternalId { get; set; }
        public long? FormId { get; set; }
        public long SlaPolicyId { get; set; }
        public DateTimeOffset? SlaNextBreach { get; set; }
        /// <summary>Only on a ticket read by id.</summary>
        public OmnideskCustomer Customer { get; set; }
        /// <summary>Only on a ticket read by id: the customer's contact channels.</summary>
        public OmnideskList<OmnideskCustomerChannel> CustomerChannels { get; set; } = OmnideskList<OmnideskCustomerChannel>.Empty;
        /// <summary>Only on a ticket read by id: the groups it can be assigned to.</summary>
        public OmnideskList<OmnideskNamedItem> AssignOptionsGroups { get; set; } = OmnideskList<OmnideskNamedItem>.Empty;
        /// <summary>Only on a ticket read by id: the agents it can be assigned to.</summary>
        public OmnideskList<OmnideskNamedItem> AssignOptionsUsers { get; set; } = OmnideskList<OmnideskNamedItem>.Empty;
        /// <summary>
        /// Only on a ticket read by id, else null: its notes and messages, newest first, and with -IncludeHistory its
        /// events before them.
        /// </summary>
        public OmnideskList<OmnideskTimelineEntry> Timeline { get; set; }
        /// <summary>Whether <see cref="Timeline"/> holds the events too (the ticket was read with -IncludeHistory).</summary>
        public bool HistoryIncluded { get; set; }

        public override string ToString() => $"Ticket {TicketId} '{Title}'";
    }

    /// <summary>An id and a name: a group or agent a ticket can be assigned to, an agent's group.</summary>
    public sealed class OmnideskNamedItem
    {
        public long Id { get; set; }
        public string Name { get; set; }

        public override string ToString() => Name;
    }
}

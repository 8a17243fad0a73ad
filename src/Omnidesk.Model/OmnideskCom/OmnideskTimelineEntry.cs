using System;

namespace Omnidesk
{
    /// <summary>
    /// One entry of an Omnidesk.com ticket's timeline: a message, an internal note, or (read with -IncludeHistory) an
    /// event. The API's mixed types are resolved: ids as numbers (notes and messages send them as text), 0/1 as
    /// booleans, meta_data (a JSON text) as values.
    /// </summary>
    public sealed class OmnideskTimelineEntry
    {
        /// <summary>message, note or event.</summary>
        public string Type { get; set; }
        /// <summary>The entry's id (the API's id); events are numbered apart from notes and messages.</summary>
        public long EntryId { get; set; }
        public long TicketId { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        /// <summary>The text of a message or note (HTML on e-mail); an event's description.</summary>
        public string Content { get; set; }
        /// <summary>The author: 0 for the customer (UserName Anonymous) or an agent's id.</summary>
        public long UserId { get; set; }
        public string UserName { get; set; }
        /// <summary>0 on notes and events.</summary>
        public long ChannelId { get; set; }
        public string ChannelName { get; set; }
        /// <summary>inbound or outbound; empty on notes.</summary>
        public string Direction { get; set; }
        public string From { get; set; }
        public string To { get; set; }
        /// <summary>The ticket's status after a message or note.</summary>
        public string StatusNew { get; set; }
        public bool Pinned { get; set; }
        /// <summary>A message waiting for its SendAt.</summary>
        public bool InQueue { get; set; }
        public DateTimeOffset? SendAt { get; set; }
        /// <summary>The files of a message, as the API describes each (its name, or its JSON).</summary>
        public OmnideskList<string> Files { get; set; } = OmnideskList<string>.Empty;
        /// <summary>Cc addresses of an e-mail message (from meta_data).</summary>
        public OmnideskList<string> Cc { get; set; } = OmnideskList<string>.Empty;
        /// <summary>Bcc addresses of an e-mail message (from meta_data).</summary>
        public OmnideskList<string> Bcc { get; set; } = OmnideskList<string>.Empty;
        /// <summary>meta_data as values (the API sends it as JSON text): keyed by name, lists as object[].</summary>
        public OmnideskCustomFields MetaData { get; set; } = new OmnideskCustomFields();
        /// <summary>An event's kind of change (status, assigned_group_id, ...).</summary>
        public string ItemType { get; set; }
        /// <summary>An event's new value, as the API sends it.</summary>
        public string ItemTypeId { get; set; }
        /// <summary>Who or what made an event ("trigger: ...", "api: ...").</summary>
        public string InitiatedBy { get; set; }
        public string ExternalId { get; set; }

        public override string ToString() => $"{Type} {EntryId} of ticket {TicketId}";
    }
}

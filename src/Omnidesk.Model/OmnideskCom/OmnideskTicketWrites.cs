using System;
using System.Collections.Generic;
using System.Linq;

namespace Omnidesk
{
    /// <summary>The vocabularies of Omnidesk.com tickets.</summary>
    public static class OmnideskTicketValues
    {
        /// <summary>The documented ticket statuses.</summary>
        public static readonly string[] Statuses = { "new", "open", "pending", "holding", "solved", "closed" };

        /// <summary>The priorities seen and proposed ("medium" is the only documented one); others are sent as given.</summary>
        public static readonly string[] Priorities = { "low", "medium", "high", "urgent" };

        /// <summary>The shortest message or note the API takes.</summary>
        public const int MinMessageLength = 5;

        /// <summary>The status, lower-cased; an ArgumentException names the valid ones.</summary>
        public static string Status(string status)
        {
            var value = status?.Trim().ToLowerInvariant();
            if (Statuses.Contains(value)) return value;
            throw new ArgumentException($"'{status}' is not a ticket status. Use one of: {string.Join(", ", Statuses)}.", nameof(status));
        }
    }

    /// <summary>The filters of GET /api/v2/ticket.</summary>
    public sealed class OmnideskTicketQuery
    {
        public string[] Status { get; set; }
        public string Query { get; set; }
        /// <summary>A view's id or slug (applyView).</summary>
        public string View { get; set; }
        public bool IncludeArchived { get; set; }

        public IEnumerable<KeyValuePair<string, string>> ToQueryParameters()
        {
            if (Status != null)
                foreach (var status in Status.Select(OmnideskTicketValues.Status).Distinct())
                    yield return new KeyValuePair<string, string>("status", status);
            if (!string.IsNullOrEmpty(Query)) yield return new KeyValuePair<string, string>("query", Query);
            if (!string.IsNullOrEmpty(View)) yield return new KeyValuePair<string, string>("applyView", View);
            if (IncludeArchived) yield return new KeyValuePair<string, string>("searchArchived", "yes");
        }
    }

    /// <summary>POST /api/v2/ticket: an empty ticket; its messages are added afterwards.</summary>
    public sealed class OmnideskNewTicket
    {
        public string Title { get; set; }
        /// <summary>Inbound: the customer's address; outbound: yours.</summary>
        public string From { get; set; }
        /// <summary>Inbound: your address; outbound: the customer's.</summary>
        public string To { get; set; }
        /// <summary>inbound or outbound.</summary>
        public string Direction { get; set; }
        public long ChannelId { get; set; }
        public long BrandId { get; set; }
        public long? GroupId { get; set; }
        public long? FormId { get; set; }

        public OmnideskForm ToForm()
        {
            Require(Title, nameof(Title));
            Require(From, nameof(From));
            Require(To, nameof(To));
            var direction = Direction?.Trim().ToLowerInvariant();
            if (direction != "inbound" && direction != "outbound")
                throw new ArgumentException($"'{Direction}' is not a direction: use inbound or outbound.", nameof(Direction));
            if (ChannelId <= 0) throw new ArgumentException("A ticket needs its channel id (1 is e-mail).", nameof(ChannelId));
            if (BrandId <= 0) throw new ArgumentException("A ticket needs its brand id.", nameof(BrandId));
            return new OmnideskForm()
                .Add("title", Title).Add("from", From).Add("to", To).Add("direction", direction)
                .Add("channelID", ChannelId).Add("brandID", BrandId)
                .Add("assignedGroupID", GroupId).Add("formID", FormId);
        }

        internal static void Require(string value, string name)
        {
            if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"A ticket needs its {name}.", name);
        }
    }

    /// <summary>PUT /api/v2/ticket/{id}: what is left null stays as it is.</summary>
    public sealed class OmnideskTicketChange
    {
        public string Title { get; set; }
        /// <summary>Links the ticket to the customer with this primary id (an unknown one leaves it with no customer).</summary>
        public string ExternalPrimaryId { get; set; }

        public bool IsEmpty => Title == null && ExternalPrimaryId == null;

        public OmnideskForm ToForm() => new OmnideskForm().Add("title", Title).Add("externalPrimaryID", ExternalPrimaryId);
    }

    /// <summary>POST /api/v2/message: a reply on a channel (<see cref="ChannelId"/> &gt; 0) or an internal note (0).</summary>
    public sealed class OmnideskNewTicketEntry
    {
        public long TicketId { get; set; }
        /// <summary>The channel to send through; 0 makes an internal note.</summary>
        public long ChannelId { get; set; }
        public string Content { get; set; }
        /// <summary>Addresses, comma-separated; may be empty for a note.</summary>
        public string[] To { get; set; }
        public string[] Cc { get; set; }
        public string[] Bcc { get; set; }
        /// <summary>The author: an agent's id.</summary>
        public long? UserId { get; set; }

        public bool IsNote => ChannelId == 0;

        public OmnideskForm ToForm()
        {
            if (TicketId <= 0) throw new ArgumentException("A message needs its ticket's id.", nameof(TicketId));
            if (ChannelId < 0) throw new ArgumentException("A channel id is 0 (a note) or positive.", nameof(ChannelId));
            if (Content == null || Content.Trim().Length < OmnideskTicketValues.MinMessageLength)
                throw new ArgumentException($"The content must be at least {OmnideskTicketValues.MinMessageLength} characters: the API refuses shorter ones.",
                    nameof(Content));
            return new OmnideskForm { Multipart = true }
                .Add("ticketID", TicketId)
                .Add("type", ChannelId)
                .Add("message", Content)
                .Add("toAddress", Join(To))
                .Add("ccInput", Join(Cc))
                .Add("bccInput", Join(Bcc))
                .Add("userID", UserId);
        }

        private static string Join(string[] addresses) =>
            addresses == null || addresses.Length == 0 ? null : string.Join(",", addresses.Select(a => a.Trim()));
    }

    /// <summary>POST /api/v2/customer: a customer with one contact address, and custom fields by name.</summary>
    public sealed class OmnideskNewCustomer
    {
        public long BrandId { get; set; }
        /// <summary>email, telephone, facebook or twitter.</summary>
        public string ChannelKind { get; set; }
        /// <summary>The e-mail address, E.164 phone number or handle.</summary>
        public string Address { get; set; }
        public string Firstname { get; set; }
        public string Lastname { get; set; }
        public string ExternalPrimaryId { get; set; }
        /// <summary>A ticket to give this customer.</summary>
        public long? TicketId { get; set; }
        public IDictionary<string, object> CustomFields { get; set; }

        public OmnideskForm ToForm()
        {
            if (BrandId <= 0) throw new ArgumentException("A customer needs its brand id.", nameof(BrandId));
            OmnideskNewTicket.Require(ChannelKind, nameof(ChannelKind));
            OmnideskNewTicket.Require(Address, nameof(Address));
            return new OmnideskForm()
                .Add("brand_id", BrandId).Add("channel_id", ChannelKind.Trim().ToLowerInvariant()).Add("customer_link_channel", Address)
                .Add("firstname", Firstname).Add("lastname", Lastname).Add("primary_id", ExternalPrimaryId).Add("ticket_id", TicketId)
                .AddFields(CustomFields);
        }
    }

    /// <summary>PUT /api/v2/customer/updateCustomer: the customer of that primary id; what is left null stays.</summary>
    public sealed class OmnideskCustomerChange
    {
        public string ExternalPrimaryId { get; set; }
        public long? BrandId { get; set; }
        public string Firstname { get; set; }
        public string Lastname { get; set; }
        public IDictionary<string, object> CustomFields { get; set; }

        public bool IsEmpty => Firstname == null && Lastname == null && (CustomFields == null || CustomFields.Count == 0);

        public OmnideskForm ToForm()
        {
            if (string.IsNullOrWhiteSpace(ExternalPrimaryId))
                throw new ArgumentException("The API updates a customer by its external primary id: give it.", nameof(ExternalPrimaryId));
            return new OmnideskForm()
                .Add("externalPrimaryID", ExternalPrimaryId).Add("brandID", BrandId)
                .Add("firstname", Firstname).Add("lastname", Lastname)
                .AddFields(CustomFields);
        }
    }
}

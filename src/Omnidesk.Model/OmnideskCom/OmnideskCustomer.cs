using System;

namespace Omnidesk
{
    /// <summary>An Omnidesk.com customer (GET /api/v2/customer, /api/v2/customer/{id}, and embedded in a ticket).</summary>
    public sealed class OmnideskCustomer
    {
        /// <summary>The API's id.</summary>
        public long CustomerId { get; set; }
        public long BrandId { get; set; }
        public string BrandName { get; set; }
        /// <summary>Your own id of the customer (a customer or order number), which updates select it by.</summary>
        public string ExternalPrimaryId { get; set; }
        public string Firstname { get; set; }
        public string Lastname { get; set; }
        public string Name => string.Join(" ", new[] { Firstname, Lastname }).Trim();
        public DateTimeOffset? CreatedAt { get; set; }
        /// <summary>Only on a customer read by id: e-mail, telephone and other addresses.</summary>
        public OmnideskList<OmnideskCustomerChannel> Channels { get; set; } = OmnideskList<OmnideskCustomerChannel>.Empty;
        /// <summary>Only on a customer read by id: custom customer fields by name.</summary>
        public OmnideskCustomFields CustomFields { get; set; } = new OmnideskCustomFields();

        public override string ToString() => $"Customer {CustomerId} '{Name}'";
    }

    /// <summary>One contact address of a customer: its e-mail address, phone number or social handle.</summary>
    public sealed class OmnideskCustomerChannel
    {
        /// <summary>The link's own id.</summary>
        public long Id { get; set; }
        public long CustomerId { get; set; }
        public long BrandId { get; set; }
        public long ChannelId { get; set; }
        /// <summary>The channel's name: e-mail, telephone, ...</summary>
        public string Name { get; set; }
        /// <summary>The address on that channel (the API's unique_reference).</summary>
        public string Address { get; set; }

        public override string ToString() => Address;
    }
}

using System;
using System.Collections;
using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>
    /// New-OmnideskCustomer: creates an Omnidesk.com customer with one contact channel (POST /api/v2/customer) and
    /// writes it, read back by the id the answer names.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OmnideskCustomer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskCustomer))]
    public sealed class NewOmnideskCustomerCommand : ComConnectedCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("brand_id")]
        [ValidateRange(1, long.MaxValue)]
        public long BrandId { get; set; }

        /// <summary>The kind of address (the API's channel_id, a word here, not a number).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("channel_id")]
        [ValidateSet("email", "telephone", "facebook", "twitter")]
        public string ChannelKind { get; set; }

        /// <summary>The e-mail address, phone number (E.164) or handle (the API's customer_link_channel).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("customer_link_channel")]
        [ValidateNotNullOrEmpty]
        public string Address { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Firstname { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Lastname { get; set; }

        /// <summary>Your own id of the customer (the API's primary_id), which Set-OmnideskCustomer selects it by.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("primary_id", "external_primary_id")]
        [AllowEmptyString]
        public string ExternalPrimaryId { get; set; }

        /// <summary>A ticket to give this customer.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ticket_id")]
        public long? TicketId { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Hashtable CustomField { get; set; }

        private System.Collections.Generic.IDictionary<string, object> _customFields;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _customFields = ComCustomFields.Convert(this, CustomField);
        }

        protected override void ProcessRecord()
        {
            var address = Address.Trim();
            var customer = new OmnideskNewCustomer
            {
                BrandId = BrandId,
                ChannelKind = ChannelKind,
                Address = address,
                Firstname = Blank(Firstname),
                Lastname = Blank(Lastname),
                ExternalPrimaryId = Blank(ExternalPrimaryId),
                // A CSV column left empty binds 0: no ticket.
                TicketId = TicketId > 0 ? TicketId : null,
                CustomFields = _customFields,
            };
            if (!Accepts(customer.ToForm, "OmnideskInvalidCustomer", address)) return;
            var target = $"{ChannelKind} {address} (brand {BrandId})";
            if (!Approve(target, "Create customer", false)) return;
            Items.Add(context => Client.CreateCustomerAsync(customer, context), created =>
            {
                if (created != null) WriteObject(created);
                else WriteWarning($"The customer of {target} was created, but the API did not say its id, so it cannot be written. " +
                                  $"Find it with Get-OmnideskCustomer -Query <name or external primary id>.");
            }, e => WriteApiError(e, address));
        }

        /// <summary>An empty value (a CSV column left empty) is not sent.</summary>
        private static string Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}

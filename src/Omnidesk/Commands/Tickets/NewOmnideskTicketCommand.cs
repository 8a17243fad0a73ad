using System;
using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>
    /// Creates an Omnidesk.com ticket (POST /api/v2/ticket) and writes it as the API answers it: an empty ticket, whose
    /// first message is added afterwards (pipe it to New-OmnideskTicketMessage). Every parameter binds by property name
    /// too, under the API's field names as well, so CSV rows and objects each make a ticket.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OmnideskTicket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskTicket))]
    public sealed class NewOmnideskTicketCommand : ComConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; }

        /// <summary>Inbound: the customer's address; outbound: yours.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string From { get; set; }

        /// <summary>Inbound: your address; outbound: the customer's.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string To { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("inbound", "outbound")]
        public string Direction { get; set; }

        // channelID, brandID and formID need no alias: property names bind case-insensitively, and PowerShell refuses an
        // alias that equals its parameter's name but for case.
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("channel_id")]
        [ValidateRange(1, long.MaxValue)]
        public long ChannelId { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("brand_id")]
        [ValidateRange(1, long.MaxValue)]
        public long BrandId { get; set; }

        /// <summary>assignedGroupID; 0 (an empty CSV cell) assigns none.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("assigned_group_id", "AssignedGroupId")]
        [ValidateRange(0, long.MaxValue)]
        public long GroupId { get; set; }

        /// <summary>formID; 0 (an empty CSV cell) sets none.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("form_id")]
        [ValidateRange(0, long.MaxValue)]
        public long FormId { get; set; }

        protected override void ProcessRecord()
        {
            var draft = new OmnideskNewTicket
            {
                Title = Title,
                From = From,
                To = To,
                Direction = Direction,
                ChannelId = ChannelId,
                BrandId = BrandId,
                GroupId = GroupId > 0 ? GroupId : (long?)null,
                FormId = FormId > 0 ? FormId : (long?)null,
            };
            var target = $"Ticket '{Title}' from {From} to {To} ({Direction}, channel {ChannelId}, brand {BrandId})";
            if (!Accepts(draft.ToForm, "OmnideskInvalidTicket", draft)) return;
            if (!Approve(target, "Create", force: false)) return;
            Items.Add(context => Client.CreateTicketAsync(draft, context), ticket =>
            {
                if (ticket != null) WriteObject(ticket);
            }, e => WriteApiError(e, draft));
        }
    }
}

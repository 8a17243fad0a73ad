using System;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk.Commands
{
    /// <summary>
    /// Adds one timeline entry (a reply or an internal note) to every Omnidesk.com ticket given, by POST /api/v2/message.
    /// The API answers only "Message has been sent", so each ticket is read back for its new entry, which is written out;
    /// tickets are sent as the command's per-item requests, written in input order.
    /// </summary>
    public abstract class NewTicketEntryCmdletBase : ComConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("id", "ticket_id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] TicketId { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [Alias("message")]
        public string Content { get; set; }

        /// <summary>The agent who writes the entry; without it the API names the author "Agent Anonymous".</summary>
        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        public long? UserId { get; set; }

        /// <summary>"reply" or "note", for messages and errors.</summary>
        private protected abstract string Noun { get; }

        /// <summary>The question -WhatIf and -Confirm ask about one ticket.</summary>
        private protected abstract string Action { get; }

        /// <summary>Checks the command's own parameters; an ErrorRecord stops it before anything is sent.</summary>
        private protected virtual ErrorRecord Check() => null;

        /// <summary>The channel of the entry for this ticket, when known without reading it; null: read the ticket for it.</summary>
        private protected abstract long? KnownChannel { get; }

        private protected abstract OmnideskNewTicketEntry Entry(long ticketId, long channelId);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // The API refuses shorter content with a 400; refusing it here sends nothing, for every ticket at once.
            if (Content == null || Content.Trim().Length < OmnideskTicketValues.MinMessageLength)
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskContentTooShort",
                    $"The {Noun}'s content must be at least {OmnideskTicketValues.MinMessageLength} characters (not counting spaces around it): " +
                    "Omnidesk.com refuses shorter ones. Nothing was sent.", Content));
            var error = Check();
            if (error != null) ThrowTerminatingError(error);
        }

        protected override void ProcessRecord()
        {
            var channel = KnownChannel;
            foreach (var id in TicketId)
            {
                if (!Approve("Ticket " + id.ToString(System.Globalization.CultureInfo.InvariantCulture), Action, false)) continue;
                var ticketId = id;
                Items.Add(context => SendAsync(ticketId, channel, context), sent => Written(ticketId, sent), e => WriteApiError(e, ticketId));
            }
        }

        /// <summary>Reads the ticket for its channel when needed, posts the entry, and reads the ticket back for it.</summary>
        private async Task<Sent> SendAsync(long ticketId, long? channel, OmnideskCallContext context)
        {
            if (channel == null)
            {
                var ticket = await Client.GetTicketAsync(ticketId, false, context).ConfigureAwait(false);
                if (ticket == null || ticket.ChannelId <= 0) return new Sent { NoChannel = true };
                channel = ticket.ChannelId;
            }
            return new Sent { Entry = await Client.AddTicketEntryAsync(Entry(ticketId, channel.Value), context).ConfigureAwait(false) };
        }

        private void Written(long ticketId, Sent sent)
        {
            if (sent.NoChannel)
            {
                WriteError(OmnideskErrors.InvalidArgument("OmnideskTicketChannelUnknown",
                    $"Ticket {ticketId} names no channel to reply on; give -ChannelId. Nothing was sent.", ticketId));
                return;
            }
            if (sent.Entry != null) WriteObject(sent.Entry);
            // The ticket did get the entry: a warning, never an error a script would resend on.
            else WriteWarning($"Ticket {ticketId} got the {Noun}, but it could not be read back from the ticket (see -Verbose).");
        }

        private sealed class Sent
        {
            public OmnideskTimelineEntry Entry { get; set; }
            public bool NoChannel { get; set; }
        }
    }
}

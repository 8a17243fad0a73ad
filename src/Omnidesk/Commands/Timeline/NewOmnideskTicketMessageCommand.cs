using System.Globalization;
using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>
    /// A reply to the customer on Omnidesk.com tickets: POST /api/v2/message on a channel. The channel is -ChannelId when
    /// given, else the piped ticket's ChannelId, else the ticket is read once to learn it.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OmnideskTicketMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskTimelineEntry))]
    public sealed class NewOmnideskTicketMessageCommand : NewTicketEntryCmdletBase
    {
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[] To { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Cc { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Bcc { get; set; }

        /// <summary>
        /// The channel to reply on. Bound from a piped ticket's ChannelId too; a value given on the command line wins,
        /// as PowerShell binds nothing from the pipeline to a parameter given there.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("channel_id")]
        public long ChannelId { get; set; }

        private long? _givenChannel;

        private protected override string Noun => "reply";

        private protected override string Action => "Send a reply to " + string.Join(", ", To) +
            (KnownChannel is long channel ? " on channel " + channel.ToString(CultureInfo.InvariantCulture) : "");

        // 0 (a piped note, or an object without a channel) is no channel: the ticket is read for its own.
        private protected override long? KnownChannel => _givenChannel ?? (ChannelId > 0 ? ChannelId : (long?)null);

        private protected override ErrorRecord Check()
        {
            // Only the command line is bound before the first record: what is bound now was given there.
            if (!MyInvocation.BoundParameters.ContainsKey(nameof(ChannelId))) return null;
            if (ChannelId <= 0)
                return OmnideskErrors.InvalidArgument("OmnideskChannelInvalid",
                    "-ChannelId must be a channel's id (1 e-mail, 2 telephone, 8 live chat, ...); channel 0 is an internal note: " +
                    "use New-OmnideskTicketNote. Nothing was sent.", ChannelId);
            _givenChannel = ChannelId;
            return null;
        }

        private protected override OmnideskNewTicketEntry Entry(long ticketId, long channelId) =>
            new OmnideskNewTicketEntry { TicketId = ticketId, ChannelId = channelId, Content = Content, To = To, Cc = Cc, Bcc = Bcc, UserId = UserId };
    }
}

using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>An internal note on Omnidesk.com tickets: POST /api/v2/message with type 0, which customers never see.</summary>
    [Cmdlet(VerbsCommon.New, "OmnideskTicketNote", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OmnideskTimelineEntry))]
    public sealed class NewOmnideskTicketNoteCommand : NewTicketEntryCmdletBase
    {
        private protected override string Noun => "note";

        private protected override string Action => "Add an internal note";

        // A note is channel 0: no ticket read is needed.
        private protected override long? KnownChannel => 0;

        private protected override OmnideskNewTicketEntry Entry(long ticketId, long channelId) =>
            new OmnideskNewTicketEntry { TicketId = ticketId, ChannelId = 0, Content = Content, UserId = UserId };
    }
}

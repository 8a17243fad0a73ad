using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>
    /// Deletes Omnidesk.com tickets (DELETE /api/v2/ticket/{id}), one request per ticket, concurrently. The API has no
    /// way back, so it asks (default No) unless -Force, -Confirm:$false or $ConfirmPreference = 'None'.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OmnideskTicket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOmnideskTicketCommand : ComConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("id", "ticket_id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] TicketId { get; set; }

        /// <summary>No confirmation prompt (never overrides -WhatIf).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private readonly System.Collections.Generic.HashSet<long> _seen = new System.Collections.Generic.HashSet<long>();

        protected override void ProcessRecord()
        {
            foreach (var id in TicketId)
            {
                if (!_seen.Add(id))
                {
                    WriteVerbose($"Ticket {id} came again; it is handled once.");
                    continue;
                }
                var target = "Ticket " + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!Approve(target, "Delete", Force, $"{target} will be deleted, with its messages and notes; it cannot be restored. Delete it?"))
                    continue;
                Items.Add(async context =>
                {
                    await Client.DeleteTicketAsync(id, context).ConfigureAwait(false);
                    return true;
                }, _ => { }, e => WriteApiError(e, id));
            }
        }
    }
}

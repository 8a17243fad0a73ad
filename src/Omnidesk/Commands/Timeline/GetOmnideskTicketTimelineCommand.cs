using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>
    /// The timeline of Omnidesk.com tickets: their messages and notes, and with -IncludeHistory their events. A piped
    /// ticket read by id already carries its timeline, and is written from it without a request; any other ticket is
    /// read (GET /api/v2/ticket/{id}) as one of the command's per-item requests, written in input order.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OmnideskTicketTimeline")]
    [OutputType(typeof(OmnideskTimelineEntry))]
    public sealed class GetOmnideskTicketTimelineCommand : ComConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("id", "ticket_id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] TicketId { get; set; }

        [Parameter]
        public SwitchParameter IncludeHistory { get; set; }

        [Parameter]
        [ValidateSet("message", "note", "event", IgnoreCase = true)]
        public string[] Type { get; set; }

        /// <summary>
        /// A piped ticket's timeline (OmnideskTicket.Timeline). Only typed entries are used; anything else (a CSV
        /// column, a deserialized ticket) is ignored and the ticket is read.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object Timeline { get; set; }

        /// <summary>
        /// Whether the piped ticket's timeline holds its events (OmnideskTicket.HistoryIncluded). An object, so that a
        /// CSV row's text never fails the binding of its record.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object HistoryIncluded { get; set; }

        // -Type event asks for the events, which only the history read gives.
        private bool WithHistory => IncludeHistory.IsPresent || (Type != null && Type.Any(t => string.Equals(t, "event", StringComparison.OrdinalIgnoreCase)));

        private bool _idsGiven;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // Ids given on the command line are read: a piped object's timeline then belongs to no ticket of theirs.
            _idsGiven = MyInvocation.BoundParameters.ContainsKey(nameof(TicketId));
        }

        protected override void ProcessRecord()
        {
            var carried = CarriedTimeline();
            foreach (var id in TicketId)
            {
                if (carried != null)
                {
                    Items.Deliver(() => WriteEntries(carried));
                    continue;
                }
                var ticketId = id;
                Items.Add(context => Client.GetTicketAsync(ticketId, WithHistory, context),
                    ticket => WriteEntries(ticket?.Timeline), e => WriteApiError(e, ticketId));
            }
        }

        /// <summary>
        /// The timeline the piped ticket carries, when it serves this command: typed entries of this one ticket, with the
        /// events when they are asked for. Null: read the ticket.
        /// </summary>
        private IReadOnlyList<OmnideskTimelineEntry> CarriedTimeline()
        {
            if (_idsGiven || TicketId == null || TicketId.Length != 1 || !(Unwrap(Timeline) is IEnumerable<OmnideskTimelineEntry> entries)) return null;
            var list = entries.ToList();
            if (list.Any(e => e == null || (e.TicketId != 0 && e.TicketId != TicketId[0]))) return null;
            var historyIncluded = Unwrap(HistoryIncluded) is bool included && included;
            if (WithHistory && !historyIncluded) return null;
            return list;
        }

        private static object Unwrap(object value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private void WriteEntries(IEnumerable<OmnideskTimelineEntry> timeline)
        {
            foreach (var entry in timeline ?? Enumerable.Empty<OmnideskTimelineEntry>())
            {
                // A timeline read with the history holds events; without -IncludeHistory (or -Type event) they are left out.
                var isEvent = string.Equals(entry.Type, "event", StringComparison.OrdinalIgnoreCase);
                if (isEvent && !WithHistory) continue;
                if (Type != null && !Type.Any(t => string.Equals(t, entry.Type, StringComparison.OrdinalIgnoreCase))) continue;
                WriteObject(entry);
            }
        }
    }
}

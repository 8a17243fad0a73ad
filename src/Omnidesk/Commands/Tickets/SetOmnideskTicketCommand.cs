using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk.Commands
{
    /// <summary>
    /// Changes Omnidesk.com tickets. -Title and -ExternalPrimaryId are one PUT /api/v2/ticket/{id} per ticket
    /// (concurrently); -Status and -Priority go to setstatus and setPriority, one request for up to
    /// <see cref="OmnideskComResources.TicketBatchSize"/> tickets. Those two are all or nothing on the server: when a
    /// batch fails because one of its tickets does not exist, its tickets are sent again one by one, so only the missing
    /// one fails. -PassThru reads each changed ticket once, at the end, written in the order the tickets came.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OmnideskTicket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskTicket))]
    public sealed class SetOmnideskTicketCommand : ComConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("id", "ticket_id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] TicketId { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; }

        /// <summary>externalPrimaryID: links the ticket to the brand's customer with this primary id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ExternalPrimaryId { get; set; }

        [Parameter]
        [ValidateSet("new", "open", "pending", "holding", "solved", "closed")]
        public string Status { get; set; }

        /// <summary>An open set: low, medium, high and urgent are completed, other values sent as given.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(TicketPriorityCompleter))]
        [ValidateNotNullOrEmpty]
        public string Priority { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private OmnideskTicketChange _change;
        private string _status;
        private string _priority;
        private string _action;

        private readonly HashSet<long> _seen = new HashSet<long>();
        /// <summary>The approved tickets in input order, for -PassThru.</summary>
        private readonly List<long> _approved = new List<long>();
        /// <summary>Tickets whose change failed (one error each already written): not read for -PassThru.</summary>
        private readonly HashSet<long> _failed = new HashSet<long>();
        private readonly List<long> _statusBatch = new List<long>();
        private readonly List<long> _priorityBatch = new List<long>();

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _change = new OmnideskTicketChange { Title = Title, ExternalPrimaryId = ExternalPrimaryId };
            _status = Status?.ToLowerInvariant();
            _priority = Priority?.Trim().ToLowerInvariant();
            if (_change.IsEmpty && _status == null && string.IsNullOrEmpty(_priority))
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskNoChange",
                    "Nothing to change: give at least one of -Title, -ExternalPrimaryId, -Status, -Priority.", null));
            var parts = new List<string>();
            if (Title != null) parts.Add($"title '{Title}'");
            if (ExternalPrimaryId != null) parts.Add("customer (external primary id) " + ExternalPrimaryId);
            if (_status != null) parts.Add("status " + _status);
            if (!string.IsNullOrEmpty(_priority)) parts.Add("priority " + _priority);
            _action = "Set " + string.Join(", ", parts);
        }

        protected override void ProcessRecord()
        {
            foreach (var id in TicketId)
            {
                if (!_seen.Add(id))
                {
                    WriteVerbose($"Ticket {id} came again; it is handled once.");
                    continue;
                }
                if (!Approve("Ticket " + id.ToString(CultureInfo.InvariantCulture), _action, force: false)) continue;
                _approved.Add(id);
                if (_change.IsEmpty)
                {
                    Items.Deliver(() => Batch(id));
                    continue;
                }
                // The PUT first; the ticket joins the status and priority batches only once it is known to exist, so a
                // missing ticket is one error, not one per request.
                Items.Add(async context =>
                {
                    await Client.UpdateTicketAsync(id, _change, context).ConfigureAwait(false);
                    return true;
                }, _ => Batch(id), e => Fail(e, id));
            }
        }

        protected override void EndProcessing()
        {
            Items.WriteAll(); // the PUTs, which may fill batches
            if (_statusBatch.Count > 0) SendStatus(TakeBatch(_statusBatch));
            if (_priorityBatch.Count > 0) SendPriority(TakeBatch(_priorityBatch));
            Items.WriteAll();
            if (PassThru)
            {
                foreach (var id in _approved)
                {
                    if (_failed.Contains(id)) continue;
                    Items.Add(context => Client.GetTicketAsync(id, false, context), WriteObject, e => WriteApiError(e, id));
                }
            }
            base.EndProcessing();
        }

        private void Batch(long id)
        {
            if (_status != null)
            {
                _statusBatch.Add(id);
                if (_statusBatch.Count >= OmnideskComResources.TicketBatchSize) SendStatus(TakeBatch(_statusBatch));
            }
            if (!string.IsNullOrEmpty(_priority))
            {
                _priorityBatch.Add(id);
                if (_priorityBatch.Count >= OmnideskComResources.TicketBatchSize) SendPriority(TakeBatch(_priorityBatch));
            }
        }

        private static long[] TakeBatch(List<long> batch)
        {
            var ids = batch.ToArray();
            batch.Clear();
            return ids;
        }

        private void SendStatus(long[] ids) =>
            SendBatch(ids, (batch, context) => Client.SetTicketStatusAsync(batch, _status, context));

        private void SendPriority(long[] ids) =>
            SendBatch(ids, (batch, context) => Client.SetTicketPriorityAsync(batch, _priority, context));

        /// <summary>
        /// One request for the batch. The server changes all of its tickets or none: when it fails because a ticket does
        /// not exist, each ticket is sent again alone (each outcome keeps its place), so the missing one gets its own
        /// error and the others are changed. Any other failure (a 403 for a key without SET_STATUS) is one error per ticket.
        /// </summary>
        private void SendBatch(long[] ids, Func<IReadOnlyList<long>, OmnideskCallContext, Task> send)
        {
            Items.Add(async context =>
            {
                await send(ids, context).ConfigureAwait(false);
                return true;
            }, _ => { }, e =>
            {
                if (ids.Length > 1 && IsNotFound(e))
                {
                    WriteVerbose($"The batch of {ids.Length} tickets was refused ({e.ServerMessage ?? e.Message}); sending them one by one.");
                    foreach (var id in ids)
                    {
                        var one = new[] { id };
                        Items.Add(async context =>
                        {
                            await send(one, context).ConfigureAwait(false);
                            return true;
                        }, _ => { }, single => Fail(single, id));
                    }
                    return;
                }
                foreach (var id in ids) Fail(e, id);
            });
        }

        private static bool IsNotFound(OmnideskApiException e) =>
            e.ErrorCode != null && e.ErrorCode.EndsWith("_not_found", StringComparison.Ordinal);

        private void Fail(OmnideskApiException e, long id)
        {
            // A ticket that failed once (its PUT, or its status) is not reported again for its priority.
            if (!_failed.Add(id)) return;
            WriteApiError(e, id);
        }
    }
}

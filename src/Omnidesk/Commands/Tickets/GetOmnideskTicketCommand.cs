using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>
    /// Omnidesk.com (API v2) tickets: the list (GET /api/v2/ticket, every match by default, page by page as -First,
    /// -Skip and -PageSize say), or tickets by id (GET /api/v2/ticket/{id}), read concurrently and written in the order named.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OmnideskTicket", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OmnideskTicket))]
    public sealed class GetOmnideskTicketCommand : ComConnectedCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("id", "ticket_id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] TicketId { get; set; }

        /// <summary>getTicketHistory: the ticket's events join its timeline.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        public SwitchParameter IncludeHistory { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("new", "open", "pending", "holding", "solved", "closed")]
        public string[] Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string Query { get; set; }

        /// <summary>applyView: a view's id or slug; a piped view (Get-OmnideskView) binds by its Slug.</summary>
        [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Slug")]
        [ValidatePattern("^[0-9a-zA-Z_-]{2,}$")]
        public string View { get; set; }

        /// <summary>searchArchived=yes: tickets closed long ago (archived) are listed too.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludeArchived { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 9999)]
        public int PageSize { get; set; } = 100;

        private ulong _namedSkipped;
        private ulong _namedWritten;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ListSet)
            {
                List();
                return;
            }
            foreach (var id in TicketId) GetOne(id);
        }

        /// <summary>
        /// One ticket, as one of the command's per-item requests; -Skip and -First count the named tickets too. A missing
        /// ticket (400 "This ticket does not exist.") is an ObjectNotFound error on its id, and the others still come.
        /// </summary>
        private void GetOne(long id)
        {
            if (_namedSkipped < PagingParameters.Skip)
            {
                _namedSkipped++;
                return;
            }
            if (_namedWritten >= PagingParameters.First) return;
            _namedWritten++;
            var history = IncludeHistory.IsPresent;
            Items.Add(context => Client.GetTicketAsync(id, history, context), WriteObject, e => WriteApiError(e, id));
        }

        private void List()
        {
            var query = new OmnideskTicketQuery { Status = Status, Query = Query, View = View, IncludeArchived = IncludeArchived };
            ListReading.Write(this, OmnideskComResources.Ticket, PageSize, (page, limit, context) => Client.GetTicketsAsync(query, page, limit, context),
                errorTarget: View);
        }
    }
}

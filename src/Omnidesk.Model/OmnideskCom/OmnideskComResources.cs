namespace Omnidesk
{
    /// <summary>
    /// The resources of the Omnidesk.com API (v2), each described once: /api/v2/{path}, items wrapped {"type":"item","item":…},
    /// lists paged by itemStart/itemLimit up to each endpoint's documented maximum. docs/emulator.md lists what is assumed
    /// beyond the documents.
    /// </summary>
    public static class OmnideskComResources
    {
        /// <summary>
        /// How many tickets one setstatus or setPriority request names. The API documents no limit; 100 keeps a request
        /// small while still making one request of a typical selection [guess].
        /// </summary>
        public const int TicketBatchSize = 100;

        /// <summary>The most list pages read for one query: the API documents none.</summary>
        private const long NoPageLimit = long.MaxValue;

        /// <summary>/api/v2/ticket; itemLimit up to 9999.</summary>
        public static readonly OmnideskResource<OmnideskTicket> Ticket =
            new OmnideskResource<OmnideskTicket>("ticket", "tickets", "ticket", "item", "id")
                .WithBulk(TicketBatchSize)
                .WithPaging(9999, NoPageLimit)
                .With(new OmnideskAction("setstatus", "POST", "setstatus", bulk: true, onCollection: true, idsField: "ticketIDs"))
                .With(new OmnideskAction("setpriority", "POST", "setPriority", bulk: true, onCollection: true, idsField: "ticketIDs"))
                .With(new OmnideskAction("delete", "DELETE", null));

        /// <summary>POST /api/v2/message: replies and notes, answered by a result without the new entry.</summary>
        public static readonly OmnideskResource<OmnideskTimelineEntry> Message =
            new OmnideskResource<OmnideskTimelineEntry>("message", "messages", "message", "item", "id")
                .WithoutList();

        /// <summary>/api/v2/customer; itemLimit up to 99; updates select the customer by its external primary id.</summary>
        public static readonly OmnideskResource<OmnideskCustomer> Customer =
            new OmnideskResource<OmnideskCustomer>("customer", "customers", "customer", "item", "id")
                .WithPaging(99, NoPageLimit)
                .With(new OmnideskAction("updatecustomer", "PUT", "updateCustomer", onCollection: true));

        /// <summary>/api/v2/user (agents); itemLimit up to 999.</summary>
        public static readonly OmnideskResource<OmnideskAgent> Agent =
            new OmnideskResource<OmnideskAgent>("agent", "agents", "user", "item", "id")
                .WithPaging(999, NoPageLimit);

        /// <summary>/api/v2/view; itemLimit up to 9999.</summary>
        public static readonly OmnideskResource<OmnideskView> View =
            new OmnideskResource<OmnideskView>("view", "views", "view", "item", "id")
                .WithPaging(9999, NoPageLimit);
    }
}

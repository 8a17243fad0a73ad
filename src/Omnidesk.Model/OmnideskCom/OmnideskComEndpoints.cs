using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// The Omnidesk.com (API v2) calls the cmdlets make, each one line over the engine's generic verbs and the resource
    /// descriptions of <see cref="OmnideskComResources"/>. Input the API would refuse (a status it does not know, a message
    /// under 5 characters, a missing required field) is refused here, before anything is sent.
    /// </summary>
    public static class OmnideskComEndpoints
    {
        private static readonly KeyValuePair<string, string>[] NoQuery = Array.Empty<KeyValuePair<string, string>>();

        /// <summary>GET /api/v2/ticket with the query's filters and itemStart/itemLimit.</summary>
        public static Task<OmnideskPage<OmnideskTicket>> GetTicketsAsync(this IOmnideskClient client, OmnideskTicketQuery query, long page,
            int limit, OmnideskCallContext context) =>
            client.GetPageAsync(OmnideskComResources.Ticket, null, query?.ToQueryParameters().ToList() ?? (IEnumerable<KeyValuePair<string, string>>)NoQuery,
                page, limit, context);

        /// <summary>GET /api/v2/ticket/{id}, with getTicketHistory=1 for the events too.</summary>
        public static async Task<OmnideskTicket> GetTicketAsync(this IOmnideskClient client, long ticketId, bool includeHistory,
            OmnideskCallContext context)
        {
            var query = includeHistory ? new[] { new KeyValuePair<string, string>("getTicketHistory", "1") } : NoQuery;
            var ticket = await client.GetAsync(OmnideskComResources.Ticket, null, Id(ticketId), query, context).ConfigureAwait(false);
            if (ticket != null) ticket.HistoryIncluded = includeHistory;
            return ticket;
        }

        /// <summary>POST /api/v2/ticket: the new ticket, as the API answers it.</summary>
        public static async Task<OmnideskTicket> CreateTicketAsync(this IOmnideskClient client, OmnideskNewTicket ticket, OmnideskCallContext context)
        {
            if (ticket == null) throw new ArgumentNullException(nameof(ticket));
            var result = await client.CreateAsync(OmnideskComResources.Ticket, null, ticket.ToForm(), context).ConfigureAwait(false);
            return result.Items.Count > 0 ? result.Items[0] : null;
        }

        /// <summary>PUT /api/v2/ticket/{id}: answered by a result ("Ticket updated.").</summary>
        public static Task UpdateTicketAsync(this IOmnideskClient client, long ticketId, OmnideskTicketChange change, OmnideskCallContext context)
        {
            if (change == null) throw new ArgumentNullException(nameof(change));
            if (change.IsEmpty) throw new ArgumentException("Give what to change.", nameof(change));
            return client.UpdateAsync(OmnideskComResources.Ticket, null, new[] { ticketId }, change.ToForm(), context);
        }

        /// <summary>POST /api/v2/ticket/setstatus with ticketIDs[] (all or nothing: one unknown id fails the request).</summary>
        public static Task SetTicketStatusAsync(this IOmnideskClient client, IReadOnlyList<long> ticketIds, string status,
            OmnideskCallContext context) =>
            client.InvokeAsync(OmnideskComResources.Ticket, "setstatus", null, ticketIds,
                new OmnideskForm().Add("status", OmnideskTicketValues.Status(status)), context);

        /// <summary>POST /api/v2/ticket/setPriority with ticketIDs[].</summary>
        public static Task SetTicketPriorityAsync(this IOmnideskClient client, IReadOnlyList<long> ticketIds, string priority,
            OmnideskCallContext context)
        {
            if (string.IsNullOrWhiteSpace(priority)) throw new ArgumentException("Give a priority.", nameof(priority));
            return client.InvokeAsync(OmnideskComResources.Ticket, "setpriority", null, ticketIds,
                new OmnideskForm().Add("priority", priority.Trim().ToLowerInvariant()), context);
        }

        /// <summary>DELETE /api/v2/ticket/{id}.</summary>
        public static Task DeleteTicketAsync(this IOmnideskClient client, long ticketId, OmnideskCallContext context) =>
            client.InvokeAsync(OmnideskComResources.Ticket, "delete", null, new[] { ticketId }, null, context);

        /// <summary>
        /// POST /api/v2/message (multipart), then the ticket read again: the API answers only "Message has been sent…",
        /// so the new entry is the newest of its kind on the ticket, preferring one with the content sent. Null when the
        /// ticket shows none or cannot be read back (it was added, but cannot be told).
        /// </summary>
        public static async Task<OmnideskTimelineEntry> AddTicketEntryAsync(this IOmnideskClient client, OmnideskNewTicketEntry entry,
            OmnideskCallContext context)
        {
            if (entry == null) throw new ArgumentNullException(nameof(entry));
            await client.CreateAsync(OmnideskComResources.Message, null, entry.ToForm(), context).ConfigureAwait(false);
            OmnideskTicket ticket;
            try
            {
                ticket = await client.GetTicketAsync(entry.TicketId, false, context).ConfigureAwait(false);
            }
            catch (OmnideskApiException)
            {
                return null; // the entry was added: a failed read-back must not look like a failed post (a script would send it again)
            }
            return NewestEntry(ticket?.Timeline, entry);
        }

        private static OmnideskTimelineEntry NewestEntry(IEnumerable<OmnideskTimelineEntry> timeline, OmnideskNewTicketEntry sent)
        {
            var kind = sent.IsNote ? "note" : "message";
            var ofKind = (timeline ?? Enumerable.Empty<OmnideskTimelineEntry>())
                .Where(e => string.Equals(e.Type, kind, StringComparison.OrdinalIgnoreCase)).ToList();
            var same = ofKind.Where(e => string.Equals(e.Content?.Trim(), sent.Content.Trim(), StringComparison.Ordinal)).ToList();
            return (same.Count > 0 ? same : ofKind).OrderByDescending(e => e.EntryId).FirstOrDefault();
        }

        /// <summary>GET /api/v2/customer, with query (letters, digits and spaces only).</summary>
        public static Task<OmnideskPage<OmnideskCustomer>> GetCustomersAsync(this IOmnideskClient client, string query, long page, int limit,
            OmnideskCallContext context) =>
            client.GetPageAsync(OmnideskComResources.Customer, null, Query(("query", query)), page, limit, context);

        /// <summary>GET /api/v2/customer/{id}: with its channels and custom fields.</summary>
        public static Task<OmnideskCustomer> GetCustomerAsync(this IOmnideskClient client, long customerId, OmnideskCallContext context) =>
            client.GetAsync(OmnideskComResources.Customer, null, Id(customerId), null, context);

        /// <summary>
        /// POST /api/v2/customer, then the new customer read by id when the answer names it (customerID); null when it
        /// does not (the documented answer is only "User created and channel linked.").
        /// </summary>
        public static async Task<OmnideskCustomer> CreateCustomerAsync(this IOmnideskClient client, OmnideskNewCustomer customer,
            OmnideskCallContext context)
        {
            if (customer == null) throw new ArgumentNullException(nameof(customer));
            var result = await client.CreateAsync(OmnideskComResources.Customer, null, customer.ToForm(), context).ConfigureAwait(false);
            if (result.Items.Count > 0) return result.Items[0];
            var id = result.SucceededIds.Count > 0 ? result.SucceededIds[0] : 0;
            return id > 0 ? await client.GetCustomerAsync(id, context).ConfigureAwait(false) : null;
        }

        /// <summary>PUT /api/v2/customer/updateCustomer: the customer of the change's external primary id.</summary>
        public static Task UpdateCustomerAsync(this IOmnideskClient client, OmnideskCustomerChange change, OmnideskCallContext context)
        {
            if (change == null) throw new ArgumentNullException(nameof(change));
            if (change.IsEmpty) throw new ArgumentException("Give what to change.", nameof(change));
            return client.InvokeAsync(OmnideskComResources.Customer, "updatecustomer", null, Array.Empty<long>(), change.ToForm(), context);
        }

        /// <summary>GET /api/v2/user: the agents, with activeOnly.</summary>
        public static Task<OmnideskPage<OmnideskAgent>> GetAgentsAsync(this IOmnideskClient client, string query, bool activeOnly, long page,
            int limit, OmnideskCallContext context) =>
            client.GetPageAsync(OmnideskComResources.Agent, null, Query(("query", query), ("activeOnly", activeOnly ? "1" : null)), page, limit, context);

        /// <summary>GET /api/v2/view.</summary>
        public static Task<OmnideskPage<OmnideskView>> GetViewsAsync(this IOmnideskClient client, string query, long page, int limit,
            OmnideskCallContext context) =>
            client.GetPageAsync(OmnideskComResources.View, null, Query(("query", query)), page, limit, context);

        private static List<KeyValuePair<string, string>> Query(params (string Name, string Value)[] parameters) =>
            parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => new KeyValuePair<string, string>(p.Name, p.Value)).ToList();

        private static string Id(long id)
        {
            if (id <= 0) throw new ArgumentOutOfRangeException(nameof(id), id, "An id must be a positive number.");
            return id.ToString(CultureInfo.InvariantCulture);
        }
    }
}

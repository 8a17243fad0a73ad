using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// /api/v2/ticket: the list (filters status, query, applyView, searchArchived; paging ≤ 9999), one ticket with its
    /// timeline (getTicketHistory adds the events), create (E7), update, setstatus (E8, E9), setPriority and delete. An
    /// unknown ticket id → 400 "This ticket does not exist." (E5).
    /// </summary>
    public static class TicketEndpoints
    {
        public const int MaxLimit = 9999;
        static readonly Regex ViewPattern = new("^[0-9a-zA-Z_-]{2,}$", RegexOptions.CultureInvariant);

        public static IEnumerable<ComRoute> Routes() => new[]
        {
            new ComRoute("GET", "ticket", null, false, ComPermissions.TicketRead, List),
            new ComRoute("GET", "ticket", null, true, ComPermissions.TicketRead, Get),
            new ComRoute("POST", "ticket", null, false, ComPermissions.TicketCreate, Create),
            new ComRoute("PUT", "ticket", null, true, ComPermissions.TicketUpdate, Update),
            new ComRoute("DELETE", "ticket", null, true, ComPermissions.TicketDelete, Delete),
            new ComRoute("POST", "ticket", "setstatus", false, ComPermissions.SetStatus, SetStatus),
            new ComRoute("POST", "ticket", "setpriority", false, ComPermissions.TicketUpdate, SetPriority),
        };

        /// <summary>
        /// Newest activity first (last_update, then id). status takes one value or several (repeated or a comma list);
        /// query matches the title, the addresses and the customer's name; applyView a view's id or slug; archived tickets
        /// only with searchArchived=yes.
        /// </summary>
        static ComResult List(ComRequest r)
        {
            var error = ComPage.TryParse(r, MaxLimit, out var page);
            if (error != null) return error;
            var statuses = r.List("status").Select(s => s.ToLowerInvariant()).ToList();
            if (statuses.Any(s => !ComTicket.Statuses.Contains(s))) return ComResult.Invalid("status");
            string archived = r.Text("searchArchived")?.ToLowerInvariant() ?? "no";
            if (archived is not ("yes" or "no")) return ComResult.Invalid("searchArchived");
            ComView view = null;
            string viewKey = r.Text("applyView");
            if (viewKey != null)
            {
                if (!ViewPattern.IsMatch(viewKey)) return ComResult.Invalid("applyView");
                view = r.Store.Views.FirstOrDefault(v => v.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == viewKey ||
                    string.Equals(v.Slug, viewKey, StringComparison.OrdinalIgnoreCase));
                if (view == null) return ComResult.NotFound("view");
            }
            string query = r.Text("query");

            var store = r.Store;
            var matches = store.Tickets
                .Where(t => archived == "yes" || !t.Archived)
                .Where(t => statuses.Count == 0 || statuses.Contains(t.Status))
                .Where(t => view == null || view.Matches(t))
                .Where(t => query == null || Matches(t, query, store))
                .OrderByDescending(t => t.LastUpdate).ThenByDescending(t => t.Id)
                .ToList();
            return ComResult.Ok(ComJson.List(matches, page, (w, t) => TicketJson.Write(w, t, store, full: false, history: false)));
        }

        static bool Matches(ComTicket t, string query, ComStore store)
        {
            bool Has(string s) => s != null && s.Contains(query, StringComparison.OrdinalIgnoreCase);
            if (Has(t.Title) || Has(t.From) || Has(t.To) || Has(t.Tags)) return true;
            var c = t.CustomerId == 0 ? null : store.FindCustomer(t.CustomerId);
            return c != null && (Has(c.Firstname) || Has(c.Lastname) || Has(c.Firstname + " " + c.Lastname));
        }

        static ComResult Get(ComRequest r)
        {
            var t = r.Store.FindTicket(r.Id);
            if (t == null) return ComResult.NotFound("ticket");
            var error = r.Flag("getTicketHistory", false, out bool history);
            if (error != null) return error;
            return ComResult.Ok(ComJson.Item(w => TicketJson.Write(w, t, r.Store, full: true, history)));
        }

        /// <summary>
        /// E7: to, from, direction, channelID, brandID and title are required; the new ticket is status new, priority medium,
        /// with an empty timeline. Its customer is the brand's customer with the customer's address (from when inbound, to
        /// when outbound), or a new one with that address (a guess).
        /// </summary>
        static ComResult Create(ComRequest r)
        {
            foreach (string name in new[] { "to", "from", "direction", "channelID", "brandID", "title" })
                if (r.Text(name) == null) return ComResult.Missing(name);
            string direction = r.Text("direction").ToLowerInvariant();
            if (direction is not ("inbound" or "outbound")) return ComResult.Invalid("direction");
            long? channelId = null, brandId = null, groupId = null, formId = null;
            var error = r.Number("channelID", out channelId) ?? r.Number("brandID", out brandId) ??
                        r.Number("assignedGroupID", out groupId) ?? r.Number("formID", out formId);
            if (error != null) return error;
            if (ComAccount.Channel(channelId.Value) == null) return ComResult.NotFound("channel");
            if (ComAccount.Brand(brandId.Value) == null) return ComResult.NotFound("brand");
            if (groupId is long g && g != 0 && ComAccount.Group(g) == null) return ComResult.NotFound("group");

            var store = r.Store;
            string from = r.Text("from"), to = r.Text("to"), title = r.Text("title");
            string address = direction == "inbound" ? from : to;
            var customer = store.FindCustomerByAddress(brandId.Value, address);
            var now = store.Now;
            if (customer == null)
            {
                customer = store.AddCustomer(id => new ComCustomer { Id = id, BrandId = brandId.Value, CreatedAt = now });
                store.AddChannel(customer, channelId.Value, address);
            }
            var ticket = store.AddTicket(id => new ComTicket
            {
                Id = id, Title = title, Direction = direction, ChannelId = channelId.Value, BrandId = brandId.Value, CustomerId = customer.Id,
                AssignedGroupId = groupId ?? 0, From = from, To = to, FormId = formId, SlaPolicyId = brandId == 1 ? 5 : 6,
                CreatedAt = now, LastUpdate = now,
            });
            return ComResult.Ok(ComJson.Item(w => TicketJson.Write(w, ticket, store, full: true, history: false)));
        }

        /// <summary>
        /// Partial update: title, status (E9), externalPrimaryID (an unknown one leaves the ticket without a customer) and,
        /// beyond the documented fields, assignedGroupID, assignedUserID, priority and formID.
        /// </summary>
        static ComResult Update(ComRequest r)
        {
            var store = r.Store;
            var t = store.FindTicket(r.Id);
            if (t == null) return ComResult.NotFound("ticket");
            string status = r.Text("status")?.ToLowerInvariant(), priority = r.Text("priority")?.ToLowerInvariant();
            if (status != null && !ComTicket.Statuses.Contains(status)) return ComResult.Invalid("status");
            if (priority != null && !ComTicket.Priorities.Contains(priority)) return ComResult.Invalid("priority");
            long? groupId = null, userId = null, formId = null;
            var error = r.Number("assignedGroupID", out groupId) ?? r.Number("assignedUserID", out userId) ?? r.Number("formID", out formId);
            if (error != null) return error;
            if (groupId is long g && g != 0 && ComAccount.Group(g) == null) return ComResult.NotFound("group");
            if (userId is long u && u != 0 && store.FindUser(u) == null) return ComResult.NotFound("user");
            if (r.Has("title") && r.Text("title") == null) return ComResult.Invalid("title");

            string title = r.Text("title");
            if (title != null) t.Title = title;
            if (r.Has("externalPrimaryID"))
                t.CustomerId = store.FindCustomerByPrimaryId(r.Text("externalPrimaryID"), t.BrandId)?.Id ?? 0;
            if (groupId.HasValue) t.AssignedGroupId = groupId.Value;
            if (userId.HasValue) t.AssignedUserId = userId.Value;
            if (formId.HasValue) t.FormId = formId.Value;
            if (priority != null) t.Priority = priority;
            t.LastUpdate = store.Now;
            if (status != null) store.SetStatus(t, status, "api: " + r.Key.Name);
            return ComResult.Ok(ComJson.Result("Ticket updated."));
        }

        /// <summary>E8: every id is checked before any ticket changes (all or nothing).</summary>
        static ComResult SetStatus(ComRequest r)
        {
            var error = Tickets(r, out var tickets);
            if (error != null) return error;
            string status = r.Text("status")?.ToLowerInvariant();
            if (status == null) return ComResult.Missing("status");
            if (!ComTicket.Statuses.Contains(status)) return ComResult.Invalid("status");
            foreach (var t in tickets) r.Store.SetStatus(t, status, "api: " + r.Key.Name);
            return ComResult.Ok(ComJson.Result("Ticket status is updated."));
        }

        /// <summary>The body is undocumented: ticketIDs[] and priority, as setstatus (a guess).</summary>
        static ComResult SetPriority(ComRequest r)
        {
            var error = Tickets(r, out var tickets);
            if (error != null) return error;
            string priority = r.Text("priority")?.ToLowerInvariant();
            if (priority == null) return ComResult.Missing("priority");
            if (!ComTicket.Priorities.Contains(priority)) return ComResult.Invalid("priority");
            var now = r.Store.Now;
            foreach (var t in tickets)
            {
                t.Priority = priority;
                t.LastUpdate = now;
            }
            return ComResult.Ok(ComJson.Result("Ticket priority is updated."));
        }

        static ComResult Delete(ComRequest r)
        {
            var t = r.Store.FindTicket(r.Id);
            if (t == null || !r.Store.RemoveTicket(t.Id)) return ComResult.NotFound("ticket");
            return ComResult.Ok(ComJson.Result("Ticket deleted."));
        }

        /// <summary>ticketIDs (ticketIDs[] repeated, a comma list or a JSON array): required, each an existing ticket.</summary>
        static ComResult Tickets(ComRequest r, out List<ComTicket> tickets)
        {
            tickets = new List<ComTicket>();
            var ids = r.List("ticketIDs");
            if (ids.Count == 0) return ComResult.Missing("ticketIDs");
            foreach (string id in ids.Distinct())
            {
                var t = r.Store.FindTicket(id);
                if (t == null) return ComResult.NotFound("ticket");
                tickets.Add(t);
            }
            return null;
        }
    }
}

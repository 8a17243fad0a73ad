using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// /api/v2/customer: the list (query of letters, digits and spaces; itemLimit ≤ 99), one by id, create (linking a
    /// contact channel) and updateCustomer by external primary id. Any parameter that is not one of the documented
    /// fields is a custom customer field by its name (a guess: the docs say fields go "by name").
    /// </summary>
    public static class CustomerEndpoints
    {
        public const int MaxLimit = 99;
        static readonly Regex QueryPattern = new("^[0-9a-zA-Z ]+$", RegexOptions.CultureInvariant);

        /// <summary>The documented parameters of create and update, and the request's own (apiKey): never custom fields.</summary>
        static readonly HashSet<string> KnownFields = new(StringComparer.OrdinalIgnoreCase)
        {
            "apiKey", "ticket_id", "noSync", "customer_link_channel", "firstname", "lastname", "brand_id", "brandID", "primary_id",
            "channel_id", "externalPrimaryID",
        };

        public static IEnumerable<ComRoute> Routes() => new[]
        {
            new ComRoute("GET", "customer", null, false, ComPermissions.CustomerRead, List),
            new ComRoute("GET", "customer", null, true, ComPermissions.CustomerRead, Get),
            new ComRoute("POST", "customer", null, false, ComPermissions.CustomerCud, Create),
            new ComRoute("PUT", "customer", "updatecustomer", false, ComPermissions.CustomerCud, Update),
        };

        /// <summary>In id order; query matches the first and last name and the primary id.</summary>
        static ComResult List(ComRequest r)
        {
            var error = ComPage.TryParse(r, MaxLimit, out var page);
            if (error != null) return error;
            string query = r.Text("query");
            if (query != null && !QueryPattern.IsMatch(query)) return ComResult.Invalid("query");
            bool Has(string s) => s != null && s.Contains(query, StringComparison.OrdinalIgnoreCase);
            var matches = r.Store.Customers
                .Where(c => query == null || Has(c.Firstname) || Has(c.Lastname) || Has(c.Firstname + " " + c.Lastname) || Has(c.ExternalPrimaryId))
                .OrderBy(c => c.Id).ToList();
            var time = r.Store.Time;
            return ComResult.Ok(ComJson.List(matches, page, (w, c) => CustomerJson.Write(w, c, time, full: false)));
        }

        static ComResult Get(ComRequest r)
        {
            var c = long.TryParse(r.Id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long id)
                ? r.Store.FindCustomer(id) : null;
            if (c == null) return ComResult.NotFound("customer");
            return ComResult.Ok(ComJson.Item(w => CustomerJson.Write(w, c, r.Store.Time, full: true)));
        }

        /// <summary>
        /// brand_id, channel_id (email, telephone, facebook, twitter) and customer_link_channel are required (a guess); an
        /// address the brand already knows → 400. ticket_id attaches that ticket. The documented result, plus the new
        /// customer's id as customerID (ours).
        /// </summary>
        static ComResult Create(ComRequest r)
        {
            var store = r.Store;
            foreach (string name in new[] { "brand_id", "channel_id", "customer_link_channel" })
                if (r.Text(name) == null) return ComResult.Missing(name);
            long? brandId = null, ticketId = null;
            var error = r.Number("brand_id", out brandId) ?? r.Number("ticket_id", out ticketId) ?? r.Flag("noSync", false, out _);
            if (error != null) return error;
            if (ComAccount.Brand(brandId.Value) == null) return ComResult.NotFound("brand");
            if (!ComAccount.CustomerChannelKinds.TryGetValue(r.Text("channel_id"), out var kind)) return ComResult.Invalid("channel_id");
            string link = r.Text("customer_link_channel");
            if (store.FindCustomerByAddress(brandId.Value, link) != null) return ComResult.BadRequest("This channel is already linked to a customer.");
            ComTicket ticket = null;
            if (ticketId.HasValue && (ticket = store.FindTicket(ticketId.Value)) == null) return ComResult.NotFound("ticket");
            string primaryId = r.Text("primary_id");
            if (primaryId != null && store.FindCustomerByPrimaryId(primaryId, brandId) != null)
                return ComResult.BadRequest("A customer with this primary id already exists.");

            var now = store.Now;
            var customer = store.AddCustomer(id => new ComCustomer
            {
                Id = id, BrandId = brandId.Value, Firstname = r.Text("firstname") ?? "", Lastname = r.Text("lastname") ?? "",
                ExternalPrimaryId = primaryId, CreatedAt = now,
            });
            store.AddChannel(customer, kind.Id, link);
            SetCustomFields(r, customer);
            if (ticket != null) ticket.CustomerId = customer.Id;
            return ComResult.Ok(ComJson.Result("User created and channel linked.", w => w.WriteNumber("customerID", customer.Id)));
        }

        /// <summary>externalPrimaryID (required) and brandID (optional) select the customer; a field left out stays.</summary>
        static ComResult Update(ComRequest r)
        {
            string primaryId = r.Text("externalPrimaryID");
            if (primaryId == null) return ComResult.Missing("externalPrimaryID");
            var error = r.Number("brandID", out long? brandId);
            if (error != null) return error;
            var c = r.Store.FindCustomerByPrimaryId(primaryId, brandId);
            if (c == null) return ComResult.NotFound("customer");
            if (r.Text("firstname") != null) c.Firstname = r.Text("firstname");
            if (r.Text("lastname") != null) c.Lastname = r.Text("lastname");
            SetCustomFields(r, c);
            return ComResult.Ok(ComJson.Result("Customer updated."));
        }

        static void SetCustomFields(ComRequest r, ComCustomer c)
        {
            foreach (string name in r.Names.Where(n => !KnownFields.Contains(n)).OrderBy(n => n, StringComparer.Ordinal))
                c.SetCustomField(name, r.Raw(name) ?? "");
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>
    /// The Omnidesk.com (API v2) dialect on the wire: the apiKey header or query parameter (never in logs or errors),
    /// api/v2 paths, itemStart/itemLimit paging, form bodies, the item/result/list envelopes, zone-less dates in the
    /// connection's zone, the type quirks of the seed example, and {"status":"error"} bodies.
    /// </summary>
    public class ComDialectTests
    {
        private const string Key = "com-K3y-9f8e7d6c5b4a-unique";

        private static OmnideskClientSettings Settings(OmnideskApiKeyLocation location = OmnideskApiKeyLocation.Header, string zone = "Europe/Amsterdam")
        {
            var settings = TestSettings.Create(baseUri: "https://acme.omnidesk.com");
            settings.Product = OmnideskProduct.OmnideskCom;
            settings.Credential = new NetworkCredential("", Key);
            settings.ApiKeyLocation = location;
            settings.TimeZone = zone;
            return settings;
        }

        private const string EmptyList = """{"type":"items","itemStart":0,"itemTotal":0,"itemLimit":15,"items":[]}""";

        /// <summary>The seed document's ticket, trimmed: its mixed types are the point.</summary>
        private const string SeedTicket = """
            {"type":"item","item":{"id":858462,"title":"Question","status":"open","priority":"medium","direction":"inbound",
             "channel_id":1,"channel_name":"e-mail","channel_account_id":"0","brand_id":2,"brand_name":"MyBrand","customer_id":626809,
             "assigned_group_id":10001,"assigned_user_id":0,"from":"thomas@test.com","to":"service@mybrand.com",
             "created_at":"2019-09-28 22:06:16","last_update":"2026-07-01 12:00:00","closed_at":null,"tags":"invoice,urgent",
             "show_timeline":1,"following":false,
             "customer":{"id":626809,"brand_id":2,"external_primary_id":"20164564646592000","firstname":"Thomas","lastname":"van Test","created_at":"2019-09-28 22:06:16"},
             "customer_channels":[{"id":1,"brand_id":2,"customer_id":626809,"channel_id":2,"unique_reference":"+31612345678","linked_by_user_id":0,"name":"telephone","icon":"telephone"}],
             "assign_options_groups":[{"id":10001,"name":"General"}],
             "timeline":[
               {"id":4090001,"ticket_id":858462,"item_type":"assigned_group_id","item_type_id":"10001","description":"Group set","initiated_by":"trigger: Route","created_at":"2019-09-28 22:06:23","type":"event"},
               {"id":"3143281","ticket_id":858462,"type":"note","channel_id":0,"direction":"","to":null,"from":null,"status_new":"open","user_id":2,"user_name":"marleen","content":"Call back","pinned":1,"meta_data":"[]","in_queue":0,"send_at":null,"files":[]},
               {"id":"3143280","ticket_id":858462,"type":"message","channel_id":1,"direction":"inbound","to":"service@mybrand.com","from":"thomas@test.com","user_id":0,"user_name":"Anonymous","content":"<p>Hello</p>","pinned":0,"meta_data":"{\"to\":[{\"address\":\"service@mybrand.com\",\"name\":\"\"}],\"cc\":[{\"address\":\"boss@test.com\",\"name\":\"\"}]}","in_queue":"0","created_at":"2019-09-28 22:06:17","files":[]}
             ]}}
            """;

        [Fact]
        public async Task The_key_goes_in_the_apiKey_header_and_paths_are_api_v2()
        {
            var handler = new FakeHandler(_ => Http.Json(EmptyList));
            using var client = TestSettings.Client(handler, Settings());
            await client.GetTicketsAsync(new OmnideskTicketQuery { Status = new[] { "Open", "pending" }, Query = "invoice" }, 1, 50, OmnideskCallContext.None);
            var sent = Assert.Single(handler.Sent);
            Assert.Null(sent.Authorization);
            Assert.Equal("https://acme.omnidesk.com/api/v2/ticket?status=open&status=pending&query=invoice&itemLimit=50", sent.Uri.AbsoluteUri);
        }

        [Fact]
        public async Task Header_carries_exactly_the_key()
        {
            string header = null;
            var handler = new FakeHandler((r, n, ct) =>
            {
                header = r.Headers.TryGetValues("apiKey", out var v) ? v.Single() : null;
                return Task.FromResult(Http.Json(EmptyList));
            });
            using var client = TestSettings.Client(handler, Settings());
            await client.GetViewsAsync(null, 1, 15, OmnideskCallContext.None);
            Assert.Equal(Key, header);
        }

        [Fact]
        public async Task Query_mode_sends_the_key_in_the_address_but_never_logs_it()
        {
            var handler = new FakeHandler(n => n == 1 ? Http.Json(EmptyList) : Http.Json("""{"status":"error","message":"Bad key """ + Key + "\"}", 400));
            using var client = TestSettings.Client(handler, Settings(OmnideskApiKeyLocation.Query));
            var recorder = new Recorder();
            await client.GetAgentsAsync(null, true, 2, 10, recorder.Context());
            var error = await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetAgentsAsync(null, false, 1, 10, recorder.Context()));

            var first = handler.Sent.First();
            Assert.Equal("https://acme.omnidesk.com/api/v2/user?activeOnly=1&itemStart=10&itemLimit=10&apiKey=" + Key, first.Uri.AbsoluteUri);
            Assert.DoesNotContain(recorder.Requests, r => r.PathAndQuery.Contains("apiKey", StringComparison.Ordinal));
            Assert.DoesNotContain(recorder.AllText(), t => t != null && t.Contains(Key, StringComparison.Ordinal));
            Assert.DoesNotContain(Key, error.Message + error.Path + error.ResponseBody + error.ServerMessage);
        }

        [Fact]
        public async Task Paging_is_an_offset_of_whole_pages_and_the_total_is_itemTotal()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"type":"items","itemStart":198,"itemTotal":250,"itemLimit":99,"items":[{"id":1,"firstname":"A"},{"id":"2","firstname":"B"}]}"""));
            using var client = TestSettings.Client(handler, Settings());
            var page = await client.GetCustomersAsync("Anna 1", 3, 99, OmnideskCallContext.None);
            Assert.Equal(250, page.TotalCount);
            Assert.Equal(new long[] { 1, 2 }, page.Items.Select(c => c.CustomerId));
            Assert.Equal("/api/v2/customer?query=Anna%201&itemStart=198&itemLimit=99", Assert.Single(handler.Sent).Uri.PathAndQuery);
        }

        [Fact]
        public async Task A_ticket_reads_with_its_quirks_resolved()
        {
            var handler = new FakeHandler(_ => Http.Json(SeedTicket));
            using var client = TestSettings.Client(handler, Settings());
            var ticket = await client.GetTicketAsync(858462, true, OmnideskCallContext.None);

            Assert.Equal("/api/v2/ticket/858462?getTicketHistory=1", Assert.Single(handler.Sent).Uri.PathAndQuery);
            Assert.True(ticket.HistoryIncluded);
            Assert.Equal(858462, ticket.TicketId);
            Assert.Equal(new[] { "invoice", "urgent" }, ticket.Tags);
            Assert.Equal(626809, ticket.Customer.CustomerId);
            Assert.Equal("Thomas van Test", ticket.Customer.Name);
            Assert.Equal("+31612345678", Assert.Single(ticket.CustomerChannels).Address);
            Assert.Equal("General", Assert.Single(ticket.AssignOptionsGroups).Name);
            Assert.Null(ticket.ClosedAt);

            var entries = ticket.Timeline;
            Assert.Equal(new[] { "event", "note", "message" }, entries.Select(e => e.Type));
            Assert.Equal(new long[] { 4090001, 3143281, 3143280 }, entries.Select(e => e.EntryId)); // numbers and numeric strings
            Assert.Equal("Group set", entries[0].Content);
            Assert.Equal("10001", entries[0].ItemTypeId);
            Assert.Equal("trigger: Route", entries[0].InitiatedBy);
            Assert.True(entries[1].Pinned);
            Assert.False(entries[2].Pinned);
            Assert.False(entries[2].InQueue); // "0" as text
            Assert.Equal(new[] { "boss@test.com" }, entries[2].Cc);
            Assert.Empty(entries[2].Bcc);
            Assert.Equal("service@mybrand.com", ((IDictionary<string, object>)((object[])entries[2].MetaData["to"])[0])["address"]);
            Assert.Empty(entries[1].MetaData);
            Assert.Equal("cc=boss@test.com; to=service@mybrand.com", entries[2].MetaData.ToString()); // what Export-Csv writes
        }

        [Theory]
        [InlineData("Europe/Amsterdam", "2019-09-28 22:06:16", "2019-09-28T22:06:16+02:00")] // summer time
        [InlineData("Europe/Amsterdam", "2026-01-15 08:00:00", "2026-01-15T08:00:00+01:00")] // winter time
        [InlineData("Europe/Amsterdam", "2026-03-29 02:30:00", "2026-03-29T02:30:00+01:00")] // the skipped hour keeps the offset before it
        [InlineData("UTC", "2019-09-28 22:06:16", "2019-09-28T22:06:16+00:00")]
        [InlineData("America/New_York", "2026-07-01 12:00:00", "2026-07-01T12:00:00-04:00")]
        public async Task Dates_are_wall_clock_times_in_the_connections_zone(string zone, string wire, string expected)
        {
            var handler = new FakeHandler(_ => Http.Json("""{"type":"item","item":{"id":1,"created_at":"WIRE","closed_at":"0000-00-00 00:00:00"}}""".Replace("WIRE", wire)));
            using var client = TestSettings.Client(handler, Settings(zone: zone));
            var ticket = await client.GetTicketAsync(1, false, OmnideskCallContext.None);
            Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ticket.CreatedAt);
            Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, ticket.CreatedAt.Value.Offset);
            Assert.Equal(wire, ticket.CreatedAt.Value.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Null(ticket.ClosedAt);
        }

        [Fact]
        public void An_unknown_time_zone_is_refused_when_the_client_is_made()
        {
            var error = Assert.Throws<ArgumentException>(() => TestSettings.Client(new FakeHandler(_ => Http.Json(EmptyList)), Settings(zone: "Mars/Olympus")));
            Assert.Contains("Mars/Olympus", error.Message);
        }

        [Fact]
        public async Task Writes_are_urlencoded_forms_and_setstatus_names_its_tickets_in_the_body()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"type":"result","message":"Ticket status is updated."}"""));
            using var client = TestSettings.Client(handler, Settings());
            await client.SetTicketStatusAsync(new long[] { 858400, 858401 }, "Solved", OmnideskCallContext.None);
            var sent = Assert.Single(handler.Sent);
            Assert.Equal("POST", sent.Method);
            Assert.Equal("/api/v2/ticket/setstatus", sent.Uri.PathAndQuery);
            Assert.StartsWith("application/x-www-form-urlencoded", sent.ContentType);
            Assert.Equal("status=solved&ticketIDs%5B%5D=858400&ticketIDs%5B%5D=858401", sent.BodyText);
        }

        [Fact]
        public async Task A_message_is_multipart_and_the_new_entry_is_read_back()
        {
            var handler = new FakeHandler(n => n == 1
                ? Http.Json("""{"type":"result","message":"Message has been sent and the ticket status was updated."}""")
                : Http.Json(SeedTicket));
            using var client = TestSettings.Client(handler, Settings());
            var entry = await client.AddTicketEntryAsync(new OmnideskNewTicketEntry { TicketId = 858462, ChannelId = 0, Content = "Call back" },
                OmnideskCallContext.None);
            var sent = handler.Sent.ToArray();
            Assert.Equal(2, sent.Length);
            Assert.StartsWith("multipart/form-data", sent[0].ContentType);
            Assert.Contains("name=\"ticketID\"", sent[0].BodyText);
            Assert.Contains("name=\"type\"\r\n\r\n0\r\n", sent[0].BodyText);
            Assert.Equal("/api/v2/ticket/858462", sent[1].Uri.PathAndQuery);
            Assert.Equal(3143281, entry.EntryId);
        }

        [Fact]
        public async Task A_failed_read_back_after_the_post_is_no_failure_of_the_post()
        {
            var handler = new FakeHandler(n => n == 1
                ? Http.Json("""{"type":"result","message":"Message has been sent and the ticket status was updated."}""")
                : Http.Json("""{"status":"error","message":"Something broke."}""", 400));
            using var client = TestSettings.Client(handler, Settings());
            Assert.Null(await client.AddTicketEntryAsync(new OmnideskNewTicketEntry { TicketId = 7, ChannelId = 1, Content = "Hello there" },
                OmnideskCallContext.None));
            Assert.Equal(2, handler.Calls);
        }

        [Fact]
        public async Task A_short_message_is_refused_before_anything_is_sent()
        {
            var handler = new FakeHandler(_ => Http.Json(EmptyList));
            using var client = TestSettings.Client(handler, Settings());
            await Assert.ThrowsAsync<ArgumentException>(() =>
                client.AddTicketEntryAsync(new OmnideskNewTicketEntry { TicketId = 1, ChannelId = 1, Content = " ok  " }, OmnideskCallContext.None));
            await Assert.ThrowsAsync<ArgumentException>(() => client.SetTicketStatusAsync(new long[] { 1 }, "done", OmnideskCallContext.None));
            Assert.Empty(handler.Sent);
        }

        [Fact]
        public async Task A_created_customer_is_named_by_the_results_id_and_read()
        {
            var handler = new FakeHandler(n => n == 1
                ? Http.Json("""{"type":"result","message":"User created and channel linked.","customerID":626880}""")
                : Http.Json("""{"type":"item","item":{"id":626880,"firstname":"Nina","customer_custom_fields":[{"name":"company","value":"Acme"}]}}"""));
            using var client = TestSettings.Client(handler, Settings());
            var customer = await client.CreateCustomerAsync(new OmnideskNewCustomer
            {
                BrandId = 1, ChannelKind = "Email", Address = "nina@test.com", Firstname = "Nina",
                CustomFields = new Dictionary<string, object> { ["company"] = "Acme", ["vip"] = true },
            }, OmnideskCallContext.None);
            var sent = handler.Sent.ToArray();
            Assert.Equal("brand_id=1&channel_id=email&customer_link_channel=nina%40test.com&firstname=Nina&company=Acme&vip=1", sent[0].BodyText);
            Assert.Equal("/api/v2/customer/626880", sent[1].Uri.PathAndQuery);
            Assert.Equal("Acme", customer.CustomFields["company"]);
        }

        [Fact]
        public async Task A_documented_result_without_an_id_creates_without_a_read()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"type":"result","message":"User created and channel linked."}"""));
            using var client = TestSettings.Client(handler, Settings());
            Assert.Null(await client.CreateCustomerAsync(new OmnideskNewCustomer { BrandId = 1, ChannelKind = "email", Address = "x@y.z" },
                OmnideskCallContext.None));
            Assert.Single(handler.Sent);
        }

        [Fact]
        public async Task UpdateCustomer_goes_to_the_collection_action_with_the_primary_id_in_the_body()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"type":"result","message":"Customer updated."}"""));
            using var client = TestSettings.Client(handler, Settings());
            await client.UpdateCustomerAsync(new OmnideskCustomerChange { ExternalPrimaryId = "P-1", Lastname = "de Vries" }, OmnideskCallContext.None);
            var sent = Assert.Single(handler.Sent);
            Assert.Equal("PUT /api/v2/customer/updateCustomer", sent.Method + " " + sent.Uri.PathAndQuery);
            Assert.Equal("externalPrimaryID=P-1&lastname=de%20Vries", sent.BodyText.Replace("+", "%20"));
        }

        [Fact]
        public async Task Delete_and_update_accept_a_result()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"type":"result","message":"Ticket deleted."}"""));
            using var client = TestSettings.Client(handler, Settings());
            await client.DeleteTicketAsync(858400, OmnideskCallContext.None);
            await client.UpdateTicketAsync(858400, new OmnideskTicketChange { Title = "New" }, OmnideskCallContext.None);
            Assert.Equal(new[] { "DELETE /api/v2/ticket/858400", "PUT /api/v2/ticket/858400" },
                handler.Sent.Select(s => s.Method + " " + s.Uri.PathAndQuery));
            Assert.Null(handler.Sent.First().Body);
        }

        [Theory]
        [InlineData(400, """{"status":"error","message":"This ticket does not exist."}""", "ticket_not_found", "This ticket does not exist.")]
        [InlineData(400, """{"status":"error","message":"This form field does not exist."}""", "form_field_not_found", "This form field does not exist.")]
        [InlineData(403, """{"status":"error","message":"API key lacks permission SET_STATUS."}""", null, "API key lacks permission SET_STATUS.")]
        [InlineData(400, "not json", null, null)]
        public async Task Error_bodies_give_the_servers_message_and_a_code_for_not_found(int status, string body, string code, string message)
        {
            var handler = new FakeHandler(_ => Http.Json(body, status));
            using var client = TestSettings.Client(handler, Settings());
            var error = await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetTicketAsync(9, false, OmnideskCallContext.None));
            Assert.Equal(status, error.StatusCode);
            Assert.Equal(code, error.ErrorCode);
            Assert.Equal(message, error.ServerMessage);
            if (message != null) Assert.EndsWith(": " + message, error.Message);
        }

        [Fact]
        public async Task No_rate_limit_headers_and_a_429_is_retried_after_Retry_After()
        {
            var handler = new FakeHandler(n => n == 1
                ? Http.Json("""{"status":"error","message":"too_many_requests"}""", 429, ("Retry-After", "0"))
                : Http.Json(EmptyList));
            using var client = TestSettings.Client(handler, Settings());
            await client.GetTicketsAsync(null, 1, 10, OmnideskCallContext.None);
            Assert.Equal(2, handler.Calls);
            Assert.Null(client.RateLimit.LimitPerMinute);
        }

        [Fact]
        public void The_two_products_on_one_host_have_separate_rate_limiters()
        {
            var limiters = new Omnidesk.Engine.Http.AccountRateLimiters();
            var ruSettings = TestSettings.Create(baseUri: "https://acme.omnidesk.com");
            using var ru = OmnideskClientFactory.Create(ruSettings, new FakeHandler(_ => Http.Json(EmptyList)), limiters);
            using var ru2 = OmnideskClientFactory.Create(ruSettings, new FakeHandler(_ => Http.Json(EmptyList)), limiters);
            using var com = OmnideskClientFactory.Create(Settings(), new FakeHandler(_ => Http.Json(EmptyList)), limiters);
            Assert.Same(ru.AccountLimiter, ru2.AccountLimiter);
            Assert.NotSame(ru.AccountLimiter, com.AccountLimiter);
        }

        [Fact]
        public async Task A_raw_request_goes_under_api_v2()
        {
            var handler = new FakeHandler(_ => Http.Json(EmptyList));
            using var client = TestSettings.Client(handler, Settings());
            await client.SendAsync("GET", "view", null, null, OmnideskCallContext.None);
            await client.SendAsync("GET", "/api/v2/user", null, null, OmnideskCallContext.None);
            await client.SendAsync("GET", "api/ticket/5", null, null, OmnideskCallContext.None);
            Assert.Equal(new[] { "/api/v2/view", "/api/v2/user", "/api/v2/ticket/5" }, handler.Sent.Select(s => s.Uri.PathAndQuery));
        }

        [Fact]
        public void A_client_of_either_product_says_which_and_omnidesk_com_has_no_email()
        {
            using var com = TestSettings.Client(new FakeHandler(_ => Http.Json(EmptyList)), Settings());
            using var ru = TestSettings.Client(new FakeHandler(_ => Http.Json(EmptyList)));
            Assert.Equal(OmnideskProduct.OmnideskCom, com.Product);
            Assert.Null(com.Email);
            Assert.Equal(OmnideskProduct.OmnideskRu, ru.Product);
            Assert.Equal(TestSettings.Email, ru.Email);
        }
    }
}

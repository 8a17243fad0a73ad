using System.Linq;
using System.Threading.Tasks;
using Omnidesk.Emulator.OmnideskCom;
using Xunit;
using static Omnidesk.Emulator.Tests.ComFixture;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>/api/v2/ticket: the list with its filters and paging (E6), one ticket, create (E7), update, setstatus (E8, E9), setPriority, delete (E5).</summary>
    public class ComTicketTests : IClassFixture<ComFixture>
    {
        readonly ComFixture _f;

        public ComTicketTests(ComFixture f) => _f = f;

        static long Seeded(int index) => ComSeeder.FirstTicketId + index;

        [Fact]
        public async Task List_DefaultPage_Envelope_AndListItemShape()
        {
            await _f.ResetAsync();
            var (status, body) = await _f.GetComAsync("api/v2/ticket");
            Assert.Equal(200, status);
            Assert.Equal(new[] { "type", "itemStart", "itemTotal", "itemLimit", "items" }, body.EnumerateObject().Select(p => p.Name));
            Assert.Equal((0, 15), (body.GetProperty("itemStart").GetInt32(), body.GetProperty("itemLimit").GetInt32()));
            var items = ListItems(body);
            Assert.Equal(15, items.Count);
            int unarchived = _f.Com.Tickets.Count(t => !t.Archived);
            Assert.Equal(unarchived, body.GetProperty("itemTotal").GetInt32());
            // a list item has no timeline and none of the extended blocks
            Assert.All(items, i =>
            {
                Assert.False(i.TryGetProperty("timeline", out _));
                Assert.False(i.TryGetProperty("customer", out _));
                Assert.False(i.TryGetProperty("assign_options_groups", out _));
                Assert.True(i.TryGetProperty("status", out _));
            });
            // newest activity first
            var updates = items.Select(i => i.GetProperty("last_update").GetString()).ToList();
            Assert.Equal(updates.OrderByDescending(u => u, System.StringComparer.Ordinal), updates);
        }

        [Fact]
        public async Task List_PagesCoverEveryTicketOnce()
        {
            await _f.ResetAsync();
            var ids = new System.Collections.Generic.List<long>();
            for (int start = 0; ; start += 7)
            {
                var (status, body) = await _f.GetComAsync($"api/v2/ticket?itemStart={start}&itemLimit=7&searchArchived=yes");
                Assert.Equal(200, status);
                var items = ListItems(body);
                if (items.Count == 0) break;
                ids.AddRange(items.Select(i => i.GetProperty("id").GetInt64()));
            }
            Assert.Equal(Tickets, ids.Count);
            Assert.Equal(ids.Count, ids.Distinct().Count());
            var (_, max) = await _f.GetComAsync("api/v2/ticket?itemLimit=9999&searchArchived=yes");
            Assert.Equal(Tickets, ListItems(max).Count);
        }

        [Theory]
        [InlineData("itemLimit=0", "itemLimit")]
        [InlineData("itemLimit=10000", "itemLimit")]
        [InlineData("itemLimit=abc", "itemLimit")]
        [InlineData("itemStart=-1", "itemStart")]
        [InlineData("status=done", "status")]
        [InlineData("status=open,bogus", "status")]
        [InlineData("searchArchived=maybe", "searchArchived")]
        [InlineData("applyView=x", "applyView")]
        [InlineData("applyView=no%20spaces", "applyView")]
        public async Task List_BadParameters_Are400(string query, string parameter)
        {
            var (status, body) = await _f.GetComAsync("api/v2/ticket?" + query);
            Assert.Equal(400, status);
            Assert.Equal("Invalid value for " + parameter + ".", Message(body));
        }

        [Fact]
        public async Task List_Filters_Status_Query_View_Archived()
        {
            await _f.ResetAsync();
            var (_, open) = await _f.GetComAsync("api/v2/ticket?status=open&status=pending&itemLimit=9999");
            Assert.All(ListItems(open), i => Assert.Contains(i.GetProperty("status").GetString(), new[] { "open", "pending" }));
            Assert.Equal(_f.Com.Tickets.Count(t => t.Status is "open" or "pending"), open.GetProperty("itemTotal").GetInt32());
            var (_, comma) = await _f.GetComAsync("api/v2/ticket?status[]=open,pending&itemLimit=1");
            Assert.Equal(open.GetProperty("itemTotal").GetInt32(), comma.GetProperty("itemTotal").GetInt32());

            // closed tickets: archived ones only with searchArchived=yes
            var (_, closed) = await _f.GetComAsync("api/v2/ticket?status=closed&itemLimit=9999");
            var (_, closedAll) = await _f.GetComAsync("api/v2/ticket?status=closed&itemLimit=9999&searchArchived=yes");
            Assert.Equal(_f.Com.Tickets.Count(t => t.Status == "closed" && !t.Archived), closed.GetProperty("itemTotal").GetInt32());
            Assert.Equal(_f.Com.Tickets.Count(t => t.Status == "closed"), closedAll.GetProperty("itemTotal").GetInt32());
            Assert.True(closedAll.GetProperty("itemTotal").GetInt32() > closed.GetProperty("itemTotal").GetInt32());

            var target = _f.Com.Tickets.First(t => !t.Archived);
            string word = target.Title.Split(' ').OrderByDescending(w => w.Length).First();
            var (_, q) = await _f.GetComAsync("api/v2/ticket?itemLimit=9999&query=" + System.Uri.EscapeDataString(word.ToUpperInvariant()));
            Assert.Contains(ListItems(q), i => i.GetProperty("id").GetInt64() == target.Id);
            Assert.All(ListItems(q), i => Assert.True(i.GetProperty("title").GetString().Contains(word, System.StringComparison.OrdinalIgnoreCase)
                || i.GetProperty("from").GetString().Contains(word, System.StringComparison.OrdinalIgnoreCase)
                || i.GetProperty("to").GetString().Contains(word, System.StringComparison.OrdinalIgnoreCase)
                || i.GetProperty("tags").GetString().Contains(word, System.StringComparison.OrdinalIgnoreCase)
                || _f.Com.FindCustomer(i.GetProperty("customer_id").GetInt64()) is { } c && (c.Firstname + " " + c.Lastname).Contains(word, System.StringComparison.OrdinalIgnoreCase)));

            // a view by slug or by id
            var (_, bySlug) = await _f.GetComAsync("api/v2/ticket?applyView=unassigned&itemLimit=9999");
            var (_, byId) = await _f.GetComAsync("api/v2/ticket?applyView=13&itemLimit=9999");
            Assert.Equal(bySlug.GetProperty("itemTotal").GetInt32(), byId.GetProperty("itemTotal").GetInt32());
            Assert.NotEmpty(ListItems(bySlug));
            Assert.All(ListItems(bySlug), i => Assert.Equal(0, i.GetProperty("assigned_user_id").GetInt64()));
            var (unknown, body) = await _f.GetComAsync("api/v2/ticket?applyView=no-such-view");
            Assert.Equal((400, "This view does not exist."), (unknown, Message(body)));
        }

        [Theory]
        [InlineData("123")]
        [InlineData("abc")]
        [InlineData("-5")]
        public async Task UnknownTicket_Is400_ThisTicketDoesNotExist(string id)
        {
            await _f.ResetAsync();
            foreach (var (method, content) in new (string, System.Net.Http.HttpContent)[] { ("GET", null), ("PUT", Form(("title", "x"))), ("DELETE", null) })
            {
                var (status, body) = await _f.SendAsync(method, "api/v2/ticket/" + id, content);
                Assert.Equal((400, "This ticket does not exist."), (status, Message(body)));
            }
        }

        [Fact]
        public async Task Get_Timeline_NotesAndMessagesNewestFirst_EventsOnlyWithHistory()
        {
            await _f.ResetAsync();
            var seeded = _f.Com.Tickets.First(t => t.Status == "closed");
            var plain = (await _f.TicketAsync(seeded.Id)).GetProperty("timeline").EnumerateArray().ToList();
            Assert.All(plain, e => Assert.NotEqual("event", e.GetProperty("type").GetString()));
            var times = plain.Select(e => e.GetProperty("created_at").GetString()).ToList();
            Assert.Equal(times.OrderByDescending(t => t, System.StringComparer.Ordinal), times);

            var full = (await _f.TicketAsync(seeded.Id, history: true)).GetProperty("timeline").EnumerateArray().ToList();
            int events = full.TakeWhile(e => e.GetProperty("type").GetString() == "event").Count();
            Assert.True(events > 0);
            Assert.Equal(plain.Count, full.Count - events);
            Assert.Contains(full, e => e.GetProperty("type").GetString() == "event" && e.GetProperty("item_type").GetString() == "status");
            var (bad, body) = await _f.GetComAsync($"api/v2/ticket/{seeded.Id}?getTicketHistory=perhaps");
            Assert.Equal((400, "Invalid value for getTicketHistory."), (bad, Message(body)));
        }

        [Fact]
        public async Task Create_Urlencoded_ReturnsTheNewItem()
        {
            await _f.ResetAsync();
            var (status, body) = await _f.SendAsync("POST", "api/v2/ticket", Form(("title", "Question from Thomas"), ("from", "thomas@test.com"),
                ("to", "service@mybrand.test"), ("direction", "inbound"), ("channelID", "1"), ("brandID", "2"), ("assignedGroupID", "10003")));
            Assert.Equal(200, status);
            Assert.Equal("item", body.GetProperty("type").GetString());
            var item = body.GetProperty("item");
            long id = item.GetProperty("id").GetInt64();
            Assert.Equal(ComSeeder.FirstTicketId + Tickets, id);
            Assert.Equal(("new", "medium", 10003L, 0), (item.GetProperty("status").GetString(), item.GetProperty("priority").GetString(),
                item.GetProperty("assigned_group_id").GetInt64(), item.GetProperty("timeline").GetArrayLength()));
            Assert.Equal(Now, item.GetProperty("created_at").GetString());
            Assert.Equal("MyBrand", item.GetProperty("brand_name").GetString());
            // a new customer with the sender's address
            var customer = _f.Com.FindCustomer(item.GetProperty("customer_id").GetInt64());
            Assert.Equal("thomas@test.com", customer.Channels.Single().UniqueReference);
            Assert.Equal(id, (await _f.TicketAsync(id)).GetProperty("id").GetInt64());
        }

        [Fact]
        public async Task Create_JsonAndMultipart_OutboundLinksTheKnownCustomer()
        {
            await _f.ResetAsync();
            var known = _f.Com.Customers.First(c => c.BrandId == 2);
            string address = known.Channels[0].UniqueReference;
            var (status, body) = await _f.SendAsync("POST", "api/v2/ticket", Json(
                "{\"title\":\"Follow-up\",\"from\":\"service@mybrand.test\",\"to\":\"" + address + "\",\"direction\":\"outbound\",\"channelID\":1,\"brandID\":2}"));
            Assert.Equal(200, status);
            Assert.Equal(known.Id, body.GetProperty("item").GetProperty("customer_id").GetInt64());
            Assert.Equal(0, body.GetProperty("item").GetProperty("assigned_group_id").GetInt64());

            var (multi, _) = await _f.SendAsync("POST", "api/v2/ticket", Multipart(("title", "By form"), ("from", "a@b.test"), ("to", "service@mybrand.test"),
                ("direction", "inbound"), ("channelID", "2"), ("brandID", "1")));
            Assert.Equal(200, multi);
        }

        [Theory]
        [InlineData("title", "Missing required parameter: title.")]
        [InlineData("from", "Missing required parameter: from.")]
        [InlineData("to", "Missing required parameter: to.")]
        [InlineData("direction", "Missing required parameter: direction.")]
        [InlineData("channelID", "Missing required parameter: channelID.")]
        [InlineData("brandID", "Missing required parameter: brandID.")]
        public async Task Create_RequiresEveryDocumentedField(string leftOut, string message)
        {
            var fields = new[] { ("title", "T"), ("from", "a@b.test"), ("to", "s@b.test"), ("direction", "inbound"), ("channelID", "1"), ("brandID", "1") }
                .Where(f => f.Item1 != leftOut).ToArray();
            int before = _f.Com.Tickets.Count;
            var (status, body) = await _f.SendAsync("POST", "api/v2/ticket", Form(fields));
            Assert.Equal((400, message), (status, Message(body)));
            Assert.Equal(before, _f.Com.Tickets.Count);
        }

        [Theory]
        [InlineData("direction", "sideways", "Invalid value for direction.")]
        [InlineData("brandID", "77", "This brand does not exist.")]
        [InlineData("brandID", "x", "Invalid value for brandID.")]
        [InlineData("channelID", "99", "This channel does not exist.")]
        [InlineData("assignedGroupID", "5", "This group does not exist.")]
        public async Task Create_BadValues_Are400(string name, string value, string message)
        {
            var fields = new[] { ("title", "T"), ("from", "a@b.test"), ("to", "s@b.test"), ("direction", "inbound"), ("channelID", "1"), ("brandID", "1") }
                .Where(f => f.Item1 != name).Append((name, value)).ToArray();
            var (status, body) = await _f.SendAsync("POST", "api/v2/ticket", Form(fields));
            Assert.Equal((400, message), (status, Message(body)));
        }

        [Fact]
        public async Task Update_ChangesOnlyWhatIsGiven_StatusLeavesAHistoryEvent()
        {
            await _f.ResetAsync();
            var t = _f.Com.Tickets.First(x => x.Status == "open" && x.CustomerId != 0);
            string title = t.Title;
            var (status, body) = await _f.SendAsync("PUT", $"api/v2/ticket/{t.Id}", Form(("status", "pending")));
            Assert.Equal((200, "Ticket updated."), (status, Result(body)));
            var item = await _f.TicketAsync(t.Id, history: true);
            Assert.Equal(("pending", title), (item.GetProperty("status").GetString(), item.GetProperty("title").GetString()));
            var ev = item.GetProperty("timeline")[0];
            Assert.Equal(("event", "status", "pending", Now), (ev.GetProperty("type").GetString(), ev.GetProperty("item_type").GetString(),
                ev.GetProperty("item_type_id").GetString(), ev.GetProperty("created_at").GetString()));
            Assert.Equal(Now, item.GetProperty("last_update").GetString());
            // not in the plain timeline
            Assert.DoesNotContain((await _f.TicketAsync(t.Id)).GetProperty("timeline").EnumerateArray(), e => e.GetProperty("type").GetString() == "event");

            Assert.Equal(200, (await _f.SendAsync("PUT", $"api/v2/ticket/{t.Id}", Json("{\"title\":\"Renamed\",\"priority\":\"urgent\"}"))).Status);
            item = await _f.TicketAsync(t.Id);
            Assert.Equal(("Renamed", "urgent", "pending"), (item.GetProperty("title").GetString(), item.GetProperty("priority").GetString(), item.GetProperty("status").GetString()));
        }

        [Fact]
        public async Task Update_ExternalPrimaryId_LinksOrUnlinksTheCustomer()
        {
            await _f.ResetAsync();
            var t = _f.Com.Tickets.First(x => x.Status == "open");
            var other = _f.Com.Customers.First(c => c.BrandId == t.BrandId && c.ExternalPrimaryId != null && c.Id != t.CustomerId);
            Assert.Equal(200, (await _f.SendAsync("PUT", $"api/v2/ticket/{t.Id}", Form(("externalPrimaryID", other.ExternalPrimaryId)))).Status);
            Assert.Equal(other.Id, (await _f.TicketAsync(t.Id)).GetProperty("customer_id").GetInt64());
            Assert.Equal(200, (await _f.SendAsync("PUT", $"api/v2/ticket/{t.Id}", Form(("externalPrimaryID", "no-such-customer")))).Status);
            var item = await _f.TicketAsync(t.Id);
            Assert.Equal(0, item.GetProperty("customer_id").GetInt64());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("customer").ValueKind);
        }

        [Theory]
        [InlineData("status", "done", "Invalid value for status.")]
        [InlineData("priority", "extreme", "Invalid value for priority.")]
        [InlineData("assignedUserID", "4242", "This user does not exist.")]
        [InlineData("title", "  ", "Invalid value for title.")]
        public async Task Update_BadValues_Are400_AndChangeNothing(string name, string value, string message)
        {
            await _f.ResetAsync();
            long id = Seeded(10);
            var before = _f.Com.FindTicket(id);
            var (title, group) = (before.Title, before.AssignedGroupId);
            long otherGroup = group == 10001 ? 10002 : 10001;
            var (status, body) = await _f.SendAsync("PUT", $"api/v2/ticket/{id}", Form(("assignedGroupID", otherGroup.ToString()), (name, value)));
            Assert.Equal((400, message), (status, Message(body)));
            Assert.Equal((title, group), (_f.Com.FindTicket(id).Title, _f.Com.FindTicket(id).AssignedGroupId));
        }

        [Fact]
        public async Task SetStatus_ManyTickets_EveryEncoding()
        {
            await _f.ResetAsync();
            long a = Seeded(1), b = Seeded(2), c = Seeded(3), d = Seeded(4);
            var (status, body) = await _f.SendAsync("POST", "api/v2/ticket/setstatus", Form(("ticketIDs[]", a.ToString()), ("ticketIDs[]", b.ToString()), ("status", "holding")));
            Assert.Equal((200, "Ticket status is updated."), (status, Result(body)));
            Assert.All(new[] { a, b }, id => Assert.Equal("holding", _f.Com.FindTicket(id).Status));

            Assert.Equal(200, (await _f.SendAsync("POST", "api/v2/ticket/setStatus", Json($"{{\"ticketIDs\":[{c},{d}],\"status\":\"solved\"}}"))).Status);
            Assert.All(new[] { c, d }, id => Assert.Equal("solved", _f.Com.FindTicket(id).Status));
            Assert.Equal(Now, (await _f.TicketAsync(c)).GetProperty("closed_at").GetString());

            Assert.Equal(200, (await _f.SendAsync("POST", "api/v2/ticket/SETSTATUS", Multipart(("ticketIDs", $"{a},{c}"), ("status", "open")))).Status);
            Assert.All(new[] { a, c }, id => Assert.Equal("open", _f.Com.FindTicket(id).Status));
            Assert.Equal(System.Text.Json.JsonValueKind.Null, (await _f.TicketAsync(c)).GetProperty("closed_at").ValueKind);

            // PHP's indexed form keys, in the body and in the query string
            Assert.Equal(200, (await _f.SendAsync("POST", "api/v2/ticket/setstatus", Form(("ticketIDs[0]", a.ToString()), ("ticketIDs[1]", b.ToString()), ("status", "pending")))).Status);
            Assert.All(new[] { a, b }, id => Assert.Equal("pending", _f.Com.FindTicket(id).Status));
            Assert.Equal(200, (await _f.SendAsync("POST", $"api/v2/ticket/setstatus?ticketIDs[0]={c}&ticketIDs[1]={d}&status=new")).Status);
            Assert.All(new[] { c, d }, id => Assert.Equal("new", _f.Com.FindTicket(id).Status));
        }

        [Theory]
        [InlineData(new[] { "ticketIDs[]=858401", "ticketIDs[]=1" }, "This ticket does not exist.")]
        [InlineData(new[] { "ticketIDs[]=858401", "status=finished" }, "Invalid value for status.")]
        [InlineData(new[] { "status=open" }, "Missing required parameter: ticketIDs.")]
        [InlineData(new[] { "ticketIDs[]=858401" }, "Missing required parameter: status.")]
        public async Task SetStatus_IsAllOrNothing(string[] fields, string message)
        {
            await _f.ResetAsync();
            string before = _f.Com.FindTicket(858401).Status;
            var form = fields.Select(f => f.Split('=')).Select(p => (p[0], p[1])).ToList();
            if (!form.Any(f => f.Item1 == "status") && message != "Missing required parameter: status.") form.Add(("status", before == "closed" ? "open" : "closed"));
            var (status, body) = await _f.SendAsync("POST", "api/v2/ticket/setstatus", Form(form.ToArray()));
            Assert.Equal((400, message), (status, Message(body)));
            Assert.Equal(before, _f.Com.FindTicket(858401).Status);
        }

        [Fact]
        public async Task SetPriority_AndItsErrors()
        {
            await _f.ResetAsync();
            var (status, body) = await _f.SendAsync("POST", "api/v2/ticket/setPriority", Form(("ticketIDs[]", Seeded(5).ToString()), ("ticketIDs[]", Seeded(6).ToString()), ("priority", "urgent")));
            Assert.Equal((200, "Ticket priority is updated."), (status, Result(body)));
            Assert.Equal("urgent", _f.Com.FindTicket(Seeded(6)).Priority);
            var (bad, badBody) = await _f.SendAsync("POST", "api/v2/ticket/setpriority", Form(("ticketIDs[]", Seeded(5).ToString()), ("priority", "meh")));
            Assert.Equal((400, "Invalid value for priority."), (bad, Message(badBody)));
        }

        [Fact]
        public async Task Delete_RemovesTheTicket_ResetBringsItBack()
        {
            await _f.ResetAsync();
            long id = Seeded(7);
            var (status, body) = await _f.SendAsync("DELETE", $"api/v2/ticket/{id}");
            Assert.Equal((200, "Ticket deleted."), (status, Result(body)));
            Assert.Equal(400, (await _f.GetComAsync($"api/v2/ticket/{id}")).Status);
            Assert.Equal(400, (await _f.SendAsync("DELETE", $"api/v2/ticket/{id}")).Status);
            await _f.ResetAsync();
            Assert.Equal(200, (await _f.GetComAsync($"api/v2/ticket/{id}")).Status);
        }
    }
}

using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Omnidesk.Emulator.OmnideskCom;
using Xunit;
using static Omnidesk.Emulator.Tests.ComFixture;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>/api/v2/customer (list ≤ 99, get, create, updateCustomer, custom fields), /api/v2/user and /api/v2/view.</summary>
    public class ComAccountResourceTests : IClassFixture<ComFixture>
    {
        readonly ComFixture _f;

        public ComAccountResourceTests(ComFixture f) => _f = f;

        [Fact]
        public async Task Customers_List_PagesAndLimits()
        {
            await _f.ResetAsync();
            var (status, body) = await _f.GetComAsync("api/v2/customer");
            Assert.Equal(200, status);
            var items = ListItems(body);
            Assert.Equal((15, ComSeeder.CustomerCount, 15), (items.Count, body.GetProperty("itemTotal").GetInt32(), body.GetProperty("itemLimit").GetInt32()));
            Assert.Equal(ComSeeder.FirstCustomerId, items[0].GetProperty("id").GetInt64());
            Assert.Equal(new[] { "id", "brand_id", "external_primary_id", "firstname", "lastname", "created_at", "brand_name" }, items[0].EnumerateObject().Select(p => p.Name));

            var (_, last) = await _f.GetComAsync("api/v2/customer?itemStart=75&itemLimit=99");
            Assert.Equal(5, ListItems(last).Count);
            Assert.Equal(75, last.GetProperty("itemStart").GetInt32());
            var (over, overBody) = await _f.GetComAsync("api/v2/customer?itemLimit=100");
            Assert.Equal((400, "Invalid value for itemLimit."), (over, Message(overBody)));
        }

        [Theory]
        [InlineData("thomas", true)]
        [InlineData("van Test", true)]
        [InlineData("20164564646592000", true)]
        [InlineData("zzzz", false)]
        public async Task Customers_Query_MatchesNamesAndPrimaryId(string query, bool found)
        {
            var (status, body) = await _f.GetComAsync("api/v2/customer?itemLimit=99&query=" + System.Uri.EscapeDataString(query));
            Assert.Equal(200, status);
            Assert.Equal(found, ListItems(body).Count > 0);
        }

        [Theory]
        [InlineData("thomas@example.test")]
        [InlineData("a.b")]
        public async Task Customers_Query_RejectsWhatThePatternDoes(string query)
        {
            var (status, body) = await _f.GetComAsync("api/v2/customer?query=" + System.Uri.EscapeDataString(query));
            Assert.Equal((400, "Invalid value for query."), (status, Message(body)));
        }

        [Fact]
        public async Task Customer_ById_WithChannelsAndCustomFields()
        {
            await _f.ResetAsync();
            var (status, body) = await _f.GetComAsync($"api/v2/customer/{ComSeeder.FirstCustomerId}");
            Assert.Equal(200, status);
            var item = body.GetProperty("item");
            Assert.Equal("Thomas", item.GetProperty("firstname").GetString());
            Assert.Equal(JsonValueKind.String, item.GetProperty("external_primary_id").ValueKind);
            var channels = item.GetProperty("customer_channels").EnumerateArray().ToList();
            Assert.Equal(("e-mail", 1), (channels[0].GetProperty("name").GetString(), channels[0].GetProperty("channel_id").GetInt32()));
            Assert.Contains(item.GetProperty("customer_custom_fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "company");
            foreach (string bad in new[] { "1", "abc" })
            {
                var (s, b) = await _f.GetComAsync("api/v2/customer/" + bad);
                Assert.Equal((400, "This customer does not exist."), (s, Message(b)));
            }
        }

        [Fact]
        public async Task Customer_Create_LinksTheChannelAndTheTicket_KeepsCustomFields()
        {
            await _f.ResetAsync();
            long ticket = _f.Com.Tickets[3].Id;
            var (status, body) = await _f.SendAsync("POST", "api/v2/customer", Form(("firstname", "Eva"), ("lastname", "Jansen"), ("brand_id", "2"),
                ("primary_id", "CRM-77"), ("channel_id", "telephone"), ("customer_link_channel", "+31612345678"), ("ticket_id", ticket.ToString()),
                ("noSync", "1"), ("favourite_colour", "green")));
            Assert.Equal((200, "User created and channel linked."), (status, Result(body)));
            long id = body.GetProperty("customerID").GetInt64();
            var (_, got) = await _f.GetComAsync($"api/v2/customer/{id}");
            var item = got.GetProperty("item");
            Assert.Equal(("Eva", "CRM-77", Now), (item.GetProperty("firstname").GetString(), item.GetProperty("external_primary_id").GetString(), item.GetProperty("created_at").GetString()));
            var channel = item.GetProperty("customer_channels").EnumerateArray().Single();
            Assert.Equal(("+31612345678", 2), (channel.GetProperty("unique_reference").GetString(), channel.GetProperty("channel_id").GetInt32()));
            var field = item.GetProperty("customer_custom_fields").EnumerateArray().Single();
            Assert.Equal(("favourite_colour", "green"), (field.GetProperty("name").GetString(), field.GetProperty("value").GetString()));
            Assert.Equal(id, (await _f.TicketAsync(ticket)).GetProperty("customer_id").GetInt64());

            // the same address or primary id again
            var (again, againBody) = await _f.SendAsync("POST", "api/v2/customer", Form(("brand_id", "2"), ("channel_id", "telephone"), ("customer_link_channel", "+31612345678")));
            Assert.Equal((400, "This channel is already linked to a customer."), (again, Message(againBody)));
            var (dup, dupBody) = await _f.SendAsync("POST", "api/v2/customer", Json("{\"brand_id\":2,\"channel_id\":\"email\",\"customer_link_channel\":\"x@y.test\",\"primary_id\":\"CRM-77\"}"));
            Assert.Equal((400, "A customer with this primary id already exists."), (dup, Message(dupBody)));
        }

        [Theory]
        [InlineData(new[] { "channel_id=email", "customer_link_channel=a@b.test" }, "Missing required parameter: brand_id.")]
        [InlineData(new[] { "brand_id=1", "customer_link_channel=a@b.test" }, "Missing required parameter: channel_id.")]
        [InlineData(new[] { "brand_id=1", "channel_id=email" }, "Missing required parameter: customer_link_channel.")]
        [InlineData(new[] { "brand_id=9", "channel_id=email", "customer_link_channel=a@b.test" }, "This brand does not exist.")]
        [InlineData(new[] { "brand_id=1", "channel_id=pigeon", "customer_link_channel=a@b.test" }, "Invalid value for channel_id.")]
        [InlineData(new[] { "brand_id=1", "channel_id=email", "customer_link_channel=a@b.test", "ticket_id=5" }, "This ticket does not exist.")]
        public async Task Customer_Create_BadInput_Is400(string[] fields, string message)
        {
            await _f.ResetAsync();
            var (status, body) = await _f.SendAsync("POST", "api/v2/customer", Form(fields.Select(f => f.Split('=', 2)).Select(p => (p[0], p[1])).ToArray()));
            Assert.Equal((400, message), (status, Message(body)));
            Assert.Equal(ComSeeder.CustomerCount, _f.Com.Customers.Count);
        }

        [Fact]
        public async Task Customer_UpdateByPrimaryId_ChangesOnlyWhatIsGiven()
        {
            await _f.ResetAsync();
            var c = _f.Com.FindCustomer(ComSeeder.FirstCustomerId);
            string last = c.Lastname;
            var (status, body) = await _f.SendAsync("PUT", "api/v2/customer/updateCustomer", Form(("externalPrimaryID", c.ExternalPrimaryId), ("brandID", c.BrandId.ToString()),
                ("firstname", "Tom"), ("membership", "platinum")));
            Assert.Equal((200, "Customer updated."), (status, Result(body)));
            Assert.Equal(("Tom", last), (c.Firstname, c.Lastname));
            Assert.Equal("platinum", c.CustomFields.Single(f => f.Key == "membership").Value);

            var (missing, missingBody) = await _f.SendAsync("PUT", "api/v2/customer/updatecustomer", Form(("firstname", "X")));
            Assert.Equal((400, "Missing required parameter: externalPrimaryID."), (missing, Message(missingBody)));
            var (unknown, unknownBody) = await _f.SendAsync("PUT", "api/v2/customer/updatecustomer", Form(("externalPrimaryID", "nobody")));
            Assert.Equal((400, "This customer does not exist."), (unknown, Message(unknownBody)));
            var (otherBrand, _) = await _f.SendAsync("PUT", "api/v2/customer/updatecustomer", Form(("externalPrimaryID", c.ExternalPrimaryId), ("brandID", c.BrandId == 1 ? "2" : "1")));
            Assert.Equal(400, otherBrand);
        }

        [Fact]
        public async Task Users_ActiveOnly_Extended_Query_Limit()
        {
            await _f.ResetAsync();
            var (_, all) = await _f.GetComAsync("api/v2/user");
            Assert.Equal(ComSeeder.Users.Count, all.GetProperty("itemTotal").GetInt32());
            var first = ListItems(all)[0];
            Assert.Equal(("thomas", 1), (first.GetProperty("name").GetString(), first.GetProperty("active").GetInt32()));
            Assert.Equal("General", first.GetProperty("groups")[0].GetProperty("name").GetString());
            Assert.Contains(ListItems(all), u => u.GetProperty("active").GetInt32() == 0);

            var (_, active) = await _f.GetComAsync("api/v2/user?activeOnly=true");
            Assert.All(ListItems(active), u => Assert.Equal(1, u.GetProperty("active").GetInt32()));
            Assert.Equal(ComSeeder.Users.Count(u => u.Active), active.GetProperty("itemTotal").GetInt32());

            var (_, plain) = await _f.GetComAsync("api/v2/user?extended=0");
            Assert.False(ListItems(plain)[0].TryGetProperty("groups", out _));
            Assert.True(ListItems(plain)[0].TryGetProperty("group_ids", out _));

            var (_, q) = await _f.GetComAsync("api/v2/user?query=MARLEEN");
            Assert.Equal(2, ListItems(q).Single().GetProperty("id").GetInt64());
            Assert.Equal(200, (await _f.GetComAsync("api/v2/user?itemLimit=999")).Status);
            var (over, overBody) = await _f.GetComAsync("api/v2/user?itemLimit=1000");
            Assert.Equal((400, "Invalid value for itemLimit."), (over, Message(overBody)));
            var (bad, badBody) = await _f.GetComAsync("api/v2/user?activeOnly=sometimes");
            Assert.Equal((400, "Invalid value for activeOnly."), (bad, Message(badBody)));
        }

        [Fact]
        public async Task Views_List_Query_Limit()
        {
            await _f.ResetAsync();
            var (_, all) = await _f.GetComAsync("api/v2/view");
            var items = ListItems(all);
            Assert.Equal(ComSeeder.Views.Count, items.Count);
            Assert.Equal(("Open tickets", "open-tickets"), (items[0].GetProperty("name").GetString(), items[0].GetProperty("slug").GetString()));
            Assert.Equal(new[] { "new", "open" }, items[0].GetProperty("conditions").GetProperty("status").EnumerateArray().Select(s => s.GetString()));
            var (_, q) = await _f.GetComAsync("api/v2/view?query=fin");
            Assert.Equal(14, ListItems(q).Single().GetProperty("id").GetInt64());
            Assert.Equal(200, (await _f.GetComAsync("api/v2/view?itemLimit=9999")).Status);
            var (over, _) = await _f.GetComAsync("api/v2/view?itemLimit=10000");
            Assert.Equal(400, over);
            var (bad, badBody) = await _f.GetComAsync("api/v2/view?query=a%40b");
            Assert.Equal((400, "Invalid value for query."), (bad, Message(badBody)));
        }
    }
}

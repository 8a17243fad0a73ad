using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static Omnidesk.Emulator.Tests.EmulatorFixture;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>
    /// The account's resources served by the generic layer: staff, groups, labels, custom fields and languages (lists and
    /// items, paging and its errors, 404 bodies, auth).
    /// </summary>
    public class AccountResourceTests : IClassFixture<EmulatorFixture>
    {
        readonly EmulatorFixture _f;

        public AccountResourceTests(EmulatorFixture f) => _f = f;

        /// <summary>The property names of an object, in order.</summary>
        static List<string> Names(JsonElement o) => o.EnumerateObject().Select(p => p.Name).ToList();

        [Fact]
        public async Task StaffList_IsTheNumberedEnvelope_OfEverySeededStaffMember_WithoutTheirKeys()
        {
            var (status, body) = await _f.GetAsync("api/staff.json");
            Assert.Equal(200, status);
            Assert.Equal(new[] { "0", "1", "2", "3", "4", "5", "6", "total_count" }, Names(body));
            Assert.Equal(7, body.GetProperty("total_count").GetInt32());
            var staff = Items(body, "staff");
            Assert.Equal(new long[] { 15, 22, 41, 57, 63, 88, 99 }, staff.Select(s => s.GetProperty("staff_id").GetInt64()));
            Assert.Equal(new[]
            {
                "staff_id", "staff_email", "staff_full_name", "staff_signature", "staff_signature_chat", "thumbnail", "active", "status",
                "status_id", "created_at", "updated_at",
            }, Names(staff[0]));
            Assert.Equal("demo@omnidesk.test", staff[0].GetProperty("staff_email").GetString());
            Assert.Equal("Demo Agent", staff[0].GetProperty("staff_full_name").GetString());
            Assert.False(staff[6].GetProperty("active").GetBoolean());
            Assert.All(staff.Take(6), s => Assert.True(s.GetProperty("active").GetBoolean()));
            Assert.DoesNotContain("api-key", body.GetRawText());
            Assert.Matches(@"^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0300$", staff[0].GetProperty("created_at").GetString());
        }

        [Fact]
        public async Task StaffById_IsWrapped_AndAnUnknownIdIs404StaffNotFound()
        {
            var (status, body) = await _f.GetAsync("api/staff/57.json");
            Assert.Equal(200, status);
            Assert.Equal(new[] { "staff" }, Names(body));
            Assert.Equal(57, body.GetProperty("staff").GetProperty("staff_id").GetInt64());
            Assert.Equal("Clara Smith", body.GetProperty("staff").GetProperty("staff_full_name").GetString());
            foreach (string id in new[] { "58", "abc", "15,22", "-15" })
            {
                var (notFound, error) = await _f.GetAsync($"api/staff/{id}.json");
                Assert.Equal(404, notFound);
                Assert.Equal("{\"error\":\"staff_not_found\"}", error.GetRawText());
            }
        }

        [Fact]
        public async Task Groups_ListAndById()
        {
            var (status, body) = await _f.GetAsync("api/groups.json");
            Assert.Equal(200, status);
            Assert.Equal(3, body.GetProperty("total_count").GetInt32());
            var groups = Items(body, "group");
            Assert.Equal(new long[] { 44, 45, 46 }, groups.Select(g => g.GetProperty("group_id").GetInt64()));
            Assert.Equal(new[] { "group_id", "group_title", "group_from_name", "group_signature", "active", "created_at", "updated_at" }, Names(groups[0]));
            Assert.Equal("Billing", groups[1].GetProperty("group_title").GetString());

            var (one, item) = await _f.GetAsync("api/groups/46.json");
            Assert.Equal(200, one);
            Assert.Equal("Sales", item.GetProperty("group").GetProperty("group_title").GetString());
            var (missing, error) = await _f.GetAsync("api/groups/47.json");
            Assert.Equal(404, missing);
            Assert.Equal("group_not_found", error.GetProperty("error").GetString());
        }

        [Fact]
        public async Task Labels_List()
        {
            var (status, body) = await _f.GetAsync("api/labels.json");
            Assert.Equal(200, status);
            Assert.Equal(6, body.GetProperty("total_count").GetInt32());
            var labels = Items(body, "label");
            Assert.Equal(Enumerable.Range(101, 6).Select(i => (long)i), labels.Select(l => l.GetProperty("label_id").GetInt64()));
            Assert.Equal(new[] { "label_id", "label_title" }, Names(labels[0]));
            Assert.Equal("urgent", labels[0].GetProperty("label_title").GetString());
        }

        [Fact]
        public async Task CustomFields_List_SelectFieldsCarryTheirOptions()
        {
            var (status, body) = await _f.GetAsync("api/custom_fields.json");
            Assert.Equal(200, status);
            Assert.Equal(3, body.GetProperty("total_count").GetInt32());
            var fields = Items(body, "custom_field");
            Assert.Equal(new long[] { 25, 30, 44 }, fields.Select(f => f.GetProperty("field_id").GetInt64()));
            Assert.Equal(new[] { "field_id", "title", "field_type", "field_level", "active", "field_data" }, Names(fields[0]));
            Assert.Equal(new[] { "text", "select", "checkbox" }, fields.Select(f => f.GetProperty("field_type").GetString()));
            Assert.All(fields, f => Assert.Equal("case", f.GetProperty("field_level").GetString()));
            Assert.Equal("", fields[0].GetProperty("field_data").GetString());
            Assert.Equal("{\"1\":\"Billing\",\"2\":\"Technical\",\"3\":\"Sales\",\"4\":\"Other\"}", fields[1].GetProperty("field_data").GetRawText());
            Assert.Equal("", fields[2].GetProperty("field_data").GetString());
        }

        [Fact]
        public async Task Languages_List_IsExactlyThis()
        {
            using var r = await _f.Client.GetAsync("api/languages.json");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("application/json; charset=utf-8", r.Content.Headers.ContentType?.ToString());
            Assert.Equal(
                "{\"0\":{\"language\":{\"language_id\":1,\"code\":\"RUS\",\"title\":\"Русский\",\"active\":true}}," +
                "\"1\":{\"language\":{\"language_id\":2,\"code\":\"ENG\",\"title\":\"English\",\"active\":true}}," +
                "\"2\":{\"language\":{\"language_id\":3,\"code\":\"DEU\",\"title\":\"Deutsch\",\"active\":false}}," +
                "\"total_count\":3}",
                await r.Content.ReadAsStringAsync());
        }

        [Theory]
        [InlineData("limit=2&page=2", new long[] { 41, 57 })]
        [InlineData("limit=3&page=3", new long[] { 99 })]
        [InlineData("limit=100", new long[] { 15, 22, 41, 57, 63, 88, 99 })]
        [InlineData("limit[]=1&page=", new long[] { 15 })]
        [InlineData("page=4&limit=2", new long[] { 99 })]
        [InlineData("page=5&limit=2", new long[0])]
        [InlineData("page=500", new long[0])]
        public async Task Paging_PageAndLimit_TotalCountIsEveryItem(string query, long[] expected)
        {
            var (status, body) = await _f.GetAsync("api/staff.json?" + query);
            Assert.Equal(200, status);
            Assert.Equal(expected, Items(body, "staff").Select(s => s.GetProperty("staff_id").GetInt64()));
            Assert.Equal(7, body.GetProperty("total_count").GetInt32());
            if (expected.Length == 0) Assert.Equal("{\"total_count\":7}", body.GetRawText());
        }

        [Theory]
        [InlineData("api/staff.json?limit=0", "wrong_limit")]
        [InlineData("api/groups.json?limit=101", "wrong_limit")]
        [InlineData("api/labels.json?limit=ten", "wrong_limit")]
        [InlineData("api/custom_fields.json?page=0", "wrong_page")]
        [InlineData("api/languages.json?page=501", "wrong_page")]
        [InlineData("api/staff.json?page=-1", "wrong_page")]
        public async Task Paging_OutOfBounds_Is400(string url, string error)
        {
            var (status, body) = await _f.GetAsync(url);
            Assert.Equal(400, status);
            Assert.Equal(error, body.GetProperty("error").GetString());
        }

        [Theory]
        [InlineData("GET", "api/labels/101.json")]
        [InlineData("GET", "api/custom_fields/25.json")]
        [InlineData("GET", "api/languages/1.json")]
        [InlineData("POST", "api/staff.json")]
        [InlineData("PUT", "api/groups/44.json")]
        [InlineData("DELETE", "api/staff/15.json")]
        [InlineData("PUT", "api/staff/15/disable.json")]
        public async Task EndpointsTheApiDoesNotHave_Are404NotFound(string method, string url)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method != "GET") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            using var r = await _f.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Equal("{\"error\":\"not_found\"}", await r.Content.ReadAsStringAsync());
        }

        [Theory]
        [InlineData("api/staff.json")]
        [InlineData("api/staff/15.json")]
        [InlineData("api/groups.json")]
        [InlineData("api/labels.json")]
        [InlineData("api/custom_fields.json")]
        [InlineData("api/languages.json")]
        public async Task AuthIsRequired_AndRateLimitHeadersAreSent(string url)
        {
            using var anonymous = new HttpClient { BaseAddress = _f.Emulator.BaseUri };
            using (var r = await anonymous.GetAsync(url))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
                Assert.Equal("{\"error\":\"wrong_api_key\"}", await r.Content.ReadAsStringAsync());
            }
            using (var wrongEmail = new HttpRequestMessage(HttpMethod.Get, url))
            {
                wrongEmail.Headers.Authorization = Basic("nobody@omnidesk.test", DemoKey);
                using var r = await anonymous.SendAsync(wrongEmail);
                Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
                Assert.Equal("{\"error\":\"wrong_staff_email\"}", await r.Content.ReadAsStringAsync());
            }
            using (var r = await _f.Client.GetAsync(url))
            {
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                Assert.True(r.Headers.Contains("rate_limit_per_minute") && r.Headers.Contains("api_calls_left"));
            }
        }
    }
}

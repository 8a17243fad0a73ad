using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static Omnidesk.Emulator.Tests.EmulatorFixture;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>GET /api/cases/{id|number}.json and GET /api/filters.json.</summary>
    public class CaseViewTests : IClassFixture<EmulatorFixture>
    {
        readonly EmulatorFixture _f;

        public CaseViewTests(EmulatorFixture f) => _f = f;

        [Fact]
        public async Task ById_And_ByNumber_GiveTheSameCase()
        {
            var (s1, byId) = await _f.GetAsync("api/cases/2010.json");
            Assert.Equal(200, s1);
            var c = byId.GetProperty("case");
            Assert.Equal(2010, c.GetProperty("case_id").GetInt64());
            string number = c.GetProperty("case_number").GetString();
            Assert.Matches(@"^\d{3}-\d{6}$", number);
            var (s2, byNumber) = await _f.GetAsync($"api/cases/{number}.json");
            Assert.Equal(200, s2);
            Assert.Equal(byId.GetRawText(), byNumber.GetRawText());
            Assert.Equal(new[] { "case" }, byId.EnumerateObject().Select(p => p.Name));
        }

        [Fact]
        public async Task FullFieldSet_InDocumentedOrder_OnARatedClosedCase()
        {
            var rated = Enumerable.Range(2000, 300).Select(i => _f.Emulator.State.Store.FindCase(i.ToString()))
                .First(c => c.Rating != null && !c.IsMerged);
            var (_, body) = await _f.GetAsync($"api/cases/{rated.CaseId}.json");
            var c = body.GetProperty("case");
            var names = c.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(new[]
            {
                "case_id", "case_number", "subject", "user_id", "staff_id", "group_id", "status", "priority", "channel", "recipient",
                "cc_emails", "bcc_emails", "deleted", "spam", "created_at", "closed_at", "updated_at", "last_response_at", "closing_speed",
                "language_id", "custom_fields", "labels", "locked_labels", "rating", "rating_comment", "rated_staff_id",
            }, names);
            Assert.Equal("closed", c.GetProperty("status").GetString());
            Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0300$",
                c.GetProperty("created_at").GetString());
            Assert.Contains(c.GetProperty("rating").GetString(), new[] { "low", "middle", "high" });
            var closedAt = ParseDate(c.GetProperty("closed_at").GetString());
            var created = ParseDate(c.GetProperty("created_at").GetString());
            var speed = c.GetProperty("closing_speed");
            int minutes = speed.ValueKind == JsonValueKind.Number ? speed.GetInt32() : int.Parse(speed.GetString());
            Assert.Equal((int)(closedAt - created).TotalMinutes, minutes);
        }

        [Fact]
        public async Task MergedCase_HasParentCaseId_AndDeletedCaseIsViewable()
        {
            var store = _f.Emulator.State.Store;
            var all = Enumerable.Range(2000, 300).Select(i => store.FindCase(i.ToString())).ToList();
            var merged = all.First(c => c.IsMerged);
            var (_, m) = await _f.GetAsync($"api/cases/{merged.CaseId}.json");
            Assert.Equal(merged.ParentCaseId, m.GetProperty("case").GetProperty("parent_case_id").GetInt64());

            var deleted = all.First(c => c.Deleted);
            var (sd, d) = await _f.GetAsync($"api/cases/{deleted.CaseId}.json");
            Assert.Equal(200, sd);
            Assert.True(d.GetProperty("case").GetProperty("deleted").GetBoolean());
            var spam = all.First(c => c.Spam);
            var (_, sp) = await _f.GetAsync($"api/cases/{spam.CaseNumber}.json");
            Assert.True(sp.GetProperty("case").GetProperty("spam").GetBoolean());
        }

        [Theory]
        [InlineData("api/cases/1999.json")]
        [InlineData("api/cases/999999.json")]
        [InlineData("api/cases/000-000000.json")]
        [InlineData("api/cases/abc.json")]
        public async Task MissingCase_Is404CaseNotFound(string url)
        {
            using var r = await _f.Client.GetAsync(url);
            Assert.Equal(404, (int)r.StatusCode);
            Assert.Equal("{\"error\":\"case_not_found\"}", await r.Content.ReadAsStringAsync());
        }

        [Theory]
        [InlineData("api/users.json")]
        [InlineData("api/cases/2000/nothing.json")]
        [InlineData("api/")]
        public async Task UnknownApiRoute_Is404NotFound(string url)
        {
            using var r = await _f.Client.GetAsync(url);
            Assert.Equal(404, (int)r.StatusCode);
            Assert.Equal("{\"error\":\"not_found\"}", await r.Content.ReadAsStringAsync());
            Assert.True(r.Headers.Contains("api_calls_left"));
        }

        [Fact]
        public async Task Filters_NumberedEnvelope_WordAndNumericIds()
        {
            var (status, body) = await _f.GetAsync("api/filters.json");
            Assert.Equal(200, status);
            var filters = Items(body, "filter");
            Assert.Equal(filters.Count, body.GetProperty("total_count").GetInt32());
            Assert.True(filters.Count >= 5);
            var unassigned = filters.Single(f => f.GetProperty("filter_id").ValueKind == JsonValueKind.String && f.GetProperty("filter_id").GetString() == "unassigned");
            Assert.True(unassigned.GetProperty("isSelected").GetBoolean());
            Assert.False(unassigned.GetProperty("isCustom").GetBoolean());
            var custom = filters.Single(f => f.GetProperty("filter_id").ValueKind == JsonValueKind.Number && f.GetProperty("filter_id").GetInt64() == 234);
            Assert.True(custom.GetProperty("isCustom").GetBoolean());
            Assert.Equal("High priority open", custom.GetProperty("filter_name").GetString());
            Assert.Single(filters, f => f.GetProperty("isSelected").GetBoolean());
            Assert.Equal(new[] { "filter_id", "filter_name", "isSelected", "isCustom" }, custom.EnumerateObject().Select(p => p.Name));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static Omnidesk.Emulator.Tests.EmulatorFixture;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>GET /api/cases.json: envelope, every filter, sorting, paging and their errors. Read-only: no resets needed.</summary>
    public class CaseListTests : IClassFixture<EmulatorFixture>
    {
        const string ShowAll = "show_merged_cases=true&show_active_chats=true";
        readonly EmulatorFixture _f;

        public CaseListTests(EmulatorFixture f) => _f = f;

        List<EmuCase> Seeded() =>
            Enumerable.Range(Seeder.FirstCaseId, 300).Select(id => _f.Emulator.State.Store.FindCase(id.ToString())).ToList();

        /// <summary>The query's results equal the visible cases that satisfy the predicate, in the default order.</summary>
        async Task AssertFilter(string query, Func<EmuCase, bool> predicate, int minExpected = 1)
        {
            var universe = await _f.GetAllAsync(ShowAll);
            var byId = Seeded().ToDictionary(c => c.CaseId);
            var expected = universe.Select(Id).Where(id => predicate(byId[id])).ToList();
            Assert.True(expected.Count >= minExpected, $"the seeded data should have matches for {query}");
            Assert.True(expected.Count < universe.Count, $"{query} should filter something out");
            var actual = (await _f.GetAllAsync(query + "&" + ShowAll)).Select(Id).ToList();
            Assert.Equal(expected, actual);
        }

        [Fact]
        public async Task DefaultList_IsTheFirst100_InNumberedEnvelope_WithTotalOfVisibleCases()
        {
            var (status, body) = await _f.GetAsync("api/cases.json");
            Assert.Equal(200, status);
            var visible = Seeded().Count(c => !c.Deleted && !c.Spam && !c.IsMerged && !c.IsActiveChat);
            Assert.Equal(visible, body.GetProperty("total_count").GetInt32());
            var names = body.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(Enumerable.Range(0, 100).Select(i => i.ToString()).Append("total_count"), names);
            var first = body.GetProperty("0");
            Assert.Equal(new[] { "case" }, first.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Number, first.GetProperty("case").GetProperty("case_id").ValueKind);
        }

        [Fact]
        public async Task CaseJson_HasTheDocumentedFieldsAndTypes()
        {
            var cases = await _f.GetAllAsync(ShowAll);
            foreach (var c in cases)
            {
                Assert.Matches(@"^\d{3}-\d{6}$", c.GetProperty("case_number").GetString());
                foreach (var name in new[] { "user_id", "staff_id", "group_id", "language_id" })
                    Assert.Equal(JsonValueKind.Number, c.GetProperty(name).ValueKind);
                Assert.Equal(JsonValueKind.String, c.GetProperty("cc_emails").ValueKind);
                Assert.Equal(JsonValueKind.String, c.GetProperty("bcc_emails").ValueKind);
                var created = ParseDate(c.GetProperty("created_at").GetString());
                var updated = ParseDate(c.GetProperty("updated_at").GetString());
                Assert.True(updated >= created);
                Assert.Equal(TimeSpan.FromHours(3), created.Offset);
                bool closed = c.GetProperty("status").GetString() == "closed";
                var speed = c.GetProperty("closing_speed");
                if (closed)
                {
                    Assert.NotEqual("-", c.GetProperty("closed_at").GetString());
                    Assert.True(c.TryGetProperty("last_response_at", out _));
                    Assert.True(speed.ValueKind == JsonValueKind.Number || int.TryParse(speed.GetString(), out _));
                }
                else
                {
                    Assert.Equal("-", c.GetProperty("closed_at").GetString());
                    Assert.Equal("-", speed.GetString());
                }
                var labels = c.GetProperty("labels").EnumerateArray().Select(l => l.GetInt64()).ToList();
                Assert.All(c.GetProperty("locked_labels").EnumerateArray(), l => Assert.Contains(l.GetInt64(), labels));
            }
        }

        [Fact]
        public async Task CaseJson_HasTheDocumentedFieldsAndTypes_CcAndQuirkVariety()
        {
            // cc_emails is non-empty on some cases; closing_speed is a numeric string on some closed cases
            var cases = await _f.GetAllAsync(ShowAll);
            Assert.Contains(cases, c => c.GetProperty("cc_emails").GetString().Contains(','));
            Assert.Contains(cases, c => c.GetProperty("closing_speed").ValueKind == JsonValueKind.String && c.GetProperty("closing_speed").GetString() != "-");
            Assert.Contains(cases, c => c.GetProperty("closing_speed").ValueKind == JsonValueKind.Number);
            Assert.Contains(cases, c => c.TryGetProperty("rating", out _) && c.TryGetProperty("rated_staff_id", out _));
            Assert.Contains(cases, c => c.GetProperty("locked_labels").GetArrayLength() > 0);
            Assert.Contains(cases, c => c.GetProperty("staff_id").GetInt64() == 0);
            Assert.Equal(new[] { "closed", "open", "waiting" }, cases.Select(c => c.GetProperty("status").GetString()).Distinct().Order());
            Assert.Equal(new[] { "critical", "high", "low", "normal" }, cases.Select(c => c.GetProperty("priority").GetString()).Distinct().Order());
        }

        [Fact]
        public async Task HiddenCases_TrashSpamMergedActiveChats()
        {
            var seeded = Seeded();
            var plain = (await _f.GetAllAsync("")).Select(Id).ToHashSet();
            var withMerged = (await _f.GetAllAsync("show_merged_cases=true")).Select(Id).ToHashSet();
            var withChats = (await _f.GetAllAsync("show_active_chats=1")).Select(Id).ToHashSet();
            var merged = seeded.Where(c => c.IsMerged && !c.Deleted && !c.Spam).Select(c => c.CaseId).ToList();
            var chats = seeded.Where(c => c.IsActiveChat && !c.Deleted && !c.Spam).Select(c => c.CaseId).ToList();
            var trash = seeded.Where(c => c.Deleted || c.Spam).Select(c => c.CaseId).ToList();
            Assert.NotEmpty(merged);
            Assert.NotEmpty(chats);
            Assert.True(seeded.Count(c => c.Deleted) >= 3 && seeded.Count(c => c.Spam) >= 3);
            Assert.All(merged, id => { Assert.DoesNotContain(id, plain); Assert.Contains(id, withMerged); });
            Assert.All(chats, id => { Assert.DoesNotContain(id, plain); Assert.Contains(id, withChats); });
            Assert.All(trash, id => { Assert.DoesNotContain(id, withMerged); Assert.DoesNotContain(id, withChats); });
            Assert.Equal(plain.Count + merged.Count, withMerged.Count);
            Assert.Equal(plain.Count + chats.Count, withChats.Count);
        }

        [Fact] public Task Status_Single() => AssertFilter("status=waiting", c => c.Status == "waiting");
        [Fact] public Task Status_Array() => AssertFilter("status[]=open&status[]=waiting", c => c.Status is "open" or "waiting");
        [Fact] public Task Status_EncodedBrackets() => AssertFilter("status%5B%5D=open&status%5B%5D=closed", c => c.Status is "open" or "closed");
        [Fact] public Task Priority_Array() => AssertFilter("priority[]=high&priority[]=critical", c => c.Priority is "high" or "critical");
        [Fact] public Task Channel() => AssertFilter("channel[]=telegram&channel[]=cch101", c => c.Channel is "telegram" or "cch101");
        [Fact] public Task UserId_Array() => AssertFilter("user_id[]=123&user_id[]=140", c => c.UserId is 123 or 140);
        [Fact] public Task StaffId_ZeroIsUnassigned() => AssertFilter("staff_id=0", c => c.StaffId == 0);
        [Fact] public Task StaffId_Array() => AssertFilter("staff_id[]=22&staff_id[]=15", c => c.StaffId is 22 or 15);
        [Fact] public Task GroupId() => AssertFilter("group_id=45", c => c.GroupId == 45);
        [Fact] public Task Labels_AnyOf() => AssertFilter("labels[]=101&labels[]=106", c => c.Labels.Contains(101) || c.Labels.Contains(106));

        [Fact]
        public Task UserEmail_SubstringCaseInsensitive()
        {
            var users = _f.Emulator.State.Store.UsersById;
            return AssertFilter("user_email=MARIA.", c => users[c.UserId].Email.Contains("maria.", StringComparison.OrdinalIgnoreCase));
        }

        [Fact]
        public Task UserPhone()
        {
            var users = _f.Emulator.State.Store.UsersById;
            string phone = users.Values.First().Phone;
            return AssertFilter("user_phone=" + Uri.EscapeDataString(phone), c => users[c.UserId].Phone.Contains(phone));
        }

        [Fact]
        public Task UserCustomId()
        {
            var users = _f.Emulator.State.Store.UsersById;
            return AssertFilter("user_custom_id[]=ext-1000&user_custom_id[]=ext-1003", c => users[c.UserId].CustomId is "ext-1000" or "ext-1003");
        }

        [Fact] public Task CustomField_Text_Substring() => AssertFilter("custom_fields[cf_25]=invoice", c => c.CustomFields.TryGetValue("cf_25", out var v) && ((string)v).Contains("Invoice"));
        [Fact] public Task CustomField_Select_ByTitle() => AssertFilter("custom_fields[cf_30]=Billing", c => c.CustomFields.GetValueOrDefault("cf_30") as string == "Billing");
        [Fact] public Task CustomField_Select_ByKeys_Array() => AssertFilter("custom_fields[cf_30][]=1&custom_fields[cf_30][]=2", c => c.CustomFields.GetValueOrDefault("cf_30") as string is "Billing" or "Technical");
        [Fact] public Task CustomField_Checkbox_True() => AssertFilter("custom_fields[cf_44]=1", c => c.CustomFields.GetValueOrDefault("cf_44") is true);
        [Fact] public Task CustomField_Checkbox_False() => AssertFilter("custom_fields[cf_44]=false", c => c.CustomFields.GetValueOrDefault("cf_44") is not true);
        [Fact] public Task CustomFields_Combined_AreAnded() => AssertFilter("custom_fields%5Bcf_30%5D=Technical&custom_fields[cf_44]=true", c => c.CustomFields.GetValueOrDefault("cf_30") as string == "Technical" && c.CustomFields.GetValueOrDefault("cf_44") is true);

        [Fact] public Task Subject_Substring() => AssertFilter("subject=invoice", c => c.Subject.Contains("invoice", StringComparison.OrdinalIgnoreCase));
        [Fact] public Task Subject_Exact() => AssertFilter("subject=" + Uri.EscapeDataString("^Help!!!^"), c => c.Subject == "Help!!!");
        [Fact] public Task Subject_StartsWith() => AssertFilter("subject=^Feature", c => c.Subject.StartsWith("Feature"));
        [Fact] public Task Subject_EndsWith() => AssertFilter("subject=" + Uri.EscapeDataString("request^"), c => c.Subject.EndsWith("request"));

        [Fact]
        public async Task Subject_ExactAnchor_DoesNotMatchLongerSubjects()
        {
            var exact = await _f.GetAllAsync("subject=" + Uri.EscapeDataString("^Refund request for order^"));
            Assert.Empty(exact); // every refund subject has an order number after it
            Assert.NotEmpty(await _f.GetAllAsync("subject=" + Uri.EscapeDataString("^Refund request for order")));
        }

        [Fact]
        public Task CreatedRange_UnixSeconds()
        {
            var from = Seeder.Anchor.AddDays(-90);
            var to = Seeder.Anchor.AddDays(-30);
            return AssertFilter($"from_time={from.ToUnixTimeSeconds()}&to_time={to.ToUnixTimeSeconds()}", c => c.CreatedAt >= from && c.CreatedAt <= to);
        }

        [Fact]
        public Task CreatedRange_DateStrings()
        {
            // a date without an offset is in the account's zone (+03:00)
            var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(3));
            var to = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(3));
            return AssertFilter("from_time=2026-01-01&to_time=" + Uri.EscapeDataString("Sun, 01 Mar 2026 00:00:00 +0300"), c => c.CreatedAt >= from && c.CreatedAt <= to);
        }

        [Fact]
        public Task UpdatedRange()
        {
            var from = Seeder.Anchor.AddDays(-10);
            return AssertFilter($"from_updated_time={from.ToUnixTimeSeconds()}", c => c.UpdatedAt >= from);
        }

        [Fact] public Task Filter_Unassigned() => AssertFilter("filter=unassigned", c => c.StaffId == 0 && c.Status != "closed");
        [Fact] public Task Filter_My_IsTheAuthenticatedStaff() => AssertFilter("filter=my", c => c.StaffId == 15 && c.Status != "closed");
        [Fact] public Task Filter_Custom234() => AssertFilter("filter=234", c => c.Status == "open" && c.Priority is "high" or "critical");
        [Fact] public Task Filter_Custom235() => AssertFilter("filter=235", c => c.Channel == "telegram" && c.Status == "waiting");
        [Fact] public Task Filter_CombinesWithParameters() => AssertFilter("filter=open&group_id=44", c => c.Status == "open" && c.GroupId == 44);

        [Fact]
        public async Task Filter_My_DependsOnTheLogin()
        {
            using var req = new HttpRequestMessage(HttpMethod.Get, "api/cases.json?filter=my&limit=100");
            req.Headers.Authorization = Basic("anna.petrova@omnidesk.test", "anna-api-key");
            using var r = await _f.Client.SendAsync(req);
            var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
            var items = Items(body);
            Assert.NotEmpty(items);
            Assert.All(items, c => Assert.Equal(22, c.GetProperty("staff_id").GetInt64()));
        }

        [Theory]
        [InlineData("filter=nope", "filter_not_found")]
        [InlineData("filter=999", "filter_not_found")]
        [InlineData("subject=abc", "subject_too_short")]
        [InlineData("subject=%5Eab%5E", "subject_too_short")]
        [InlineData("user_email=abc", "user_email_too_short")]
        [InlineData("user_email[]=long.enough&user_email[]=x", "user_email_too_short")]
        [InlineData("sort=newest", "wrong_sort")]
        [InlineData("limit=0", "wrong_limit")]
        [InlineData("limit=101", "wrong_limit")]
        [InlineData("limit=abc", "wrong_limit")]
        [InlineData("page=0", "wrong_page")]
        [InlineData("page=501", "wrong_page")]
        [InlineData("page=-1", "wrong_page")]
        [InlineData("status=pending", "wrong_status")]
        [InlineData("staff_id=abc", "wrong_staff_id")]
        [InlineData("from_time=yesterday-ish", "wrong_from_time")]
        [InlineData("custom_fields[cf_44]=maybe", "wrong_custom_fields")]
        [InlineData("custom_fields[cf_99]=x", "custom_field_not_found")]
        public async Task BadParameters_Answer400WithErrorCode(string query, string error)
        {
            using var r = await _f.Client.GetAsync("api/cases.json?" + query);
            Assert.Equal(400, (int)r.StatusCode);
            Assert.Equal("application/json; charset=utf-8", r.Content.Headers.ContentType.ToString());
            Assert.Equal("{\"error\":\"" + error + "\"}", await r.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task MoreThan20ValuesInOneArray_IsRejected_20AreFine()
        {
            string Ids(int n) => string.Join("&", Enumerable.Range(1, n).Select(i => "user_id[]=" + (100 + i)));
            var (s21, b21) = await _f.GetAsync("api/cases.json?" + Ids(21));
            Assert.Equal(400, s21);
            Assert.Equal("too_many_values", b21.GetProperty("error").GetString());
            var (s20, _) = await _f.GetAsync("api/cases.json?" + Ids(20));
            Assert.Equal(200, s20);
        }

        [Theory]
        [InlineData("updated_at_desc")]
        [InlineData("updated_at_asc")]
        [InlineData("created_at_desc")]
        [InlineData("created_at_asc")]
        [InlineData("response_desc")]
        [InlineData("response_asc")]
        [InlineData("priority_desc")]
        [InlineData("priority_asc")]
        [InlineData("status_asc")]
        [InlineData("status_desc")]
        public async Task Sort_OrdersByTheKey_TiesByCaseId(string sort)
        {
            var cases = await _f.GetAllAsync("sort=" + sort);
            string[] priorities = { "low", "normal", "high", "critical" }, statuses = { "open", "waiting", "closed" };
            IComparable Key(JsonElement c) => sort.Split('_')[0] switch
            {
                "updated" => ParseDate(c.GetProperty("updated_at").GetString()),
                "created" => ParseDate(c.GetProperty("created_at").GetString()),
                "response" => c.TryGetProperty("last_response_at", out var lr) ? ParseDate(lr.GetString()) : DateTimeOffset.MinValue,
                "priority" => Array.IndexOf(priorities, c.GetProperty("priority").GetString()),
                _ => Array.IndexOf(statuses, c.GetProperty("status").GetString()),
            };
            int sign = sort.EndsWith("_desc") ? -1 : 1;
            var expected = cases.OrderBy(c => c, Comparer<JsonElement>.Create((a, b) =>
            {
                int r = Key(a).CompareTo(Key(b));
                return sign * (r != 0 ? r : Id(a).CompareTo(Id(b)));
            })).Select(Id).ToList();
            Assert.Equal(expected, cases.Select(Id).ToList());
            Assert.NotEqual(cases.Select(Id).Order(), cases.Select(Id)); // not just by id
        }

        [Fact]
        public async Task DefaultSort_IsUpdatedAtDesc()
        {
            var (_, plain) = await _f.GetAsync("api/cases.json?limit=50");
            var (_, sorted) = await _f.GetAsync("api/cases.json?limit=50&sort=updated_at_desc");
            Assert.Equal(Items(sorted).Select(Id), Items(plain).Select(Id));
        }

        [Fact]
        public async Task Paging_PagesTileTheResult_WithoutOverlap()
        {
            var all = (await _f.GetAllAsync("status=closed")).Select(Id).ToList();
            var paged = new List<long>();
            for (int page = 1; page <= (all.Count + 6) / 7; page++)
            {
                var (_, body) = await _f.GetAsync($"api/cases.json?status=closed&limit=7&page={page}");
                var items = Items(body);
                Assert.True(items.Count <= 7);
                Assert.Equal(all.Count, body.GetProperty("total_count").GetInt32());
                paged.AddRange(items.Select(Id));
            }
            Assert.Equal(all, paged);
        }

        [Fact]
        public async Task Paging_LimitBounds()
        {
            var (_, one) = await _f.GetAsync("api/cases.json?limit=1");
            Assert.Single(Items(one));
            var (_, hundred) = await _f.GetAsync("api/cases.json?limit=100&page=2");
            Assert.Equal(100, Items(hundred).Count);
        }

        [Fact]
        public async Task PagePastTheEnd_IsTotalCountOnly()
        {
            var (status, body) = await _f.GetAsync("api/cases.json?page=500");
            Assert.Equal(200, status);
            Assert.Equal(new[] { "total_count" }, body.EnumerateObject().Select(p => p.Name));
            Assert.True(body.GetProperty("total_count").GetInt32() > 200);
        }
    }
}

using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;
using static Omnidesk.Emulator.Tests.WriteFixture;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>Update (single and bulk), trash/spam/restore, permanent delete, bulk_fail_ids, ratings, faults. Every test resets first.</summary>
    public class CaseWriteTests : IClassFixture<WriteFixture>
    {
        readonly WriteFixture _f;

        public CaseWriteTests(WriteFixture f) => _f = f;

        EmuCase OpenCaseWithLockedLabel() =>
            _f.Listable().First(c => c.Status == "open" && c.LockedLabels.Count > 0 && c.Labels.Count < 6);

        [Fact]
        public async Task Update_Single_ChangesEveryField_AndKeepsLockedLabels()
        {
            await _f.ResetAsync();
            var before = OpenCaseWithLockedLabel();
            long locked = before.LockedLabels[0];
            long added = Seeder.Labels.Select(l => l.LabelId).First(l => !before.Labels.Contains(l));
            long staff = before.StaffId == 41 ? 57 : 41;
            long group = before.GroupId == 46 ? 45 : 46;
            string json = "{\"case\":{\"subject\":\"Changed subject\",\"status\":\"closed\",\"priority\":\"critical\",\"staff_id\":" + staff +
                          ",\"group_id\":" + group + ",\"language_id\":2,\"custom_fields\":{\"cf_25\":\"New text\",\"cf_30\":\"1\",\"cf_44\":\"0\"}," +
                          "\"add_labels\":[" + added + "],\"delete_labels\":[" + locked + "]}}";
            var (status, body) = await _f.SendAsync("PUT", $"api/cases/{before.CaseId}.json", json);
            Assert.Equal(200, status);
            var c = body.GetProperty("case");
            Assert.Equal(before.CaseId, c.GetProperty("case_id").GetInt64());
            Assert.Equal("Changed subject", c.GetProperty("subject").GetString());
            Assert.Equal("closed", c.GetProperty("status").GetString());
            Assert.Equal("critical", c.GetProperty("priority").GetString());
            Assert.Equal(staff, c.GetProperty("staff_id").GetInt64());
            Assert.Equal(group, c.GetProperty("group_id").GetInt64());
            Assert.Equal(2, c.GetProperty("language_id").GetInt64());
            Assert.Equal("{\"cf_25\":\"New text\",\"cf_30\":\"Billing\",\"cf_44\":false}", c.GetProperty("custom_fields").GetRawText());
            var labels = c.GetProperty("labels").EnumerateArray().Select(e => e.GetInt64()).ToList();
            Assert.Contains(locked, labels); // locked labels cannot be removed
            Assert.Contains(added, labels);
            Assert.Equal(WriteFixture.Now, c.GetProperty("updated_at").GetString());
            Assert.Equal(WriteFixture.Now, c.GetProperty("closed_at").GetString());
            Assert.Equal(before.CreatedAt, EmulatorFixture.ParseDate(c.GetProperty("created_at").GetString()));
            var (_, view) = await _f.GetAsync($"api/cases/{before.CaseId}.json");
            Assert.Equal(c.GetRawText(), view.GetProperty("case").GetRawText());

            // remove_labels is accepted too; an unlocked label goes
            long unlocked = labels.First(l => l != locked);
            var (s2, b2) = await _f.SendAsync("PUT", $"api/cases/{before.CaseId}.json", "{\"case\":{\"remove_labels\":[" + unlocked + "]}}");
            Assert.Equal(200, s2);
            Assert.DoesNotContain(unlocked, b2.GetProperty("case").GetProperty("labels").EnumerateArray().Select(e => e.GetInt64()));
        }

        [Theory]
        [InlineData("{\"case\":{\"status\":\"done\"}}", "wrong_status")]
        [InlineData("{\"case\":{\"priority\":\"urgent\"}}", "wrong_priority")]
        [InlineData("{\"case\":{\"staff_id\":9999}}", "staff_not_found")]
        [InlineData("{\"case\":{\"group_id\":1}}", "group_not_found")]
        [InlineData("{\"case\":{\"status\":\"closed\",\"custom_fields\":{\"cf_7\":\"x\"}}}", "custom_field_not_found")]
        [InlineData("{\"case\":{\"status\":\"closed\",\"add_labels\":[777]}}", "label_not_found")]
        public async Task Update_BadValues_400_NothingChanged(string json, string code)
        {
            await _f.ResetAsync();
            var before = _f.Store.FindCase("2001");
            var (status, body) = await _f.SendAsync("PUT", "api/cases/2001.json", json);
            Assert.Equal(400, status);
            Assert.Equal(code, Error(body));
            var after = _f.Store.FindCase("2001");
            Assert.Equal((before.Status, before.UpdatedAt, before.Changelog.Count), (after.Status, after.UpdatedAt, after.Changelog.Count));
            // also in bulk: validated before anything is applied
            var (bs, bb) = await _f.SendAsync("PUT", "api/cases/2001,2002.json", json);
            Assert.Equal((400, code), (bs, Error(bb)));
        }

        [Fact]
        public async Task Update_MissingCase_404_ByNumberWorks()
        {
            await _f.ResetAsync();
            var (status, body) = await _f.SendAsync("PUT", "api/cases/999999.json", "{\"case\":{\"priority\":\"low\"}}");
            Assert.Equal((404, "case_not_found"), (status, Error(body)));
            var c = _f.Store.FindCase("2003");
            var (s2, b2) = await _f.SendAsync("PUT", $"api/cases/{c.CaseNumber}.json", "{\"case\":{\"priority\":\"low\"}}");
            Assert.Equal(200, s2);
            Assert.Equal("low", b2.GetProperty("case").GetProperty("priority").GetString());
        }

        [Fact]
        public async Task BulkUpdate_SuccessIdsSkipMissing_MoreThan10Is400()
        {
            await _f.ResetAsync();
            var (status, body) = await _f.SendAsync("PUT", "api/cases/2004,999999,2005,2004.json", "{\"case\":{\"priority\":\"high\"}}");
            Assert.Equal(200, status);
            Assert.Equal(new[] { "case_success_id" }, body.EnumerateObject().Select(p => p.Name));
            Assert.Equal(new long[] { 2004, 2005 }, SuccessIds(body));
            Assert.Equal("high", _f.Store.FindCase("2004").Priority);
            Assert.Equal("high", _f.Store.FindCase("2005").Priority);

            string eleven = string.Join(",", Enumerable.Range(2010, 11));
            var (s2, b2) = await _f.SendAsync("PUT", $"api/cases/{eleven}.json", "{\"case\":{\"priority\":\"low\"}}");
            Assert.Equal((400, "too_many_cases"), (s2, Error(b2)));
            Assert.All(Enumerable.Range(2010, 11), i => Assert.True(_f.Store.FindCase(i.ToString()).UpdatedAt <= Seeder.Anchor)); // none touched
            string ten = string.Join(",", Enumerable.Range(2010, 10));
            var (s3, b3) = await _f.SendAsync("PUT", $"api/cases/{ten}/trash.json");
            Assert.Equal(200, s3);
            Assert.Equal(10, SuccessIds(b3).Count);
            var (s4, b4) = await _f.SendAsync("DELETE", $"api/cases/{eleven}.json");
            Assert.Equal((400, "too_many_cases"), (s4, Error(b4)));
            Assert.NotNull(_f.Store.FindCase("2020"));
        }

        [Fact]
        public async Task BulkFailIds_PartialResults_Single403_ResetClears()
        {
            await _f.ResetAsync();
            await _f.SetConfigAsync("{\"bulk_fail_ids\":[2031,2033]}");
            var (_, config) = await _f.GetAsync("_emulator/config");
            Assert.Equal("[2031,2033]", config.GetProperty("bulk_fail_ids").GetRawText());

            var (s1, b1) = await _f.SendAsync("PUT", "api/cases/2030,2031,2032,2033.json", "{\"case\":{\"priority\":\"critical\"}}");
            Assert.Equal(200, s1);
            Assert.Equal(new long[] { 2030, 2032 }, SuccessIds(b1));
            Assert.Equal("critical", _f.Store.FindCase("2030").Priority);
            Assert.NotEqual(WriteFixture.Now, JsonOutput.FormatDate(_f.Store.FindCase("2031").UpdatedAt)); // not applied

            var (s2, b2) = await _f.SendAsync("PUT", "api/cases/2031,2034/spam.json");
            Assert.Equal(new long[] { 2034 }, SuccessIds(b2));
            Assert.False(_f.Store.FindCase("2031").Spam);
            var (s3, b3) = await _f.SendAsync("DELETE", "api/cases/2033,2035.json");
            Assert.Equal(new long[] { 2035 }, SuccessIds(b3));
            Assert.NotNull(_f.Store.FindCase("2033"));
            Assert.Null(_f.Store.FindCase("2035"));

            foreach (var (method, url, json) in new[]
                     {
                         ("PUT", "api/cases/2031.json", "{\"case\":{\"priority\":\"low\"}}"), ("PUT", "api/cases/2031/trash.json", null),
                         ("PUT", "api/cases/2031/restore.json", null), ("DELETE", "api/cases/2031.json", null),
                     })
            {
                var (s, b) = await _f.SendAsync(method, url, json);
                Assert.Equal((403, "staff_has_not_access"), (s, Error(b)));
            }
            Assert.NotNull(_f.Store.FindCase("2031"));

            using (var r = await _f.Client.PutAsync("_emulator/config", new StringContent("{\"bulk_fail_ids\":[\"x\"]}")))
                Assert.Equal(400, (int)r.StatusCode);
            await _f.ResetAsync();
            (_, config) = await _f.GetAsync("_emulator/config");
            Assert.Equal("[]", config.GetProperty("bulk_fail_ids").GetRawText());
            var (s4, _) = await _f.SendAsync("PUT", "api/cases/2031.json", "{\"case\":{\"priority\":\"low\"}}");
            Assert.Equal(200, s4);
        }

        [Fact]
        public async Task Trash_HidesFromList_ViewableDeleted_Restore_ListedAgain()
        {
            await _f.ResetAsync();
            var c = _f.Listable().First();
            string inList = $"api/cases.json?user_id={c.UserId}&limit=100";
            async Task<bool> Listed() => EmulatorFixture.Items((await _f.GetAsync(inList)).Body).Any(x => x.GetProperty("case_id").GetInt64() == c.CaseId);
            Assert.True(await Listed());
            int total = await _f.TotalAsync();

            var (s1, b1) = await _f.SendAsync("PUT", $"api/cases/{c.CaseId}/trash.json");
            Assert.Equal(200, s1);
            Assert.True(b1.GetProperty("case").GetProperty("deleted").GetBoolean());
            Assert.False(b1.GetProperty("case").GetProperty("spam").GetBoolean());
            Assert.False(await Listed());
            Assert.Equal(total - 1, await _f.TotalAsync());
            var (vs, view) = await _f.GetAsync($"api/cases/{c.CaseId}.json");
            Assert.Equal(200, vs);
            Assert.True(view.GetProperty("case").GetProperty("deleted").GetBoolean());

            var (s2, b2) = await _f.SendAsync("PUT", $"api/cases/{c.CaseId}/spam.json");
            Assert.Equal(200, s2);
            Assert.True(b2.GetProperty("case").GetProperty("spam").GetBoolean());
            Assert.False(b2.GetProperty("case").GetProperty("deleted").GetBoolean());
            Assert.False(await Listed());

            var (s3, b3) = await _f.SendAsync("PUT", $"api/cases/{c.CaseId}/restore.json");
            Assert.Equal(200, s3);
            Assert.False(b3.GetProperty("case").GetProperty("deleted").GetBoolean());
            Assert.False(b3.GetProperty("case").GetProperty("spam").GetBoolean());
            Assert.Equal(WriteFixture.Now, b3.GetProperty("case").GetProperty("updated_at").GetString());
            Assert.True(await Listed());
            Assert.Equal(total, await _f.TotalAsync());

            var events = (await _f.ChangelogAsync(c.CaseId.ToString())).TakeLast(3).Select(e => e.GetProperty("event").GetString());
            Assert.Equal(new[] { "deleted", "spam", "restored" }, events);

            // a seeded trashed case comes back via a bulk restore
            var trashed = Enumerable.Range(2000, 300).Select(i => _f.Store.FindCase(i.ToString())).First(x => x.Deleted);
            var (s4, b4) = await _f.SendAsync("PUT", $"api/cases/{trashed.CaseId},999999/restore.json");
            Assert.Equal(new[] { trashed.CaseId }, SuccessIds(b4));
            Assert.False(_f.Store.FindCase(trashed.CaseId.ToString()).Deleted);
            var (s5, b5) = await _f.SendAsync("PUT", "api/cases/999999/trash.json");
            Assert.Equal((404, "case_not_found"), (s5, Error(b5)));
        }

        [Fact]
        public async Task PermanentDelete_Single_EmptyArray_ThenGone_Bulk()
        {
            await _f.ResetAsync();
            var c = _f.Listable()[3];
            int total = await _f.TotalAsync();
            using (var r = await _f.Client.DeleteAsync($"api/cases/{c.CaseId}.json"))
            {
                Assert.Equal(200, (int)r.StatusCode);
                Assert.Equal("[]", await r.Content.ReadAsStringAsync());
            }
            Assert.Equal((404, "case_not_found"), await StatusAndError($"api/cases/{c.CaseId}.json"));
            Assert.Equal((404, "case_not_found"), await StatusAndError($"api/cases/{c.CaseNumber}.json"));
            Assert.Equal((404, "case_not_found"), await StatusAndError($"api/cases/{c.CaseId}/changelog.json"));
            Assert.Equal(total - 1, await _f.TotalAsync());
            var all = await _f.GetAllAsync("show_merged_cases=1&show_active_chats=1");
            Assert.DoesNotContain(all, x => x.GetProperty("case_id").GetInt64() == c.CaseId);
            var (s2, b2) = await _f.SendAsync("DELETE", $"api/cases/{c.CaseId}.json");
            Assert.Equal((404, "case_not_found"), (s2, Error(b2)));

            var (s3, b3) = await _f.SendAsync("DELETE", $"api/cases/2040,{c.CaseId},2041.json");
            Assert.Equal(200, s3);
            Assert.Equal(new long[] { 2040, 2041 }, SuccessIds(b3));
            Assert.Null(_f.Store.FindCase("2040"));
        }

        async Task<(int, string)> StatusAndError(string url)
        {
            var (status, body) = await _f.GetAsync(url);
            return (status, Error(body));
        }

        [Fact]
        public async Task RateCase_SetsRating_Errors()
        {
            await _f.ResetAsync();
            var c = _f.Listable().First(x => x.Rating == null && x.StaffId != 0);
            var (status, body) = await _f.SendAsync("PUT", $"api/cases/{c.CaseId}/rate.json", "{\"rate\":{\"rating\":\"middle\",\"rating_comment\":\"ok-ish\"}}");
            Assert.Equal(200, status);
            var r = body.GetProperty("case");
            Assert.Equal("middle", r.GetProperty("rating").GetString());
            Assert.Equal("ok-ish", r.GetProperty("rating_comment").GetString());
            Assert.Equal(c.StaffId, r.GetProperty("rated_staff_id").GetInt64());

            var (s2, b2) = await _f.SendAsync("PUT", $"api/cases/{c.CaseId}/rate.json", "{\"rate\":{\"rating\":\"high\",\"rating_comment\":\"\",\"rated_staff_id\":22}}");
            Assert.Equal(22, b2.GetProperty("case").GetProperty("rated_staff_id").GetInt64());
            var (s3, b3) = await _f.SendAsync("PUT", $"api/cases/{c.CaseId}/rate.json", "{\"rate\":{\"rating\":\"low\",\"rating_staff_id\":41}}");
            Assert.Equal(41, b3.GetProperty("case").GetProperty("rated_staff_id").GetInt64());
            var log = await _f.ChangelogAsync(c.CaseId.ToString(), "?limit=3");
            Assert.Equal(new[] { ("", "middle"), ("middle", "high"), ("high", "low") },
                log.Select(e => (e.GetProperty("old_value").GetString(), e.GetProperty("value").GetString())));
            Assert.All(log, e => Assert.Equal("rating", e.GetProperty("event").GetString()));

            foreach (string bad in new[] { "{\"rate\":{\"rating\":\"positive\"}}", "{\"rate\":{}}", "{}" })
            {
                var (s, b) = await _f.SendAsync("PUT", $"api/cases/{c.CaseId}/rate.json", bad);
                Assert.Equal((400, "wrong_rating"), (s, Error(b)));
            }
            var (s4, b4) = await _f.SendAsync("PUT", $"api/cases/{c.CaseId}/rate.json", "{\"rate\":{\"rating\":\"low\",\"rated_staff_id\":12345}}");
            Assert.Equal((400, "staff_not_found"), (s4, Error(b4)));
            var (s5, b5) = await _f.SendAsync("PUT", "api/cases/999999/rate.json", "{\"rate\":{\"rating\":\"low\"}}");
            Assert.Equal((404, "case_not_found"), (s5, Error(b5)));
        }

        [Fact]
        public async Task RateMessage_MessageShape_Errors()
        {
            await _f.ResetAsync();
            var c = _f.Listable().First(x => x.Messages.Any(m => m.StaffId != 0 && !m.Note));
            var reply = c.Messages.First(m => m.StaffId != 0 && !m.Note);
            var (status, body) = await _f.SendAsync("PUT", $"api/cases/{c.CaseId}/rate/{reply.MessageId}.json", "{\"rate\":{\"rating\":\"high\",\"rating_comment\":\"cool\"}}");
            Assert.Equal(200, status);
            Assert.Equal(new[] { "message" }, body.EnumerateObject().Select(p => p.Name));
            var m = body.GetProperty("message");
            Assert.Equal(new[]
            {
                "message_id", "user_id", "staff_id", "content", "content_html", "attachments", "note", "sent_via_rule", "created_at", "sent_at",
                "rating", "rating_comment", "rated_staff_id",
            }, m.EnumerateObject().Select(p => p.Name));
            Assert.Equal(reply.MessageId, m.GetProperty("message_id").GetInt64());
            Assert.Equal(0, m.GetProperty("user_id").GetInt64());
            Assert.Equal(reply.StaffId, m.GetProperty("staff_id").GetInt64());
            Assert.Equal("high", m.GetProperty("rating").GetString());
            Assert.Equal("cool", m.GetProperty("rating_comment").GetString());
            Assert.Equal(reply.StaffId, m.GetProperty("rated_staff_id").GetInt64());
            Assert.Equal(JsonOutput.FormatDate(reply.CreatedAt), m.GetProperty("created_at").GetString());
            Assert.Equal("high", _f.Store.FindCase(c.CaseId.ToString()).Messages.First(x => x.MessageId == reply.MessageId).Rating);

            var other = _f.Listable().First(x => x.CaseId != c.CaseId).Messages[0].MessageId; // a message of another case
            var (s2, b2) = await _f.SendAsync("PUT", $"api/cases/{c.CaseId}/rate/{other}.json", "{\"rate\":{\"rating\":\"high\"}}");
            Assert.Equal((404, "message_not_found"), (s2, Error(b2)));
            var (s3, b3) = await _f.SendAsync("PUT", $"api/cases/{c.CaseId}/rate/{reply.MessageId}.json", "{\"rate\":{\"rating\":\"great\"}}");
            Assert.Equal((400, "wrong_rating"), (s3, Error(b3)));
        }

        [Fact]
        public async Task Writes_CostTwo_AreLogged_AndAFaultedWriteChangesNothing()
        {
            await _f.ResetAsync();
            var before = _f.Store.FindCase("2050");
            await _f.AddFaultsAsync("[{\"status\":503,\"method\":\"PUT\"},{\"status\":500,\"method\":\"POST\"},{\"status\":502,\"method\":\"DELETE\"}]");
            var (s1, _) = await _f.SendAsync("PUT", "api/cases/2050.json", "{\"case\":{\"status\":\"closed\",\"priority\":\"low\"}}");
            Assert.Equal(503, s1);
            int count = _f.Store.CaseCount;
            var (s2, _) = await _f.SendAsync("POST", "api/cases.json", "{\"case\":{\"user_email\":\"a@b.com\",\"subject\":\"s\",\"content\":\"c\"}}");
            Assert.Equal(500, s2);
            var (s3, _) = await _f.SendAsync("DELETE", "api/cases/2050.json");
            Assert.Equal(502, s3);
            var after = _f.Store.FindCase("2050");
            Assert.NotNull(after);
            Assert.Equal((before.Status, before.Priority, before.UpdatedAt, before.Changelog.Count), (after.Status, after.Priority, after.UpdatedAt, after.Changelog.Count));
            Assert.Equal(count, _f.Store.CaseCount);

            using (var r = await _f.Client.PutAsync("api/cases/2050.json", new StringContent("{\"case\":{\"priority\":\"low\"}}")))
            {
                Assert.Equal(200, (int)r.StatusCode);
                Assert.Equal("1492", r.Headers.GetValues("api_calls_left").Single()); // 4 writes × 2
            }
            var (_, log) = await _f.GetAsync("_emulator/requests");
            var entries = log.GetProperty("requests").EnumerateArray()
                .Select(e => (e.GetProperty("method").GetString(), e.GetProperty("path").GetString(), e.GetProperty("status").GetInt32())).ToList();
            Assert.Equal(new[]
            {
                ("PUT", "/api/cases/2050.json", 503), ("POST", "/api/cases.json", 500), ("DELETE", "/api/cases/2050.json", 502), ("PUT", "/api/cases/2050.json", 200),
            }, entries);
        }
    }
}

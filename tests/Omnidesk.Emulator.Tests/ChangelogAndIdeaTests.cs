using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static Omnidesk.Emulator.Tests.WriteFixture;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>GET /api/cases/{id}/changelog.json (seeded history, recorded changes, filters) and the idea endpoints.</summary>
    public class ChangelogAndIdeaTests : IClassFixture<WriteFixture>
    {
        readonly WriteFixture _f;

        public ChangelogAndIdeaTests(WriteFixture f) => _f = f;

        static string Ev(JsonElement e) => e.GetProperty("event").GetString();
        static string By(JsonElement e) => e.GetProperty("done_by").GetString();
        static string Old(JsonElement e) => e.TryGetProperty("old_value", out var v) ? v.GetString() : null;
        static string New(JsonElement e) => e.TryGetProperty("value", out var v) ? v.GetString() : null;

        [Fact]
        public async Task SeededHistory_IsPlausible_OldestFirst()
        {
            await _f.ResetAsync();
            var closed = _f.Listable().First(c => c.Status == "closed" && c.StaffId != 0 && c.Channel == "email");
            var (status, body) = await _f.GetAsync($"api/cases/{closed.CaseNumber}/changelog.json");
            Assert.Equal(200, status);
            Assert.Equal(new[] { "changelog" }, body.EnumerateObject().Select(p => p.Name));
            var log = body.GetProperty("changelog").EnumerateArray().ToList();
            Assert.Equal("created", Ev(log[0]));
            Assert.Equal(JsonOutput.FormatDate(closed.CreatedAt), log[0].GetProperty("created_at").GetString());
            var dates = log.Select(e => EmulatorFixture.ParseDate(e.GetProperty("created_at").GetString())).ToList();
            Assert.Equal(dates.OrderBy(d => d), dates);
            Assert.Contains(log, e => Ev(e) == "staff" && New(e) == closed.StaffId.ToString());
            var lastStatus = log.Last(e => Ev(e) == "status");
            Assert.Equal("closed", New(lastStatus));
            Assert.All(log, e => Assert.Matches(@"^(staff|rule|user)_\d+$", By(e)));
            // every case has a history; the rules events carry only old_value
            Assert.All(_f.Listable(), c => Assert.NotEmpty(c.Changelog));
            var rules = _f.Listable().SelectMany(c => c.Changelog).First(e => e.Event == "rules");
            Assert.Null(rules.Value);
            Assert.Matches(@"\(ID - \d+\)$", rules.OldValue);
        }

        [Fact]
        public async Task Update_RecordsEntries_AndFiltersWork()
        {
            await _f.ResetAsync();
            var c = _f.Listable().First(x => x.Status == "open" && x.Priority == "normal" && x.Changelog.Any(e => e.DoneBy == "rule_1332"));
            int seeded = c.Changelog.Count(e => e.Event is not ("chat_activation" or "chat_completion")); // hidden by default
            string topic = c.CustomFields.GetValueOrDefault("cf_30") as string == "Sales" ? "4" : "3"; // a real change
            var (s1, _) = await _f.SendAsync("PUT", $"api/cases/{c.CaseId}.json",
                "{\"case\":{\"status\":\"waiting\",\"priority\":\"high\",\"custom_fields\":{\"cf_30\":\"" + topic + "\"},\"add_labels\":[" +
                Seeder.Labels.Select(l => l.LabelId).First(l => !c.Labels.Contains(l)) + "]}}");
            Assert.Equal(200, s1);
            _f.Clock.Advance(TimeSpan.FromMinutes(5));
            var (s2, _) = await _f.SendAsync("PUT", $"api/cases/{c.CaseId}.json", "{\"case\":{\"status\":\"closed\"}}");
            Assert.Equal(200, s2);

            var all = await _f.ChangelogAsync(c.CaseId.ToString());
            Assert.Equal(seeded + 5, all.Count);
            var mine = all.Skip(seeded).ToList();
            Assert.Equal(new[] { "status", "priority", "custom_field_30", "labels", "status" }, mine.Select(Ev));
            Assert.All(mine, e => Assert.Equal("staff_15", By(e)));
            Assert.Equal(("open", "waiting"), (Old(mine[0]), New(mine[0])));
            Assert.Equal(("normal", "high"), (Old(mine[1]), New(mine[1])));
            Assert.Equal(topic, New(mine[2]));
            Assert.Equal(string.Join(",", c.Labels), Old(mine[3]));
            Assert.Equal(WriteFixture.Now, mine[0].GetProperty("created_at").GetString());
            Assert.Equal("Wed, 01 Jul 2026 12:05:00 +0300", mine[4].GetProperty("created_at").GetString());
            Assert.Equal(("waiting", "closed"), (Old(mine[4]), New(mine[4])));

            // status=any,closed: only the status events that end in closed
            var closedOnly = await _f.ChangelogAsync(c.CaseId.ToString(), "?status=any,closed");
            Assert.Equal(new[] { ("waiting", "closed") }, closedOnly.Select(e => (Old(e), New(e))));
            var anyStatus = await _f.ChangelogAsync(c.CaseId.ToString(), "?status=any,any");
            Assert.All(anyStatus, e => Assert.Equal("status", Ev(e)));
            Assert.Equal(all.Count(e => Ev(e) == "status"), anyStatus.Count);
            Assert.Single(await _f.ChangelogAsync(c.CaseId.ToString(), "?status=open,waiting"));
            Assert.Single(await _f.ChangelogAsync(c.CaseId.ToString(), "?priority=normal,any"));
            Assert.Single(await _f.ChangelogAsync(c.CaseId.ToString(), "?custom_fields[cf_30]=any," + topic));
            Assert.Empty(await _f.ChangelogAsync(c.CaseId.ToString(), "?custom_fields[cf_25]=any,any"));

            // rules[]: the events done by those rules; OR-ed with other filters
            var byRule = await _f.ChangelogAsync(c.CaseId.ToString(), "?rules[]=1332");
            Assert.NotEmpty(byRule);
            Assert.All(byRule, e => Assert.Equal("rule_1332", By(e)));
            Assert.Equal(c.Changelog.Count(e => e.DoneBy == "rule_1332"), byRule.Count);
            var both = await _f.ChangelogAsync(c.CaseId.ToString(), "?rules[]=1332&status=any,closed");
            Assert.Equal(byRule.Count + 1, both.Count);
            Assert.Empty(await _f.ChangelogAsync(c.CaseId.ToString(), "?rules[]=9"));

            // page/limit count from the newest end; each page oldest first
            var last2 = await _f.ChangelogAsync(c.CaseId.ToString(), "?limit=2");
            Assert.Equal(all.TakeLast(2).Select(e => e.GetRawText()), last2.Select(e => e.GetRawText()));
            var page2 = await _f.ChangelogAsync(c.CaseId.ToString(), "?limit=2&page=2");
            Assert.Equal(all.SkipLast(2).TakeLast(2).Select(e => e.GetRawText()), page2.Select(e => e.GetRawText()));
            Assert.Empty(await _f.ChangelogAsync(c.CaseId.ToString(), "?limit=100&page=2"));

            foreach (var (query, code) in new[] { ("?limit=0", "wrong_limit"), ("?limit=101", "wrong_limit"), ("?page=x", "wrong_page"), ("?status=closed", "wrong_status"), ("?rules[]=x", "wrong_rules"), ("?custom_fields[cf_1]=any,any", "custom_field_not_found") })
            {
                var (s, b) = await _f.GetAsync($"api/cases/{c.CaseId}/changelog.json{query}");
                Assert.Equal((400, code), (s, Error(b)));
            }
            var (s404, b404) = await _f.GetAsync("api/cases/999999/changelog.json");
            Assert.Equal((404, "case_not_found"), (s404, Error(b404)));
        }

        [Fact]
        public async Task LabelsAndSubject_Filters_ChatEventsHiddenByDefault()
        {
            await _f.ResetAsync();
            var chat = Enumerable.Range(2000, 300).Select(i => _f.Store.FindCase(i.ToString()))
                .First(c => c.Changelog.Any(e => e.Event == "chat_activation") && c.Changelog.Any(e => e.Event == "chat_completion"));
            var plain = await _f.ChangelogAsync(chat.CaseId.ToString());
            Assert.DoesNotContain(plain, e => Ev(e) is "chat_activation" or "chat_completion");
            var withActivation = await _f.ChangelogAsync(chat.CaseId.ToString(), "?show_chat_activation=true");
            Assert.Contains(withActivation, e => Ev(e) == "chat_activation");
            Assert.DoesNotContain(withActivation, e => Ev(e) == "chat_completion");
            var withBoth = await _f.ChangelogAsync(chat.CaseId.ToString(), "?show_chat_activation=true&show_chat_completion=1");
            Assert.Equal(plain.Count + 2, withBoth.Count);

            var c = _f.Listable().First(x => x.Labels.Count == 0 && x.Status != "closed");
            await _f.SendAsync("PUT", $"api/cases/{c.CaseId}.json", "{\"case\":{\"subject\":\"Brand new subject\",\"add_labels\":[101,103]}}");
            var labels = await _f.ChangelogAsync(c.CaseId.ToString(), "?labels=empty,103");
            Assert.Equal(new[] { ("", "101,103") }, labels.Select(e => (Old(e), New(e))));
            Assert.Empty(await _f.ChangelogAsync(c.CaseId.ToString(), "?labels=empty,105"));
            var subject = await _f.ChangelogAsync(c.CaseId.ToString(), "?subject=any,\"Brand new subject\"");
            Assert.Equal(new[] { (c.Subject, "Brand new subject") }, subject.Select(e => (Old(e), New(e))));
        }

        EmuCase IdeaCase() => Enumerable.Range(2000, 300).Select(i => _f.Store.FindCase(i.ToString()))
            .First(c => c.Channel == "idea" && !c.Deleted && !c.Spam);

        [Fact]
        public async Task SeededIdeas_CarryTheIdeaObject()
        {
            await _f.ResetAsync();
            var ideas = Enumerable.Range(2000, 300).Select(i => _f.Store.FindCase(i.ToString())).Where(c => c.Channel == "idea").ToList();
            Assert.NotEmpty(ideas);
            Assert.All(ideas, c => Assert.NotNull(c.Idea));
            Assert.Contains(ideas, c => c.Idea.OfficialResponse != null);
            var answered = ideas.First(c => c.Idea.OfficialResponse != null);
            var (_, body) = await _f.GetAsync($"api/cases/{answered.CaseId}.json");
            var idea = body.GetProperty("case").GetProperty("idea");
            Assert.Equal(new[] { "content", "stage", "category", "official_response", "official_response_tstamp" }, idea.EnumerateObject().Select(p => p.Name));
            Assert.Contains(idea.GetProperty("stage").GetString(), Seeder.IdeaStages);
            Assert.Equal(answered.Idea.OfficialResponseAt.Value.ToUnixTimeSeconds(), idea.GetProperty("official_response_tstamp").GetInt64());
            var (_, other) = await _f.GetAsync("api/cases/" + _f.Listable().First(c => c.Channel != "idea").CaseId + ".json");
            Assert.False(other.GetProperty("case").TryGetProperty("idea", out _));
        }

        [Fact]
        public async Task EditIdea_OfficialResponse_SetAndDelete_Errors()
        {
            await _f.ResetAsync();
            var c = IdeaCase();
            string stage = c.Idea.Stage == "planned" ? "in_progress" : "planned";
            var (status, body) = await _f.SendAsync("PUT", $"api/cases/{c.CaseId}/idea.json",
                "{\"message\":{\"content\":\"New content\",\"stage\":\"" + stage + "\",\"category_id\":320}}");
            Assert.Equal(200, status);
            var idea = body.GetProperty("case").GetProperty("idea");
            Assert.Equal("New content", idea.GetProperty("content").GetString());
            Assert.Equal(stage, idea.GetProperty("stage").GetString());
            Assert.Equal(320, idea.GetProperty("category").GetInt64());
            var stageLog = Assert.Single(await _f.ChangelogAsync(c.CaseId.ToString(), "?limit=3"), e => Ev(e) == "idea_stage");
            Assert.Equal((c.Idea.Stage, stage), (Old(stageLog), New(stageLog)));

            var (s2, b2) = await _f.SendAsync("PUT", $"api/cases/{c.CaseId}/idea_official_response.json", "{\"message\":{\"content\":\"New official response\"}}");
            Assert.Equal(200, s2);
            var idea2 = b2.GetProperty("case").GetProperty("idea");
            Assert.Equal("New official response", idea2.GetProperty("official_response").GetString());
            Assert.Equal(_f.Clock.GetUtcNow().ToUnixTimeSeconds(), idea2.GetProperty("official_response_tstamp").GetInt64());

            using (var r = await _f.Client.DeleteAsync($"api/cases/{c.CaseId}/idea_official_response.json"))
            {
                Assert.Equal(200, (int)r.StatusCode);
                Assert.Equal("[]", await r.Content.ReadAsStringAsync());
            }
            var (_, view) = await _f.GetAsync($"api/cases/{c.CaseId}.json");
            Assert.False(view.GetProperty("case").GetProperty("idea").TryGetProperty("official_response", out _));

            var notIdea = _f.Listable().First(x => x.Channel != "idea");
            foreach (var (method, url, json, st, code) in new[]
                     {
                         ("PUT", $"api/cases/{c.CaseId}/idea.json", "{\"message\":{\"stage\":\"someday\"}}", 400, "wrong_stage"),
                         ("PUT", $"api/cases/{c.CaseId}/idea.json", "{\"message\":{\"category_id\":5}}", 400, "category_not_found"),
                         ("PUT", $"api/cases/{notIdea.CaseId}/idea.json", "{\"message\":{\"stage\":\"planned\"}}", 400, "case_is_not_idea"),
                         ("PUT", $"api/cases/{notIdea.CaseId}/idea_official_response.json", "{\"message\":{\"content\":\"x\"}}", 400, "case_is_not_idea"),
                         ("DELETE", $"api/cases/{notIdea.CaseId}/idea_official_response.json", null, 400, "case_is_not_idea"),
                         ("PUT", $"api/cases/{c.CaseId}/idea_official_response.json", "{\"message\":{}}", 400, "content_not_specified"),
                         ("PUT", "api/cases/999999/idea.json", "{\"message\":{\"stage\":\"planned\"}}", 404, "case_not_found"),
                     })
            {
                var (s, b) = await _f.SendAsync(method, url, json);
                Assert.Equal((st, code), (s, Error(b)));
            }
            Assert.Equal(stage, _f.Store.FindCase(c.CaseId.ToString()).Idea.Stage);
        }
    }
}

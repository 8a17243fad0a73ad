using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;
using static Omnidesk.Emulator.Tests.EmulatorFixture;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>churn_per_list_request: other clients changing cases before each list answer, recorded in /_emulator/churn.</summary>
    public class ChurnTests : IClassFixture<WriteFixture>
    {
        readonly WriteFixture _f;

        public ChurnTests(WriteFixture f) => _f = f;

        static readonly DateTimeOffset ClockNow = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
        static long NowUnix => ClockNow.ToUnixTimeSeconds();

        async Task<(List<long> Touched, List<long> Created, List<long> Trashed)> ChurnAsync()
        {
            var (status, body) = await _f.GetAsync("_emulator/churn");
            Assert.Equal(200, status);
            Assert.Equal(new[] { "touched", "created", "trashed" }, body.EnumerateObject().Select(p => p.Name));
            List<long> Ids(string name) => body.GetProperty(name).EnumerateArray().Select(e => e.GetInt64()).ToList();
            return (Ids("touched"), Ids("created"), Ids("trashed"));
        }

        static int Count((List<long> Touched, List<long> Created, List<long> Trashed) c) => c.Touched.Count + c.Created.Count + c.Trashed.Count;

        [Fact]
        public async Task Churn_AppliesNChangesBeforeEachListRequest_AndRecordsThem()
        {
            await _f.ResetAsync();
            Assert.Equal(0, Count(await ChurnAsync()));
            var (_, before) = await _f.GetAsync("api/cases.json?limit=1");
            int visibleBefore = before.GetProperty("total_count").GetInt32();

            await _f.SetConfigAsync("{\"churn_per_list_request\":4}");
            var (_, cfg) = await _f.GetAsync("_emulator/config");
            Assert.Equal(4, cfg.GetProperty("churn_per_list_request").GetInt32());
            Assert.Equal(0, Count(await ChurnAsync())); // a config change alone changes nothing

            // other requests do not churn; a refused list request does not either
            Assert.Equal(200, (await _f.GetAsync("api/filters.json")).Status);
            Assert.Equal(200, (await _f.GetAsync("api/cases/2000.json")).Status);
            Assert.Equal(400, (await _f.GetAsync("api/cases.json?limit=0")).Status);
            Assert.Equal(0, Count(await ChurnAsync()));

            var (s1, page1) = await _f.GetAsync("api/cases.json?limit=1");
            Assert.Equal(200, s1);
            Assert.Equal(4, Count(await ChurnAsync()));
            for (int i = 0; i < 4; i++) await _f.GetAsync("api/cases.json?limit=1&page=2");
            var churn = await ChurnAsync();
            Assert.Equal(20, Count(churn));
            // every kind is picked (20 draws of three equally likely kinds)
            Assert.NotEmpty(churn.Touched);
            Assert.NotEmpty(churn.Created);
            Assert.NotEmpty(churn.Trashed);

            // created: new cases, ids after the seeded ones, created now (many share the second), listed
            Assert.All(churn.Created, id => Assert.True(id >= Seeder.FirstCaseId + 300));
            Assert.Equal(churn.Created.Count, churn.Created.Distinct().Count());
            foreach (long id in churn.Created)
            {
                var (status, body) = await _f.GetAsync($"api/cases/{id}.json");
                Assert.Equal(200, status);
                Assert.Equal(WriteFixture.Now, body.GetProperty("case").GetProperty("created_at").GetString());
            }
            // trashed: in the trash, no longer listed
            foreach (long id in churn.Trashed.Distinct())
            {
                var (_, body) = await _f.GetAsync($"api/cases/{id}.json");
                Assert.True(body.GetProperty("case").GetProperty("deleted").GetBoolean());
            }
            // touched: updated now with a priority change in the changelog, so it moved to the top of updated_at_desc
            foreach (long id in churn.Touched.Distinct().Where(id => !churn.Trashed.Contains(id)))
            {
                var (_, body) = await _f.GetAsync($"api/cases/{id}.json");
                Assert.Equal(WriteFixture.Now, body.GetProperty("case").GetProperty("updated_at").GetString());
                var (_, log) = await _f.GetAsync($"api/cases/{id}/changelog.json");
                Assert.Contains(log.GetProperty("changelog").EnumerateArray(), e => e.GetProperty("event").GetString() == "priority");
            }

            await _f.SetConfigAsync("{\"churn_per_list_request\":0}");
            var all = (await _f.GetAllAsync("")).Select(Id).ToList();
            Assert.Equal(all.Count, all.Distinct().Count());
            Assert.DoesNotContain(all, id => churn.Trashed.Contains(id));
            Assert.All(churn.Created.Where(id => !churn.Trashed.Contains(id)), id => Assert.Contains(id, all));
            Assert.Equal(visibleBefore + churn.Created.Count - churn.Trashed.Distinct().Count(), all.Count);
            Assert.Equal(20, Count(await ChurnAsync())); // churn 0: no more changes
        }

        [Fact]
        public async Task Churn_IsReproducibleForASeed_AndResetAndDeleteClearIt()
        {
            async Task<string> Run(int seed)
            {
                await _f.ResetAsync();
                await _f.SetConfigAsync($"{{\"churn_per_list_request\":5,\"seed\":{seed}}}");
                for (int i = 0; i < 3; i++) await _f.GetAsync("api/cases.json?limit=5");
                var (_, body) = await _f.GetAsync("_emulator/churn");
                return body.GetRawText();
            }
            string a = await Run(7);
            Assert.Equal(a, await Run(7));
            Assert.NotEqual(a, await Run(8));

            // reset: record cleared, churn back to the startup value (0), data re-seeded
            await _f.ResetAsync();
            Assert.Equal(0, Count(await ChurnAsync()));
            var (_, cfg) = await _f.GetAsync("_emulator/config");
            Assert.Equal(0, cfg.GetProperty("churn_per_list_request").GetInt32());
            await _f.GetAsync("api/cases.json?limit=1");
            Assert.Equal(0, Count(await ChurnAsync()));
            Assert.Null(_f.Store.FindCase((Seeder.FirstCaseId + 300).ToString()));

            // DELETE clears only the record
            await _f.SetConfigAsync("{\"churn_per_list_request\":2}");
            await _f.GetAsync("api/cases.json?limit=1");
            Assert.Equal(2, Count(await ChurnAsync()));
            using (var del = await _f.Client.DeleteAsync("_emulator/churn"))
            {
                Assert.Equal(200, (int)del.StatusCode);
                Assert.Equal("{\"touched\":[],\"created\":[],\"trashed\":[]}", await del.Content.ReadAsStringAsync());
            }
            Assert.Equal(0, Count(await ChurnAsync()));
            await _f.GetAsync("api/cases.json?limit=1");
            Assert.Equal(2, Count(await ChurnAsync()));
            await _f.ResetAsync();
        }

        [Fact]
        public async Task ChurnConfig_Validation_AndSwitch()
        {
            await _f.ResetAsync();
            foreach (string bad in new[] { "-1", "10001", "1.5", "\"3\"" })
            {
                using var r = await _f.Client.PutAsync("_emulator/config", new StringContent("{\"churn_per_list_request\":" + bad + "}"));
                Assert.Equal(400, (int)r.StatusCode);
                Assert.Equal("{\"error\":\"wrong_churn_per_list_request\"}", await r.Content.ReadAsStringAsync());
            }
            Assert.Equal(5, EmulatorOptions.Parse(new[] { "--churn", "5" }).Config.ChurnPerListRequest);
            Assert.Equal(7, EmulatorOptions.Parse(new[] { "--churn=7" }).Config.ChurnPerListRequest);
            Assert.Equal(0, EmulatorOptions.Parse(Array.Empty<string>()).Config.ChurnPerListRequest);
            Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(new[] { "--churn", "x" }));
            Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(new[] { "--churn", "-2" }));
        }

        [Fact]
        public async Task CasesCreatedInOneSecond_TieByCaseId_AndTimeFiltersCompareWholeSeconds()
        {
            await _f.ResetAsync();
            var ids = new List<long>();
            for (int i = 0; i < 4; i++)
            {
                var (status, body) = await _f.SendAsync("POST", "api/cases.json",
                    "{\"case\":{\"user_email\":\"tie" + i + "@example.com\",\"subject\":\"Tie test " + i + "\",\"content\":\"x\"}}");
                Assert.Equal(201, status);
                ids.Add(body.GetProperty("case").GetProperty("case_id").GetInt64());
            }
            await _f.SetConfigAsync("{\"churn_per_list_request\":6}");
            await _f.GetAsync("api/cases.json?limit=1");
            await _f.SetConfigAsync("{\"churn_per_list_request\":0}");
            var churn = await ChurnAsync();
            // churn may trash a case it created a moment before: that one is not listed
            var created = ids.Concat(churn.Created).Where(id => !churn.Trashed.Contains(id)).ToList();
            Assert.True(created.Count > 4);

            string window = $"from_time={NowUnix}&to_time={NowUnix}";
            var asc = (await _f.GetAllAsync("sort=created_at_asc&" + window)).Select(Id).ToList();
            Assert.Equal(created.Order(), asc);
            var desc = (await _f.GetAllAsync("sort=created_at_desc&" + window)).Select(Id).ToList();
            Assert.Equal(created.OrderDescending(), desc);
            // small pages tile the tie without overlap or gaps
            var paged = new List<long>();
            for (int page = 1; page <= created.Count; page++)
                paged.AddRange(Items((await _f.GetAsync($"api/cases.json?sort=created_at_asc&limit=1&page={page}&{window}")).Body).Select(Id));
            Assert.Equal(asc, paged);

            // inclusive, whole seconds: a bound with a fraction of the same second still includes it
            string fromIso = Uri.EscapeDataString(ClockNow.AddMilliseconds(900).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            Assert.Equal(asc, (await _f.GetAllAsync($"sort=created_at_asc&from_time={fromIso}")).Select(Id).ToList());
            Assert.Equal(asc, (await _f.GetAllAsync($"sort=created_at_asc&from_time={NowUnix}&to_time={fromIso}")).Select(Id).ToList());
            Assert.Empty(await _f.GetAllAsync($"sort=created_at_asc&from_time={NowUnix + 1}"));
            Assert.DoesNotContain((await _f.GetAllAsync($"sort=created_at_asc&to_time={NowUnix - 1}&from_time={NowUnix - 86400 * 3}")).Select(Id), created.Contains);
            // the same ties in updated_at order
            var upd = (await _f.GetAllAsync($"sort=updated_at_asc&from_updated_time={NowUnix}")).Select(Id).ToList();
            Assert.Equal(upd.Order(), upd);
            Assert.Subset(upd.ToHashSet(), created.ToHashSet());
            await _f.ResetAsync();
        }
    }
}

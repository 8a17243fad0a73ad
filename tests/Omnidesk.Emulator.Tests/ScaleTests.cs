using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;
using static Omnidesk.Emulator.Tests.EmulatorFixture;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>A 20 000-case emulator on the manual clock (the sorted-order index is what is under test).</summary>
    public sealed class BigFixture : EmulatorFixture
    {
        public const int Cases = 20_000;
        protected override EmulatorOptions CreateOptions() => new() { Urls = "http://127.0.0.1:0", Cases = Cases, TimeProvider = Clock };
        public DataStore Store => Emulator.State.Store;
    }

    /// <summary>Listing a big seed: time windows with created_at_asc, and every sort after writes, against a naive sort.</summary>
    public class ScaleTests : IClassFixture<BigFixture>
    {
        readonly BigFixture _f;

        public ScaleTests(BigFixture f) => _f = f;

        /// <summary>Every case in the store (copies), seeded and created.</summary>
        List<EmuCase> AllCases()
        {
            var all = new List<EmuCase>();
            for (long id = Seeder.FirstCaseId; ; id++)
            {
                var c = _f.Store.FindCase(id.ToString());
                if (c != null) all.Add(c);
                else if (id >= Seeder.FirstCaseId + BigFixture.Cases + 1000) return all;
            }
        }

        static bool Listed(EmuCase c) => !c.Deleted && !c.Spam && !c.IsMerged && !c.IsActiveChat;

        static CaseQuery Parse(string qs, DataStore store)
        {
            Assert.Null(CaseQuery.TryParse(new QueryCollection(QueryHelpers.ParseQuery(qs)), store, out var q));
            return q;
        }

        [Fact]
        public async Task BigSeed_CreatedAtAsc_WithTimeWindows_ListsEveryCaseOnce_InOrder()
        {
            await _f.ResetAsync();
            var all = AllCases();
            Assert.Equal(BigFixture.Cases, all.Count);
            long anchor = Seeder.Anchor.ToUnixTimeSeconds();
            var windows = new (long? From, long? To)[]
            {
                (anchor - 200 * 86400L, anchor - 195 * 86400L),
                (anchor - 30 * 86400L - 3600, anchor - 29 * 86400L),
                (null, anchor - 362 * 86400L),
                (anchor - 2 * 86400L, null),
            };
            foreach (var (from, to) in windows)
            {
                // inclusive bounds, whole seconds; ties by case_id
                var expected = all.Where(Listed)
                    .Where(c => (from == null || c.CreatedAt.ToUnixTimeSeconds() >= from) && (to == null || c.CreatedAt.ToUnixTimeSeconds() <= to))
                    .OrderBy(c => c.CreatedAt).ThenBy(c => c.CaseId).Select(c => c.CaseId).ToList();
                Assert.True(expected.Count > 20, $"window {from}..{to} should hold cases");
                string q = "sort=created_at_asc" + (from != null ? "&from_time=" + from : "") + (to != null ? "&to_time=" + to : "");
                var actual = (await _f.GetAllAsync(q)).Select(Id).ToList();
                Assert.Equal(expected, actual);
            }
            // the whole list: total_count of every visible case
            var (_, first) = await _f.GetAsync("api/cases.json?limit=1&sort=created_at_asc");
            Assert.Equal(all.Count(Listed), first.GetProperty("total_count").GetInt32());
        }

        [Fact]
        public async Task BigSeed_EverySort_MatchesANaiveSort_AlsoAfterWritesAndChurn()
        {
            await _f.ResetAsync();
            string[] queries =
            {
                "page=7", "sort=updated_at_asc&page=3", "sort=created_at_desc&status=open&page=2&limit=50",
                "sort=response_desc&page=4", "sort=response_asc&priority=high&page=2", "sort=priority_asc&page=9",
                "sort=priority_desc&status[]=waiting&status[]=closed&page=5", "sort=status_asc&page=11", "sort=status_desc&group_id=45&page=2",
                "sort=created_at_asc&from_time=1767225600&to_time=1769904000&page=2&limit=30",
                "sort=updated_at_desc&from_updated_time=1780000000&show_merged_cases=1&show_active_chats=1",
                "sort=created_at_asc&subject=refund&page=2",
            };
            void Check(string stage)
            {
                var all = AllCases();
                foreach (string qs in queries)
                {
                    var q = Parse(qs, _f.Store);
                    var matches = all.Where(c => q.Matches(c, Seeder.DemoStaff, _f.Store)).ToList();
                    matches.Sort(q.Comparer);
                    var expected = matches.Skip((q.Page - 1) * q.Limit).Take(q.Limit).Select(c => c.CaseId).ToList();
                    var (total, page) = _f.Store.QueryCases(q, Seeder.DemoStaff);
                    Assert.True(matches.Count == total, $"{stage}: total of {qs}: {total} != {matches.Count}");
                    Assert.True(expected.SequenceEqual(page.Select(c => c.CaseId)), $"{stage}: page of {qs}");
                }
            }
            Check("seeded");

            // writes through the API: update, trash, restore, new messages; then delete and new cases (all "now", ties by id)
            var (status, _) = await SendAsync("PUT", "api/cases/2005,2006,2007.json", "{\"case\":{\"priority\":\"critical\",\"status\":\"waiting\"}}");
            Assert.Equal(200, status);
            Assert.Equal(200, (await SendAsync("PUT", "api/cases/2010,2011/trash.json", null)).Status);
            Assert.Equal(200, (await SendAsync("PUT", "api/cases/2017/restore.json", null)).Status);
            Assert.Equal(201, (await SendAsync("POST", "api/cases/2030/messages.json", "{\"message\":{\"content\":\"hi\",\"staff_id\":15}}")).Status);
            Check("after updates"); // the same number of cases: only the moved ones may change the orders
            Assert.Equal(200, (await SendAsync("DELETE", "api/cases/2020.json", null)).Status);
            for (int i = 0; i < 3; i++)
                Assert.Equal(201, (await SendAsync("POST", "api/cases.json", "{\"case\":{\"user_email\":\"big" + i + "@example.com\",\"subject\":\"Big test\",\"content\":\"x\"}}")).Status);
            Check("after writes");

            _f.Store.ApplyChurn(300);
            _f.Clock.Advance(TimeSpan.FromSeconds(5));
            _f.Store.ApplyChurn(40);
            Check("after churn");
            await _f.ResetAsync();
            Check("after reset");
        }

        async Task<(int Status, System.Text.Json.JsonElement Body)> SendAsync(string method, string url, string json)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (json != null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
            using var r = await _f.Client.SendAsync(request);
            return ((int)r.StatusCode, System.Text.Json.JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone());
        }
    }
}

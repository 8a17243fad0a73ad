using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Omnidesk.Emulator.Tests
{
    public class DeterminismTests
    {
        static async Task<string> Dump(RunningEmulator emu)
        {
            using var client = new HttpClient { BaseAddress = emu.BaseUri };
            client.DefaultRequestHeaders.Authorization = EmulatorFixture.Basic(EmulatorFixture.DemoEmail, EmulatorFixture.DemoKey);
            var parts = new List<string>();
            for (int page = 1; page <= 3; page++)
                parts.Add(await client.GetStringAsync($"api/cases.json?limit=100&page={page}&show_merged_cases=1&show_active_chats=1"));
            parts.Add(await client.GetStringAsync("api/cases/2017.json")); // a deleted one
            parts.Add(await client.GetStringAsync("api/filters.json"));
            return string.Join("\n", parts);
        }

        [Fact]
        public async Task TwoFreshInstances_AndAReset_GiveIdenticalJson()
        {
            var options = new EmulatorOptions { Urls = "http://127.0.0.1:0" };
            await using var a = await EmulatorHost.StartAsync(options);
            await using var b = await EmulatorHost.StartAsync(new EmulatorOptions { Urls = "http://127.0.0.1:0", Config = { Seed = 999 } });
            Assert.NotEqual(a.BaseUrl, b.BaseUrl);
            string dumpA = await Dump(a);
            Assert.Equal(dumpA, await Dump(b));
            a.State.Reset();
            Assert.Equal(dumpA, await Dump(a));
            Assert.Contains("\"case_id\":2017", dumpA);
        }

        [Fact]
        public async Task CasesSwitch_ChangesTheSeededCount()
        {
            await using var emu = await EmulatorHost.StartAsync(new EmulatorOptions { Urls = "http://127.0.0.1:0", Cases = 1000 });
            Assert.NotNull(emu.State.Store.FindCase("2999"));
            Assert.Null(emu.State.Store.FindCase("3000"));
            var numbers = Enumerable.Range(2000, 1000).Select(i => emu.State.Store.FindCase(i.ToString()).CaseNumber).ToList();
            Assert.Equal(numbers.Count, numbers.Distinct().Count());
        }

        [Fact]
        public void SeededData_Invariants()
        {
            var users = Seeder.BuildUsers();
            var cases = Seeder.BuildCases(300, users);
            Assert.All(cases, c =>
            {
                Assert.InRange(c.CreatedAt, Seeder.Anchor.AddDays(-366), Seeder.Anchor);
                Assert.InRange(c.UpdatedAt, c.CreatedAt, Seeder.Anchor);
                Assert.InRange(c.Messages.Count, 1, 6);
                Assert.All(c.Messages, m => Assert.True((m.UserId == 0) != (m.StaffId == 0)));
                Assert.All(c.LockedLabels, l => Assert.Contains(l, c.Labels));
                if (c.Status == "closed")
                {
                    Assert.NotNull(c.ClosedAt);
                    Assert.NotNull(c.LastResponseAt);
                    Assert.InRange(c.ClosedAt.Value, c.CreatedAt, c.UpdatedAt);
                }
                else Assert.Null(c.ClosedAt);
                if (c.IsActiveChat) Assert.True(c.Channel == "live_chat" && c.Status == "open");
                if (c.IsMerged) Assert.True(c.ParentCaseId < c.CaseId);
            });
            Assert.Contains(cases, c => c.Messages.Any(m => m.Note));
            Assert.Contains(cases, c => c.Messages.Any(m => m.Attachments.Count > 0));
            Assert.Contains(cases, c => c.LanguageId == 2);
            Assert.True(cases.Select(c => c.Channel).Distinct().Count() >= 8);
            Assert.True(cases.Select(c => c.UserId).Distinct().Count() >= 10);
            Assert.Equal(new long[] { 44, 45, 46 }, cases.Select(c => c.GroupId).Distinct().Order());
        }
    }

    public class UnitTests
    {
        [Fact]
        public void RateLimiter_Costs_Window_RetryAfter()
        {
            var clock = new ManualClock();
            var rl = new RateLimiter(clock);
            Assert.Equal(1, RateLimiter.CostOf("GET"));
            Assert.Equal(2, RateLimiter.CostOf("POST"));
            Assert.Equal(2, RateLimiter.CostOf("PATCH"));
            Assert.Equal(2, RateLimiter.CostOf("DELETE"));
            Assert.Equal(new RateDecision(true, 5, 3, 0), rl.TryConsume(2, 5));
            clock.Advance(TimeSpan.FromSeconds(59));
            Assert.Equal(new RateDecision(true, 5, 1, 0), rl.TryConsume(2, 5));
            Assert.Equal(new RateDecision(false, 5, 1, 1), rl.TryConsume(2, 5));
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(new RateDecision(true, 5, 3, 0), rl.TryConsume(2, 5)); // a new window from this request
            rl.Reset();
            Assert.Equal(new RateDecision(true, 5, 4, 0), rl.TryConsume(1, 5));
        }

        [Theory]
        [InlineData("1700000000", "2023-11-14T22:13:20+00:00")]
        [InlineData("Mon, 05 May 2014 00:15:17 +0300", "2014-05-05T00:15:17+03:00")]
        [InlineData("2026-01-31", "2026-01-31T00:00:00+03:00")]
        [InlineData("2026-01-31 10:30", "2026-01-31T10:30:00+03:00")]
        [InlineData("2026-01-31T10:30:00Z", "2026-01-31T10:30:00+00:00")]
        public void TimeParameter_Forms(string input, string expected)
        {
            Assert.True(CaseQuery.TryParseTime(input, out var t));
            Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), t);
            Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture).Offset, t.Offset);
        }

        [Fact]
        public void TimeParameter_Garbage_IsRejected() => Assert.False(CaseQuery.TryParseTime("last tuesday", out _));

        [Theory]
        [InlineData("Refund request for order #123", "refund", true)]
        [InlineData("Refund request for order #123", "^refund", true)]
        [InlineData("Refund request for order #123", "^order", false)]
        [InlineData("Refund request for order #123", "#123^", true)]
        [InlineData("Refund request for order #123", "order^", false)]
        [InlineData("Help!!!", "^help!!!^", true)]
        [InlineData("Help!!! now", "^help!!!^", false)]
        public void TextMatch_Anchors(string value, string pattern, bool expected) =>
            Assert.Equal(expected, CaseQuery.TextMatch(value, pattern));

        [Fact]
        public void Dates_AreRfc2822WithCompactOffset()
        {
            Assert.Equal("Mon, 05 May 2014 00:15:17 +0300", JsonOutput.FormatDate(new DateTimeOffset(2014, 5, 4, 21, 15, 17, TimeSpan.Zero)));
        }

        [Fact]
        public void Options_Parse()
        {
            var o = EmulatorOptions.Parse(new[]
            {
                "--urls", "http://127.0.0.1:0", "--rate-limit=60", "--latency-ms", "5", "--latency-jitter-ms", "2", "--fault-5xx", "0.1",
                "--fault-429", "0.2", "--fault-drop", "0.05", "--seed", "7", "--cases", "50", "--dialect", "deskie", "--parent-pid", "123",
                "--numbers-as-strings", "--empty-page-quirk",
            });
            Assert.Equal("http://127.0.0.1:0", o.Urls);
            Assert.Equal(60, o.Config.RateLimitPerMinute);
            Assert.Equal((5, 2), (o.Config.LatencyMs, o.Config.LatencyJitterMs));
            Assert.Equal((0.1, 0.2, 0.05), (o.Config.Fault5xxRate, o.Config.Fault429Rate, o.Config.FaultDropRate));
            Assert.Equal((7, 50, "deskie", 123), (o.Config.Seed, o.Cases, o.Config.Dialect, o.ParentPid.Value));
            Assert.True(o.Config.NumbersAsStrings && o.Config.EmptyPageQuirk);
            var d = EmulatorOptions.Parse(Array.Empty<string>());
            Assert.Equal(("http://127.0.0.1:5080", 1500, 300, "omnidesk"), (d.Urls, d.Config.RateLimitPerMinute, d.Cases, d.Config.Dialect));
            Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(new[] { "--fault-5xx", "2" }));
            Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(new[] { "--bogus", "1" }));
            Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(new[] { "--rate-limit" }));
        }
    }
}

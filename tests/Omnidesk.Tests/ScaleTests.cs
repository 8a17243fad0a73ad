using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Omnidesk.Tests.Infrastructure;
using Xunit;

namespace Omnidesk.Tests
{
    /// <summary>Complete listings, faults, churn and Ctrl+C at a size CI can afford (the big runs are in bench/).</summary>
    public sealed class ScaleTests : IClassFixture<ScaleEmulatorFixture>
    {
        private readonly ScaleEmulatorFixture _emulator;

        public ScaleTests(ScaleEmulatorFixture emulator)
        {
            _emulator = emulator;
            _emulator.Reset();
        }

        private const string Connect = "Connect-Omnidesk -BaseUri $Uri -Credential $Cred -RetryBaseDelaySec 0.01 -MaxRetryCount 10\n";

        private PsResult Run(string script, Dictionary<string, object> variables = null)
        {
            var all = Ps.DemoVariables(_emulator);
            foreach (var v in variables ?? new()) all[v.Key] = v.Value;
            return Ps.Run(Connect + script, all);
        }

        private void InjectFaults() => _emulator.Configure(new
        {
            fault_5xx_rate = 0.10, fault_429_rate = 0.05, fault_drop_rate = 0.02, latency_ms = 3, latency_jitter_ms = 3, seed = 7,
        });

        private void NoFaults() => _emulator.Configure(new { fault_5xx_rate = 0.0, fault_429_rate = 0.0, fault_drop_rate = 0.0, latency_ms = 0, latency_jitter_ms = 0 });

        [Fact]
        public void An_export_of_5000_cases_through_5xx_429_dropped_connections_and_latency_returns_exactly_the_5000()
        {
            var expected = _emulator.ApiCaseIds("sort=created_at_asc");
            Assert.True(expected.Count >= 4500, $"{expected.Count} listed cases");
            InjectFaults();

            var result = Run("Get-OmnideskCase").AssertNoErrors();

            NoFaults();
            Assert.Equal(expected, result.Objects<OmnideskCase>().Select(c => c.CaseId));
            var statuses = _emulator.Requests().Where(r => r.IsCaseList).Select(r => r.Status).ToList();
            Assert.Contains(statuses, s => s >= 500);      // the faults did happen
            Assert.Contains(429, statuses);
        }

        [Fact]
        public void A_bulk_update_of_1000_cases_under_faults_applies_each_change_once_and_reports_every_case_it_could_not_change()
        {
            var ids = _emulator.ApiCaseIds("priority[]=low&priority[]=normal&priority[]=high&sort=created_at_asc").Take(1000).ToList();
            Assert.Equal(1000, ids.Count);
            InjectFaults();

            var result = Run("$Ids | ForEach-Object { [pscustomobject]@{ case_id = $_ } } | Set-OmnideskCase -Priority critical",
                new() { ["Ids"] = ids.ToArray() });

            NoFaults();
            var failed = result.Errors.Select(e => (long)e.TargetObject).ToList();
            Assert.Equal(failed.Count, failed.Distinct().Count());                       // one error per case
            Assert.All(result.Errors, e => Assert.Matches("^Omnidesk(NetworkFailure|Timeout|Api5\\d\\d)", e.FullyQualifiedErrorId));
            var critical = _emulator.ApiCaseIds("priority=critical").ToHashSet();
            Assert.All(ids.Except(failed), id => Assert.Contains(id, critical));         // applied
            Assert.All(failed, id => Assert.DoesNotContain(id, critical));               // not applied, and said so
            // Exactly once: a bulk request that may have reached the server (dropped, 500/502/504) is never sent again.
            var puts = _emulator.Requests().Where(r => r.Method == "PUT").GroupBy(r => r.Path);
            Assert.All(puts, batch => Assert.True(batch.Count(r => r.Status != 429 && r.Status != 503) <= 1,
                batch.Key + ": " + string.Join(",", batch.Select(r => r.Status))));
            Assert.Equal(100, puts.Count());
        }

        [Fact]
        public void While_other_clients_change_cases_every_case_that_matched_for_the_whole_run_comes_out_exactly_once()
        {
            var before = _emulator.ApiCaseIds("sort=created_at_asc").ToHashSet();
            _emulator.Configure(new { churn_per_list_request = 3 });

            var listed = Run("Get-OmnideskCase -PageSize 50").AssertNoErrors().Objects<OmnideskCase>().Select(c => c.CaseId).ToList();

            _emulator.Configure(new { churn_per_list_request = 0 });
            var (touched, created, trashed) = _emulator.Churn();
            Assert.NotEmpty(touched);
            Assert.NotEmpty(trashed);
            Assert.Equal(listed.Count, listed.Distinct().Count());                       // no duplicate
            var steady = before.Except(trashed).ToList();
            Assert.Empty(steady.Except(listed));                                         // no gap
            Assert.Empty(listed.Except(before).Except(created));                        // nothing that never matched
        }

        [Fact]
        public void Ctrl_C_ends_a_long_listing_and_a_long_bulk_update_within_a_second_with_no_request_after_it()
        {
            _emulator.Configure(new { latency_ms = 150 });
            AssertStopsPromptly("Get-OmnideskCase -PageSize 10", r => r.IsCaseList);
            var ids = _emulator.ApiCaseIds("sort=created_at_asc").Take(500).ToArray();
            AssertStopsPromptly("$Ids | ForEach-Object { [pscustomobject]@{ case_id = $_ } } | Set-OmnideskCase -Priority low",
                r => r.Method == "PUT", new() { ["Ids"] = ids });
            _emulator.Configure(new { latency_ms = 0 });
        }

        private void AssertStopsPromptly(string script, Func<EmulatorRequest, bool> counted, Dictionary<string, object> variables = null)
        {
            using var runspace = Ps.OpenRunspace();
            var all = Ps.DemoVariables(_emulator);
            foreach (var v in variables ?? new()) all[v.Key] = v.Value;
            Ps.Run(runspace, Connect, all).AssertNoErrors();
            _emulator.ClearRequests();

            Stopping.AssertStopsPromptly(_emulator, runspace, script, counted, TimeSpan.FromSeconds(20));
        }

        [Fact]
        public void A_whole_listing_walks_creation_time_slices_concurrently_in_order()
        {
            var expected = _emulator.ApiCaseIds("status=open&sort=created_at_asc");
            Assert.True(expected.Count > 1000, $"{expected.Count} open cases");
            _emulator.Configure(new { latency_ms = 150 });
            _emulator.ClearRequests();

            var cases = Run("Get-OmnideskCase -Status open -PageSize 50").AssertNoErrors().Objects<OmnideskCase>();

            _emulator.Configure(new { latency_ms = 0 });
            Assert.Equal(expected, cases.Select(c => c.CaseId));
            var requests = _emulator.Requests().Count(r => r.IsCaseList);
            // As the server sees it, whatever the machine's speed: slices overlap, up to -MaxConcurrency (4) at once.
            Assert.InRange(_emulator.MaxRequestsInFlight(), 2, 4);
            Assert.True(requests < expected.Count / 50 * 1.3 + 3, $"{requests} requests for {expected.Count} cases");
        }

        [Fact]
        public void Pages_read_ahead_concurrently_keep_their_order()
        {
            var expected = _emulator.ApiCaseIds("").Take(200).ToList();
            _emulator.Configure(new { latency_ms = 200 });
            _emulator.ClearRequests();

            var cases = Run("Get-OmnideskCase -Sort updated_at_desc -PageSize 10 -First 200").AssertNoErrors().Objects<OmnideskCase>();

            _emulator.Configure(new { latency_ms = 0 });
            Assert.Equal(expected, cases.Select(c => c.CaseId));
            // As the server sees it: pages are read ahead, up to -MaxConcurrency (4) at once, and written in order.
            Assert.InRange(_emulator.MaxRequestsInFlight(), 2, 4);
        }
    }
}

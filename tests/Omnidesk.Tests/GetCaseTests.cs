using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using Omnidesk.Tests.Infrastructure;
using Xunit;

namespace Omnidesk.Tests
{
    public sealed class GetCaseTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public GetCaseTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
            _emulator.Reset();
        }

        private PsResult Run(string script, TestHost host = null)
        {
            var result = Ps.Run(Ps.Connect + script, Ps.DemoVariables(_emulator), host);
            return result;
        }

        private List<EmulatorRequest> CaseListRequests() => _emulator.Requests().Where(r => r.IsCaseList).ToList();

        [Fact]
        public void Filters_return_exactly_what_the_server_matches_across_pages()
        {
            const string query = "status[]=open&priority[]=high&priority[]=critical";
            var inCreationOrder = _emulator.ApiCaseIds(query + "&sort=created_at_asc");
            var byUpdate = _emulator.ApiCaseIds(query);
            Assert.True(inCreationOrder.Count > 7);
            _emulator.ClearRequests();

            // A whole listing without -Sort: a walk by creation time.
            var cases = Run("Get-OmnideskCase -Status open -Priority high,critical -PageSize 7").AssertNoErrors().Objects<OmnideskCase>();
            Assert.Equal(inCreationOrder, cases.Select(c => c.CaseId));
            Assert.All(cases, c => Assert.Equal("open", c.Status));
            Assert.All(cases, c => Assert.Contains(c.Priority, new[] { "high", "critical" }));
            Assert.All(CaseListRequests(), r => Assert.Contains("page=1&", r.Query));
            Assert.True(CaseListRequests().Count <= inCreationOrder.Count / 6 + 2, "each request brings at least 6 new cases");

            // Another order: pages by number, every page of 7 requested once, and no more.
            _emulator.ClearRequests();
            var sorted = Run("Get-OmnideskCase -Status open -Priority high,critical -PageSize 7 -Sort updated_at_desc").AssertNoErrors().Objects<OmnideskCase>();
            Assert.Equal(byUpdate, sorted.Select(c => c.CaseId));
            Assert.Equal((byUpdate.Count + 6) / 7, CaseListRequests().Count);
        }

        [Fact]
        public void Without_filters_every_listed_case_comes_back_once()
        {
            var expected = _emulator.ApiCaseIds("sort=created_at_asc");
            var cases = Run("Get-OmnideskCase").AssertNoErrors().Objects<OmnideskCase>();
            Assert.Equal(expected, cases.Select(c => c.CaseId));
            Assert.Equal(cases.Count, cases.Select(c => c.CaseId).Distinct().Count());
            Assert.True(cases.Count > 200, "the demo data should span several pages");
        }

        [Fact]
        public void Each_documented_filter_reaches_the_server_and_narrows_the_result()
        {
            var all = Run("Get-OmnideskCase -Sort created_at_asc").AssertNoErrors().Objects<OmnideskCase>();
            var sample = all[all.Count / 2];
            var created = sample.CreatedAt.Value;

            var byUser = Run($"Get-OmnideskCase -UserId {sample.UserId}").AssertNoErrors().Objects<OmnideskCase>();
            Assert.NotEmpty(byUser);
            Assert.All(byUser, c => Assert.Equal(sample.UserId, c.UserId));

            var unassigned = Run("Get-OmnideskCase -StaffId 0").AssertNoErrors().Objects<OmnideskCase>();
            Assert.NotEmpty(unassigned);
            Assert.All(unassigned, c => Assert.Equal(0, c.StaffId));

            var byGroupAndChannel = Run($"Get-OmnideskCase -GroupId {sample.GroupId} -Channel {sample.Channel}").AssertNoErrors().Objects<OmnideskCase>();
            Assert.Contains(byGroupAndChannel, c => c.CaseId == sample.CaseId);
            Assert.All(byGroupAndChannel, c => Assert.True(c.GroupId == sample.GroupId && c.Channel == sample.Channel));

            var labelled = all.First(c => c.Labels.Length > 0);
            var byLabel = Run($"Get-OmnideskCase -Label {labelled.Labels[0]}").AssertNoErrors().Objects<OmnideskCase>();
            Assert.Contains(byLabel, c => c.CaseId == labelled.CaseId);
            Assert.All(byLabel, c => Assert.Contains(labelled.Labels[0], c.Labels));

            var since = Run($"Get-OmnideskCase -CreatedAfter ([DateTimeOffset]::FromUnixTimeSeconds({created.ToUnixTimeSeconds()}).UtcDateTime) -Sort created_at_asc")
                .AssertNoErrors().Objects<OmnideskCase>();
            Assert.Equal(all.Where(c => c.CreatedAt >= created).Select(c => c.CaseId), since.Select(c => c.CaseId));

            var sorted = Run("Get-OmnideskCase -Sort created_at_desc -First 30").AssertNoErrors().Objects<OmnideskCase>();
            Assert.Equal(sorted.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.CaseId).Select(c => c.CaseId),
                sorted.Select(c => c.CaseId));

            var withField = all.First(c => c.CustomFields.ContainsKey("cf_30"));
            var value = withField.CustomFields["cf_30"].ToString();
            var byField = Run($"Get-OmnideskCase -CustomField @{{ cf_30 = '{value}' }}").AssertNoErrors().Objects<OmnideskCase>();
            Assert.Contains(byField, c => c.CaseId == withField.CaseId);
            Assert.All(byField, c => Assert.Equal(value, c.CustomFields["cf_30"].ToString()));

            // User e-mails are matched by substring on the server: the module must pass the values through as given.
            var expectedByEmail = _emulator.ApiCaseIds("user_email[]=example.com&user_email[]=example.io&sort=created_at_asc");
            Assert.NotEmpty(expectedByEmail);
            var byEmail = Run("Get-OmnideskCase -UserEmail example.com,example.io").AssertNoErrors().Objects<OmnideskCase>();
            Assert.Equal(expectedByEmail, byEmail.Select(c => c.CaseId));
        }

        [Fact]
        public void First_and_Skip_request_only_the_page_they_need()
        {
            var expected = _emulator.ApiCaseIds("").Skip(3).Take(5).ToList();
            _emulator.ClearRequests();

            var cases = Run("Get-OmnideskCase -First 5 -Skip 3").AssertNoErrors().Objects<OmnideskCase>();

            Assert.Equal(expected, cases.Select(c => c.CaseId));
            Assert.Single(CaseListRequests());
        }

        [Fact]
        public void Skip_past_the_first_pages_starts_at_the_right_page()
        {
            var all = _emulator.ApiCaseIds("");
            _emulator.ClearRequests();

            var cases = Run("Get-OmnideskCase -Skip 150 -First 60 -PageSize 50").AssertNoErrors().Objects<OmnideskCase>();

            Assert.Equal(all.Skip(150).Take(60), cases.Select(c => c.CaseId));
            var pages = CaseListRequests();
            Assert.Equal(2, pages.Count);                 // pages 4 and 5 of 50; pages 1-3 never requested
            Assert.Contains("page=4", pages[0].Query);
        }

        [Fact]
        public void IncludeTotalCount_writes_the_servers_total_first()
        {
            using var expected = _emulator.ApiGet("api/cases.json?status=waiting&limit=1");
            var total = expected.RootElement.GetProperty("total_count").GetInt64();

            var result = Run("Get-OmnideskCase -Status waiting -IncludeTotalCount -First 3").AssertNoErrors();

            Assert.Equal((ulong)total, Assert.IsType<ulong>(result.Output[0].BaseObject));
            Assert.Equal(3, result.Objects<OmnideskCase>().Count);
        }

        [Fact]
        public void A_pipeline_stopped_after_its_first_object_requests_no_further_page()
        {
            var result = Run("Get-OmnideskCase -PageSize 10 | Select-Object -First 1").AssertNoErrors();

            Assert.Single(result.Objects<OmnideskCase>());
            Assert.Single(CaseListRequests());
        }

        [Fact]
        public void Stopping_during_a_retry_wait_ends_at_once_and_sends_nothing_more()
        {
            using var runspace = Ps.OpenRunspace();
            Ps.Run(runspace, Ps.Connect, Ps.DemoVariables(_emulator)).AssertNoErrors();
            _emulator.AddFaults(new { status = 429, retry_after = 30, path = "/api/cases.json" });
            _emulator.ClearRequests();

            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript("Get-OmnideskCase");
            var async = ps.BeginInvoke();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (CaseListRequests().Count == 0 && DateTime.UtcNow < deadline) Thread.Sleep(20);
            Thread.Sleep(200);                             // now inside the 30 s wait

            var stopping = System.Diagnostics.Stopwatch.StartNew();
            ps.Stop();
            try { ps.EndInvoke(async); } catch (PipelineStoppedException) { }
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(1), $"stop took {stopping.Elapsed}");
            Thread.Sleep(300);
            Assert.Equal(new[] { 429 }, CaseListRequests().Select(r => r.Status));
        }

        [Fact]
        public void More_than_20_values_are_split_into_queries_merged_without_duplicates()
        {
            var users = Run("Get-OmnideskCase").Objects<OmnideskCase>().Select(c => c.UserId).Distinct().OrderBy(u => u).Take(25).ToList();
            Assert.Equal(25, users.Count);
            _emulator.ClearRequests();
            var byUser = Run($"Get-OmnideskCase -UserId {string.Join(",", users)} -IncludeTotalCount").AssertNoErrors();
            var cases = byUser.Objects<OmnideskCase>();
            Assert.All(cases, c => Assert.Contains(c.UserId, users));
            Assert.Equal(cases.Count, cases.Select(c => c.CaseId).Distinct().Count());
            Assert.Equal((ulong)cases.Count, byUser.Output[0].BaseObject);
            var queries = CaseListRequests();
            Assert.True(queries.Count >= 2);
            Assert.All(queries, q => Assert.True(q.Query.Split('&').Count(p => p.StartsWith("user_id")) <= 20, q.Query));

            // Labels 101-103 go to the first query of 20 values and 104-106 to the second: a case with labels
            // from both comes back from both queries, and must be written once.
            var labels = new long[] { 101, 102, 103 }.Concat(Enumerable.Range(1000, 17).Select(i => (long)i))
                .Concat(new long[] { 104, 105, 106, 1017, 1018 }).ToList();
            var inFirst = _emulator.ApiCaseIds("labels[]=101&labels[]=102&labels[]=103");
            var inSecond = _emulator.ApiCaseIds("labels[]=104&labels[]=105&labels[]=106");
            Assert.NotEmpty(inFirst.Intersect(inSecond));
            var byLabel = Run($"Get-OmnideskCase -Label {string.Join(",", labels)}").AssertNoErrors().Objects<OmnideskCase>();
            Assert.Equal(byLabel.Count, byLabel.Select(c => c.CaseId).Distinct().Count());
            Assert.Equal(inFirst.Union(inSecond).OrderBy(i => i), byLabel.Select(c => c.CaseId).OrderBy(i => i));
        }

        [Fact]
        public void By_id_and_by_number_with_a_missing_case_reports_it_and_returns_the_rest()
        {
            var some = _emulator.ApiCaseIds("").Take(2).ToList();
            var result = Run($"Get-OmnideskCase -CaseId {some[0]},999999,{some[1]}");

            Assert.Equal(some, result.Objects<OmnideskCase>().Select(c => c.CaseId));
            var error = Assert.Single(result.Errors);
            Assert.Equal("OmnideskApi404.case_not_found,Omnidesk.Commands.GetOmnideskCaseCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(999999L, error.TargetObject);
            var api = Assert.IsType<OmnideskApiException>(error.Exception);
            Assert.Equal(404, api.StatusCode);
            Assert.Equal("case_not_found", api.ErrorCode);
            Assert.Contains("/api/cases/999999.json", api.Message);

            var number = Run($"Get-OmnideskCase -CaseId {some[0]}").Objects<OmnideskCase>()[0].CaseNumber;
            var byNumber = Run($"Get-OmnideskCase -CaseNumber {number}").AssertNoErrors().Objects<OmnideskCase>();
            Assert.Equal(some[0], Assert.Single(byNumber).CaseId);
        }

        [Fact]
        public void Cases_and_filters_pipe_into_Get_OmnideskCase_by_property_name()
        {
            var piped = Run("Get-OmnideskCase -Status closed -First 3 | Get-OmnideskCase").AssertNoErrors().Objects<OmnideskCase>();
            Assert.Equal(3, piped.Count);
            Assert.All(piped, c => Assert.Equal("closed", c.Status));

            var filters = Run("Get-OmnideskFilter").AssertNoErrors().Objects<OmnideskFilter>();
            var custom = filters.First(f => f.IsCustom);
            var expected = _emulator.ApiCaseIds("filter=" + custom.FilterId + "&sort=created_at_asc");
            var byFilter = Run($"Get-OmnideskFilter -Name '{custom.FilterName}' | Get-OmnideskCase").AssertNoErrors().Objects<OmnideskCase>();
            Assert.Equal(expected, byFilter.Select(c => c.CaseId));
        }

        [Fact]
        public void Get_OmnideskFilter_lists_the_servers_filters_and_filters_by_name()
        {
            using var raw = _emulator.ApiGet("api/filters.json");
            var total = raw.RootElement.GetProperty("total_count").GetInt32();
            var all = Run("Get-OmnideskFilter").AssertNoErrors().Objects<OmnideskFilter>();
            Assert.Equal(total, all.Count);
            Assert.Contains(all, f => !f.IsCustom && !long.TryParse(f.FilterId, out _));   // word ids such as "unassigned"
            var first = all.First(f => f.IsCustom);
            var named = Run($"Get-OmnideskFilter -Name '{first.FilterName.Substring(0, 3)}*'").AssertNoErrors().Objects<OmnideskFilter>();
            Assert.Contains(named, f => f.FilterId == first.FilterId);
            Assert.All(named, f => Assert.StartsWith(first.FilterName.Substring(0, 3), f.FilterName, StringComparison.OrdinalIgnoreCase));
        }

        [Fact]
        public void An_invalid_status_fails_at_parameter_binding_before_any_request()
        {
            _emulator.ClearRequests();
            var result = Ps.Run("Get-OmnideskCase -Status pending", Ps.DemoVariables(_emulator));
            Assert.Equal("ParameterArgumentValidationError,Omnidesk.Commands.GetOmnideskCaseCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Empty(_emulator.Requests());

            var badField = Run("Get-OmnideskCase -CustomField @{ colour = 'red' }");
            Assert.Equal("OmnideskInvalidCustomField,Omnidesk.Commands.GetOmnideskCaseCommand", Assert.Single(badField.Errors).FullyQualifiedErrorId);
            Assert.Empty(CaseListRequests());
        }

        [Fact]
        public void Verbose_writes_one_line_per_request_and_progress_shows_for_several_pages()
        {
            var result = Run("Get-OmnideskCase -Status open -PageSize 20 -Verbose").AssertNoErrors();
            var pages = CaseListRequests().Count;
            Assert.True(pages > 1);
            var lines = result.Verbose.Where(v => v.StartsWith("GET /api/cases.json")).ToList();
            Assert.Equal(pages, lines.Count);
            Assert.Matches(@"^GET /api/cases\.json\?status=open&sort=created_at_asc&page=1&limit=20 -> 200 in \d+ ms", lines[0]);
            Assert.Contains("from_time=", lines[1]);
            Assert.Contains(result.Progress, p => p.PercentComplete > 0 && p.StatusDescription.Contains("Page 2"));
            Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);

            var single = Run("Get-OmnideskCase -First 3").AssertNoErrors();
            Assert.Empty(single.Progress);
        }

        [Fact]
        public void Retries_after_429_with_retry_after_and_after_503()
        {
            var expected = _emulator.ApiCaseIds("status=open").Take(10).ToList();
            _emulator.AddFaults(new { status = 429, retry_after = 1, path = "/api/cases.json" }, new { status = 503, path = "/api/cases.json" });
            _emulator.ClearRequests();

            var started = System.Diagnostics.Stopwatch.StartNew();
            var result = Run("Get-OmnideskCase -Status open -First 10").AssertNoErrors();

            Assert.Equal(expected, result.Objects<OmnideskCase>().Select(c => c.CaseId));
            Assert.Equal(new[] { 429, 503, 200 }, CaseListRequests().Select(r => r.Status));
            Assert.Equal(2, result.Warnings.Count(w => w.Contains("retry")));
            Assert.True(started.Elapsed >= TimeSpan.FromSeconds(1), "retry_after: 1 must be honoured");
        }

        [Fact]
        public void A_page_that_keeps_failing_stops_the_command_with_the_status_and_error_code()
        {
            _emulator.AddFaults(new { status = 503, path = "/api/cases.json", times = 20 });
            var result = Run("Get-OmnideskCase -Status open; 'next statement'");
            var error = Assert.Single(result.Errors);
            Assert.Equal("OmnideskApi503.service_unavailable,Omnidesk.Commands.GetOmnideskCaseCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
            Assert.Equal("next statement", Assert.Single(result.Output).BaseObject);
            Assert.Equal(6, CaseListRequests().Count);    // the first try and 5 retries (the default -MaxRetryCount)
        }

        [Fact]
        public void The_case_object_resolves_the_apis_quirks()
        {
            _emulator.Configure(new { numbers_as_strings = true, dialect = "deskie" });
            var cases = Run("Get-OmnideskCase -Status closed -First 20").AssertNoErrors().Objects<OmnideskCase>();
            var open = Run("Get-OmnideskCase -Status open -First 5").AssertNoErrors().Objects<OmnideskCase>();

            Assert.All(cases, c => Assert.True(c.CaseId >= 2000));
            Assert.All(cases, c => Assert.NotNull(c.ClosedAt));
            Assert.All(cases, c => Assert.Equal(TimeSpan.FromHours(3), c.CreatedAt.Value.Offset));
            Assert.All(open, c => Assert.Null(c.ClosedAt));
            Assert.All(open, c => Assert.Null(c.ClosingSpeed));
            Assert.Contains(cases, c => c.ClosingSpeed.HasValue);
            Assert.Matches(@"^\d{3}-\d{6}$", cases[0].CaseNumber);
            Assert.Contains(cases.Concat(open), c => c.CcEmails.Length > 0);
            Assert.Contains(cases[0].CaseNumber, cases[0].ToString());
        }

        [Fact]
        public void The_default_view_is_a_table_of_the_key_columns()
        {
            var host = new TestHost();
            var result = Run("Get-OmnideskCase -First 2 | Out-Host", host).AssertNoErrors();
            var lines = host.TestUI.Text.ToString().Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
            Assert.Matches(@"^\s*CaseId CaseNumber Status\s+Priority Channel\s+Staff Updated \(local\)\s+Subject$", lines[0]);
            Assert.Equal(4, lines.Count);
        }
    }
}

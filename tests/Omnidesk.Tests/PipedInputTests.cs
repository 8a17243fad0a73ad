using System;
using System.Collections.Generic;
using System.Linq;
using Omnidesk.Tests.Infrastructure;
using Xunit;

namespace Omnidesk.Tests
{
    /// <summary>
    /// Exact requests for piped input (the user's view of it is in tests/Binding.Tests.ps1): a bad item costs no
    /// request, a case number is read once per command, and applying piped values reads each case once and groups
    /// equal changes into bulk requests.
    /// </summary>
    public sealed class PipedInputTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public PipedInputTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
            _emulator.Reset();
        }

        private PsResult Run(string script)
        {
            var result = Ps.Run(Ps.Connect + "$null = $null\n" + script, Ps.DemoVariables(_emulator));
            return result;
        }

        private List<EmulatorRequest> RequestsAfterConnect() =>
            _emulator.Requests().Where(r => r.Path != "/api/filters.json").ToList();

        private string NumberOf(long id) =>
            _emulator.ApiGet($"api/cases/{id}.json").RootElement.GetProperty("case").GetProperty("case_number").GetString();

        [Fact]
        public void Bad_items_cost_no_request_and_the_good_ones_one_bulk_request()
        {
            var result = Run("2001, 'abc', 0, [pscustomobject]@{ Subject = 'x' }, [pscustomobject]@{ CaseId = '-1' }, 2002 | Set-OmnideskCase -Priority low");

            Assert.Equal(4, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
            var request = Assert.Single(RequestsAfterConnect());
            Assert.Equal(("PUT", "/api/cases/2001,2002.json"), (request.Method, request.Path));
        }

        [Fact]
        public void A_case_number_is_read_once_per_command_and_the_case_changed_once()
        {
            var number = NumberOf(2001);
            _emulator.ClearRequests();

            Run($"'{number}', '{number}', 2001, [pscustomobject]@{{ case_number = '{number}' }} | Set-OmnideskCase -Priority low").AssertNoErrors();

            Assert.Equal(new[] { ("GET", $"/api/cases/{number}.json"), ("PUT", "/api/cases/2001.json") },
                RequestsAfterConnect().Select(r => (r.Method, r.Path)));
        }

        [Fact]
        public void Piped_values_read_each_case_once_and_equal_changes_share_bulk_requests()
        {
            // Twelve rows that all ask for priority critical (none has it yet), and one that asks for what it has.
            var ids = _emulator.ApiCaseIds("priority=low").Take(13).ToList();
            var rows = string.Join(", ", ids.Take(12).Select(id => $"[pscustomobject]@{{ CaseId = {id}; Priority = 'critical' }}"));
            var unchanged = $"[pscustomobject]@{{ CaseId = {ids[12]}; Priority = 'low' }}";
            _emulator.ClearRequests();

            Run($"{rows}, {unchanged} | Set-OmnideskCase").AssertNoErrors();

            var requests = RequestsAfterConnect();
            Assert.Equal(13, requests.Count(r => r.Method == "GET"));
            var puts = requests.Where(r => r.Method == "PUT").Select(r => r.Path).ToList();
            Assert.Equal(new[]
            {
                "/api/cases/" + string.Join(",", ids.Take(10)) + ".json",
                "/api/cases/" + string.Join(",", ids.Skip(10).Take(2)) + ".json",
            }, puts);
        }

        [Fact]
        public void Piped_values_with_WhatIf_read_nothing()
        {
            _emulator.ClearRequests();
            var result = Run("[pscustomobject]@{ CaseId = 2001; Priority = 'critical'; Labels = '101; 106' } | Set-OmnideskCase -WhatIf").AssertNoErrors();

            Assert.Empty(result.Output);
            Assert.Empty(RequestsAfterConnect());
        }

        [Fact]
        public void A_value_the_API_would_refuse_is_an_error_on_that_item_with_nothing_sent()
        {
            _emulator.ClearRequests();
            var result = Run("[pscustomobject]@{ CaseId = 2001; Priority = 'urgent' }, [pscustomobject]@{ CaseId = 2002; StaffId = 'anna' } | Set-OmnideskCase");

            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.StartsWith("OmnideskInvalidCaseValue,", e.FullyQualifiedErrorId));
            Assert.Contains("Priority 'urgent' is not one of low, normal, high, critical", result.Errors[0].Exception.Message);
            Assert.Empty(RequestsAfterConnect());
        }
    }
}

using System;
using System.Linq;
using Omnidesk.Tests.Infrastructure;
using Xunit;

namespace Omnidesk.Tests
{
    public sealed class PageLimitTests : IClassFixture<LargeEmulatorFixture>
    {
        private readonly LargeEmulatorFixture _emulator;

        public PageLimitTests(LargeEmulatorFixture emulator) => _emulator = emulator;

        private long Total()
        {
            using var first = _emulator.ApiGet("api/cases.json?limit=1");
            var total = first.RootElement.GetProperty("total_count").GetInt64();
            Assert.True(total > 500, $"the fixture should list more than 500 cases, lists {total}");
            return total;
        }

        [Fact]
        public void Pages_by_number_stop_at_page_500_with_a_warning_of_how_many_cases_were_not_returned()
        {
            var total = Total();
            _emulator.ClearRequests();

            var result = Ps.Run(Ps.Connect + "Get-OmnideskCase -PageSize 1 -Sort updated_at_desc", Ps.DemoVariables(_emulator)).AssertNoErrors();

            Assert.Equal(500, result.Objects<OmnideskCase>().Count);
            var warning = Assert.Single(result.Warnings);
            Assert.StartsWith($"{total - 500} matching cases were not returned", warning);
            Assert.Contains("without -First, every match is listed", warning);
            Assert.Equal(500, _emulator.Requests().Count(r => r.IsCaseList));   // page 501 is never asked for
        }

        [Fact]
        public void The_walk_by_creation_time_returns_every_case_past_page_500_exactly_once()
        {
            var total = Total();
            var expected = _emulator.ApiCaseIds("sort=created_at_asc");
            _emulator.ClearRequests();

            var result = Ps.Run(Ps.Connect + "Get-OmnideskCase -PageSize 1 -IncludeTotalCount", Ps.DemoVariables(_emulator)).AssertNoErrors();

            Assert.Equal((ulong)total, result.Output[0].BaseObject);
            Assert.Equal(expected, result.Objects<OmnideskCase>().Select(c => c.CaseId));
            Assert.Empty(result.Warnings);
            Assert.DoesNotContain(_emulator.Requests(), r => r.IsCaseList && !r.Query.Contains("page=1&") && !r.Query.Contains("page=2&"));
        }
    }
}

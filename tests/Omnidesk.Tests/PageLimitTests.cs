using Omnidesk.Tests.Infrastructure;
using Xunit;

namespace Omnidesk.Tests
{
    public sealed class PageLimitTests : IClassFixture<LargeEmulatorFixture>
    {
        private readonly LargeEmulatorFixture _emulator;

        public PageLimitTests(LargeEmulatorFixture emulator) => _emulator = emulator;

        [Fact]
        public void Past_page_500_it_warns_how_many_cases_were_not_returned_instead_of_stopping_silently()
        {
            using var first = _emulator.ApiGet("api/cases.json?limit=1");
            var total = first.RootElement.GetProperty("total_count").GetInt64();
            Assert.True(total > 500, $"the fixture should list more than 500 cases, lists {total}");
            _emulator.ClearRequests();

            var result = Ps.Run(Ps.Connect + "Get-OmnideskCase -PageSize 1", Ps.DemoVariables(_emulator)).AssertNoErrors();

            Assert.Equal(500, result.Objects<OmnideskCase>().Count);
            var warning = Assert.Single(result.Warnings);
            Assert.StartsWith($"{total - 500} matching cases were not returned", warning);
            Assert.Contains("-CreatedAfter", warning);
            Assert.Equal(500, _emulator.Requests().Count(r => r.IsCaseList));   // page 501 is never asked for
        }
    }
}

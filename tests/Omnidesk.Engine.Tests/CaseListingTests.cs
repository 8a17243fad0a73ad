using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Omnidesk.Engine.Listing;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>How the cases of a query are read: merged parts each case once, -Skip/-First over the whole, the total, the choice of walk.</summary>
    public class CaseListingTests
    {
        private static async Task<List<OmnideskListPage<OmnideskCase>>> ReadAll(IOmnideskListReader<OmnideskCase> reader)
        {
            var pages = new List<OmnideskListPage<OmnideskCase>>();
            OmnideskListPage<OmnideskCase> page;
            while ((page = await reader.NextAsync()) != null) pages.Add(page);
            return pages;
        }

        private static long[] Ids(IEnumerable<OmnideskListPage<OmnideskCase>> pages) => pages.SelectMany(p => p.Items).Select(c => c.CaseId).ToArray();

        [Fact]
        public async Task Merged_parts_come_one_after_another_each_case_once()
        {
            var a = new ScriptedReader(5, new long[] { 1, 2, 3 }, new long[] { 4, 5 });
            var b = new ScriptedReader(4, new long[] { 3, 6 }, new long[] { 2, 7 });
            using var merged = new MergedCaseReader(new[] { a, b }, false, new OmnideskListWindow());

            var pages = await ReadAll(merged);

            Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6, 7 }, Ids(pages));
            Assert.Equal(new[] { 3, 2, 2, 2 }, pages.Select(p => p.Answer.Items.Count));   // progress sees every case read
            Assert.Same(pages[0].Answer.Items, pages[0].Items);                             // nothing dropped: no copy
            Assert.True(a.Disposed && b.Disposed);
        }

        [Fact]
        public async Task Skip_and_First_apply_to_the_merged_whole_and_later_parts_are_not_read()
        {
            var a = new ScriptedReader(5, new long[] { 1, 2, 3 }, new long[] { 4, 5 });
            var b = new ScriptedReader(4, new long[] { 3, 6 }, new long[] { 2, 7 });
            using (var merged = new MergedCaseReader(new[] { a, b }, false, new OmnideskListWindow { Skip = 2, First = 3 }))
            {
                Assert.Equal(new long[] { 3, 4, 5 }, Ids(await ReadAll(merged)));
                Assert.Equal(0, b.Reads);
                Assert.True(b.Disposed);
            }

            var c = new ScriptedReader(5, new long[] { 1, 2, 3 }, new long[] { 4, 5 });
            var d = new ScriptedReader(4, new long[] { 3, 6 }, new long[] { 2, 7 });
            using (var merged = new MergedCaseReader(new[] { c, d }, false, new OmnideskListWindow { Skip = 4, First = 2 }))
                Assert.Equal(new long[] { 5, 6 }, Ids(await ReadAll(merged)));   // the repeated 3 is not counted by -Skip
        }

        [Theory]
        [InlineData(true, 1.0)]
        [InlineData(false, 0.5)]
        public async Task With_the_total_wanted_every_parts_first_page_is_read_first_and_the_totals_add_up(bool disjoint, double accuracy)
        {
            var a = new ScriptedReader(5, new long[] { 1, 2, 3 }, new long[] { 4, 5 });
            var b = new ScriptedReader(4, new long[] { 3, 6 }, new long[] { 2, 7 });
            using var merged = new MergedCaseReader(new[] { a, b }, disjoint, new OmnideskListWindow { IncludeTotalCount = true });

            var first = await merged.NextAsync();

            Assert.Equal(1, b.Reads);
            Assert.Equal(new long[] { 1, 2, 3 }, first.Items.Select(c => c.CaseId));
            Assert.Equal(9, merged.TotalCount);
            Assert.Equal(accuracy, merged.TotalAccuracy);
            Assert.Equal(new long[] { 4, 5, 6, 7 }, Ids(await ReadAll(merged)));
            Assert.Equal(3, b.Reads);   // its first page was kept, not read again

            var unknown = new MergedCaseReader(new[] { new ScriptedReader(5, new long[] { 1 }), new ScriptedReader(null, new long[] { 2 }) },
                true, new OmnideskListWindow { IncludeTotalCount = true });
            await unknown.NextAsync();
            Assert.Null(unknown.TotalCount);
        }

        private static FakeCaseList Account()
        {
            var list = new FakeCaseList();
            for (var id = 1L; id <= 600; id++) list.Add(id, 1_700_000_000 + id, userId: id % 30);
            return list;
        }

        [Fact]
        public async Task An_array_filter_over_20_values_is_read_as_several_queries_each_within_the_limit()
        {
            var list = Account();
            var users = Enumerable.Range(0, 25).Select(i => (long)i).ToArray();
            using var reader = CaseListing.Read(list.Fetch, new OmnideskCaseQuery { UserId = users }, new OmnideskListWindow { PageSize = 50 }, 4,
                OmnideskCallContext.None);

            var ids = Ids(await ReadAll(reader));

            var expected = Enumerable.Range(1, 600).Where(id => id % 30 < 25).Select(id => (long)id).ToList();
            Assert.Equal(expected, ids.OrderBy(id => id));
            Assert.Equal(ids.Length, ids.Distinct().Count());
            Assert.All(list.Queries, q => Assert.True(q.UserId.Length <= OmnideskCaseQuery.MaxArrayValues));
            Assert.Equal(2, list.Queries.Select(q => string.Join(",", q.UserId)).Distinct().Count());
            Assert.All(list.Queries, q => Assert.StartsWith("created_at_", q.Sort));       // a whole listing walks creation time
        }

        [Fact]
        public async Task A_whole_listing_in_creation_order_walks_creation_time_and_First_or_another_order_reads_pages_by_number()
        {
            var walked = Account();
            using (var reader = CaseListing.Read(walked.Fetch, new OmnideskCaseQuery { Sort = "created_at_desc" }, new OmnideskListWindow { PageSize = 10 },
                       4, OmnideskCallContext.None))
                Assert.Equal(walked.Sorted("created_at_desc"), Ids(await ReadAll(reader)));
            Assert.Contains(walked.Sent, s => s.StartsWith("1/1 created_at_asc"));     // the far end, for the slices

            var first = Account();
            using (var reader = CaseListing.Read(first.Fetch, new OmnideskCaseQuery(), new OmnideskListWindow { Skip = 3, First = 5 }, 4,
                       OmnideskCallContext.None))
                Assert.Equal(new long[] { 4, 5, 6, 7, 8 }, Ids(await ReadAll(reader)));
            Assert.Equal(new[] { "1/8  .." }, first.Sent);                               // one request, the query's own order

            var sorted = Account();
            using (var reader = CaseListing.Read(sorted.Fetch, new OmnideskCaseQuery { Sort = "updated_at_desc" }, new OmnideskListWindow { PageSize = 100 },
                       4, OmnideskCallContext.None))
                Assert.Equal(600, Ids(await ReadAll(reader)).Length);
            Assert.Equal(Enumerable.Range(1, 6).Select(p => $"{p}/100 updated_at_desc .."), sorted.Sent.OrderBy(s => s));
        }

        [Fact]
        public async Task The_client_reads_cases_with_its_own_requests()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"0":{"case":{"case_id":11}},"1":{"case":{"case_id":12}},"total_count":2}"""));
            using var client = TestSettings.Client(handler);

            using var reader = client.ReadCases(new OmnideskCaseQuery { Status = new[] { "open" } }, new OmnideskListWindow { First = 2 }, OmnideskCallContext.None);

            Assert.Equal(new long[] { 11, 12 }, Ids(await ReadAll(reader)));
            Assert.Equal("/api/cases.json?status=open&page=1&limit=2", Assert.Single(handler.Sent).Uri.PathAndQuery);
        }
    }
}

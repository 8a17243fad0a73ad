using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Omnidesk.Engine.Listing;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>The walk by creation time: exactly once while cases change, concurrent slices in order, bounded, stoppable.</summary>
    public class CreationWalkTests
    {
        private const long Start = 1_700_000_000;
        private const int Limit = 10;

        /// <summary>
        /// 2,000 cases, about three a second, with two seconds that hold more than a page each (31 and 61 cases), which
        /// the walk must read by page numbers.
        /// </summary>
        private static FakeCaseList Account()
        {
            var list = new FakeCaseList();
            for (var id = 1L; id <= 2000; id++)
            {
                var second = Start + id / 3;
                if (id >= 500 && id <= 530) second = Start + 500 / 3;
                if (id >= 1500 && id <= 1560) second = Start + 1500 / 3;
                list.Add(id, second);
            }
            return list;
        }

        private static bool IsCrowded(long id) => (id >= 500 && id <= 530) || (id >= 1500 && id <= 1560);

        private static async Task<List<OmnideskListPage<OmnideskCase>>> ReadAll(IOmnideskListReader<OmnideskCase> reader)
        {
            var pages = new List<OmnideskListPage<OmnideskCase>>();
            OmnideskListPage<OmnideskCase> page;
            while ((page = await reader.NextAsync()) != null) pages.Add(page);
            return pages;
        }

        [Theory]
        [InlineData("created_at_asc")]
        [InlineData("created_at_desc")]
        [InlineData(null)]
        public async Task Every_case_that_matched_for_the_whole_walk_comes_exactly_once_while_cases_are_added_and_removed(string sort)
        {
            var list = Account();
            var before = list.Ids().ToHashSet();
            var removed = new HashSet<long>();
            var added = new HashSet<long>();
            var random = new Random(4711);
            list.BeforeAnswer = (cases, n) =>
            {
                // Each request: a case goes to the trash, one comes back from it at an old time, and a new one is created.
                // Not from the crowded seconds: see Removing_a_case_of_a_second_read_by_page_numbers_can_hide_another.
                var gone = random.Next(1, 2001);
                if (!IsCrowded(gone) && cases.Remove(gone)) removed.Add(gone);
                cases.Add(100_000 + n, Start + random.Next(0, 700));
                cases.Add(200_000 + n, Start + 700 + n);
                added.Add(100_000 + n);
                added.Add(200_000 + n);
            };

            using var walk = new CreationWalk(list.Fetch, new OmnideskCaseQuery { Sort = sort }, Limit, 4, OmnideskCallContext.None);
            var pages = await ReadAll(walk);
            var cases = pages.SelectMany(p => p.Items).ToList();
            var ids = cases.Select(c => c.CaseId).ToList();

            Assert.Equal(ids.Count, ids.Distinct().Count());                               // never twice
            Assert.Empty(before.Except(removed).Except(ids));                             // every case that stayed
            Assert.Empty(ids.Except(before).Except(added));                               // nothing that never was
            var seconds = cases.Select(c => c.CreatedAt.Value.ToUnixTimeSeconds()).ToList();
            var ordered = sort == "created_at_desc" ? seconds.OrderByDescending(s => s) : seconds.OrderBy(s => s);
            Assert.Equal(ordered, seconds);                                               // in creation order throughout
            Assert.Contains(list.Sent, s => s.StartsWith("1/1 "));                        // the far end was asked for: slices
            Assert.Contains(list.Sent, s => s.StartsWith("2/"));                          // a full second read by page numbers
            Assert.Equal(Enumerable.Range(1, pages.Count).Select(n => (long)n), pages.Select(p => p.Number));
            Assert.All(pages, p => Assert.Equal(pages[0].Answer.TotalCount, p.Answer.TotalCount));   // progress counts the whole
        }

        /// <summary>
        /// A second holding more cases than a page is read by page numbers (the API has no finer cursor than from_time),
        /// and a case of it removed meanwhile shifts the later ones back by one: the first case of the next page is never
        /// read. Moved unchanged from the cmdlet; the documented exactly-once guarantee does not hold here.
        /// </summary>
        [Fact(Skip = "Known gap of the walk, moved as it was: a removal inside a second read by page numbers hides another case of it")]
        public async Task Removing_a_case_of_a_second_read_by_page_numbers_can_hide_another()
        {
            var list = new FakeCaseList();
            for (var id = 1L; id <= 25; id++) list.Add(id, Start);
            list.BeforeAnswer = (cases, n) =>
            {
                if (n == 3) cases.Remove(3);   // after page 1 of the second was read, before page 2
            };
            using var walk = new CreationWalk(list.Fetch, new OmnideskCaseQuery(), Limit, 1, OmnideskCallContext.None);

            var ids = (await ReadAll(walk)).SelectMany(p => p.Items).Select(c => c.CaseId).ToList();

            Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i).Where(i => i != 3), ids.Where(i => i != 3));
        }

        [Fact]
        public async Task An_unchanging_list_comes_whole_and_in_order_with_one_walk_or_several_slices()
        {
            foreach (var concurrency in new[] { 1, 4 })
            {
                var list = Account();
                using var walk = new CreationWalk(list.Fetch, new OmnideskCaseQuery(), Limit, concurrency, OmnideskCallContext.None);
                var ids = (await ReadAll(walk)).SelectMany(p => p.Items).Select(c => c.CaseId);
                Assert.Equal(list.Sorted(), ids);
                Assert.Equal(concurrency > 1, list.Sent.Any(s => s.StartsWith("1/1 ")));
            }
        }

        [Fact]
        public async Task The_first_answer_is_returned_before_anything_else_is_asked()
        {
            var list = Account();
            using var walk = new CreationWalk(list.Fetch, new OmnideskCaseQuery(), Limit, 4, OmnideskCallContext.None);

            var first = await walk.NextAsync();

            Assert.Equal(1, list.Requests);
            Assert.Equal(list.Sorted().Take(Limit), first.Items.Select(c => c.CaseId));
            Assert.Equal("1/10 created_at_asc ..", Assert.Single(list.Sent));
            Assert.Equal(2000, walk.TotalCount);
        }

        [Fact]
        public async Task A_list_of_one_short_page_costs_one_request()
        {
            var list = new FakeCaseList();
            for (var id = 1L; id <= 7; id++) list.Add(id, Start + id);
            using var walk = new CreationWalk(list.Fetch, new OmnideskCaseQuery(), Limit, 4, OmnideskCallContext.None);

            Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), (await ReadAll(walk)).SelectMany(p => p.Items).Select(c => c.CaseId));
            Assert.Equal(1, list.Requests);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        public async Task A_reader_that_stops_reading_holds_at_most_a_few_pages_per_slice(int concurrency)
        {
            var list = Account();
            using var walk = new CreationWalk(list.Fetch, new OmnideskCaseQuery(), Limit, concurrency, OmnideskCallContext.None);
            await walk.NextAsync();
            await walk.NextAsync();

            var settled = await Settled(list);

            // The first answer, the far end (with slices), and per slice its buffer of pages plus the one waiting for room.
            var bound = (concurrency > 1 ? 2 : 1) + concurrency * (CreationWalk.SlicePages + 1) + 1;
            Assert.True(settled <= bound, $"{settled} requests while nobody read; at most {bound} expected");
            Assert.True(settled > 2 + CreationWalk.SlicePages, $"{settled} requests: the slices should read ahead");
        }

        [Fact]
        public async Task Disposing_the_walk_stops_every_slice_and_no_request_follows()
        {
            var list = Account();
            list.Latency = TimeSpan.FromMilliseconds(5);
            var walk = new CreationWalk(list.Fetch, new OmnideskCaseQuery(), Limit, 4, OmnideskCallContext.None);
            for (var i = 0; i < 3; i++) await walk.NextAsync();

            walk.Dispose();
            await Task.Delay(50);                          // a request that began as the walk was disposed
            var atDispose = list.Requests;
            await Task.Delay(300);

            Assert.All(list.Tokens, t => Assert.True(t.IsCancellationRequested));
            Assert.Equal(atDispose, list.Requests);
            Assert.Null(await walk.NextAsync());
            Assert.True(atDispose < 2000 / Limit / 2, $"{atDispose} requests: the walk should not have run ahead to the end");
        }

        /// <summary>The request count once it stopped growing for a while.</summary>
        private static async Task<int> Settled(FakeCaseList list)
        {
            var last = -1;
            while (list.Requests != last)
            {
                last = list.Requests;
                await Task.Delay(200);
            }
            return last;
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Omnidesk.Engine.Listing;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>The generic page walker: the -Skip/-First window, read-ahead, the API's page limit and early stops.</summary>
    public class PageReaderTests
    {
        private static readonly long MaxPage = OmnideskResources.Case.MaxPage;

        private static OmnideskListWindow Window(ulong skip = 0, ulong first = ulong.MaxValue, int pageSize = 100, bool includeTotalCount = false) =>
            new OmnideskListWindow { Skip = skip, First = first, PageSize = pageSize, IncludeTotalCount = includeTotalCount };

        /// <summary>The numbers 0..count-1 as a list endpoint: answers at once, and records (page, limit) of each request.</summary>
        private sealed class Numbers
        {
            private readonly long _count;
            private readonly bool _sendsTotal;

            public Numbers(long count, bool sendsTotal = true)
            {
                _count = count;
                _sendsTotal = sendsTotal;
            }

            public ConcurrentQueue<(long Page, int Limit)> Sent { get; } = new ConcurrentQueue<(long, int)>();

            public Task<OmnideskPage<long>> Fetch(long page, int limit, OmnideskCallContext context)
            {
                Sent.Enqueue((page, limit));
                var from = (page - 1) * limit;
                var items = new List<long>();
                for (var i = from; i < Math.Min(_count, from + limit); i++) items.Add(i);
                return Task.FromResult(new OmnideskPage<long>(items, _sendsTotal ? _count : (long?)null));
            }
        }

        private static async Task<List<OmnideskListPage<T>>> ReadAll<T>(IOmnideskListReader<T> reader)
        {
            var pages = new List<OmnideskListPage<T>>();
            OmnideskListPage<T> page;
            while ((page = await reader.NextAsync()) != null) pages.Add(page);
            Assert.Null(await reader.NextAsync());   // the end stays the end
            return pages;
        }

        [Theory]
        [InlineData(3UL, 5UL, 100, 500L, 1L, 8, 3)]         // one request of 8 holds items 3..7
        [InlineData(10UL, 10UL, 100, 500L, 2L, 10, 0)]
        [InlineData(0UL, 0UL, 100, 500L, 1L, 1, 0)]          // -First 0 (for the total): the smallest page
        [InlineData(150UL, 60UL, 50, 500L, 4L, 50, 0)]       // more than a page: -PageSize pages from the one holding -Skip
        [InlineData(600UL, 1UL, 100, 500L, 301L, 2, 0)]      // limit 1 would need page 601: the smallest limit within page 500
        [InlineData(1000000UL, ulong.MaxValue, 100, 500L, 501L, 100, 0)]
        public void The_window_is_the_page_and_limit_that_serve_Skip_and_First_with_the_fewest_requests(
            ulong skip, ulong first, int pageSize, long maxPage, long page, int limit, int offset)
        {
            var window = PageWindow.Choose(skip, first, pageSize, maxPage);
            Assert.Equal((page, limit, offset), (window.Page, window.Limit, window.Offset));
        }

        [Fact]
        public async Task Skip_and_First_request_only_the_pages_they_need_and_return_exactly_their_items()
        {
            var list = new Numbers(1000);
            using (var reader = new PageReader<long>(list.Fetch, Window(150, 60, 50), MaxPage, 4, OmnideskCallContext.None))
            {
                var pages = await ReadAll(reader);
                Assert.Equal(Enumerable.Range(150, 60).Select(i => (long)i), pages.SelectMany(p => p.Items));
                Assert.Equal(new[] { (4L, 50), (5L, 50) }, list.Sent);
                Assert.Equal(new[] { 4L, 5L }, pages.Select(p => p.Number));
                Assert.Same(pages[0].Answer.Items, pages[0].Items);   // a whole page is handed on, not copied
                Assert.Equal(1000, reader.TotalCount);
            }

            var small = new Numbers(1000);
            using (var reader = new PageReader<long>(small.Fetch, Window(3, 5), MaxPage, 4, OmnideskCallContext.None))
            {
                Assert.Equal(new long[] { 3, 4, 5, 6, 7 }, (await ReadAll(reader)).SelectMany(p => p.Items));
                Assert.Equal(new[] { (1L, 8) }, small.Sent);
            }
        }

        [Fact]
        public async Task First_0_reads_one_smallest_page_for_the_total_and_nothing_without_it()
        {
            var list = new Numbers(1000);
            using (var reader = new PageReader<long>(list.Fetch, Window(first: 0, includeTotalCount: true), MaxPage, 4, OmnideskCallContext.None))
            {
                var page = Assert.Single(await ReadAll(reader));
                Assert.Empty(page.Items);
                Assert.Equal(1000, reader.TotalCount);
                Assert.Equal(new[] { (1L, 1) }, list.Sent);
            }
            using (var reader = new PageReader<long>(list.Fetch, Window(first: 0), MaxPage, 4, OmnideskCallContext.None))
            {
                Assert.Empty(await ReadAll(reader));
                Assert.Single(list.Sent);
            }
        }

        /// <summary>Pages the test completes by hand, in any order.</summary>
        private sealed class HeldPages
        {
            public readonly ConcurrentDictionary<long, TaskCompletionSource<OmnideskPage<long>>> Pending =
                new ConcurrentDictionary<long, TaskCompletionSource<OmnideskPage<long>>>();
            public readonly ConcurrentQueue<long> Started = new ConcurrentQueue<long>();
            public readonly ConcurrentQueue<CancellationToken> Tokens = new ConcurrentQueue<CancellationToken>();

            public Task<OmnideskPage<long>> Fetch(long page, int limit, OmnideskCallContext context)
            {
                var answer = new TaskCompletionSource<OmnideskPage<long>>(TaskCreationOptions.RunContinuationsAsynchronously);
                context.Cancellation.Register(() => answer.TrySetCanceled());
                Pending[page] = answer;
                Started.Enqueue(page);
                Tokens.Enqueue(context.Cancellation);
                return answer.Task;
            }

            public void Answer(long page, int limit, long? total) =>
                Pending[page].SetResult(new OmnideskPage<long>(Enumerable.Range((int)((page - 1) * limit), limit).Select(i => (long)i).ToList(), total));
        }

        [Fact]
        public async Task Once_the_total_is_known_at_most_the_concurrency_of_pages_are_read_ahead_and_they_come_in_order()
        {
            var held = new HeldPages();
            using var reader = new PageReader<long>(held.Fetch, Window(pageSize: 10), MaxPage, 3, OmnideskCallContext.None);

            var next = reader.NextAsync();
            Assert.Equal(new[] { 1L }, held.Started);   // the first page alone: nothing is known before it
            held.Answer(1, 10, 100);
            Assert.Equal(1, (await next).Number);

            var returned = 1;
            var maxInFlight = 0;
            for (var expected = 2L; expected <= 10; expected++)
            {
                next = reader.NextAsync();
                var inFlight = held.Started.Count - returned;
                maxInFlight = Math.Max(maxInFlight, inFlight);
                Assert.True(inFlight <= 3, $"{inFlight} pages in flight");
                // Answer the pages in flight last first: the reader still returns them in order.
                foreach (var page in held.Started.Skip(returned).Reverse()) if (!held.Pending[page].Task.IsCompleted) held.Answer(page, 10, 100);
                var got = await next;
                Assert.Equal(expected, got.Number);
                Assert.Equal(Enumerable.Range((int)(expected - 1) * 10, 10).Select(i => (long)i), got.Items);
                returned++;
            }
            Assert.Equal(3, maxInFlight);
            Assert.Null(await reader.NextAsync());
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), held.Started);   // page 11 is past the total: never asked
        }

        [Fact]
        public async Task Without_a_total_pages_are_read_one_at_a_time_until_a_short_one()
        {
            var held = new HeldPages();
            using var reader = new PageReader<long>(held.Fetch, Window(pageSize: 10), MaxPage, 4, OmnideskCallContext.None);
            for (var page = 1L; page <= 3; page++)
            {
                var next = reader.NextAsync();
                Assert.Equal(page, held.Started.Count);
                held.Answer(page, 10, null);
                await next;
            }
            var last = reader.NextAsync();
            held.Pending[4].SetResult(new OmnideskPage<long>(new long[] { 30, 31 }, null));
            Assert.Equal(new long[] { 30, 31 }, (await last).Items);
            Assert.Null(await reader.NextAsync());
            Assert.Equal(4, held.Started.Count);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task A_list_longer_than_the_page_limit_stops_at_its_last_page_and_says_how_many_were_not_reached(bool sendsTotal)
        {
            var list = new Numbers(MaxPage * 2 + 37, sendsTotal);
            using var reader = new PageReader<long>(list.Fetch, Window(pageSize: 2), MaxPage, 4, OmnideskCallContext.None);

            var pages = await ReadAll(reader);

            Assert.Equal(MaxPage, pages.Count);
            Assert.Equal(MaxPage, list.Sent.Max(s => s.Page));   // the page after the limit is never asked for
            Assert.Equal(MaxPage, list.Sent.Count);
            var last = pages[pages.Count - 1];
            Assert.True(last.CutAtPageLimit);
            Assert.Equal(sendsTotal ? 37 : (long?)null, last.UnreachedCount);
            Assert.DoesNotContain(pages.Take(pages.Count - 1), p => p.CutAtPageLimit);
        }

        [Fact]
        public async Task A_window_that_ends_on_the_last_page_served_is_not_cut()
        {
            var list = new Numbers(MaxPage * 2 + 37);
            using var reader = new PageReader<long>(list.Fetch, Window(first: (ulong)MaxPage * 2, pageSize: 2), MaxPage, 4, OmnideskCallContext.None);

            var pages = await ReadAll(reader);

            Assert.Equal(MaxPage * 2, pages.Sum(p => p.Items.Count));
            Assert.DoesNotContain(pages, p => p.CutAtPageLimit);
        }

        [Fact]
        public async Task Disposing_a_reader_early_cancels_the_pages_in_flight_and_asks_for_no_more()
        {
            var held = new HeldPages();
            var reader = new PageReader<long>(held.Fetch, Window(pageSize: 10), MaxPage, 3, OmnideskCallContext.None);
            var next = reader.NextAsync();
            held.Answer(1, 10, 1000);
            await next;
            next = reader.NextAsync();                     // starts pages 2, 3 and 4
            held.Answer(2, 10, 1000);
            await next;
            Assert.Equal(4, held.Started.Count);

            reader.Dispose();

            Assert.All(held.Tokens, t => Assert.True(t.IsCancellationRequested));
            Assert.True(held.Pending[3].Task.IsCanceled && held.Pending[4].Task.IsCanceled);
            Assert.Null(await reader.NextAsync());
            Assert.Equal(4, held.Started.Count);
        }

        [Fact]
        public async Task The_callers_cancellation_reaches_every_request()
        {
            var held = new HeldPages();
            using var stop = new CancellationTokenSource();
            using var reader = new PageReader<long>(held.Fetch, Window(pageSize: 10), MaxPage, 3, new OmnideskCallContext(stop.Token));
            var next = reader.NextAsync();
            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
        }
    }
}

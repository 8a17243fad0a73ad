using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>
    /// A command's request slots (<see cref="OmnideskCallContext.RequestSlots"/>): however its requests are started, no
    /// more than the slots are under way at once, a retry keeps its slot, and a request still waiting for one when the
    /// command stops is never sent.
    /// </summary>
    public class RequestSlotTests
    {
        private const string OneCase = """{"case":{"case_id":1}}""";

        /// <summary>A server that holds each request until released, counting how many it holds at once.</summary>
        private sealed class HeldServer : IDisposable
        {
            private readonly SemaphoreSlim _release = new SemaphoreSlim(0);
            private int _now;
            private int _most;

            public int Most => Volatile.Read(ref _most);
            public int Now => Volatile.Read(ref _now);

            public FakeHandler Handler(Func<int, HttpResponseMessage> answer = null) => new FakeHandler(async (request, n, ct) =>
            {
                var now = Interlocked.Increment(ref _now);
                int most;
                while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most) { }
                try
                {
                    await _release.WaitAsync(ct);
                    return answer?.Invoke(n) ?? Http.Json(OneCase);
                }
                finally
                {
                    Interlocked.Decrement(ref _now);
                }
            });

            public void Release(int count) => _release.Release(count);

            public void Dispose() => _release.Dispose();

            public async Task WaitUntilHeld(int count)
            {
                for (var i = 0; i < 500 && Now < count; i++) await Task.Delay(10);
                Assert.Equal(count, Now);
            }
        }

        [Fact]
        public async Task No_more_requests_are_under_way_than_the_command_has_slots()
        {
            using var server = new HeldServer();
            var handler = server.Handler();
            using var client = TestSettings.Client(handler);
            var slots = new SemaphoreSlim(3);
            var context = new OmnideskCallContext(CancellationToken.None, requestSlots: slots);

            var reads = Enumerable.Range(1, 12).Select(i => client.GetCaseAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture), context)).ToList();
            await server.WaitUntilHeld(3);
            await Task.Delay(50); // time for a fourth to arrive, were it let through
            Assert.Equal(3, server.Now);

            server.Release(12);
            await Task.WhenAll(reads);
            Assert.Equal(12, handler.Calls);
            Assert.Equal(3, server.Most);
            Assert.Equal(3, slots.CurrentCount); // every slot given back
        }

        [Fact]
        public async Task Without_slots_nothing_but_the_caller_limits_requests()
        {
            using var server = new HeldServer();
            using var client = TestSettings.Client(server.Handler());
            var reads = Enumerable.Range(1, 6).Select(i => client.GetCaseAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture), OmnideskCallContext.None)).ToList();
            await server.WaitUntilHeld(6);
            server.Release(6);
            await Task.WhenAll(reads);
            Assert.Equal(6, server.Most);
        }

        [Fact]
        public async Task A_retry_keeps_its_slot_and_a_failure_gives_it_back()
        {
            var slots = new SemaphoreSlim(1);
            var handler = new FakeHandler(n => n == 1 ? Http.Status(503) : n == 2 ? Http.Json(OneCase) : Http.Json("""{"error":"case_not_found"}""", 404));
            using var client = TestSettings.Client(handler);
            var context = new OmnideskCallContext(CancellationToken.None, requestSlots: slots);

            var first = await client.GetCaseAsync("1", context);   // 503, then 200: one exchange in one slot
            Assert.Equal(1, first.CaseId);
            await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetCaseAsync("2", context));
            Assert.Equal(3, handler.Calls);
            Assert.Equal(1, slots.CurrentCount);
        }

        [Fact]
        public async Task A_request_waiting_for_a_slot_when_the_command_stops_is_never_sent()
        {
            using var server = new HeldServer();
            var handler = server.Handler();
            using var client = TestSettings.Client(handler);
            using var stop = new CancellationTokenSource();
            var slots = new SemaphoreSlim(2);
            var context = new OmnideskCallContext(stop.Token, requestSlots: slots);

            var reads = Enumerable.Range(1, 5).Select(i => client.GetCaseAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture), context)).ToList();
            await server.WaitUntilHeld(2);
            stop.Cancel();
            foreach (var read in reads) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);

            Assert.Equal(2, handler.Calls);
            Assert.Equal(2, slots.CurrentCount);
        }

        [Fact]
        public async Task A_download_holds_a_slot_until_its_body_is_written()
        {
            using var server = new HeldServer();
            var handler = server.Handler(_ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[] { 1, 2, 3 }) });
            using var client = TestSettings.Client(handler);
            var slots = new SemaphoreSlim(1);
            var context = new OmnideskCallContext(CancellationToken.None, requestSlots: slots);
            using var first = new System.IO.MemoryStream();
            using var second = new System.IO.MemoryStream();

            var downloads = new[]
            {
                client.DownloadAsync(new Uri("https://acme.omnidesk.ru/files/1"), first, null, context),
                client.DownloadAsync(new Uri("https://acme.omnidesk.ru/files/2"), second, null, context),
            };
            await server.WaitUntilHeld(1);
            await Task.Delay(50);
            Assert.Equal(1, server.Now);
            server.Release(2);
            await Task.WhenAll(downloads);
            Assert.Equal(1, server.Most);
            Assert.Equal(3, first.Length);
            Assert.Equal(3, second.Length);
            Assert.Equal(1, slots.CurrentCount);
        }
    }
}

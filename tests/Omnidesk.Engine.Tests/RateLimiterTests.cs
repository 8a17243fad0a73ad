using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Omnidesk.Engine.Http;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>
    /// The client-side, per-account rate limiter. Budgets are small (20–600 per minute) so that permits come every
    /// 100 ms – 3 s; lower bounds are loose and upper bounds generous, for a loaded 2-core machine.
    /// </summary>
    public class RateLimiterTests
    {
        private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

        private static HttpResponseMessage Ok(params (string, string)[] headers) => Http.Json("{}", 200, headers);

        private static HttpResponseMessage Budget(int limit) => Ok(("rate_limit_per_minute", limit.ToString()));

        private static Task<OmnideskClient.RawResponse> Get(OmnideskClient client, OmnideskCallContext context = null) =>
            client.SendAsync(HttpMethod.Get, "api/cases.json", null, (HttpContent)null, context ?? OmnideskCallContext.None);

        private static Task<OmnideskClient.RawResponse> Put(OmnideskClient client, OmnideskCallContext context = null) =>
            client.SendAsync(HttpMethod.Put, "api/cases/1.json", null, new StringContent("{\"case\":{\"subject\":\"x\"}}"),
                context ?? OmnideskCallContext.None);

        private static OmnideskClientSettings Settings(string baseUri = "https://acme.omnidesk.ru", string email = TestSettings.Email,
            int retries = 3, int timeoutMs = 5000, int maxDelayMs = 2000)
        {
            var settings = TestSettings.Create(retries, timeoutMs, 10, maxDelayMs, baseUri);
            settings.Credential = new NetworkCredential(email, TestSettings.ApiKey);
            return settings;
        }

        private static OmnideskClient Client(FakeHandler handler, AccountRateLimiters registry, OmnideskClientSettings settings = null) =>
            OmnideskClientFactory.Create(settings ?? Settings(), handler, registry);

        private static string UniqueHost() => "https://t" + Guid.NewGuid().ToString("N") + ".omnidesk.test";

        private static async Task<TimeSpan> Timed(Func<Task> action)
        {
            var watch = Stopwatch.StartNew();
            await action();
            return watch.Elapsed;
        }

        [Fact]
        public async Task No_limiting_while_the_budget_is_unknown()
        {
            var handler = new FakeHandler(_ => Ok()); // no rate-limit headers at all
            using var client = Client(handler, new AccountRateLimiters());

            var elapsed = await Timed(() => Task.WhenAll(Enumerable.Range(0, 150).Select(_ => Get(client))));

            Assert.Equal(150, handler.Calls);
            Assert.Null(client.AccountLimiter.LimitPerMinute);
            Assert.True(elapsed < TimeSpan.FromSeconds(1.5), $"150 GETs took {elapsed}");
        }

        [Fact]
        public async Task Once_the_budget_is_known_gets_follow_it()
        {
            // 600 a minute: 10 permits a second, a burst of 60. 70 GETs: 60 at once, 10 more over ≈1 s.
            var handler = new FakeHandler(_ => Budget(600));
            using var client = Client(handler, new AccountRateLimiters());
            await Get(client);
            Assert.Equal(600, client.AccountLimiter.LimitPerMinute);

            var elapsed = await Timed(() => Task.WhenAll(Enumerable.Range(0, 70).Select(_ => Get(client))));

            Assert.Equal(71, handler.Calls);
            Assert.InRange(elapsed, TimeSpan.FromSeconds(0.7), TimeSpan.FromSeconds(4));
        }

        [Fact]
        public async Task A_write_takes_two_permits()
        {
            // 35 writes = 70 permits (≈1 s past the burst of 60); 35 GETs = 35 permits (within the burst).
            var writes = new FakeHandler(_ => Budget(600));
            using var writer = Client(writes, new AccountRateLimiters());
            await Get(writer);
            var writeTime = await Timed(() => Task.WhenAll(Enumerable.Range(0, 35).Select(_ => Put(writer))));

            var reads = new FakeHandler(_ => Budget(600));
            using var reader = Client(reads, new AccountRateLimiters());
            await Get(reader);
            var readTime = await Timed(() => Task.WhenAll(Enumerable.Range(0, 35).Select(_ => Get(reader))));

            Assert.Equal(36, writes.Calls);
            Assert.InRange(writeTime, TimeSpan.FromSeconds(0.7), TimeSpan.FromSeconds(4));
            Assert.True(readTime < TimeSpan.FromSeconds(0.6), $"35 GETs within the burst took {readTime}");
        }

        [Fact]
        public async Task Clients_of_one_account_share_the_limiter_other_accounts_do_not()
        {
            // The process-wide registry, with hosts no other test uses.
            var host = UniqueHost();
            var handlerA = new FakeHandler(_ => Budget(600));
            var handlerB = new FakeHandler(_ => Budget(600));
            var handlerC = new FakeHandler(_ => Budget(600));
            using var a = OmnideskClientFactory.Create(Settings(host, "a@example.com"), handlerA);
            using var b = OmnideskClientFactory.Create(Settings(host.ToUpperInvariant() + "/api/", "b@example.com"), handlerB);
            using var c = OmnideskClientFactory.Create(Settings(UniqueHost(), "a@example.com"), handlerC);
            Assert.Same(a.AccountLimiter, b.AccountLimiter);
            Assert.NotSame(a.AccountLimiter, c.AccountLimiter);

            await Get(a);                                                  // the account's budget: 600
            await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => Get(a))); // a spends the burst
            var bTime = await Timed(async () => { for (var i = 0; i < 10; i++) await Get(b); });

            await Get(c);
            var cTime = await Timed(async () => { for (var i = 0; i < 10; i++) await Get(c); });

            Assert.Equal(10, handlerB.Calls);
            Assert.InRange(bTime, TimeSpan.FromSeconds(0.7), TimeSpan.FromSeconds(4));
            Assert.True(cTime < TimeSpan.FromSeconds(0.6), $"another account's 10 GETs took {cTime}");
        }

        [Fact]
        public async Task Low_api_calls_left_delays_the_next_request()
        {
            // L = 600: reserve 12; left 0 → (12 + 1 − 0) calls × 0.1 s = 1.3 s after that answer.
            var handler = new FakeHandler(n => n == 1
                ? Ok(("rate_limit_per_minute", "600"), ("api_calls_left", "0"))
                : Ok(("rate_limit_per_minute", "600"), ("api_calls_left", "500")));
            using var client = Client(handler, new AccountRateLimiters());
            var recorder = new Recorder();
            await Get(client);

            var delayed = await Timed(() => Get(client, recorder.Context()));
            var next = await Timed(() => Get(client, recorder.Context()));

            Assert.InRange(delayed, TimeSpan.FromSeconds(1.0), TimeSpan.FromSeconds(4));
            Assert.True(next < TimeSpan.FromSeconds(0.5), $"with 500 calls left the request waited {next}");
            var notice = Assert.Single(recorder.Retries);
            Assert.Null(notice.StatusCode);
            Assert.True(notice.IsPacing);
            Assert.StartsWith("rate limit: waiting 1.", notice.Reason);
            Assert.Contains("api_calls_left=0 of 600", notice.Reason);
            Assert.InRange(notice.Delay, TimeSpan.FromSeconds(1.0), TimeSpan.FromSeconds(1.31));
        }

        [Fact]
        public async Task A_429_blocks_other_requests_of_the_account_for_retry_after_without_double_waiting()
        {
            var registry = new AccountRateLimiters();
            var handlerA = new FakeHandler(n => n == 1 ? Http.Status(429, ("retry_after", "1")) : Ok());
            var handlerB = new FakeHandler(_ => Ok());
            var handlerC = new FakeHandler(_ => Ok());
            using var a = Client(handlerA, registry, Settings(email: "a@example.com"));
            using var b = Client(handlerB, registry, Settings(email: "b@example.com"));
            using var c = Client(handlerC, registry, Settings("https://other.omnidesk.ru"));

            var retrying = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var aWatch = Stopwatch.StartNew();
            var aTask = Get(a, new OmnideskCallContext(CancellationToken.None, onRetry: _ => retrying.TrySetResult(true)));
            Assert.True(await Task.WhenAny(retrying.Task, Task.Delay(Soon)) == retrying.Task, "no 429 retry");

            var bTime = await Timed(() => Get(b));
            var cTime = await Timed(() => Get(c));
            await aTask;
            aWatch.Stop();

            Assert.InRange(bTime, TimeSpan.FromSeconds(0.7), TimeSpan.FromSeconds(3));
            Assert.True(cTime < TimeSpan.FromSeconds(0.5), $"another account waited {cTime}");
            Assert.Equal(2, handlerA.Calls);
            // The retry waits retry_after once: the account's block has passed by then.
            Assert.InRange(aWatch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(1.85));
        }

        [Fact]
        public async Task The_429_block_is_capped_by_MaxRetryDelay()
        {
            var registry = new AccountRateLimiters();
            var handlerA = new FakeHandler(n => n == 1 ? Http.Status(429, ("retry_after", "30")) : Ok());
            var handlerB = new FakeHandler(_ => Ok());
            using var a = Client(handlerA, registry, Settings(maxDelayMs: 300));
            using var b = Client(handlerB, registry, Settings(maxDelayMs: 300));

            await Get(a);
            var bTime = await Timed(() => Get(b));

            Assert.Equal(2, handlerA.Calls);
            Assert.True(bTime < TimeSpan.FromSeconds(1), $"waited {bTime}");
        }

        [Fact]
        public async Task Cancellation_during_a_wait_for_permits_returns_at_once()
        {
            // L = 20: a burst of 2 and a permit every 3 s. The PUT spends the burst; the next GET waits ≈3 s.
            var handler = new FakeHandler(_ => Budget(20));
            using var client = Client(handler, new AccountRateLimiters());
            await Get(client);
            await Put(client);

            var recorder = new Recorder();
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var watch = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Get(client, recorder.Context(cts.Token)));
            watch.Stop();

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.2), $"cancellation took {watch.Elapsed}");
            Assert.Equal(2, handler.Calls); // the cancelled request was never sent
            var notice = Assert.Single(recorder.Retries);
            Assert.Matches(@"^rate limit: waiting \d+\.\d s for the account's budget$", notice.Reason);
            Assert.InRange(notice.Delay, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3.1));
            Assert.Null(notice.StatusCode);
            Assert.Equal(0, notice.Attempt);
        }

        [Fact]
        public async Task Cancellation_during_a_429_block_returns_at_once()
        {
            var registry = new AccountRateLimiters();
            var handlerA = new FakeHandler(_ => Http.Status(429, ("retry_after", "30")));
            var handlerB = new FakeHandler(_ => Ok());
            using var a = Client(handlerA, registry, Settings(maxDelayMs: 60000));
            using var b = Client(handlerB, registry, Settings(maxDelayMs: 60000));
            using var aCts = new CancellationTokenSource();
            var retrying = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var aTask = Get(a, new OmnideskCallContext(aCts.Token, onRetry: _ => retrying.TrySetResult(true)));
            Assert.True(await Task.WhenAny(retrying.Task, Task.Delay(Soon)) == retrying.Task, "no 429 retry");

            var recorder = new Recorder();
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var watch = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Get(b, recorder.Context(cts.Token)));
            watch.Stop();
            aCts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => aTask);

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.2), $"cancellation took {watch.Elapsed}");
            Assert.Equal(0, handlerB.Calls);
            var notice = Assert.Single(recorder.Retries);
            Assert.StartsWith("rate limit: waiting ", notice.Reason);
            Assert.Contains("429", notice.Reason);
            Assert.InRange(notice.Delay, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
        }

        [Fact]
        public async Task Every_attempt_takes_permits_and_the_wait_is_not_part_of_the_attempt_timeout()
        {
            // L = 60: a burst of 6, a permit a second. Six attempts of one GET (five 503s) spend the burst.
            var registry = new AccountRateLimiters();
            var first = new FakeHandler(n => n == 1 || n >= 7 ? Budget(60) : Http.Status(503, ("rate_limit_per_minute", "60")));
            using var retrying = Client(first, registry, Settings(retries: 5));
            await Get(retrying);
            await Get(retrying);
            Assert.Equal(7, first.Calls);

            // A per-attempt timeout of 300 ms, no retries: waiting ≈1 s for a permit must not time it out.
            var second = new FakeHandler(_ => Budget(60));
            using var strict = Client(second, registry, Settings(retries: 0, timeoutMs: 300));
            var elapsed = await Timed(() => Get(strict));

            Assert.Equal(1, second.Calls);
            Assert.InRange(elapsed, TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(3)); // next permit: ≤ 1 s after the bucket was built
        }

        [Fact]
        public async Task A_new_budget_rebuilds_the_bucket_and_frees_its_waiters()
        {
            var handler = new FakeHandler(n => n <= 2 ? Budget(20) : Budget(600));
            using var client = Client(handler, new AccountRateLimiters());
            await Get(client);
            await Put(client); // the burst of 2 is spent: the next permit in ≈3 s

            var watch = Stopwatch.StartNew();
            var waiting = Get(client);
            await Task.Delay(200);
            Assert.False(waiting.IsCompleted);
            client.AccountLimiter.Observe(Budget(600), TimeSpan.Zero, Dialects.DeskieDialect.Instance.RateLimitHeaders); // another connection learnt a larger budget
            await waiting;
            watch.Stop();

            Assert.Equal(600, client.AccountLimiter.LimitPerMinute);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"the waiter took {watch.Elapsed}");
        }

        [Fact]
        public void Registry_key_is_scheme_host_and_port_ignoring_path_and_case()
        {
            Assert.Equal("https://acme.omnidesk.ru:443", AccountRateLimiters.KeyOf(new Uri("HTTPS://Acme.Omnidesk.RU/api/")));
            Assert.Equal("https://acme.omnidesk.ru:443", AccountRateLimiters.KeyOf(new Uri("https://acme.omnidesk.ru:443/x/y?z=1")));
            Assert.Equal("http://acme.omnidesk.ru:80", AccountRateLimiters.KeyOf(new Uri("http://acme.omnidesk.ru")));
            Assert.Equal("https://acme.omnidesk.ru:8443", AccountRateLimiters.KeyOf(new Uri("https://acme.omnidesk.ru:8443/")));

            var registry = new AccountRateLimiters();
            var one = registry.Get(new Uri("https://ACME.omnidesk.ru/api"));
            Assert.Same(one, registry.Get(new Uri("https://acme.omnidesk.ru/")));
            Assert.Same(one, registry.Get(new Uri("https://acme.OMNIDESK.ru:443/other/path/")));
            Assert.NotSame(one, registry.Get(new Uri("http://acme.omnidesk.ru/")));
            Assert.NotSame(one, registry.Get(new Uri("https://acme.omnidesk.ru:8443/")));
            Assert.NotSame(one, registry.Get(new Uri("https://other.omnidesk.ru/")));
            Assert.Equal(4, registry.Count);
        }

        [Fact]
        public void Factory_clients_use_the_process_wide_registry()
        {
            var host = UniqueHost();
            using var a = OmnideskClientFactory.Create(Settings(host + "/api"), new FakeHandler(_ => Ok()));
            using var b = (OmnideskClient)OmnideskClientFactory.Create(Settings(host.ToUpperInvariant()));
            Assert.Same(a.AccountLimiter, b.AccountLimiter);
            Assert.Same(AccountRateLimiters.Shared.Get(new Uri(host)), a.AccountLimiter);
        }

        [Fact]
        public void Notice_reason_text()
        {
            Assert.Equal("rate limit: waiting 2.5 s for the account's budget",
                AccountRateLimiter.FormatReason(TimeSpan.FromSeconds(2.5), "for the account's budget"));
            Assert.Equal("rate limit: waiting 1.3 s for the account's budget",
                AccountRateLimiter.FormatReason(TimeSpan.FromSeconds(1.21), "for the account's budget"));
        }
    }
}

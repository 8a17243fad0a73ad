using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    public class RetryTests
    {
        private const string OneCase = """{"0":{"case":{"case_id":1}},"total_count":1}""";

        private static HttpRequestException Dropped() =>
            new HttpRequestException("Error while copying content to a stream.",
                new IOException("Unable to read data from the transport connection: Connection reset by peer.",
                    new SocketException((int)SocketError.ConnectionReset)));

        private static HttpRequestException Refused() =>
            new HttpRequestException("Connection refused (acme.omnidesk.ru:443)", new SocketException((int)SocketError.ConnectionRefused));

        private static HttpRequestException HostNotFound() =>
            new HttpRequestException("Name or service not known (acme.omnidesk.ru:443)", new SocketException((int)SocketError.HostNotFound));

        private static Task<OmnideskClient.RawResponse> Write(OmnideskClient client, string method, OmnideskCallContext context) =>
            client.SendAsync(new HttpMethod(method), "api/cases/1.json", null, new StringContent("{\"case\":{\"subject\":\"x\"}}"), context);

        [Fact]
        public async Task Error_body_gives_ErrorCode_StatusCode_and_a_message_with_method_and_path()
        {
            var handler = new FakeHandler(_ => Http.Json("{\"error\":\"case_not_found\"}", 404));
            using var client = TestSettings.Client(handler);

            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetCaseAsync("123", OmnideskCallContext.None));

            Assert.Equal(OmnideskFailureKind.Http, ex.Kind);
            Assert.Equal(404, ex.StatusCode);
            Assert.Equal("case_not_found", ex.ErrorCode);
            Assert.Equal("GET", ex.Method);
            Assert.Equal("/api/cases/123.json", ex.Path);
            Assert.Contains("GET /api/cases/123.json", ex.Message);
            Assert.Contains("case_not_found", ex.Message);
            Assert.Equal("{\"error\":\"case_not_found\"}", ex.ResponseBody);
            Assert.Equal(1, handler.Calls); // 404 is not retried
        }

        [Fact]
        public async Task Error_body_is_cut_to_4_KB()
        {
            var big = "<html>" + new string('x', 10000) + "</html>";
            var handler = new FakeHandler(_ => Http.Json(big, 500));
            using var client = TestSettings.Client(handler);
            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetFiltersAsync(OmnideskCallContext.None));
            Assert.Equal(500, ex.StatusCode);
            Assert.Null(ex.ErrorCode);
            Assert.Equal(4096, ex.ResponseBody.Length);
        }

        [Fact]
        public async Task Status_429_honours_retry_after_seconds_then_succeeds()
        {
            var handler = new FakeHandler(n => n == 1
                ? Http.Status(429, ("retry_after", "1"), ("api_calls_left", "0"), ("rate_limit_per_minute", "50"))
                : Http.Json(OneCase, 200, ("api_calls_left", "49"), ("rate_limit_per_minute", "50")));
            using var client = TestSettings.Client(handler);
            var recorder = new Recorder();

            var watch = Stopwatch.StartNew();
            var page = await client.GetCasesAsync(null, 1, 100, recorder.Context());
            watch.Stop();

            Assert.Equal(1, Assert.Single(page.Items).CaseId);
            Assert.Equal(2, handler.Calls);
            var notice = Assert.Single(recorder.Retries);
            Assert.Equal(TimeSpan.FromSeconds(1), notice.Delay);
            Assert.Equal(429, notice.StatusCode);
            Assert.Equal(1, notice.Attempt);
            Assert.Equal("429 Too Many Requests", notice.Reason);
            Assert.False(notice.IsPacing);
            Assert.Equal("GET", notice.Method);
            Assert.Equal("/api/cases.json?page=1&limit=100", notice.PathAndQuery);
            Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited only {watch.Elapsed}");
            Assert.Equal(new int?[] { 429, 200 }, recorder.Requests.Select(r => r.StatusCode));
            Assert.Equal(new[] { 1, 2 }, recorder.Requests.Select(r => r.Attempt));
            Assert.Equal(new int?[] { 0, 49 }, recorder.Requests.Select(r => r.ApiCallsLeft));
        }

        [Fact]
        public async Task Standard_Retry_After_header_is_honoured_and_capped()
        {
            var handler = new FakeHandler(n => n == 1 ? Http.Status(503, ("Retry-After", "120")) : Http.Json(OneCase));
            using var client = TestSettings.Client(handler, TestSettings.Create(maxDelayMs: 50));
            var recorder = new Recorder();

            await client.GetCasesAsync(null, 1, 1, recorder.Context());

            Assert.Equal(TimeSpan.FromMilliseconds(50), Assert.Single(recorder.Retries).Delay);
        }

        [Fact]
        public void Retry_after_forms()
        {
            Assert.Equal(TimeSpan.FromSeconds(2), Http2(("retry_after", "2")));
            Assert.Equal(TimeSpan.FromSeconds(1.5), Http2(("retry_after", "1.5")));
            Assert.Equal(TimeSpan.FromSeconds(3), Http2(("Retry-After", "3")));
            Assert.Equal(TimeSpan.FromSeconds(2), Http2(("retry_after", "2"), ("Retry-After", "30"))); // Omnidesk's name first
            var date = Http2(("Retry-After", DateTimeOffset.UtcNow.AddSeconds(30).ToString("r")));
            Assert.InRange(date.Value.TotalSeconds, 25, 31);
            Assert.Null(Http2());

            static TimeSpan? Http2(params (string, string)[] headers) =>
                Http.RetryPipelineProbe.ServerDelay(Http.Status(429, headers));
        }

        [Fact]
        public async Task Status_503_without_header_backs_off_exponentially_then_succeeds()
        {
            var handler = new FakeHandler(n => n <= 3 ? Http.Status(503) : Http.Json(OneCase));
            using var client = TestSettings.Client(handler, TestSettings.Create(retries: 3, baseDelayMs: 20));
            var recorder = new Recorder();

            var page = await client.GetCasesAsync(null, 1, 1, recorder.Context());

            Assert.Single(page.Items);
            Assert.Equal(4, handler.Calls);
            var delays = recorder.Retries.Select(r => r.Delay.TotalMilliseconds).ToArray();
            Assert.Equal(3, delays.Length);
            Assert.InRange(delays[0], 16, 24);  // 20 × [0.8, 1.2)
            Assert.InRange(delays[1], 32, 48);  // 40 × …
            Assert.InRange(delays[2], 64, 96);  // 80 × …
            Assert.All(recorder.Retries, r => Assert.Equal("503 Service Unavailable", r.Reason));
            Assert.Equal(new[] { 1, 2, 3 }, recorder.Retries.Select(r => r.Attempt));
        }

        [Fact]
        public async Task Retries_exhausted_gives_the_last_status()
        {
            var handler = new FakeHandler(n => n < 3 ? Http.Status(502) : Http.Json("{\"error\":\"busy\"}", 504));
            using var client = TestSettings.Client(handler, TestSettings.Create(retries: 2));
            var recorder = new Recorder();

            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetCasesAsync(null, 1, 1, recorder.Context()));

            Assert.Equal(3, handler.Calls);
            Assert.Equal(504, ex.StatusCode);
            Assert.Equal("busy", ex.ErrorCode);
            Assert.Equal(OmnideskFailureKind.Http, ex.Kind);
            Assert.Equal(new[] { "502 Bad Gateway", "502 Bad Gateway" }, recorder.Retries.Select(r => r.Reason));
        }

        [Fact]
        public async Task No_retries_when_MaxRetryCount_is_zero()
        {
            var handler = new FakeHandler(_ => Http.Status(503));
            using var client = TestSettings.Client(handler, TestSettings.Create(retries: 0));
            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetFiltersAsync(OmnideskCallContext.None));
            Assert.Equal(503, ex.StatusCode);
            Assert.Equal(1, handler.Calls);
        }

        [Fact]
        public async Task Get_is_retried_after_a_timeout()
        {
            var handler = new FakeHandler((r, n, ct) => n == 1 ? Http.Hang(ct) : Task.FromResult(Http.Json(OneCase)));
            using var client = TestSettings.Client(handler, TestSettings.Create(timeoutMs: 200));
            var recorder = new Recorder();

            var page = await client.GetCasesAsync(null, 1, 1, recorder.Context());

            Assert.Single(page.Items);
            Assert.Equal(2, handler.Calls);
            Assert.Equal("timeout", Assert.Single(recorder.Retries).Reason);
            Assert.Equal(new int?[] { null, 200 }, recorder.Requests.Select(r => r.StatusCode));
            Assert.InRange(recorder.Requests.First().ElapsedMilliseconds, 150, 3000);
        }

        [Fact]
        public async Task Get_timeouts_exhausted_is_Kind_Timeout()
        {
            var handler = new FakeHandler((r, n, ct) => Http.Hang(ct));
            using var client = TestSettings.Client(handler, TestSettings.Create(retries: 1, timeoutMs: 100));
            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetFiltersAsync(OmnideskCallContext.None));
            Assert.Equal(OmnideskFailureKind.Timeout, ex.Kind);
            Assert.Null(ex.StatusCode);
            Assert.Equal(2, handler.Calls);
            Assert.Contains("GET /api/filters.json timed out", ex.Message);
        }

        [Fact]
        public async Task Get_is_retried_after_a_network_failure()
        {
            var handler = new FakeHandler(n => n == 1 ? throw Dropped() : Http.Json(OneCase));
            using var client = TestSettings.Client(handler);
            var recorder = new Recorder();

            await client.GetCasesAsync(null, 1, 1, recorder.Context());

            Assert.Equal(2, handler.Calls);
            Assert.Equal("network failure", Assert.Single(recorder.Retries).Reason);
            Assert.Null(recorder.Retries.Single().StatusCode);
        }

        [Fact]
        public async Task Get_network_failures_exhausted_is_Kind_Network()
        {
            var handler = new FakeHandler(n => throw Dropped());
            using var client = TestSettings.Client(handler, TestSettings.Create(retries: 2));
            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetCaseAsync("5", OmnideskCallContext.None));
            Assert.Equal(OmnideskFailureKind.Network, ex.Kind);
            Assert.Null(ex.StatusCode);
            Assert.Equal(3, handler.Calls);
            Assert.IsType<HttpRequestException>(ex.InnerException);
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("PUT")]
        [InlineData("DELETE")]
        public async Task Write_is_not_retried_after_a_timeout(string method)
        {
            var handler = new FakeHandler((r, n, ct) => n == 1 ? Http.Hang(ct) : Task.FromResult(Http.Json("{}")));
            using var client = TestSettings.Client(handler, TestSettings.Create(timeoutMs: 150));
            var recorder = new Recorder();

            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => Write(client, method, recorder.Context()));

            Assert.Equal(1, handler.Calls);
            Assert.Equal(OmnideskFailureKind.Timeout, ex.Kind);
            Assert.Equal(method, ex.Method);
            Assert.Empty(recorder.Retries);
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("PUT")]
        public async Task Write_is_not_retried_after_a_dropped_connection(string method)
        {
            var handler = new FakeHandler(n => n == 1 ? throw Dropped() : Http.Json("{}"));
            using var client = TestSettings.Client(handler);
            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => Write(client, method, OmnideskCallContext.None));
            Assert.Equal(1, handler.Calls);
            Assert.Equal(OmnideskFailureKind.Network, ex.Kind);
        }

        [Theory]
        [InlineData("POST", 500)]
        [InlineData("POST", 502)]
        [InlineData("POST", 504)]
        [InlineData("PUT", 502)]
        [InlineData("PUT", 504)]
        [InlineData("DELETE", 504)]
        public async Task Write_is_not_retried_after_500_502_or_504(string method, int status)
        {
            var handler = new FakeHandler(n => n == 1 ? Http.Status(status) : Http.Json("{}"));
            using var client = TestSettings.Client(handler);
            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => Write(client, method, OmnideskCallContext.None));
            Assert.Equal(1, handler.Calls);
            Assert.Equal(status, ex.StatusCode);
        }

        [Fact]
        public async Task Get_is_retried_after_500()
        {
            var handler = new FakeHandler(n => n == 1 ? Http.Status(500) : Http.Json("{\"total_count\":0}"));
            using var client = TestSettings.Client(handler);
            var page = await client.GetCasesAsync(new OmnideskCaseQuery(), 1, 10, OmnideskCallContext.None);
            Assert.Equal(2, handler.Calls);
            Assert.Equal(0, page.TotalCount);
        }

        [Theory]
        [InlineData("POST", 429)]
        [InlineData("POST", 503)]
        [InlineData("PUT", 429)]
        [InlineData("PUT", 503)]
        public async Task Write_is_retried_after_429_or_503(string method, int status)
        {
            var handler = new FakeHandler(n => n == 1 ? Http.Status(status) : Http.Json("{\"case\":{\"case_id\":1}}", 201));
            using var client = TestSettings.Client(handler);
            var recorder = new Recorder();

            var response = await Write(client, method, recorder.Context());

            Assert.Equal(201, response.StatusCode);
            Assert.Equal(2, handler.Calls);
            Assert.Equal(status, Assert.Single(recorder.Retries).StatusCode);
            Assert.All(handler.Sent, s => Assert.Equal(method, s.Method));
        }

        [Fact]
        public async Task Write_is_retried_when_the_connection_was_never_made()
        {
            var handler = new FakeHandler(n => n == 1 ? throw Refused() : n == 2 ? throw HostNotFound() : Http.Json("{}", 200));
            using var client = TestSettings.Client(handler);
            var recorder = new Recorder();

            await Write(client, "POST", recorder.Context());

            Assert.Equal(3, handler.Calls);
            Assert.Equal(new[] { "network failure", "network failure" }, recorder.Retries.Select(r => r.Reason));
        }

        [Fact]
        public async Task Cancellation_during_a_long_retry_wait_returns_at_once()
        {
            var handler = new FakeHandler(_ => Http.Status(503, ("retry_after", "30")));
            using var client = TestSettings.Client(handler, TestSettings.Create(maxDelayMs: 60000));
            var recorder = new Recorder();
            using var cts = new CancellationTokenSource();
            var context = new OmnideskCallContext(cts.Token, onRetry: n => { recorder.Retries.Enqueue(n); cts.CancelAfter(200); });

            var watch = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetCasesAsync(null, 1, 1, context));
            watch.Stop();

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"took {watch.Elapsed}");
            Assert.Equal(TimeSpan.FromSeconds(30), Assert.Single(recorder.Retries).Delay);
            Assert.Equal(1, handler.Calls);
        }

        [Fact]
        public async Task Cancellation_during_a_request_is_not_wrapped_and_not_retried()
        {
            var handler = new FakeHandler((r, n, ct) => Http.Hang(ct));
            using var client = TestSettings.Client(handler, TestSettings.Create(timeoutMs: 30000));
            using var cts = new CancellationTokenSource(150);

            var watch = Stopwatch.StartNew();
            var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetFiltersAsync(new OmnideskCallContext(cts.Token)));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"took {watch.Elapsed}");
            Assert.Equal(1, handler.Calls);
        }

        [Fact]
        public async Task Already_cancelled_token_sends_nothing()
        {
            var handler = new FakeHandler(_ => Http.Json(OneCase));
            using var client = TestSettings.Client(handler);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                client.GetFiltersAsync(new OmnideskCallContext(new CancellationToken(true))));
            Assert.Equal(0, handler.Calls);
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>A response body served in small chunks with a pause before each: a slow network.</summary>
    internal sealed class SlowStream : Stream
    {
        private readonly byte[] _data;
        private readonly int _chunk;
        private readonly int _delayMs;
        private readonly long _failAt;
        private long _position;

        public SlowStream(byte[] data, int chunk, int delayMs, long failAt = -1)
        {
            _data = data;
            _chunk = chunk;
            _delayMs = delayMs;
            _failAt = failAt;
        }

        /// <summary>How many bytes the engine has read so far.</summary>
        public long Served => Interlocked.Read(ref _position);

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct)
        {
            if (_delayMs > 0) await Task.Delay(_delayMs, ct);
            return Read(buffer, offset, count);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var pos = Served;
            if (_failAt >= 0 && pos >= _failAt) throw new IOException("connection reset by peer (test)");
            var n = (int)Math.Min(Math.Min(count, _chunk), _data.Length - pos);
            if (_failAt >= 0) n = (int)Math.Min(n, _failAt - pos);
            Array.Copy(_data, pos, buffer, offset, n);
            Interlocked.Add(ref _position, n);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A destination that records how much the source had served when the first bytes arrived.</summary>
    internal sealed class WatchedDestination : MemoryStream
    {
        private readonly Func<long> _served;
        public WatchedDestination(Func<long> served) => _served = served;
        public long ServedAtFirstWrite { get; private set; } = -1;

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (ServedAtFirstWrite < 0) ServedAtFirstWrite = _served();
            base.Write(buffer, offset, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }
    }

    public sealed class DownloadTests
    {
        private static readonly Uri AccountFile = new Uri("https://acme.omnidesk.ru/some_path_here/345?token=Sig-QQ77xx");

        private static string ExpectedBasic =>
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(TestSettings.Email + ":" + TestSettings.ApiKey));

        private static byte[] Bytes(int count, int seed)
        {
            var b = new byte[count];
            new Random(seed).NextBytes(b);
            return b;
        }

        private static HttpResponseMessage File(Stream body, long? length, int status = 200)
        {
            var content = new StreamContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            content.Headers.ContentLength = length;
            return new HttpResponseMessage((HttpStatusCode)status) { Content = content };
        }

        private static HttpResponseMessage File(byte[] data) => File(new MemoryStream(data), data.Length);

        [Fact]
        public async Task Streams_a_large_body_with_progress_and_without_credentials()
        {
            var data = Bytes(1_600_000, 1);
            var source = new SlowStream(data, 50_000, 12);
            var handler = new FakeHandler(_ => File(source, data.Length));
            using var client = TestSettings.Client(handler);
            var destination = new WatchedDestination(() => source.Served);
            var progress = new List<(long Bytes, long? Total)>();

            var written = await client.DownloadAsync(AccountFile, destination, (b, t) => progress.Add((b, t)), OmnideskCallContext.None);

            Assert.Equal(data.Length, written);
            Assert.Equal(data, destination.ToArray());
            var sent = Assert.Single(handler.Sent);
            Assert.Equal("GET", sent.Method);
            Assert.Equal(AccountFile, sent.Uri); // the query goes on the wire
            Assert.Null(sent.Authorization);
            Assert.DoesNotContain("application/json", sent.Accept);
            // streamed: the first bytes reached the destination long before the source was read to the end
            Assert.InRange(destination.ServedAtFirstWrite, 1, data.Length / 2);
            Assert.True(progress.Count >= 3, "progress calls: " + progress.Count);
            for (var i = 1; i < progress.Count; i++) Assert.True(progress[i].Bytes > progress[i - 1].Bytes, "progress must increase");
            Assert.All(progress, p => Assert.Equal(data.Length, p.Total));
            Assert.Equal((data.Length, (long?)data.Length), progress[^1]);
            Assert.True(progress.Count <= 1 + 32, "progress is throttled"); // 32 chunks; at most every ~100 ms
        }

        [Fact]
        public async Task Progress_total_is_null_when_the_length_is_unknown()
        {
            var data = Bytes(10_000, 2);
            var handler = new FakeHandler(_ => File(new SlowStream(data, 4096, 0), null));
            using var client = TestSettings.Client(handler);
            var progress = new List<(long, long?)>();

            var written = await client.DownloadAsync(AccountFile, new MemoryStream(), (b, t) => progress.Add((b, t)), OmnideskCallContext.None);

            Assert.Equal(10_000, written);
            Assert.Equal((10_000L, (long?)null), Assert.Single(progress));
        }

        [Theory]
        [InlineData(401)]
        [InlineData(403)]
        public async Task A_401_or_403_from_the_account_host_is_sent_again_with_credentials(int status)
        {
            var data = Bytes(5000, 3);
            var handler = new FakeHandler(n => n == 1 ? Http.Status(status) : File(data));
            using var client = TestSettings.Client(handler);
            var destination = new MemoryStream();

            var written = await client.DownloadAsync(AccountFile, destination, null, OmnideskCallContext.None);

            Assert.Equal(data.Length, written);
            Assert.Equal(data, destination.ToArray());
            var sent = handler.Sent.ToArray();
            Assert.Equal(2, sent.Length);
            Assert.Null(sent[0].Authorization);
            Assert.Equal(ExpectedBasic, sent[1].Authorization);
            Assert.All(sent, s => Assert.Equal(AccountFile, s.Uri));
        }

        [Theory]
        [InlineData("https://cdn.example.net/files/345.pdf?token=Sig-QQ77xx")]
        [InlineData("http://acme.omnidesk.ru/some_path_here/345")] // another scheme
        [InlineData("https://acme.omnidesk.ru:8443/some_path_here/345")] // another port
        [InlineData("https://files.acme.omnidesk.ru/some_path_here/345")] // another host
        [InlineData("https://acme.omnidesk.ru.evil.example/some_path_here/345")]
        public async Task Credentials_never_go_to_another_origin(string url)
        {
            var handler = new FakeHandler(_ => Http.Status(401));
            using var client = TestSettings.Client(handler);
            var recorder = new Recorder();

            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() =>
                client.DownloadAsync(new Uri(url), new MemoryStream(), null, recorder.Context()));

            Assert.Equal(401, ex.StatusCode);
            Assert.Equal(OmnideskFailureKind.Http, ex.Kind);
            Assert.Equal("GET", ex.Method);
            Assert.Equal(new Uri(url).AbsolutePath, ex.Path);
            Assert.DoesNotContain("Sig-QQ77xx", ex.Message);
            var sent = Assert.Single(handler.Sent);
            Assert.Null(sent.Authorization);
            Assert.All(recorder.AllText(), t => Assert.DoesNotContain("Sig-QQ77xx", t ?? ""));
        }

        [Fact]
        public async Task A_redirect_to_another_host_that_answers_401_gets_no_credentials()
        {
            // The handler followed a redirect: the 401 came from the CDN although the URL was the account's.
            var handler = new FakeHandler((r, n, ct) =>
            {
                var response = Http.Status(401);
                response.RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://cdn.example.net/x/345");
                return Task.FromResult(response);
            });
            using var client = TestSettings.Client(handler);

            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.DownloadAsync(AccountFile, new MemoryStream(), null, OmnideskCallContext.None));
            Assert.Equal(401, ex.StatusCode);
            Assert.Null(Assert.Single(handler.Sent).Authorization);
        }

        [Fact]
        public async Task Still_401_with_credentials_is_an_error_after_two_requests()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"error":"access_denied"}""", 401));
            using var client = TestSettings.Client(handler);

            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.DownloadAsync(AccountFile, new MemoryStream(), null, OmnideskCallContext.None));

            Assert.Equal(401, ex.StatusCode);
            Assert.Equal("access_denied", ex.ErrorCode);
            var sent = handler.Sent.ToArray();
            Assert.Equal(2, sent.Length);
            Assert.Null(sent[0].Authorization);
            Assert.Equal(ExpectedBasic, sent[1].Authorization);
        }

        [Fact]
        public async Task A_404_is_an_api_exception_with_the_status_and_the_path_without_query()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"error":"file_not_found"}""", 404));
            using var client = TestSettings.Client(handler);
            var destination = new MemoryStream();

            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.DownloadAsync(AccountFile, destination, null, OmnideskCallContext.None));

            Assert.Equal(404, ex.StatusCode);
            Assert.Equal(OmnideskFailureKind.Http, ex.Kind);
            Assert.Equal("GET", ex.Method);
            Assert.Equal("/some_path_here/345", ex.Path);
            Assert.Equal("file_not_found", ex.ErrorCode);
            Assert.DoesNotContain("token", ex.Message);
            Assert.Equal(1, handler.Calls); // no credentials for a 404
            Assert.Equal(0, destination.Length);
        }

        [Fact]
        public async Task A_503_before_the_body_is_retried_like_any_get()
        {
            var data = Bytes(3000, 4);
            var handler = new FakeHandler(n => n == 1 ? Http.Status(503) : File(data));
            using var client = TestSettings.Client(handler);
            var recorder = new Recorder();
            var destination = new MemoryStream();

            Assert.Equal(3000, await client.DownloadAsync(AccountFile, destination, null, recorder.Context()));

            Assert.Equal(2, handler.Calls);
            Assert.Equal(data, destination.ToArray());
            Assert.All(handler.Sent, s => Assert.Null(s.Authorization));
            Assert.Single(recorder.Retries);
        }

        [Fact]
        public async Task A_failure_after_bytes_were_written_is_not_retried()
        {
            var data = Bytes(500_000, 5);
            var handler = new FakeHandler(_ => File(new SlowStream(data, 20_000, 0, failAt: 100_000), data.Length));
            using var client = TestSettings.Client(handler);
            var destination = new MemoryStream();

            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.DownloadAsync(AccountFile, destination, null, OmnideskCallContext.None));

            Assert.Equal(OmnideskFailureKind.Network, ex.Kind);
            Assert.Equal("/some_path_here/345", ex.Path);
            Assert.Equal(1, handler.Calls);
            Assert.Equal(100_000, destination.Length);
        }

        [Fact]
        public async Task A_failure_before_any_byte_was_written_is_retried()
        {
            var data = Bytes(50_000, 6);
            var handler = new FakeHandler(n => n == 1 ? File(new SlowStream(data, 10_000, 0, failAt: 0), data.Length) : File(data));
            using var client = TestSettings.Client(handler);
            var destination = new MemoryStream();

            Assert.Equal(data.Length, await client.DownloadAsync(AccountFile, destination, null, OmnideskCallContext.None));
            Assert.Equal(2, handler.Calls);
            Assert.Equal(data, destination.ToArray());
        }

        [Fact]
        public async Task A_body_shorter_than_its_content_length_is_an_error()
        {
            var handler = new FakeHandler(_ => File(new MemoryStream(new byte[100]), 1000));
            using var client = TestSettings.Client(handler, TestSettings.Create(retries: 0));

            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.DownloadAsync(AccountFile, new MemoryStream(), null, OmnideskCallContext.None));
            Assert.Equal(OmnideskFailureKind.Network, ex.Kind);
        }

        [Fact]
        public async Task Cancellation_during_the_body_is_an_operation_canceled_exception()
        {
            var data = Bytes(2_000_000, 7);
            var handler = new FakeHandler(_ => File(new SlowStream(data, 10_000, 10), data.Length));
            using var client = TestSettings.Client(handler);
            using var cts = new CancellationTokenSource();
            var destination = new MemoryStream();

            var task = client.DownloadAsync(AccountFile, destination, (b, _) => { if (b > 0) cts.Cancel(); },
                new OmnideskCallContext(cts.Token));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
            Assert.True(destination.Length < data.Length);
            Assert.Equal(1, handler.Calls);
        }

        [Fact]
        public async Task Logs_one_entry_per_attempt_without_query_or_secrets()
        {
            var data = Bytes(2000, 8);
            var handler = new FakeHandler(n => n == 1 ? Http.Status(401) : File(data));
            using var client = TestSettings.Client(handler);
            var recorder = new Recorder();

            await client.DownloadAsync(AccountFile, new MemoryStream(), null, recorder.Context());

            var requests = recorder.Requests.ToArray();
            Assert.Equal(2, requests.Length);
            Assert.Equal(new int?[] { 401, 200 }, requests.Select(r => r.StatusCode));
            Assert.Equal(new[] { 1, 2 }, requests.Select(r => r.Attempt));
            Assert.All(requests, r => Assert.Equal("/some_path_here/345", r.PathAndQuery));
            Assert.Contains(recorder.Debug, d => d.Contains("Authorization: <redacted>"));
            var basic = ExpectedBasic.Substring("Basic ".Length);
            foreach (var text in recorder.AllText())
            {
                Assert.DoesNotContain(TestSettings.ApiKey, text ?? "");
                Assert.DoesNotContain(basic, text ?? "");
                Assert.DoesNotContain("Sig-QQ77xx", text ?? "");
            }
        }

        [Fact]
        public async Task Api_calls_still_carry_credentials()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"total_count":0}"""));
            using var client = TestSettings.Client(handler);
            await client.GetMessagesAsync("1", 1, null, 0, 0, OmnideskCallContext.None);
            Assert.Equal(ExpectedBasic, Assert.Single(handler.Sent).Authorization);
        }

        [Fact]
        public async Task Rejects_bad_arguments()
        {
            var handler = new FakeHandler(_ => File(new byte[1]));
            using var client = TestSettings.Client(handler);
            await Assert.ThrowsAsync<ArgumentException>(() => client.DownloadAsync(new Uri("/x", UriKind.Relative), new MemoryStream(), null, null));
            await Assert.ThrowsAsync<ArgumentException>(() => client.DownloadAsync(new Uri("ftp://acme.omnidesk.ru/x"), new MemoryStream(), null, null));
            await Assert.ThrowsAsync<ArgumentNullException>(() => client.DownloadAsync(AccountFile, null, null, null));
            await Assert.ThrowsAsync<ArgumentException>(() => client.DownloadAsync(AccountFile, new MemoryStream(new byte[1], writable: false), null, null));
            Assert.Equal(0, handler.Calls);
        }

        // ---------------------------------------------------------------- real sockets

        /// <summary>
        /// The server sends the headers and the first part of a 2 MB body, then waits until the client has written
        /// bytes to its destination before sending the rest: only a streaming client gets there.
        /// </summary>
        [Fact]
        public async Task Real_socket_download_is_streamed_not_buffered()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var data = Bytes(2 * 1024 * 1024, 9);
            var firstWrite = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            string head = null;
            var clientWroteBeforeRest = false;
            var server = Task.Run(async () =>
            {
                using var socket = await listener.AcceptSocketAsync();
                using var stream = new NetworkStream(socket, ownsSocket: false);
                head = await RawHttp.ReadHeadAsync(stream);
                var response = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n" +
                               $"Content-Length: {data.Length}\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
                await stream.WriteAsync(data.AsMemory(0, 256 * 1024));
                await stream.FlushAsync();
                clientWroteBeforeRest = await Task.WhenAny(firstWrite.Task, Task.Delay(10_000)) == firstWrite.Task;
                await stream.WriteAsync(data.AsMemory(256 * 1024));
                await stream.FlushAsync();
                socket.Shutdown(SocketShutdown.Both);
            });
            try
            {
                var settings = TestSettings.Create(retries: 0, timeoutMs: 20_000, baseUri: $"http://127.0.0.1:{port}");
                using var client = OmnideskClientFactory.Create(settings);
                var destination = new SignallingStream(firstWrite);
                var url = new Uri($"http://127.0.0.1:{port}/files/345.bin?token=Sig-QQ77xx");

                var written = await client.DownloadAsync(url, destination, null, OmnideskCallContext.None);
                await server;

                Assert.True(clientWroteBeforeRest, "the client wrote nothing before the whole body had arrived: it buffers");
                Assert.Equal(data.Length, written);
                Assert.Equal(data, destination.ToArray());
                Assert.StartsWith("GET /files/345.bin?token=Sig-QQ77xx HTTP/1.1\r\n", head);
                Assert.DoesNotContain("Authorization:", head);
            }
            finally { listener.Stop(); }
        }

        private sealed class SignallingStream : MemoryStream
        {
            private readonly TaskCompletionSource<bool> _signal;
            public SignallingStream(TaskCompletionSource<bool> signal) => _signal = signal;

            public override void Write(byte[] buffer, int offset, int count)
            {
                base.Write(buffer, offset, count);
                _signal.TrySetResult(true);
            }

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct)
            {
                Write(buffer, offset, count);
                return Task.CompletedTask;
            }
        }
    }
}

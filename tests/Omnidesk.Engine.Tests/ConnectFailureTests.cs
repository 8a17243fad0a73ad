using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>
    /// A probe (Connect-Omnidesk's first request, <see cref="OmnideskCallContext.ConnectFailureIsFinal"/>) gives up at
    /// once when no connection can be made; every other call keeps retrying connect failures as before.
    /// </summary>
    public class ConnectFailureTests
    {
        private static HttpRequestException Refused() =>
            new HttpRequestException("Connection refused (acme.omnidesk.ru:443)", new SocketException((int)SocketError.ConnectionRefused));

        private static HttpRequestException HostNotFound() =>
            new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (acme.omnidesk.ru:443)",
                new SocketException((int)SocketError.HostNotFound));

        private static HttpRequestException Reset() =>
            new HttpRequestException("An error occurred while sending the request.",
                new System.IO.IOException("Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset)));

        private static OmnideskCallContext Probe(Recorder recorder) => recorder.Context().WithConnectFailureFinal();

        [Fact]
        public void WithConnectFailureFinal_keeps_the_cancellation_and_the_callbacks()
        {
            using var cts = new CancellationTokenSource();
            var context = new OmnideskCallContext(cts.Token, r => { }, d => { }, n => { });

            var probe = context.WithConnectFailureFinal();

            Assert.False(context.ConnectFailureIsFinal);
            Assert.True(probe.ConnectFailureIsFinal);
            Assert.Equal(cts.Token, probe.Cancellation);
            Assert.Same(context.OnRequest, probe.OnRequest);
            Assert.Same(context.OnDebug, probe.OnDebug);
            Assert.Same(context.OnRetry, probe.OnRetry);
        }

        public static IEnumerable<object[]> ConnectFailures() => new[]
        {
            new object[] { "refused" },
            new object[] { "host not found" },
        };

        private static Exception ConnectFailure(string kind) => kind == "refused" ? Refused() : HostNotFound();

        [Theory]
        [MemberData(nameof(ConnectFailures))]
        public async Task Probe_makes_one_attempt_when_no_connection_can_be_made(string kind)
        {
            var handler = new FakeHandler(n => throw ConnectFailure(kind));
            using var client = TestSettings.Client(handler);
            var recorder = new Recorder();

            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetFiltersAsync(Probe(recorder)));

            Assert.Equal(OmnideskFailureKind.Network, ex.Kind);
            Assert.Equal(1, handler.Calls);
            Assert.Empty(recorder.Retries);
            Assert.Null(Assert.Single(recorder.Requests).StatusCode);
        }

        [Theory]
        [MemberData(nameof(ConnectFailures))]
        public async Task Normal_get_still_retries_when_no_connection_can_be_made(string kind)
        {
            var handler = new FakeHandler(n => n <= 2 ? throw ConnectFailure(kind) : Http.Json("{\"0\":{\"filter\":{\"filter_id\":1}}}"));
            using var client = TestSettings.Client(handler);
            var recorder = new Recorder();

            await client.GetFiltersAsync(recorder.Context());

            Assert.Equal(3, handler.Calls);
            Assert.Equal(new[] { "network failure", "network failure" }, recorder.Retries.Select(r => r.Reason));
        }

        [Fact]
        public async Task Probe_still_retries_a_connection_dropped_after_sending_and_a_503()
        {
            var handler = new FakeHandler(n => n == 1 ? throw Reset() : n == 2 ? Http.Status(503) : Http.Json("{}"));
            using var client = TestSettings.Client(handler);
            var recorder = new Recorder();

            await client.GetFiltersAsync(Probe(recorder));

            Assert.Equal(3, handler.Calls);
            Assert.Equal(new int?[] { null, 503 }, recorder.Retries.Select(r => r.StatusCode));
        }

        [Fact]
        public void The_socket_handler_gives_up_a_connect_long_before_the_request_timeout()
        {
            using var handler = (SocketsHttpHandler)OmnideskClientFactory.CreatePrimaryHandler();

            Assert.Equal(TimeSpan.FromSeconds(10), handler.ConnectTimeout);
            Assert.True(handler.ConnectTimeout < new OmnideskClientSettings().Timeout);
        }

        private static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        [Fact]
        public async Task Real_socket_refused_probe_fails_after_one_attempt_and_a_normal_get_after_all_of_them()
        {
            // A base delay of 1 s, as Connect-Omnidesk's default: a retried probe could not finish in time.
            var settings = TestSettings.Create(retries: 2, baseDelayMs: 1000, baseUri: $"http://127.0.0.1:{ClosedPort()}");
            using var client = (OmnideskClient)OmnideskClientFactory.Create(settings);

            var probe = new Recorder();
            var watch = Stopwatch.StartNew();
            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetFiltersAsync(Probe(probe)));
            watch.Stop();
            Assert.Equal(OmnideskFailureKind.Network, ex.Kind);
            Assert.Single(probe.Requests);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(0.8), $"took {watch.Elapsed}");

            var normal = new Recorder();
            await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetFiltersAsync(normal.Context()));
            Assert.Equal(3, normal.Requests.Count);
        }

        /// <summary>
        /// A listener whose accept queue is full: Linux drops further SYNs, so a connect hangs as with a host that
        /// drops packets. Windows refuses instead, hence Linux only.
        /// </summary>
        private sealed class BlackHole : IDisposable
        {
            private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
            private readonly List<Socket> _fillers = new List<Socket>();

            public BlackHole()
            {
                _listener.Start(1);
                for (var i = 0; i < 16; i++)
                {
                    if (!Connects()) return; // the queue is full: this connect and every later one hangs
                }
                throw new InvalidOperationException("The accept queue never filled up.");
            }

            /// <summary>A non-blocking connect polled on this thread: a busy thread pool cannot make it look hung.</summary>
            private bool Connects()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
                _fillers.Add(socket);
                try
                {
                    socket.Connect(new IPEndPoint(IPAddress.Loopback, Port));
                    return true;
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock || e.SocketErrorCode == SocketError.InProgress)
                {
                    return socket.Poll(TimeSpan.FromSeconds(1), SelectMode.SelectWrite);
                }
            }

            public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

            public void Dispose()
            {
                foreach (var filler in _fillers) filler.Dispose();
                _listener.Stop();
            }
        }

        [LinuxFact]
        public async Task Connect_timeout_is_final_for_a_probe_and_retried_for_a_normal_get()
        {
            using var hole = new BlackHole();
            var settings = TestSettings.Create(retries: 2, timeoutMs: 20000, baseUri: $"http://127.0.0.1:{hole.Port}");
            using var socketHandler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromMilliseconds(300) };
            using var client = OmnideskClientFactory.Create(settings, socketHandler, new Omnidesk.Engine.Http.AccountRateLimiters());

            var probe = new Recorder();
            var watch = Stopwatch.StartNew();
            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetFiltersAsync(Probe(probe)));
            watch.Stop();
            Assert.Equal(OmnideskFailureKind.Timeout, ex.Kind);
            Assert.Single(probe.Requests);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}"); // not the 20 s request timeout

            var normal = new Recorder();
            await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetFiltersAsync(normal.Context()));
            Assert.Equal(3, normal.Requests.Count);
            Assert.Equal(new[] { "connect timeout", "connect timeout" }, normal.Retries.Select(r => r.Reason));
        }
    }

    /// <summary>A fact that needs Linux's socket behaviour; reported as skipped elsewhere.</summary>
    public sealed class LinuxFactAttribute : FactAttribute
    {
        public LinuxFactAttribute()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) Skip = "Linux only";
        }
    }
}

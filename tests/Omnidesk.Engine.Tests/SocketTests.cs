using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>The real socket handler (OmnideskClientFactory.Create) against local sockets.</summary>
    public class SocketTests
    {
        private static int FreePort()
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            var port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        private static OmnideskClientSettings Settings(int port, int retries) =>
            TestSettings.Create(retries: retries, timeoutMs: 3000, baseUri: $"http://127.0.0.1:{port}");

        [Fact]
        public async Task Connection_refused_is_retried_for_get_and_post_then_Kind_Network()
        {
            var port = FreePort();
            using var client = (OmnideskClient)OmnideskClientFactory.Create(Settings(port, 2));
            var recorder = new Recorder();

            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetFiltersAsync(recorder.Context()));
            Assert.Equal(OmnideskFailureKind.Network, ex.Kind);
            Assert.Equal(2, recorder.Retries.Count);
            Assert.All(recorder.Retries, r => Assert.Equal("network failure", r.Reason));

            var post = new Recorder();
            var ex2 = await Assert.ThrowsAsync<OmnideskApiException>(() =>
                client.SendAsync(System.Net.Http.HttpMethod.Post, "api/cases.json", null, new System.Net.Http.StringContent("{}"), post.Context()));
            Assert.Equal(OmnideskFailureKind.Network, ex2.Kind);
            Assert.Equal(2, post.Retries.Count); // never connected: safe to repeat a write
            Assert.Equal(3, post.Requests.Count);
        }

        /// <summary>Accepts connections, reads the request head, and closes without answering.</summary>
        private static async Task<int> DropAll(TcpListener listener, CancellationToken ct)
        {
            var accepted = 0;
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    using var socket = await listener.AcceptSocketAsync(ct);
                    accepted++;
                    var buffer = new byte[8192];
                    await socket.ReceiveAsync(buffer, SocketFlags.None, ct);
                    socket.Close();
                }
            }
            catch (OperationCanceledException) { }
            catch (SocketException) { }
            return accepted;
        }

        [Fact]
        public async Task Dropped_connection_after_sending_post_is_not_retried_but_get_is()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using var cts = new CancellationTokenSource();
            var server = DropAll(listener, cts.Token);
            try
            {
                using (var client = (OmnideskClient)OmnideskClientFactory.Create(Settings(port, 2)))
                {
                    var ex = await Assert.ThrowsAsync<OmnideskApiException>(() =>
                        client.SendAsync(System.Net.Http.HttpMethod.Post, "api/cases.json", null, new System.Net.Http.StringContent("{}"), OmnideskCallContext.None));
                    Assert.Equal(OmnideskFailureKind.Network, ex.Kind);
                }
                await Task.Delay(100);
                cts.Cancel();
                listener.Stop();
                Assert.Equal(1, await server);
            }
            finally { listener.Stop(); }

            var listener2 = new TcpListener(IPAddress.Loopback, 0);
            listener2.Start();
            var port2 = ((IPEndPoint)listener2.LocalEndpoint).Port;
            using var cts2 = new CancellationTokenSource();
            var server2 = DropAll(listener2, cts2.Token);
            try
            {
                var recorder = new Recorder();
                using (var client = OmnideskClientFactory.Create(Settings(port2, 2)))
                {
                    var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetFiltersAsync(recorder.Context()));
                    Assert.Equal(OmnideskFailureKind.Network, ex.Kind);
                }
                await Task.Delay(100);
                cts2.Cancel();
                listener2.Stop();
                Assert.Equal(3, recorder.Requests.Count); // our attempts
                Assert.Equal(2, recorder.Retries.Count);
                // SocketsHttpHandler may itself resend a GET on a connection closed before any response
                Assert.True(await server2 >= 3);
            }
            finally { listener2.Stop(); }
        }

        [Fact]
        public async Task Real_wire_request_has_literal_brackets_auth_and_gzip_is_decoded()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            string head = null;
            var server = Task.Run(async () =>
            {
                using var socket = await listener.AcceptSocketAsync();
                using var stream = new NetworkStream(socket, ownsSocket: false);
                head = await RawHttp.ReadHeadAsync(stream);
                var json = Encoding.UTF8.GetBytes("{\"0\":{\"case\":{\"case_id\":\"7\",\"subject\":\"Привет\"}},\"total_count\":\"1\"}");
                using var ms = new MemoryStream();
                using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(json);
                var body = ms.ToArray();
                var response = "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Encoding: gzip\r\n" +
                               "rate_limit_per_minute: 50\r\napi_calls_left: 12\r\nConnection: close\r\n" +
                               $"Content-Length: {body.Length}\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
                await stream.WriteAsync(body);
                await stream.FlushAsync();
                socket.Shutdown(SocketShutdown.Both);
            });
            try
            {
                using var client = OmnideskClientFactory.Create(Settings(port, 0));
                var page = await client.GetCasesAsync(new OmnideskCaseQuery { Status = new[] { "open", "closed" } }, 1, 100, OmnideskCallContext.None);
                await server;

                Assert.Equal(7, Assert.Single(page.Items).CaseId);
                Assert.Equal("Привет", page.Items[0].Subject);
                Assert.Equal(1, page.TotalCount);
                Assert.Equal(12, client.RateLimit.CallsLeft);
                Assert.Equal(50, client.RateLimit.LimitPerMinute);
                Assert.StartsWith("GET /api/cases.json?status[]=open&status[]=closed&page=1&limit=100 HTTP/1.1\r\n", head);
                var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(TestSettings.Email + ":" + TestSettings.ApiKey));
                Assert.Contains("Authorization: Basic " + basic + "\r\n", head);
                Assert.Contains("Accept: application/json\r\n", head);
                Assert.Contains("gzip", head.Split("\r\n").Single(l => l.StartsWith("Accept-Encoding:")));
            }
            finally { listener.Stop(); }
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>Writes through the real socket handler against a minimal local HTTP/1.1 server.</summary>
    public sealed class WireWriteTests
    {
        private sealed class Received
        {
            public string Head;
            public byte[] Body;
            public string Header(string name) =>
                Head.Split("\r\n").Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
                    .Select(l => l.Substring(name.Length + 1).Trim()).SingleOrDefault();
        }

        /// <summary>Serves one request per connection, answering with the given (status, body) in turn.</summary>
        private static async Task<List<Received>> Serve(TcpListener listener, params (int Status, string Body)[] answers)
        {
            var received = new List<Received>();
            foreach (var (status, body) in answers)
            {
                using var socket = await listener.AcceptSocketAsync();
                using var stream = new NetworkStream(socket, ownsSocket: false);
                var data = new MemoryStream();
                var buffer = new byte[65536];
                int headEnd;
                while ((headEnd = IndexOf(data.ToArray(), "\r\n\r\n")) < 0)
                {
                    var n = await stream.ReadAsync(buffer);
                    if (n == 0) throw new IOException("connection closed before the request head");
                    data.Write(buffer, 0, n);
                }
                var all = data.ToArray();
                var r = new Received { Head = Encoding.UTF8.GetString(all, 0, headEnd + 2) };
                var length = long.Parse(r.Header("Content-Length") ?? "0");
                var content = new MemoryStream();
                content.Write(all, headEnd + 4, all.Length - headEnd - 4);
                while (content.Length < length)
                {
                    var n = await stream.ReadAsync(buffer);
                    if (n == 0) throw new IOException("connection closed in the body");
                    content.Write(buffer, 0, n);
                }
                r.Body = content.ToArray();
                received.Add(r);
                var payload = Encoding.UTF8.GetBytes(body ?? "");
                var response = $"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: {payload.Length}\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
                await stream.WriteAsync(payload);
                await stream.FlushAsync();
                socket.Shutdown(SocketShutdown.Both);
            }
            return received;
        }

        private static int IndexOf(byte[] haystack, string needle)
        {
            var n = Encoding.ASCII.GetBytes(needle);
            for (var i = 0; i <= haystack.Length - n.Length; i++)
                if (haystack.AsSpan(i, n.Length).SequenceEqual(n)) return i;
            return -1;
        }

        [Fact]
        public async Task Multipart_post_retried_after_503_sends_the_whole_file_on_the_wire()
        {
            var dir = Path.Combine(Path.GetTempPath(), "omnidesk-wire-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var file = new byte[700_000];
                new Random(5).NextBytes(file);
                var path = Path.Combine(dir, "scan.pdf");
                File.WriteAllBytes(path, file);
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                var server = Serve(listener, (503, "{\"error\":\"busy\"}"), (201, WriteSamples.CreatedCase));

                using var client = OmnideskClientFactory.Create(
                    TestSettings.Create(retries: 2, timeoutMs: 5000, baseUri: $"http://127.0.0.1:{port}"));
                var created = await client.CreateCaseAsync(new OmnideskNewCase
                {
                    UserEmail = "u@x.io", Subject = "Счёт", Attachments = new[] { new OmnideskUpload(path, "Счёт.pdf", file.Length) },
                }, OmnideskCallContext.None);
                var requests = await server;

                Assert.Equal(2000, created.CaseId);
                Assert.Equal(2, requests.Count);
                foreach (var r in requests)
                {
                    Assert.StartsWith("POST /api/cases.json HTTP/1.1\r\n", r.Head);
                    Assert.Equal(r.Body.Length.ToString(), r.Header("Content-Length"));
                    var parts = Multipart.Parse(r.Header("Content-Type"), r.Body);
                    Assert.Equal(new[] { "case[user_email]", "case[subject]", "case[attachments][0]" }, parts.Select(p => p.Name));
                    Assert.Equal("Счёт", parts[1].Text);
                    Assert.Equal("Счёт.pdf", parts[2].FileName);
                    Assert.Equal(file, parts[2].Data);
                }
            }
            finally
            {
                listener.Stop();
                try { Directory.Delete(dir, true); } catch (IOException) { }
            }
        }

        [Fact]
        public async Task Trash_sends_content_length_0_and_json_body_is_utf8_on_the_wire()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                var server = Serve(listener, (200, WriteSamples.BulkSuccess), (200, WriteSamples.BulkSuccess), (200, ""));
                using var client = OmnideskClientFactory.Create(
                    TestSettings.Create(retries: 0, timeoutMs: 5000, baseUri: $"http://127.0.0.1:{port}"));

                await client.ChangeCaseStateAsync(new long[] { 101, 102 }, OmnideskCaseAction.Trash, OmnideskCallContext.None);
                await client.UpdateCasesAsync(new long[] { 101, 102 }, new OmnideskCaseChange { Subject = "Тема" }, OmnideskCallContext.None);
                var deleted = await client.ChangeCaseStateAsync(new long[] { 101, 102 }, OmnideskCaseAction.Delete, OmnideskCallContext.None);
                var requests = await server;

                Assert.StartsWith("PUT /api/cases/101,102/trash.json HTTP/1.1\r\n", requests[0].Head);
                Assert.Equal("0", requests[0].Header("Content-Length"));
                Assert.Empty(requests[0].Body);

                Assert.StartsWith("PUT /api/cases/101,102.json HTTP/1.1\r\n", requests[1].Head);
                Assert.Equal("application/json; charset=utf-8", requests[1].Header("Content-Type"));
                Assert.Equal("{\"case\":{\"subject\":\"Тема\"}}", Encoding.UTF8.GetString(requests[1].Body));

                Assert.StartsWith("DELETE /api/cases/101,102.json HTTP/1.1\r\n", requests[2].Head);
                Assert.Equal(new long[] { 101, 102 }, deleted.SucceededIds);
            }
            finally { listener.Stop(); }
        }
    }
}

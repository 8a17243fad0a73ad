using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Omnidesk.Engine.Tests
{
    /// <summary>The innermost handler: answers from a script and records what it was sent.</summary>
    internal sealed class FakeHandler : HttpMessageHandler
    {
        private readonly Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> _respond;
        private int _calls;

        public FakeHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

        public FakeHandler(Func<int, HttpResponseMessage> respond) : this((r, n, ct) => Task.FromResult(respond(n))) { }

        public int Calls => Volatile.Read(ref _calls);

        /// <summary>Dispose each request body after reading it, as a transport may leave a one-shot body unusable.</summary>
        public bool DisposeContentAfterRead { get; set; }
        public ConcurrentQueue<SentRequest> Sent { get; } = new ConcurrentQueue<SentRequest>();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _calls);
            var sent = new SentRequest
            {
                Method = request.Method.Method,
                Uri = request.RequestUri,
                Authorization = request.Headers.Authorization?.ToString(),
                Accept = request.Headers.Accept.ToString(),
                UserAgent = string.Join(" ", request.Headers.TryGetValues("User-Agent", out var ua) ? ua : new string[0]),
                Content = request.Content,
            };
            if (request.Content != null)
            {
                sent.ContentType = request.Content.Headers.ContentType?.ToString();
                sent.ContentLength = request.Content.Headers.ContentLength;
                // Read the body as a transport would (streamed, not buffered in the content), then optionally
                // dispose it the way a consumed one-shot body would be gone.
                using (var target = new System.IO.MemoryStream())
                {
                    await request.Content.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
                    sent.Body = target.ToArray();
                }
                if (DisposeContentAfterRead) request.Content.Dispose();
            }
            Sent.Enqueue(sent);
            var response = await _respond(request, n, cancellationToken).ConfigureAwait(false);
            response.RequestMessage ??= request;
            return response;
        }
    }

    internal sealed class SentRequest
    {
        public string Method;
        public Uri Uri;
        public string Authorization;
        public string Accept;
        public string UserAgent;
        public HttpContent Content;
        public string ContentType;
        public long? ContentLength;
        public byte[] Body;

        public string BodyText => Body == null ? null : Encoding.UTF8.GetString(Body);
    }

    internal static class Http
    {
        public static HttpResponseMessage Json(string body, int status = 200, params (string Name, string Value)[] headers)
        {
            var r = new HttpResponseMessage((HttpStatusCode)status)
            {
                Content = new StringContent(body ?? "", Encoding.UTF8, "application/json"),
            };
            foreach (var (name, value) in headers) r.Headers.TryAddWithoutValidation(name, value);
            return r;
        }

        public static HttpResponseMessage Status(int status, params (string Name, string Value)[] headers) =>
            Json("{\"error\":\"status_" + status + "\"}", status, headers);

        internal static class RetryPipelineProbe
        {
            public static TimeSpan? ServerDelay(HttpResponseMessage r) =>
                Omnidesk.Engine.Http.RetryPipeline.ServerDelay(r, Omnidesk.Engine.Dialects.DeskieDialect.Instance.RateLimitHeaders);
        }

        public static async Task<HttpResponseMessage> Hang(CancellationToken ct)
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>Collects everything the engine reports through the call context.</summary>
    internal sealed class Recorder
    {
        public ConcurrentQueue<OmnideskRequestLog> Requests { get; } = new ConcurrentQueue<OmnideskRequestLog>();
        public ConcurrentQueue<string> Debug { get; } = new ConcurrentQueue<string>();
        public ConcurrentQueue<OmnideskRetryNotice> Retries { get; } = new ConcurrentQueue<OmnideskRetryNotice>();

        public OmnideskCallContext Context(CancellationToken ct = default) =>
            new OmnideskCallContext(ct, r => Requests.Enqueue(r), d => Debug.Enqueue(d), n => Retries.Enqueue(n));

        public IEnumerable<string> AllText()
        {
            foreach (var r in Requests) { yield return r.ToString(); yield return r.PathAndQuery; }
            foreach (var d in Debug) yield return d;
            foreach (var n in Retries) { yield return n.ToString(); yield return n.Reason; }
        }
    }

    internal static class TestSettings
    {
        public const string Email = "agent@example.com";
        public const string ApiKey = "K3y-ZZq9xUniqueSecret-4711";

        public static OmnideskClientSettings Create(int retries = 3, int timeoutMs = 5000, int baseDelayMs = 10, int maxDelayMs = 2000,
            string baseUri = "https://acme.omnidesk.ru") =>
            new OmnideskClientSettings
            {
                BaseUri = new Uri(baseUri),
                Credential = new NetworkCredential(Email, ApiKey),
                MaxRetryCount = retries,
                Timeout = TimeSpan.FromMilliseconds(timeoutMs),
                RetryBaseDelay = TimeSpan.FromMilliseconds(baseDelayMs),
                MaxRetryDelay = TimeSpan.FromMilliseconds(maxDelayMs),
                UserAgent = "Omnidesk-PowerShell/test",
            };

        /// <summary>
        /// A client with its own registry of account limiters, so that what one test's fake answers teach the
        /// limiter (a small budget, a 429 block) never slows another test of the same host.
        /// </summary>
        public static OmnideskClient Client(FakeHandler handler, OmnideskClientSettings settings = null) =>
            OmnideskClientFactory.Create(settings ?? Create(), handler, new Omnidesk.Engine.Http.AccountRateLimiters());
    }

    /// <summary>A temporary folder of files to upload, removed afterwards.</summary>
    internal sealed class UploadFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "omnidesk-upload-tests-" + Guid.NewGuid().ToString("N"));

        public UploadFolder() => Directory.CreateDirectory(Path);

        public OmnideskUpload File(string name, byte[] bytes)
        {
            var path = System.IO.Path.Combine(Path, Guid.NewGuid().ToString("N") + "-" + name);
            System.IO.File.WriteAllBytes(path, bytes);
            return new OmnideskUpload(path, name, bytes.Length);
        }

        public void Dispose()
        {
            try { Directory.Delete(Path, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>For tests that play the server on a raw socket.</summary>
    internal static class RawHttp
    {
        /// <summary>Reads an HTTP request up to the end of its headers, and returns that text.</summary>
        public static async Task<string> ReadHeadAsync(Stream stream)
        {
            var buffer = new byte[16384];
            var head = new StringBuilder();
            while (!head.ToString().Contains("\r\n\r\n"))
            {
                var n = await stream.ReadAsync(buffer, 0, buffer.Length);
                if (n == 0) break;
                head.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
            return head.ToString();
        }
    }
}

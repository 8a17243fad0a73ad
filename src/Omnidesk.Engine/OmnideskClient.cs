using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Omnidesk.Engine.Dialects;
using Omnidesk.Engine.Http;
using Omnidesk.Engine.Json;
using Polly.Timeout;

namespace Omnidesk.Engine
{
    /// <summary>
    /// One connection. Handler chain: HttpClient → ResilienceHandler (Polly: retry → the account's rate limiter
    /// → per-attempt timeout) → AttemptLoggingHandler (per attempt: logs, rate limit, body buffering) → socket handler.
    /// The rate limiter is shared by every connection of the account in the process (<see cref="AccountRateLimiters"/>).
    /// </summary>
    internal sealed partial class OmnideskClient : IOmnideskClient
    {
        internal const int ErrorBodyChars = 4096;

        private readonly OmnideskClientSettings _settings;
        private readonly IApiDialect _dialect;
        private readonly Uri _baseUri;
        private readonly string _basePath;
        private readonly string _email;
        private readonly HttpClient _http;
        private readonly RateLimitTracker _rateLimit;
        private readonly AccountRateLimiter _accountLimiter;
        private readonly Redactor _redactor;
        private int _disposed;

        internal OmnideskClient(OmnideskClientSettings settings, HttpMessageHandler innermostHandler,
            AccountRateLimiters limiters = null)
        {
            if (settings.BaseUri == null) throw new ArgumentException("BaseUri is required.", nameof(settings));
            if (!settings.BaseUri.IsAbsoluteUri) throw new ArgumentException("BaseUri must be an absolute URI.", nameof(settings));

            _settings = settings.CloneWithoutCredential();
            _baseUri = NormalizeBaseUri(settings.BaseUri);
            _settings.BaseUri = _baseUri;
            _basePath = _baseUri.AbsolutePath; // ends with '/'

            // The credential lives in the dialect, which puts it on each API request: never a default header, which
            // HttpClient would put on every request, downloads from other hosts included.
            _dialect = ApiDialects.For(settings);
            _email = settings.Product == OmnideskProduct.OmnideskRu ? settings.Credential?.UserName : null;
            _redactor = new Redactor(_dialect.Secrets);

            _accountLimiter = (limiters ?? AccountRateLimiters.Shared).Get(_baseUri, settings.Product);
            var maxBlock = _settings.MaxRetryDelay < TimeSpan.Zero ? TimeSpan.Zero : _settings.MaxRetryDelay;
            var headers = _dialect.RateLimitHeaders;
            _rateLimit = new RateLimitTracker(headers);
            var logging = new AttemptLoggingHandler(_rateLimit, _redactor, headers, _accountLimiter, maxBlock) { InnerHandler = innermostHandler };
            var resilience = new ResilienceHandler(RetryPipeline.Build(_settings, headers, _accountLimiter)) { InnerHandler = logging };
            _http = new HttpClient(resilience, disposeHandler: true)
            {
                BaseAddress = _baseUri,
                Timeout = Timeout.InfiniteTimeSpan, // per attempt, in the Polly pipeline
            };
            _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (!string.IsNullOrWhiteSpace(_settings.UserAgent))
                _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", _settings.UserAgent);
        }

        public Uri BaseUri => _baseUri;
        public OmnideskProduct Product => _settings.Product;
        public string Email => _email;
        public OmnideskClientSettings Settings => _settings.CloneWithoutCredential();
        public OmnideskRateLimit RateLimit => _rateLimit.Current;
        /// <summary>The account's limiter, shared with every other connection of the account.</summary>
        internal AccountRateLimiter AccountLimiter => _accountLimiter;

        /// <summary>A 2xx answer: its status, readable path and body.</summary>
        internal sealed class RawResponse
        {
            public string Method { get; set; }
            public string PathAndQuery { get; set; }
            public int StatusCode { get; set; }
            public string ContentType { get; set; }
            public byte[] Body { get; set; }
        }

        /// <summary>
        /// Sends one request through the retry pipeline. Non-2xx → OmnideskApiException (Http); no response →
        /// Network or Timeout; cancellation by the caller → OperationCanceledException.
        /// </summary>
        internal Task<RawResponse> SendAsync(HttpMethod method, string relativePath,
            IEnumerable<KeyValuePair<string, string>> query, HttpContent content, OmnideskCallContext context) =>
            SendCoreAsync(method, relativePath, query, content, null, context);

        /// <summary>
        /// As above, with a body made afresh for every attempt by <paramref name="contentFactory"/> (null: no body),
        /// so that a retried write (429/503) sends its whole body again, files included. Use the factories of
        /// <see cref="RequestContent"/>. An exception of the factory (e.g. a missing file) is thrown as is.
        /// </summary>
        internal Task<RawResponse> SendAsync(HttpMethod method, string relativePath,
            IEnumerable<KeyValuePair<string, string>> query, Func<HttpContent> contentFactory, OmnideskCallContext context) =>
            SendCoreAsync(method, relativePath, query, null, contentFactory, context);

        private async Task<RawResponse> SendCoreAsync(HttpMethod method, string relativePath,
            IEnumerable<KeyValuePair<string, string>> query, HttpContent content, Func<HttpContent> contentFactory,
            OmnideskCallContext context)
        {
            if (Volatile.Read(ref _disposed) != 0) throw new ObjectDisposedException(nameof(OmnideskClient));
            context = context ?? OmnideskCallContext.None;
            var cancellation = context.Cancellation;
            cancellation.ThrowIfCancellationRequested();

            var relative = QueryString.Build(relativePath.TrimStart('/'), query);
            var pathAndQuery = _basePath + relative;
            var state = new RequestState(context, method.Method, pathAndQuery) { ContentFactory = contentFactory };

            var slot = await EnterSlotAsync(context).ConfigureAwait(false);
            try
            {
                using (var request = new HttpRequestMessage(method, new Uri(_baseUri, relative)) { Content = content })
                {
                    _dialect.Authenticate(request); // the API's own host only
                    RequestState.Attach(request, state);
                    var response = await SendRequestAsync(request, state, HttpCompletionOption.ResponseContentRead, cancellation)
                        .ConfigureAwait(false);

                    using (response)
                    {
                        var body = response.Content == null
                            ? Array.Empty<byte>()
                            : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false); // already buffered
                        var status = (int)response.StatusCode;
                        if (status < 200 || status > 299)
                            throw Failure(state, status, body, OmnideskFailureKind.Http, null);
                        return new RawResponse
                        {
                            Method = state.Method,
                            PathAndQuery = pathAndQuery,
                            StatusCode = status,
                            ContentType = response.Content?.Headers.ContentType?.ToString(),
                            Body = body,
                        };
                    }
                }
            }
            finally
            {
                slot?.Release();
            }
        }

        /// <summary>
        /// Waits for one of the calling command's request slots (<see cref="OmnideskCallContext.RequestSlots"/>), before the
        /// account's rate limiter; the caller releases the one returned (null: the context sets no limit).
        /// </summary>
        private static async Task<SemaphoreSlim> EnterSlotAsync(OmnideskCallContext context)
        {
            var slots = context.RequestSlots;
            if (slots != null) await slots.WaitAsync(context.Cancellation).ConfigureAwait(false);
            return slots;
        }

        /// <summary>
        /// Sends a prepared request (its <see cref="RequestState"/> attached) through the pipeline, mapping failures
        /// without a response to OmnideskApiException (Network/Timeout); the caller's cancellation stays an OperationCanceledException.
        /// </summary>
        private async Task<HttpResponseMessage> SendRequestAsync(HttpRequestMessage request, RequestState state,
            HttpCompletionOption completion, CancellationToken cancellation)
        {
            try
            {
                return await _http.SendAsync(request, completion, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw;
            }
            catch (RequestContentException ex)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
            catch (TimeoutRejectedException ex)
            {
                throw Failure(state, null, null, OmnideskFailureKind.Timeout, ex);
            }
            catch (OperationCanceledException ex)
            {
                throw Failure(state, null, null, OmnideskFailureKind.Timeout, ex);
            }
            catch (Exception ex) when (RetryPipeline.IsNetworkFailure(ex))
            {
                throw Failure(state, null, null, OmnideskFailureKind.Network, ex);
            }
        }

        private T Read<T>(RawResponse response, Func<byte[], T> parse)
        {
            try
            {
                return parse(response.Body);
            }
            catch (Exception ex) when (ex is JsonException || ex is UnexpectedShapeException || ex is InvalidOperationException ||
                                       ex is FormatException || ex is ArgumentException)
            {
                throw new OmnideskApiException(response.Method, response.PathAndQuery, response.StatusCode, null,
                    BodyPrefix(response.Body), OmnideskFailureKind.InvalidResponse, new InvalidDataException(_redactor.Scrub(ex.Message)));
            }
        }

        private OmnideskApiException Failure(RequestState state, int? status, byte[] body, OmnideskFailureKind kind, Exception inner)
        {
            var error = body != null ? _dialect.ReadError(body) : default;
            return new OmnideskApiException(state.Method, state.PathAndQuery, status, _redactor.Scrub(error.Code), BodyPrefix(body), kind, inner,
                _redactor.Scrub(error.Message));
        }

        private string BodyPrefix(byte[] body)
        {
            if (body == null) return null;
            return _redactor.Scrub(BodyText.Decode(body, ErrorBodyChars, out _));
        }

        private static Uri NormalizeBaseUri(Uri uri)
        {
            // No user info (a key there would leak into logs), no query or fragment, and a trailing slash so that
            // relative paths ("api/cases.json") keep any path prefix.
            var builder = new UriBuilder(uri.Scheme, uri.Host, uri.Port, uri.AbsolutePath);
            var path = builder.Path;
            if (path.EndsWith("/api/", StringComparison.OrdinalIgnoreCase)) path = path.Substring(0, path.Length - 4);
            else if (path.EndsWith("/api", StringComparison.OrdinalIgnoreCase)) path = path.Substring(0, path.Length - 3);
            if (!path.EndsWith("/", StringComparison.Ordinal)) path += "/";
            builder.Path = path;
            return builder.Uri;
        }

        public override string ToString() => $"Omnidesk client {_baseUri} ({_email ?? _settings.Product.ToString()})";

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _http.Dispose();
        }
    }
}

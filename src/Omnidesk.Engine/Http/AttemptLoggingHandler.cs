using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

using Omnidesk.Engine.Dialects;

namespace Omnidesk.Engine.Http
{
    /// <summary>
    /// Runs once per attempt (inside the retry and the per-attempt timeout): reads the whole body (so the timeout
    /// covers it), records the rate-limit headers, and reports the attempt to the call's OnRequest/OnDebug.
    /// Secrets never reach the callbacks: the Authorization header is masked on output, bodies are scrubbed.
    /// </summary>
    internal sealed class AttemptLoggingHandler : DelegatingHandler
    {
        internal const int DebugBodyChars = 2000;
        /// <summary>How much of a non-2xx answer to a streamed request (a download) is kept for the error message.</summary>
        internal const int StreamedErrorBodyBytes = 16 * 1024;

        private readonly RateLimitTracker _rateLimit;
        private readonly Redactor _redactor;
        private readonly AccountRateLimiter _account;
        private readonly TimeSpan _maxBlock;
        private readonly RateLimitHeaders _headers;

        /// <param name="account">The account's shared limiter, fed with every API answer (null: none).</param>
        /// <param name="maxBlock">The longest a 429's retry_after blocks the account (the retry's own cap).</param>
        /// <param name="headers">The API's rate-limit headers.</param>
        public AttemptLoggingHandler(RateLimitTracker rateLimit, Redactor redactor, RateLimitHeaders headers, AccountRateLimiter account = null,
            TimeSpan maxBlock = default)
        {
            _headers = headers;
            _rateLimit = rateLimit;
            _redactor = redactor;
            _account = account;
            _maxBlock = maxBlock;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var state = RequestState.Get(request);
            if (state.ContentFactory != null) ReplaceContent(request, state.ContentFactory);
            var attempt = state.NextAttempt();
            var context = state.Context;
            if (context.OnDebug != null) Debug(context, FormatRequest(request, state, attempt));

            var watch = Stopwatch.StartNew();
            HttpResponseMessage response = null;
            byte[] body;
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (!state.StreamResponse)
                    body = await BufferAsync(response, int.MaxValue, cancellationToken).ConfigureAwait(false);
                else if (status < 200 || status > 299)
                    body = await BufferAsync(response, StreamedErrorBodyBytes, cancellationToken).ConfigureAwait(false);
                else
                    body = null; // streamed by the caller, never held in memory here
            }
            catch (Exception ex)
            {
                watch.Stop();
                response?.Dispose();
                Report(context, state, attempt, null, watch.ElapsedMilliseconds, null);
                if (context.OnDebug != null)
                    Debug(context, string.Format(CultureInfo.InvariantCulture, "{0} {1}: no response after {2} ms (attempt {3}): {4}: {5}",
                        state.Method, state.PathAndQuery, watch.ElapsedMilliseconds, attempt, ex.GetType().Name, ex.Message));
                throw;
            }
            watch.Stop();

            if (!state.StreamResponse) // a download's host is not the API's meter
            {
                _rateLimit.Observe(response);
                _account?.Observe(response, _maxBlock, _headers);
            }
            Report(context, state, attempt, (int)response.StatusCode, watch.ElapsedMilliseconds,
                RateLimitTracker.ReadInt(response, _headers.CallsLeft));
            if (context.OnDebug != null) Debug(context, FormatResponse(response, body, watch.ElapsedMilliseconds, attempt));
            return response;
        }

        /// <summary>A fresh body for this attempt; the previous attempt's one (possibly consumed) is disposed.</summary>
        private static void ReplaceContent(HttpRequestMessage request, Func<HttpContent> factory)
        {
            HttpContent fresh;
            try
            {
                fresh = factory();
            }
            catch (Exception ex)
            {
                throw new RequestContentException(ex); // not a network failure: never retried, rethrown as is by the client
            }
            var previous = request.Content;
            request.Content = fresh;
            if (previous != null && !ReferenceEquals(previous, fresh)) previous.Dispose();
        }

        /// <summary>
        /// Reads the body (at most <paramref name="maxBytes"/> of it; the rest is dropped) into memory within the
        /// attempt's cancellation, replacing the content by a buffered copy.
        /// </summary>
        private static async Task<byte[]> BufferAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
        {
            var content = response.Content;
            if (content == null)
            {
                response.Content = new ByteArrayContent(Array.Empty<byte>());
                return Array.Empty<byte>();
            }
            byte[] bytes;
            if (maxBytes != int.MaxValue)
            {
                bytes = await ReadPrefixAsync(response, content, maxBytes, cancellationToken).ConfigureAwait(false);
            }
            else
            {
#if NET
            bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
            // No cancellable read on netstandard2.0: disposing the response aborts a stuck read.
            using (cancellationToken.Register(() => response.Dispose()))
            {
                try
                {
                    bytes = await content.ReadAsByteArrayAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested &&
                                           (ex is ObjectDisposedException || ex is IOException || ex is HttpRequestException))
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
#endif
            }
            var buffered = new ByteArrayContent(bytes);
            foreach (var header in content.Headers)
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            response.Content = buffered;
            content.Dispose();
            return bytes;
        }

        private static async Task<byte[]> ReadPrefixAsync(HttpResponseMessage response, HttpContent content, int maxBytes,
            CancellationToken cancellationToken)
        {
            var buffer = new byte[Math.Min(maxBytes, 8192)];
            using (var prefix = new MemoryStream())
            using (cancellationToken.Register(() => response.Dispose()))
            {
                try
                {
#if NET
                    var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                    var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                    using (stream)
                    {
                        while (prefix.Length < maxBytes)
                        {
                            var n = await stream.ReadAsync(buffer, 0, (int)Math.Min(buffer.Length, maxBytes - prefix.Length), cancellationToken)
                                .ConfigureAwait(false);
                            if (n == 0) break;
                            prefix.Write(buffer, 0, n);
                        }
                    }
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested &&
                                           (ex is ObjectDisposedException || ex is IOException || ex is HttpRequestException))
                {
                    throw new OperationCanceledException(cancellationToken);
                }
                cancellationToken.ThrowIfCancellationRequested();
                return prefix.ToArray();
            }
        }

        private static void Report(OmnideskCallContext context, RequestState state, int attempt, int? status, long elapsed, int? callsLeft)
        {
            var onRequest = context.OnRequest;
            if (onRequest == null) return;
            try
            {
                onRequest(new OmnideskRequestLog
                {
                    Method = state.Method,
                    PathAndQuery = state.PathAndQuery,
                    StatusCode = status,
                    ElapsedMilliseconds = elapsed,
                    Attempt = attempt,
                    ApiCallsLeft = callsLeft,
                });
            }
            catch (Exception) { /* a logging callback must not break the request */ }
        }

        private void Debug(OmnideskCallContext context, string text)
        {
            try { context.OnDebug?.Invoke(_redactor.Scrub(text)); }
            catch (Exception) { /* a logging callback must not break the request */ }
        }

        private static string FormatRequest(HttpRequestMessage request, RequestState state, int attempt)
        {
            var sb = new StringBuilder();
            var authority = request.RequestUri != null && request.RequestUri.IsAbsoluteUri
                ? request.RequestUri.GetLeftPart(UriPartial.Authority) : "";
            sb.Append(state.Method).Append(' ').Append(authority).Append(state.PathAndQuery);
            sb.Append(" (attempt ").Append(attempt.ToString(CultureInfo.InvariantCulture)).Append(')');
            AppendHeaders(sb, request.Headers);
            if (request.Content != null) AppendHeaders(sb, request.Content.Headers);
            return sb.ToString();
        }

        private static string FormatResponse(HttpResponseMessage response, byte[] body, long elapsed, int attempt)
        {
            var sb = new StringBuilder();
            var status = (int)response.StatusCode;
            sb.Append("HTTP ").Append(status.ToString(CultureInfo.InvariantCulture)).Append(' ')
              .Append(RetryPipeline.StatusText(status, response.ReasonPhrase))
              .Append(" in ").Append(elapsed.ToString(CultureInfo.InvariantCulture)).Append(" ms (attempt ")
              .Append(attempt.ToString(CultureInfo.InvariantCulture)).Append(')');
            AppendHeaders(sb, response.Headers);
            if (response.Content != null) AppendHeaders(sb, response.Content.Headers);
            sb.AppendLine().AppendLine();
            if (body == null) return sb.Append("(body streamed to the destination)").ToString();
            var text = BodyText.Decode(body, DebugBodyChars, out var truncated);
            sb.Append(text.Length == 0 ? "(empty body)" : text);
            if (truncated)
                sb.Append(" … (").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append(" bytes in all)");
            return sb.ToString();
        }

        private static void AppendHeaders(StringBuilder sb, HttpHeaders headers)
        {
            foreach (var header in headers)
            {
                sb.AppendLine().Append(header.Key).Append(": ");
                sb.Append(Redactor.IsSecretHeader(header.Key) ? Redactor.Mask : string.Join(", ", header.Value));
            }
        }
    }

    /// <summary>The request body could not be created (e.g. a file to upload is missing); carries the cause.</summary>
    internal sealed class RequestContentException : Exception
    {
        public RequestContentException(Exception inner) : base(inner.Message, inner) { }
    }

    internal static class BodyText
    {
        /// <summary>The first <paramref name="maxChars"/> characters of a UTF-8 body.</summary>
        public static string Decode(byte[] body, int maxChars, out bool truncated)
        {
            truncated = false;
            if (body == null || body.Length == 0) return "";
            var offset = body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF ? 3 : 0;
            var count = (int)Math.Min(body.Length - offset, maxChars * 4L);
            var text = Encoding.UTF8.GetString(body, offset, count);
            if (text.Length > maxChars) { text = text.Substring(0, maxChars); truncated = true; }
            else if (count < body.Length - offset) truncated = true;
            return text;
        }
    }
}

using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Omnidesk.Engine.Http;

namespace Omnidesk.Engine
{
    /// <summary>
    /// Attachment downloads: streamed to the caller's stream, never buffered. Sent without credentials; only a
    /// 401/403 from the account's own origin (files older than 30 days) makes it send them, once.
    /// </summary>
    internal sealed partial class OmnideskClient
    {
        internal const int DownloadBufferBytes = 81920;
        internal static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

        public async Task<long> DownloadAsync(Uri url, Stream destination, Action<long, long?> onProgress, OmnideskCallContext context)
        {
            if (url == null) throw new ArgumentNullException(nameof(url));
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException("The file's URL must be an absolute http or https URL.", nameof(url));
            if (destination == null) throw new ArgumentNullException(nameof(destination));
            if (!destination.CanWrite) throw new ArgumentException("The destination stream is not writable.", nameof(destination));
            if (Volatile.Read(ref _disposed) != 0) throw new ObjectDisposedException(nameof(OmnideskClient));
            context = context ?? OmnideskCallContext.None;
            var cancellation = context.Cancellation;
            cancellation.ThrowIfCancellationRequested();

            // Logged and reported without the query: a file URL may carry a signature or token there.
            var state = new RequestState(context, HttpMethod.Get.Method, url.AbsolutePath) { StreamResponse = true };
            var withCredentials = false;
            var bodyRetries = 0;
            var copy = new DownloadCopy(destination, onProgress);
            // One slot of the command for the whole download, its retries included.
            var slot = await EnterSlotAsync(context).ConfigureAwait(false);
            try
            {
                while (true)
                {
                    using (var request = new HttpRequestMessage(HttpMethod.Get, url))
                    {
                        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*")); // replaces the client's default application/json
                        if (withCredentials) _dialect.Authenticate(request);
                        RequestState.Attach(request, state);
                        var response = await SendRequestAsync(request, state, HttpCompletionOption.ResponseHeadersRead, cancellation)
                            .ConfigureAwait(false);
                        using (response)
                        {
                            var status = (int)response.StatusCode;
                            if (status < 200 || status > 299)
                            {
                                var answeredBy = response.RequestMessage?.RequestUri ?? url;
                                if ((status == 401 || status == 403) && !withCredentials && _dialect.HasCredential &&
                                    IsAccountOrigin(url) && IsAccountOrigin(answeredBy))
                                {
                                    withCredentials = true; // the account's host wants the API credentials: ask once more with them
                                    continue;
                                }
                                var body = response.Content == null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false); // a buffered prefix
                                throw Failure(state, status, body, OmnideskFailureKind.Http, null);
                            }

                            try
                            {
                                await copy.CopyAsync(response, IdleTimeout(), cancellation).ConfigureAwait(false);
                                return copy.Written;
                            }
                            catch (DownloadReadException ex)
                            {
                                var kind = ex.TimedOut ? OmnideskFailureKind.Timeout : OmnideskFailureKind.Network;
                                // Nothing written yet: as for any GET, ask again. Once bytes are in the destination, never.
                                if (copy.Written == 0 && bodyRetries < _settings.MaxRetryCount)
                                {
                                    bodyRetries++;
                                    var delay = RetryPipeline.Backoff(bodyRetries - 1, ClampDelay(_settings.RetryBaseDelay), ClampDelay(_settings.MaxRetryDelay));
                                    NotifyBodyRetry(state, delay, kind);
                                    await Task.Delay(delay, cancellation).ConfigureAwait(false);
                                    continue;
                                }
                                throw Failure(state, status, null, kind, ex.InnerException);
                            }
                        }
                    }
                }
            }
            finally
            {
                slot?.Release();
            }
        }

        /// <summary>Same scheme, host and port as the connection's BaseUri: the only place credentials may go.</summary>
        internal bool IsAccountOrigin(Uri url) =>
            url != null && url.IsAbsoluteUri &&
            string.Equals(url.Scheme, _baseUri.Scheme, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(url.IdnHost, _baseUri.IdnHost, StringComparison.OrdinalIgnoreCase) &&
            url.Port == _baseUri.Port;

        /// <summary>The longest wait for the next chunk of a download body: the per-attempt timeout; null = none.</summary>
        private TimeSpan? IdleTimeout()
        {
            var t = _settings.Timeout;
            if (t <= TimeSpan.Zero || t == Timeout.InfiniteTimeSpan) return null;
            if (t < RetryPipeline.MinTimeout) t = RetryPipeline.MinTimeout;
            if (t > RetryPipeline.MaxTimeout) t = RetryPipeline.MaxTimeout;
            return t;
        }

        private static TimeSpan ClampDelay(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;

        private static void NotifyBodyRetry(RequestState state, TimeSpan delay, OmnideskFailureKind kind)
        {
            var onRetry = state.Context.OnRetry;
            if (onRetry == null) return;
            try
            {
                onRetry(new OmnideskRetryNotice
                {
                    Method = state.Method,
                    PathAndQuery = state.PathAndQuery,
                    Delay = delay,
                    Attempt = state.Attempts + 1,
                    Reason = kind == OmnideskFailureKind.Timeout ? "timeout" : "network failure",
                });
            }
            catch (Exception) { /* a logging callback must not break the request */ }
        }

        /// <summary>Reading the body failed (network, or no data within the timeout); writing errors are not wrapped.</summary>
        private sealed class DownloadReadException : Exception
        {
            public DownloadReadException(Exception inner, bool timedOut) : base(inner?.Message, inner) => TimedOut = timedOut;
            public bool TimedOut { get; }
        }

        /// <summary>Copies a response body in chunks, counting what reached the destination and reporting progress.</summary>
        private sealed class DownloadCopy
        {
            private readonly Stream _destination;
            private readonly Action<long, long?> _onProgress;

            public DownloadCopy(Stream destination, Action<long, long?> onProgress)
            {
                _destination = destination;
                _onProgress = onProgress;
            }

            public long Written { get; private set; }

            public async Task CopyAsync(HttpResponseMessage response, TimeSpan? idleTimeout, CancellationToken cancellation)
            {
                var total = response.Content?.Headers.ContentLength;
                if (response.Content == null)
                {
                    Report(total);
                    return;
                }
                var buffer = new byte[DownloadBufferBytes];
                var sinceReport = Stopwatch.StartNew();
                using (var readCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
#if !NET
                // netstandard2.0 (.NET Framework): a socket read may ignore its token; disposing the response aborts it.
                using (readCancellation.Token.Register(response.Dispose))
#endif
                {
                    Stream source;
                    try
                    {
                        if (idleTimeout.HasValue) readCancellation.CancelAfter(idleTimeout.Value);
#if NET
                        source = await response.Content.ReadAsStreamAsync(readCancellation.Token).ConfigureAwait(false);
#else
                        source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                    }
                    catch (Exception ex) when (IsReadFailure(ex))
                    {
                        throw ReadFailure(ex, readCancellation, cancellation);
                    }

                    using (source)
                    {
                        while (true)
                        {
                            int n;
                            try
                            {
                                if (idleTimeout.HasValue) readCancellation.CancelAfter(idleTimeout.Value); // restarts the timer
                                n = await source.ReadAsync(buffer, 0, buffer.Length, readCancellation.Token).ConfigureAwait(false);
                                // An aborted read (netstandard2.0: the response disposed) may look like the end of the body.
                                if (n == 0 && readCancellation.IsCancellationRequested) throw new OperationCanceledException(readCancellation.Token);
                            }
                            catch (Exception ex) when (IsReadFailure(ex))
                            {
                                throw ReadFailure(ex, readCancellation, cancellation);
                            }
                            if (n == 0)
                            {
                                // Declared length not reached (and no decompression in between): the connection ended early.
                                if (total.HasValue && Written < total.Value && response.Content.Headers.ContentEncoding.Count == 0)
                                    throw new DownloadReadException(new IOException(
                                        $"The response ended after {Written} of {total.Value} bytes."), timedOut: false);
                                break;
                            }

                            // Errors of the destination (disk full, …) are the caller's: thrown as they are.
                            await _destination.WriteAsync(buffer, 0, n, cancellation).ConfigureAwait(false);
                            Written += n;
                            if (sinceReport.Elapsed >= ProgressInterval)
                            {
                                Report(total);
                                sinceReport.Restart();
                            }
                        }
                    }
                }
                await _destination.FlushAsync(cancellation).ConfigureAwait(false);
                if (_reported != Written) Report(total); // the last call always carries the final count, never twice
            }

            private long _reported = -1;

            private void Report(long? total)
            {
                _reported = Written;
                _onProgress?.Invoke(Written, total);
            }

            private static bool IsReadFailure(Exception ex) =>
                ex is OperationCanceledException || ex is ObjectDisposedException || RetryPipeline.IsNetworkFailure(ex);

            private static Exception ReadFailure(Exception ex, CancellationTokenSource readCancellation, CancellationToken cancellation)
            {
                if (cancellation.IsCancellationRequested) return new OperationCanceledException("The download was cancelled.", ex, cancellation);
                return new DownloadReadException(ex, timedOut: readCancellation.IsCancellationRequested);
            }
        }
    }
}

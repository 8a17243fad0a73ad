using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

using Omnidesk.Engine.Dialects;

namespace Omnidesk.Engine.Http
{
    /// <summary>
    /// The Polly pipeline run by <see cref="Microsoft.Extensions.Http.Resilience.ResilienceHandler"/>:
    /// retry (outer) → the account's rate limiter (every attempt, retries included, takes permits; waiting for them
    /// is not part of the attempt's timeout) → per-attempt timeout (inner). The retry rules depend on the request method.
    /// </summary>
    internal static class RetryPipeline
    {
        internal static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
        internal static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

        private static readonly object RandomLock = new object();
        private static readonly Random Random = new Random();

        public static ResiliencePipeline<HttpResponseMessage> Build(OmnideskClientSettings settings, RateLimitHeaders headers,
            AccountRateLimiter limiter = null)
        {
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
            var maxDelay = settings.MaxRetryDelay < TimeSpan.Zero ? TimeSpan.Zero : settings.MaxRetryDelay;
            var baseDelay = settings.RetryBaseDelay < TimeSpan.Zero ? TimeSpan.Zero : settings.RetryBaseDelay;

            if (settings.MaxRetryCount > 0)
            {
                builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = settings.MaxRetryCount,
                    BackoffType = DelayBackoffType.Constant,
                    UseJitter = false,
                    Delay = TimeSpan.Zero, // every delay comes from DelayGenerator
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(
                        ComputeDelay(args.Outcome, args.AttemptNumber, baseDelay, maxDelay, headers)),
                    OnRetry = args =>
                    {
                        NotifyRetry(args.Outcome, args.Context, args.AttemptNumber, args.RetryDelay);
                        return default;
                    },
                });
            }

            if (limiter != null)
            {
                builder.AddRateLimiter(new RateLimiterStrategyOptions
                {
                    RateLimiter = args => limiter.AcquireAsync(args.Context),
                });
            }

            var timeout = settings.Timeout;
            if (timeout > TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            {
                if (timeout < MinTimeout) timeout = MinTimeout;
                if (timeout > MaxTimeout) timeout = MaxTimeout;
                builder.AddTimeout(new TimeoutStrategyOptions { Timeout = timeout });
            }
            return builder.Build();
        }

        internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
        {
            if (context.CancellationToken.IsCancellationRequested) return false;
            var request = context.GetRequestMessage();
            var state = request == null ? null : RequestState.Get(request);
            var safe = state == null || state.IsSafeMethod;
            if (outcome.Exception != null)
                return ShouldRetry(outcome.Exception, safe, state != null && state.Context.ConnectFailureIsFinal);
            return outcome.Result != null && ShouldRetry((int)outcome.Result.StatusCode, safe);
        }

        /// <summary>
        /// GET/HEAD: 429, 500, 502, 503 and 504 (repeating a read is harmless). Writes: only 429 and 503, the answers
        /// that say the server did not process the request.
        /// </summary>
        internal static bool ShouldRetry(int status, bool safeMethod)
        {
            switch (status)
            {
                case 429:
                case 503:
                    return true;
                case 500:
                case 502:
                case 504:
                    return safeMethod;
                default:
                    return false;
            }
        }

        /// <summary>
        /// GET/HEAD: network failures and per-attempt timeouts. Writes: only a connection that was never
        /// established (refused, host not found, connect timeout), never a timeout or a connection dropped after sending.
        /// With <paramref name="connectFailureIsFinal"/> (a probe, see <see cref="OmnideskCallContext.ConnectFailureIsFinal"/>)
        /// a connection that was never established is not retried at all.
        /// </summary>
        internal static bool ShouldRetry(Exception exception, bool safeMethod, bool connectFailureIsFinal = false)
        {
            if (exception is TimeoutRejectedException) return safeMethod;
            if (IsConnectTimeout(exception)) return !connectFailureIsFinal;
            if (exception is OperationCanceledException) return false;
            if (!IsNetworkFailure(exception)) return false;
            if (IsConnectFailure(exception)) return !connectFailureIsFinal;
            return safeMethod;
        }

        internal static bool IsNetworkFailure(Exception exception) =>
            exception is HttpRequestException || exception is IOException || exception is SocketException ||
            exception is WebException;

        /// <summary>
        /// The socket handler's ConnectTimeout expired: it throws an OperationCanceledException around a TimeoutException.
        /// Nothing else in the chain does: HttpClient.Timeout is infinite, the per-attempt timeout arrives as
        /// TimeoutRejectedException, and the caller's own cancellation is ruled out before this is asked.
        /// </summary>
        internal static bool IsConnectTimeout(Exception exception) =>
            exception is OperationCanceledException && exception.InnerException is TimeoutException;

        /// <summary>True when the request certainly never reached the server: no connection could be made.</summary>
        internal static bool IsConnectFailure(Exception exception)
        {
            if (IsConnectTimeout(exception)) return true;
            for (var e = exception; e != null; e = e.InnerException)
            {
#if NET
                if (e is HttpRequestException http &&
                    (http.HttpRequestError == HttpRequestError.NameResolutionError ||
                     http.HttpRequestError == HttpRequestError.ConnectionError))
                    return true;
#endif
                if (e is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.NoData:
                        case SocketError.TryAgain:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.HostDown:
                        case SocketError.NetworkDown:
                        case SocketError.AddressNotAvailable:
                            return true;
                        default:
                            return false;
                    }
                }
                if (e is WebException web)
                {
                    return web.Status == WebExceptionStatus.ConnectFailure ||
                           web.Status == WebExceptionStatus.NameResolutionFailure ||
                           web.Status == WebExceptionStatus.ProxyNameResolutionFailure;
                }
            }
            return false;
        }

        internal static TimeSpan? ComputeDelay(Outcome<HttpResponseMessage> outcome, int attemptNumber, TimeSpan baseDelay, TimeSpan maxDelay,
            RateLimitHeaders headers)
        {
            var delay = ServerDelay(outcome.Result, headers) ?? Backoff(attemptNumber, baseDelay, maxDelay);
            if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
            return delay > maxDelay ? maxDelay : delay;
        }

        /// <summary>Exponential backoff: base × 2^attempt × jitter in [0.8, 1.2), capped.</summary>
        internal static TimeSpan Backoff(int attemptNumber, TimeSpan baseDelay, TimeSpan maxDelay)
        {
            double jitter;
            lock (RandomLock) jitter = 0.8 + Random.NextDouble() * 0.4;
            var ms = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(Math.Max(attemptNumber, 0), 40)) * jitter;
            if (ms >= maxDelay.TotalMilliseconds) return maxDelay;
            return TimeSpan.FromMilliseconds(ms);
        }

        /// <summary>The wait the server asks for: the API's own header (retry_after, seconds), else Retry-After (seconds or HTTP date).</summary>
        internal static TimeSpan? ServerDelay(HttpResponseMessage response, RateLimitHeaders headers)
        {
            if (response == null) return null;
            var omnidesk = headers.RetryAfter == null ? null : RateLimitTracker.ReadHeader(response, headers.RetryAfter);
            var parsed = ParseRetryAfter(omnidesk);
            if (parsed != null) return parsed;

            var standard = response.Headers.RetryAfter;
            if (standard?.Delta != null) return standard.Delta.Value;
            if (standard?.Date != null) return standard.Date.Value - DateTimeOffset.UtcNow;
            return ParseRetryAfter(RateLimitTracker.ReadHeader(response, "Retry-After"));
        }

        internal static TimeSpan? ParseRetryAfter(string value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            value = value.Trim();
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                if (double.IsNaN(seconds) || seconds < 0) return TimeSpan.Zero;
                return seconds > MaxTimeout.TotalSeconds ? MaxTimeout : TimeSpan.FromSeconds(seconds);
            }
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                return date - DateTimeOffset.UtcNow;
            return null;
        }

        internal static string Reason(Outcome<HttpResponseMessage> outcome)
        {
            if (outcome.Exception is TimeoutRejectedException) return "timeout";
            if (IsConnectTimeout(outcome.Exception)) return "connect timeout";
            if (outcome.Exception != null) return "network failure";
            var status = (int)outcome.Result.StatusCode;
            return status.ToString(CultureInfo.InvariantCulture) + " " + StatusText(status, outcome.Result.ReasonPhrase);
        }

        internal static string StatusText(int status, string reasonPhrase)
        {
            switch (status)
            {
                case 429: return "Too Many Requests";
                case 500: return "Internal Server Error";
                case 502: return "Bad Gateway";
                case 503: return "Service Unavailable";
                case 504: return "Gateway Timeout";
                default: return string.IsNullOrEmpty(reasonPhrase) ? ((HttpStatusCode)status).ToString() : reasonPhrase;
            }
        }

        private static void NotifyRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, int attemptNumber, TimeSpan delay)
        {
            var request = context.GetRequestMessage();
            if (request == null) return;
            var state = RequestState.Get(request);
            var onRetry = state.Context.OnRetry;
            if (onRetry == null) return;
            var notice = new OmnideskRetryNotice
            {
                Method = state.Method,
                PathAndQuery = state.PathAndQuery,
                StatusCode = outcome.Result != null ? (int?)(int)outcome.Result.StatusCode : null,
                Delay = delay,
                Attempt = attemptNumber + 1,
                Reason = Reason(outcome),
            };
            try { onRetry(notice); }
            catch (Exception) { /* a logging callback must not break the request */ }
        }
    }
}

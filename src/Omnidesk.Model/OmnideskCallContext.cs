using System;
using System.Threading;

namespace Omnidesk
{
    /// <summary>
    /// Per-call state handed to the engine: the cancellation of the calling cmdlet (Ctrl+C) and where to report
    /// each HTTP attempt and each wait. The callbacks may be invoked on any thread; the caller marshals them.
    /// </summary>
    public sealed class OmnideskCallContext
    {
        public OmnideskCallContext(CancellationToken cancellation, Action<OmnideskRequestLog> onRequest = null,
            Action<string> onDebug = null, Action<OmnideskRetryNotice> onRetry = null, SemaphoreSlim requestSlots = null)
        {
            Cancellation = cancellation;
            OnRequest = onRequest;
            OnDebug = onDebug;
            OnRetry = onRetry;
            RequestSlots = requestSlots;
        }

        public CancellationToken Cancellation { get; }
        public Action<OmnideskRequestLog> OnRequest { get; }
        public Action<string> OnDebug { get; }
        public Action<OmnideskRetryNotice> OnRetry { get; }

        /// <summary>
        /// The requests of one command that may be under way at once (Connect-Omnidesk -MaxConcurrency), shared by all
        /// the command's contexts, so that every request it starts, however started, counts; null: no limit but the
        /// account's rate limiter. The engine holds a slot for a whole exchange, its retries included.
        /// </summary>
        public SemaphoreSlim RequestSlots { get; }

        /// <summary>
        /// True for a probe such as Connect-Omnidesk's first request: when no connection can be made at all (the host
        /// name does not resolve, the connection is refused or cannot be set up in time) the call fails at once instead
        /// of retrying, because at connect time that nearly always means a wrong address, not a passing fault.
        /// Every other failure keeps the usual retry rules.
        /// </summary>
        public bool ConnectFailureIsFinal { get; private set; }

        /// <summary>The same context (cancellation and callbacks) with <see cref="ConnectFailureIsFinal"/> set.</summary>
        public OmnideskCallContext WithConnectFailureFinal() =>
            new OmnideskCallContext(Cancellation, OnRequest, OnDebug, OnRetry, RequestSlots) { ConnectFailureIsFinal = true };

        /// <summary>The same context with another cancellation, which must include this one's.</summary>
        public OmnideskCallContext WithCancellation(CancellationToken cancellation) =>
            new OmnideskCallContext(cancellation, OnRequest, OnDebug, OnRetry, RequestSlots) { ConnectFailureIsFinal = ConnectFailureIsFinal };

        public static OmnideskCallContext None { get; } = new OmnideskCallContext(CancellationToken.None);
    }

    /// <summary>One HTTP attempt: what -Verbose prints. Never contains credentials.</summary>
    public sealed class OmnideskRequestLog
    {
        public string Method { get; set; }
        /// <summary>Path and query, e.g. /api/cases.json?status=open&amp;page=2&amp;limit=100.</summary>
        public string PathAndQuery { get; set; }
        /// <summary>Null when no response arrived (network failure, timeout).</summary>
        public int? StatusCode { get; set; }
        public long ElapsedMilliseconds { get; set; }
        public int Attempt { get; set; }
        public int? ApiCallsLeft { get; set; }

        public override string ToString()
        {
            var status = StatusCode.HasValue ? StatusCode.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no response";
            var left = ApiCallsLeft.HasValue ? $", api_calls_left={ApiCallsLeft}" : "";
            var attempt = Attempt > 1 ? $" (attempt {Attempt})" : "";
            return $"{Method} {PathAndQuery} -> {status} in {ElapsedMilliseconds} ms{left}{attempt}";
        }
    }

    /// <summary>A wait before a retry: what the cmdlet shows as a warning.</summary>
    public sealed class OmnideskRetryNotice
    {
        public string Method { get; set; }
        public string PathAndQuery { get; set; }
        public int? StatusCode { get; set; }
        public TimeSpan Delay { get; set; }
        public int Attempt { get; set; }
        /// <summary>Why: "429", "503", "network failure", ...</summary>
        public string Reason { get; set; }

        /// <summary>A wait for the account's request budget, not a retry after a failure.</summary>
        public bool IsPacing { get; set; }

        public override string ToString() => IsPacing
            ? $"{Method} {PathAndQuery}: {Reason}"
            : $"{Method} {PathAndQuery}: {Reason}; retry {Attempt} in {Delay.TotalSeconds:0.###} s";
    }
}

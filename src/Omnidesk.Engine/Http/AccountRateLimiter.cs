using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Polly;

using Omnidesk.Engine.Dialects;

namespace Omnidesk.Engine.Http
{
    /// <summary>
    /// The process-wide registry of per-account limiters. The account is the BaseUri's scheme, host and port
    /// (lower case), and the product: every connection of one account (whatever staff e-mail it uses) shares one
    /// limiter, because the API's per-minute budget is counted for the whole account.
    /// </summary>
    internal sealed class AccountRateLimiters
    {
        /// <summary>The one registry of the process, used by every client the factory creates.</summary>
        public static AccountRateLimiters Shared { get; } = new AccountRateLimiters();

        private readonly ConcurrentDictionary<string, AccountRateLimiter> _accounts =
            new ConcurrentDictionary<string, AccountRateLimiter>(StringComparer.Ordinal);

        /// <summary>
        /// The limiter of the account at <paramref name="baseUri"/> in <paramref name="product"/>'s API: two products on
        /// one host (the demo emulator serves both) have separate budgets.
        /// </summary>
        public AccountRateLimiter Get(Uri baseUri, OmnideskProduct product = OmnideskProduct.OmnideskRu)
        {
            var key = KeyOf(baseUri) + (product == OmnideskProduct.OmnideskRu ? "" : " " + product);
            return _accounts.GetOrAdd(key, k => new AccountRateLimiter(k));
        }

        /// <summary>"https://acme.omnidesk.ru:443": scheme, host and port in lower case; path, query and user info ignored.</summary>
        public static string KeyOf(Uri uri)
        {
            if (uri == null) throw new ArgumentNullException(nameof(uri));
            if (!uri.IsAbsoluteUri) throw new ArgumentException("An absolute URI is required.", nameof(uri));
            return (uri.Scheme + "://" + uri.IdnHost + ":" + uri.Port.ToString(CultureInfo.InvariantCulture))
                .ToLowerInvariant();
        }

        /// <summary>Forgets what every account's limiter learnt (budget, calls left, 429 blocks); the limiters stay shared.</summary>
        public void ResetAll()
        {
            foreach (var limiter in _accounts.Values) limiter.Reset();
        }

        internal int Count => _accounts.Count;
    }

    /// <summary>
    /// The client-side limiter of one account, run by the Polly rate-limiter strategy for every attempt (inside the
    /// retry, outside the per-attempt timeout). Before an attempt it waits, honouring the call's cancellation:
    /// <list type="number">
    /// <item>until the account's "not before" time set by a 429 (retry_after, else Retry-After);</item>
    /// <item>when the latest api_calls_left (less than 60 s old) is below reserve + cost, for the time the budget
    ///   needs to replenish the shortfall (60 s / L per call, counted from when that answer arrived);</item>
    /// <item>for permits of a <see cref="TokenBucketRateLimiter"/> of L/60 permits a second (a GET takes 1, a write 2),
    ///   built when rate_limit_per_minute is first seen and rebuilt when it changes. Unknown L: no bucket.</item>
    /// </list>
    /// A wait longer than <see cref="NoticeThreshold"/> is reported through the call context's OnRetry.
    /// </summary>
    internal sealed class AccountRateLimiter
    {
        /// <summary>Waits up to this long are not reported.</summary>
        internal static readonly TimeSpan NoticeThreshold = TimeSpan.FromSeconds(1);
        /// <summary>An api_calls_left older than this says nothing about now.</summary>
        internal static readonly TimeSpan CallsLeftFreshness = TimeSpan.FromSeconds(60);
        /// <summary>The prefix of every notice's Reason, as users read it.</summary>
        internal const string ReasonPrefix = "rate limit: ";

        private readonly object _lock = new object();
        private TokenBucketRateLimiter _bucket; // null while the budget is unknown
        private int _limit;                     // the budget the bucket was built for
        private double _tokensPerSecond;
        private long _notBefore;                // Stopwatch timestamp; 0: none
        private CallsLeftSnapshot _callsLeft;   // null: none

        public AccountRateLimiter(string key) => Key = key;

        public string Key { get; }

        /// <summary>The budget the bucket follows; null while unknown.</summary>
        public int? LimitPerMinute
        {
            get { lock (_lock) return _bucket == null ? (int?)null : _limit; }
        }

        /// <summary>Whether a request goes to this account's host (downloads from other hosts take no permits).</summary>
        public bool Covers(Uri requestUri) =>
            requestUri != null && requestUri.IsAbsoluteUri &&
            string.Equals(AccountRateLimiters.KeyOf(requestUri), Key, StringComparison.Ordinal);

        internal static int CostOf(string method) => RequestState.IsSafe(method) ? 1 : 2;

        /// <summary>The reserve kept below api_calls_left for other users of the account: max(2, L/50).</summary>
        internal static int ReserveOf(int limit) => Math.Max(2, limit / 50);

        /// <summary>The bucket's burst: max(2, L/10) (at least one write).</summary>
        internal static int BurstOf(int limit) => Math.Max(2, limit / 10);

        // ---------------------------------------------------------------- feedback from responses

        /// <summary>
        /// Learns from an API response: rate_limit_per_minute (re)builds the bucket; api_calls_left is kept for the
        /// reserve rule; a 429's retry_after (else Retry-After), capped by <paramref name="maxBlock"/>, blocks every
        /// request of the account until it passes.
        /// </summary>
        public void Observe(HttpResponseMessage response, TimeSpan maxBlock, RateLimitHeaders headers)
        {
            if (response == null) return;
            var limit = RateLimitTracker.ReadInt(response, headers.Limit);
            var left = RateLimitTracker.ReadInt(response, headers.CallsLeft);
            TimeSpan? block = null;
            if ((int)response.StatusCode == 429)
            {
                block = RetryPipeline.ServerDelay(response, headers);
                if (block != null)
                {
                    if (block.Value < TimeSpan.Zero) block = TimeSpan.Zero;
                    if (maxBlock < TimeSpan.Zero) maxBlock = TimeSpan.Zero;
                    if (block.Value > maxBlock) block = maxBlock;
                }
            }
            var now = Stopwatch.GetTimestamp();
            TokenBucketRateLimiter retired = null;
            lock (_lock)
            {
                if (limit != null && limit.Value > 0 && (_bucket == null || limit.Value != _limit))
                {
                    retired = _bucket;
                    _bucket = CreateBucket(limit.Value, out _tokensPerSecond);
                    _limit = limit.Value;
                }
                if (left != null)
                {
                    // A 429 that tells when to come back: its retry_after rules, not the calls-left reserve.
                    _callsLeft = block != null ? null : new CallsLeftSnapshot(left.Value, now);
                }
                if (block != null)
                {
                    var until = now + ToTicks(block.Value);
                    if (until > _notBefore) _notBefore = until;
                }
            }
            // Queued waiters of the old bucket get a failed lease and queue again on the new one.
            retired?.Dispose();
        }

        public void Reset()
        {
            TokenBucketRateLimiter retired;
            lock (_lock)
            {
                retired = _bucket;
                _bucket = null;
                _limit = 0;
                _tokensPerSecond = 0;
                _notBefore = 0;
                _callsLeft = null;
            }
            retired?.Dispose();
        }

        private static TokenBucketRateLimiter CreateBucket(int limit, out double tokensPerSecond)
        {
            // L/60 permits a second, replenished in periods of at least 50 ms.
            var tokensPerPeriod = Math.Max(1, (int)Math.Ceiling(limit / 1200.0));
            var period = TimeSpan.FromTicks((long)(TimeSpan.TicksPerMinute * (double)tokensPerPeriod / limit));
            tokensPerSecond = limit / 60.0;
            return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = BurstOf(limit),
                TokensPerPeriod = tokensPerPeriod,
                ReplenishmentPeriod = period,
                AutoReplenishment = true,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        }

        // ---------------------------------------------------------------- waiting before an attempt

        /// <summary>The Polly rate-limiter strategy's delegate: waits as the rules say, then lets the attempt go.</summary>
        public async ValueTask<RateLimitLease> AcquireAsync(ResilienceContext context)
        {
            var cancellation = context.CancellationToken;
            var request = context.GetRequestMessage();
            if (request == null || !Covers(request.RequestUri)) return Lease.Granted;
            var state = RequestState.Get(request);
            var cost = CostOf(state.Method);

            await WaitForAccountAsync(state, cost, cancellation).ConfigureAwait(false);
            var lease = await AcquireBucketAsync(state, cost, cancellation).ConfigureAwait(false);
            // A 429 may have arrived while this request queued for permits: honour it too (permits kept).
            await WaitForAccountAsync(state, cost, cancellation).ConfigureAwait(false);
            return lease;
        }

        /// <summary>Rules 1 and 2: the 429 block and the calls-left reserve, re-checked after every wait.</summary>
        private async Task WaitForAccountAsync(RequestState state, int cost, CancellationToken cancellation)
        {
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                string reason;
                var wait = AccountWait(cost, Stopwatch.GetTimestamp(), out reason);
                if (wait <= TimeSpan.Zero) return;
                if (wait > NoticeThreshold) Notify(state, wait, reason);
                await Task.Delay(wait, cancellation).ConfigureAwait(false);
            }
        }

        /// <summary>How long a request of <paramref name="cost"/> must wait at <paramref name="now"/> for the 429 block and the reserve.</summary>
        internal TimeSpan AccountWait(int cost, long now, out string reason)
        {
            reason = null;
            long until = 0;
            lock (_lock)
            {
                if (_notBefore > now)
                {
                    until = _notBefore;
                    reason = "after a 429 of the account (retry_after)";
                }
                var snapshot = _callsLeft;
                if (snapshot != null && _bucket != null && _limit > 0 &&
                    now - snapshot.ObservedAt < ToTicks(CallsLeftFreshness))
                {
                    var shortfall = ReserveOf(_limit) + cost - snapshot.CallsLeft;
                    if (shortfall > 0)
                    {
                        var replenished = snapshot.ObservedAt + ToTicks(TimeSpan.FromTicks(TimeSpan.TicksPerMinute * shortfall / _limit));
                        if (replenished > now && replenished > until)
                        {
                            until = replenished;
                            reason = "for the account's budget (api_calls_left=" +
                                     snapshot.CallsLeft.ToString(CultureInfo.InvariantCulture) + " of " +
                                     _limit.ToString(CultureInfo.InvariantCulture) + " per minute)";
                        }
                    }
                }
            }
            if (until <= now) return TimeSpan.Zero;
            return FromTicks(until - now);
        }

        /// <summary>Rule 3: permits from the current bucket (none while the budget is unknown).</summary>
        private async Task<RateLimitLease> AcquireBucketAsync(RequestState state, int cost, CancellationToken cancellation)
        {
            var notified = false;
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                TokenBucketRateLimiter bucket;
                double rate;
                lock (_lock)
                {
                    bucket = _bucket;
                    rate = _tokensPerSecond;
                }
                if (bucket == null) return Lease.Granted;

                RateLimitLease lease;
                try
                {
                    lease = bucket.AttemptAcquire(cost);
                    if (!lease.IsAcquired)
                    {
                        lease.Dispose();
                        if (!notified && rate > 0)
                        {
                            var stats = bucket.GetStatistics();
                            var missing = (stats?.CurrentQueuedCount ?? 0) + cost - (stats?.CurrentAvailablePermits ?? 0);
                            var estimate = TimeSpan.FromSeconds(Math.Max(0, missing) / rate);
                            if (estimate > NoticeThreshold)
                            {
                                Notify(state, estimate, "for the account's budget");
                                notified = true;
                            }
                        }
                        lease = await bucket.AcquireAsync(cost, cancellation).ConfigureAwait(false);
                    }
                }
                catch (ObjectDisposedException)
                {
                    continue; // the budget changed: the bucket was replaced
                }
                if (lease.IsAcquired) return lease;
                lease.Dispose(); // the bucket was replaced while this request queued: queue on the new one
            }
        }

        private static void Notify(RequestState state, TimeSpan wait, string why)
        {
            var onRetry = state.Context.OnRetry;
            if (onRetry == null) return;
            var notice = new OmnideskRetryNotice
            {
                Method = state.Method,
                PathAndQuery = state.PathAndQuery,
                StatusCode = null,
                Delay = wait,
                Attempt = state.Attempts, // the retry number the wait precedes (0: the first attempt)
                Reason = FormatReason(wait, why),
                IsPacing = true,
            };
            try { onRetry(notice); }
            catch (Exception) { /* a logging callback must not break the request */ }
        }

        /// <summary>"rate limit: waiting 2.5 s for the account's budget".</summary>
        internal static string FormatReason(TimeSpan wait, string why)
        {
            var seconds = Math.Ceiling(wait.TotalSeconds * 10) / 10;
            return ReasonPrefix + "waiting " + seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s " + why;
        }

        private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

        private static TimeSpan FromTicks(long stopwatchTicks) =>
            TimeSpan.FromTicks((long)(stopwatchTicks * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));

        private sealed class CallsLeftSnapshot
        {
            public CallsLeftSnapshot(int callsLeft, long observedAt)
            {
                CallsLeft = callsLeft;
                ObservedAt = observedAt;
            }

            public int CallsLeft { get; }
            public long ObservedAt { get; }
        }

        /// <summary>The lease of a request that may go without permits (budget unknown, another host).</summary>
        private sealed class Lease : RateLimitLease
        {
            public static readonly Lease Granted = new Lease();

            public override bool IsAcquired => true;
            public override IEnumerable<string> MetadataNames => Array.Empty<string>();

            public override bool TryGetMetadata(string metadataName, out object metadata)
            {
                metadata = null;
                return false;
            }
        }
    }
}

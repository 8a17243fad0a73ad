using System;
using Microsoft.AspNetCore.Http;

namespace Omnidesk.Emulator
{
    /// <summary>The outcome of charging one request against the per-minute budget.</summary>
    public readonly record struct RateDecision(bool Allowed, int Budget, int CallsLeft, int RetryAfterSeconds);

    /// <summary>
    /// The account-wide per-minute budget: a fixed 60 s window that starts at the first request after start or reset.
    /// A GET costs 1, a write 2; a refused request costs nothing. Thread-safe.
    /// </summary>
    public sealed class RateLimiter
    {
        public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

        readonly TimeProvider _clock;
        readonly object _lock = new();
        DateTimeOffset? _windowStart;
        int _used;

        public RateLimiter(TimeProvider clock) => _clock = clock ?? TimeProvider.System;

        /// <summary>Writes (POST, PUT, PATCH, DELETE) count twice, as the docs say.</summary>
        public static int CostOf(string method) =>
            HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) ? 1 : 2;

        public RateDecision TryConsume(int cost, int budget)
        {
            lock (_lock)
            {
                var now = _clock.GetUtcNow();
                if (_windowStart == null || now >= _windowStart.Value + Window)
                {
                    _windowStart = now;
                    _used = 0;
                }
                int left = Math.Max(0, budget - _used);
                if (cost > left)
                {
                    double untilReset = (_windowStart.Value + Window - now).TotalSeconds;
                    return new RateDecision(false, budget, left, Math.Max(1, (int)Math.Ceiling(untilReset)));
                }
                _used += cost;
                return new RateDecision(true, budget, budget - _used, 0);
            }
        }

        public void Reset()
        {
            lock (_lock)
            {
                _windowStart = null;
                _used = 0;
            }
        }
    }
}

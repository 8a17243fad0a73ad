using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;

namespace Omnidesk.Engine.Http
{
    /// <summary>The latest rate-limit headers, as an immutable snapshot swapped atomically.</summary>
    internal sealed class RateLimitTracker
    {
        internal const string LimitHeader = "rate_limit_per_minute";
        internal const string CallsLeftHeader = "api_calls_left";
        internal const string RetryAfterHeader = "retry_after";

        private OmnideskRateLimit _current = OmnideskRateLimit.Unknown;

        public OmnideskRateLimit Current => Volatile.Read(ref _current);

        public void Observe(HttpResponseMessage response)
        {
            var limit = ReadInt(response, LimitHeader);
            var left = ReadInt(response, CallsLeftHeader);
            if (limit == null && left == null) return;
            var now = DateTimeOffset.Now;
            while (true)
            {
                var old = Volatile.Read(ref _current);
                var next = new OmnideskRateLimit(limit ?? old.LimitPerMinute, left ?? old.CallsLeft, now);
                if (ReferenceEquals(Interlocked.CompareExchange(ref _current, next, old), old)) return;
            }
        }

        public static string ReadHeader(HttpResponseMessage response, string name)
        {
            if (response == null) return null;
            IEnumerable<string> values;
            if (response.Headers.TryGetValues(name, out values) ||
                (response.Content != null && response.Content.Headers.TryGetValues(name, out values)))
                return values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
            return null;
        }

        public static int? ReadInt(HttpResponseMessage response, string name)
        {
            var text = ReadHeader(response, name);
            if (text == null) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) return i;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) &&
                d >= int.MinValue && d <= int.MaxValue) return (int)d;
            return null;
        }
    }
}

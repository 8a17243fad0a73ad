using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Omnidesk.Engine.Dialects;

namespace Omnidesk.Engine.Http
{
    /// <summary>The latest rate-limit headers, as an immutable snapshot swapped atomically.</summary>
    internal sealed class RateLimitTracker
    {
        private readonly RateLimitHeaders _headers;
        private OmnideskRateLimit _current = OmnideskRateLimit.Unknown;

        public RateLimitTracker(RateLimitHeaders headers) => _headers = headers ?? throw new ArgumentNullException(nameof(headers));

        public OmnideskRateLimit Current => Volatile.Read(ref _current);

        public void Observe(HttpResponseMessage response)
        {
            var limit = ReadInt(response, _headers.Limit);
            var left = ReadInt(response, _headers.CallsLeft);
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
            if (response == null || name == null) return null;
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

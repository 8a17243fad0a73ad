using System;
using System.Net;

namespace Omnidesk
{
    /// <summary>How a connection talks to the API. The credential is read once, into the Authorization header.</summary>
    public sealed class OmnideskClientSettings
    {
        public Uri BaseUri { get; set; }

        /// <summary>Which API the account speaks.</summary>
        public OmnideskProduct Product { get; set; } = OmnideskProduct.OmnideskRu;

        /// <summary>
        /// omnidesk.ru: UserName = staff e-mail, Password = API key. Omnidesk.com: Password = API key (UserName unused).
        /// Never logged, never exposed after creation.
        /// </summary>
        public NetworkCredential Credential { get; set; }

        /// <summary>Time allowed for one attempt of one request.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>
        /// Retries of a failed request (0 = none): reads after 429, 500, 502, 503, 504, a network failure or a timeout;
        /// writes only after 429 or 503 or when no connection could be made, never once they may have reached the server.
        /// </summary>
        public int MaxRetryCount { get; set; } = 5;

        /// <summary>First backoff delay when the server gives no retry_after; doubles each retry, with jitter.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Upper bound of one wait, whatever the server asks for.</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

        public string UserAgent { get; set; } = "Omnidesk-PowerShell";

        /// <summary>How many requests of one command may be under way at once (pages read ahead, bulk writes).</summary>
        public int MaxConcurrency { get; set; } = 4;

        /// <summary>Omnidesk.com: where requests carry the API key.</summary>
        public OmnideskApiKeyLocation ApiKeyLocation { get; set; } = OmnideskApiKeyLocation.Header;

        /// <summary>
        /// Omnidesk.com: the time zone (IANA or Windows id) of the API's zone-less dates ("2026-06-28 21:07:00"), which
        /// the API does not state; the vendor is Dutch, so Europe/Amsterdam unless the account says otherwise.
        /// </summary>
        public string TimeZone { get; set; } = DefaultTimeZone;

        public const string DefaultTimeZone = "Europe/Amsterdam";

        public OmnideskClientSettings CloneWithoutCredential()
        {
            var copy = (OmnideskClientSettings)MemberwiseClone();
            copy.Credential = null;
            return copy;
        }
    }

    /// <summary>The API's rate-limit headers as last seen; null until a response carried them.</summary>
    public sealed class OmnideskRateLimit
    {
        public OmnideskRateLimit(int? limitPerMinute, int? callsLeft, DateTimeOffset? observedAt)
        {
            LimitPerMinute = limitPerMinute;
            CallsLeft = callsLeft;
            ObservedAt = observedAt;
        }

        public int? LimitPerMinute { get; }
        public int? CallsLeft { get; }
        public DateTimeOffset? ObservedAt { get; }

        public static OmnideskRateLimit Unknown { get; } = new OmnideskRateLimit(null, null, null);

        public override string ToString() =>
            LimitPerMinute.HasValue ? $"{CallsLeft}/{LimitPerMinute} calls left this minute" : "unknown";
    }
}

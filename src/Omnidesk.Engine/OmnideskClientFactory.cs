using System;
using System.Net;
using System.Net.Http;
using System.Threading;

namespace Omnidesk.Engine
{
    /// <summary>Creates the engine's client: one <see cref="HttpClient"/> (and one handler chain) per connection.</summary>
    public static class OmnideskClientFactory
    {
        /// <summary>The connection lifetime of pooled connections (DNS changes are picked up after it).</summary>
        internal static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

        /// <summary>
        /// How long setting up a connection (TCP and TLS) may take. Without it a host that drops packets holds each attempt
        /// for the whole request timeout (100 s by default; Linux itself gives up a connect only after about 2 minutes).
        /// 10 s still covers several lost SYNs (Linux resends them after 1, 3 and 7 s) and a TLS handshake on a slow
        /// link; a connect slower than that is not going to work any better. Only .NET has the setting.
        /// </summary>
        internal static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

        public static IOmnideskClient Create(OmnideskClientSettings settings) => Create(settings, CreatePrimaryHandler());

        /// <summary>For tests: <paramref name="innermostHandler"/> replaces the socket handler at the bottom of the chain.</summary>
        internal static OmnideskClient Create(OmnideskClientSettings settings, HttpMessageHandler innermostHandler) =>
            Create(settings, innermostHandler, Http.AccountRateLimiters.Shared);

        /// <summary>For tests: <paramref name="limiters"/> replaces the process-wide registry of account limiters.</summary>
        internal static OmnideskClient Create(OmnideskClientSettings settings, HttpMessageHandler innermostHandler,
            Http.AccountRateLimiters limiters)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            if (innermostHandler == null) throw new ArgumentNullException(nameof(innermostHandler));
            return new OmnideskClient(settings, innermostHandler, limiters);
        }

        /// <summary>
        /// Forgets what the process-wide rate limiters learnt about every account (the budget, api_calls_left and a
        /// 429's retry_after block): requests go unthrottled again until the next answer tells the budget.
        /// For tests and for a deliberate fresh start; connections keep sharing their account's limiter.
        /// </summary>
        public static void ResetRateLimiters() => Http.AccountRateLimiters.Shared.ResetAll();

        internal static HttpMessageHandler CreatePrimaryHandler()
        {
#if NET
            return new SocketsHttpHandler
            {
                PooledConnectionLifetime = PooledConnectionLifetime,
                ConnectTimeout = ConnectTimeout,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
#else
            return new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
#endif
        }
    }
}

using System;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace Omnidesk
{
    /// <summary>
    /// A connection to one Omnidesk account: what Connect-Omnidesk -PassThru returns and -Connection takes.
    /// It holds the HTTP client; the API key lives only inside it (the Authorization header of omnidesk.ru, the apiKey
    /// header or query parameter of Omnidesk.com).
    /// </summary>
    public sealed class OmnideskConnection
    {
        internal OmnideskConnection(IOmnideskClient client, bool isDemo)
        {
            Client = client;
            IsDemo = isDemo;
            ConnectedAt = DateTimeOffset.Now;
        }

        internal IOmnideskClient Client { get; }
        internal bool IsClosed { get; private set; }

        /// <summary>Which API the account speaks: OmnideskRu (omnidesk.ru, Deskie) or OmnideskCom (Omnidesk.com, API v2).</summary>
        public OmnideskProduct Product => Client.Product;
        public Uri BaseUri => Client.BaseUri;
        /// <summary>The staff e-mail of an omnidesk.ru connection; null on Omnidesk.com, whose API key stands alone.</summary>
        public string Email => Client.Email;
        /// <summary>Omnidesk.com: the time zone of the API's dates; null on omnidesk.ru, whose dates carry their offset.</summary>
        public string TimeZone => Product == OmnideskProduct.OmnideskCom ? Client.Settings.TimeZone : null;
        public DateTimeOffset ConnectedAt { get; }
        public bool IsDemo { get; }
        public int TimeoutSec => (int)Client.Settings.Timeout.TotalSeconds;
        public int MaxRetryCount => Client.Settings.MaxRetryCount;
        public int MaxConcurrency => Client.Settings.MaxConcurrency;
        /// <summary>From the last response's rate_limit_per_minute header.</summary>
        public int? RateLimitPerMinute => Client.RateLimit.LimitPerMinute;
        /// <summary>From the last response's api_calls_left header.</summary>
        public int? ApiCallsLeft => Client.RateLimit.CallsLeft;

        internal void Close()
        {
            IsClosed = true;
            Client.Dispose();
        }

        public override string ToString() => Email != null ? $"{Email} at {BaseUri}" : $"API key at {BaseUri}";
    }

    /// <summary>
    /// The default connection of each runspace. Keyed by runspace, not process-wide, so Azure Automation jobs
    /// sharing a sandbox process, or parallel runspaces, never use each other's account.
    /// </summary>
    internal static class DefaultConnections
    {
        private static readonly ConditionalWeakTable<Runspace, OmnideskConnection> ByRunspace =
            new ConditionalWeakTable<Runspace, OmnideskConnection>();

        public static OmnideskConnection Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace != null && ByRunspace.TryGetValue(runspace, out var connection) ? connection : null;
            }
        }

        public static void Set(OmnideskConnection connection)
        {
            var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace on this thread.");
            lock (ByRunspace)
            {
                ByRunspace.Remove(runspace);
                ByRunspace.Add(runspace, connection);
            }
        }

        public static void Clear()
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace == null) return;
            lock (ByRunspace) ByRunspace.Remove(runspace);
        }
    }

    internal static class EngineBridge
    {
        // The only place that names an engine type; NoInlining keeps the engine unloaded until a connection is made.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static IOmnideskClient CreateClient(OmnideskClientSettings settings) =>
            Omnidesk.Engine.OmnideskClientFactory.Create(settings);
    }
}

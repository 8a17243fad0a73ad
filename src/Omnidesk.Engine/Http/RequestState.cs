using System;
using System.Net.Http;
using System.Threading;

namespace Omnidesk.Engine.Http
{
    /// <summary>
    /// The per-call state that travels with the request through the handler chain (request Options on .NET,
    /// Properties on netstandard2.0): the caller's <see cref="OmnideskCallContext"/>, the readable path for logs,
    /// and the attempt counter.
    /// </summary>
    internal sealed class RequestState
    {
        internal const string Key = "Omnidesk.RequestState";
#if NET
        private static readonly HttpRequestOptionsKey<RequestState> OptionsKey = new HttpRequestOptionsKey<RequestState>(Key);
#endif
        private int _attempts;

        public RequestState(OmnideskCallContext context, string method, string pathAndQuery)
        {
            Context = context ?? OmnideskCallContext.None;
            Method = method;
            PathAndQuery = pathAndQuery;
        }

        public OmnideskCallContext Context { get; }
        public string Method { get; }
        /// <summary>Path and query with readable brackets, as logged.</summary>
        public string PathAndQuery { get; }
        public int Attempts => Volatile.Read(ref _attempts);

        /// <summary>
        /// Creates the request body afresh for every attempt (set by <see cref="AttemptLoggingHandler"/>), so that a
        /// retried write sends its whole body again even when the previous attempt consumed a stream. Null: the
        /// request keeps the content it was created with.
        /// </summary>
        public Func<HttpContent> ContentFactory { get; set; }

        /// <summary>
        /// True for downloads: <see cref="AttemptLoggingHandler"/> leaves a 2xx body unread (the caller streams it);
        /// only a short prefix of a non-2xx body is kept, for the error message.
        /// </summary>
        public bool StreamResponse { get; set; }

        /// <summary>GET and HEAD (and OPTIONS) may be repeated freely; writes only when the server surely did not apply them.</summary>
        public bool IsSafeMethod => IsSafe(Method);

        public int NextAttempt() => Interlocked.Increment(ref _attempts);

        internal static bool IsSafe(string method) =>
            string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(method, "OPTIONS", StringComparison.OrdinalIgnoreCase);

        public static void Attach(HttpRequestMessage request, RequestState state)
        {
#if NET
            request.Options.Set(OptionsKey, state);
#else
            request.Properties[Key] = state;
#endif
        }

        /// <summary>The request's state; a default one (no callbacks) when the request did not come from the client.</summary>
        public static RequestState Get(HttpRequestMessage request)
        {
            if (request == null) return null;
#if NET
            if (request.Options.TryGetValue(OptionsKey, out var state) && state != null) return state;
#else
            if (request.Properties.TryGetValue(Key, out var value) && value is RequestState state) return state;
#endif
            var fallback = new RequestState(OmnideskCallContext.None, request.Method.Method, request.RequestUri?.PathAndQuery);
            Attach(request, fallback);
            return fallback;
        }
    }
}

using System;
using System.Text.Json;
using Omnidesk.Emulator.OmnideskCom;

namespace Omnidesk.Emulator
{
    /// <summary>Everything one emulator instance holds: config, data, rate limiter, faults, request log.</summary>
    public sealed class EmulatorState
    {
        readonly EmulatorOptions _startup;
        readonly object _lock = new();
        EmulatorConfig _config;
        Random _latencyRng;

        public EmulatorState(EmulatorOptions startup)
        {
            _startup = startup;
            _config = startup.ToConfig();
            _latencyRng = new Random(_config.Seed);
            Store = new DataStore(startup.Cases, startup.TimeProvider);
            Store.ReseedChurn(_config.Seed);
            Com = new ComStore(startup.ComTickets, ComTime.TryCreate(startup.ComTimeZone), startup.TimeProvider);
            RateLimiter = new RateLimiter(startup.TimeProvider);
            Faults = new FaultInjector(_config.Seed);
            Log = new RequestLog();
        }

        public DataStore Store { get; }
        /// <summary>The Omnidesk.com (API v2) demo account, served under /api/v2 by the same process.</summary>
        public ComStore Com { get; }
        public RateLimiter RateLimiter { get; }
        public FaultInjector Faults { get; }
        public RequestLog Log { get; }

        /// <summary>A snapshot; a request sees one consistent config even if it changes meanwhile.</summary>
        public EmulatorConfig Config
        {
            get { lock (_lock) return _config.Clone(); }
        }

        /// <summary>Applies a partial config; returns an error code (nothing changed) or null.</summary>
        public string UpdateConfig(JsonElement json)
        {
            lock (_lock)
            {
                string error = _config.TryApply(json, out var updated);
                if (error != null) return error;
                bool reseed = updated.Seed != _config.Seed;
                _config = updated;
                if (reseed)
                {
                    _latencyRng = new Random(updated.Seed);
                    Faults.Reseed(updated.Seed);
                    Store.ReseedChurn(updated.Seed);
                }
                return null;
            }
        }

        /// <summary>POST /_emulator/reset: seeded data, empty log, no scripted faults, a fresh window, the startup config.</summary>
        public void Reset()
        {
            Store.Reset();
            Com.Reset();
            Log.Clear();
            Faults.Clear();
            RateLimiter.Reset();
            lock (_lock)
            {
                _config = _startup.ToConfig();
                _latencyRng = new Random(_config.Seed);
                Faults.Reseed(_config.Seed);
                Store.ReseedChurn(_config.Seed);
            }
        }

        /// <summary>latency_ms ± latency_jitter_ms, never negative.</summary>
        public int NextLatencyMs()
        {
            lock (_lock)
            {
                int jitter = _config.LatencyJitterMs;
                int delay = _config.LatencyMs + (jitter > 0 ? _latencyRng.Next(-jitter, jitter + 1) : 0);
                return Math.Max(0, delay);
            }
        }
    }
}

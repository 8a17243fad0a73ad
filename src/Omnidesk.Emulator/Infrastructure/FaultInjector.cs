using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>A fault queued by POST /_emulator/faults.</summary>
    public sealed class ScriptedFault
    {
        /// <summary>The status to answer with (ignored when <see cref="Drop"/>).</summary>
        public int Status { get; set; }
        public int? RetryAfter { get; set; }
        public bool Drop { get; set; }
        /// <summary>Only requests with this method (null = any).</summary>
        public string Method { get; set; }
        /// <summary>Only requests whose path starts with this (null = any).</summary>
        public string Path { get; set; }
        /// <summary>How many matching requests it hits before it is used up.</summary>
        public int Times { get; set; } = 1;
        /// <summary>The error code of the body; defaults from the status.</summary>
        public string Error { get; set; }

        public bool Matches(string method, string path) =>
            (Method == null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) &&
            (Path == null || path.StartsWith(Path, StringComparison.OrdinalIgnoreCase));

        /// <summary>Parses one fault object; returns an error code when it is malformed.</summary>
        public static string TryParse(JsonElement e, out ScriptedFault fault)
        {
            fault = null;
            if (e.ValueKind != JsonValueKind.Object) return "fault_must_be_an_object";
            var f = new ScriptedFault();
            foreach (var p in e.EnumerateObject())
            {
                var v = p.Value;
                switch (p.Name)
                {
                    case "status":
                        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int s) || s < 100 || s > 599) return "wrong_fault_status";
                        f.Status = s; break;
                    case "retry_after":
                        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int ra) || ra < 0) return "wrong_fault_retry_after";
                        f.RetryAfter = ra; break;
                    case "drop":
                        if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return "wrong_fault_drop";
                        f.Drop = v.ValueKind == JsonValueKind.True; break;
                    case "method":
                        if (v.ValueKind != JsonValueKind.String) return "wrong_fault_method";
                        f.Method = v.GetString().ToUpperInvariant(); break;
                    case "path":
                        if (v.ValueKind != JsonValueKind.String) return "wrong_fault_path";
                        f.Path = v.GetString(); break;
                    case "times":
                        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int t) || t < 1) return "wrong_fault_times";
                        f.Times = t; break;
                    case "error":
                        if (v.ValueKind != JsonValueKind.String) return "wrong_fault_error";
                        f.Error = v.GetString(); break;
                    default:
                        return "unknown_fault_key";
                }
            }
            if (!f.Drop && f.Status == 0) return "fault_needs_status_or_drop";
            fault = f;
            return null;
        }

        public ScriptedFault Clone() => (ScriptedFault)MemberwiseClone();

        public void WriteJson(Utf8JsonWriter w)
        {
            w.WriteStartObject();
            if (Drop) w.WriteBoolean("drop", true); else w.WriteNumber("status", Status);
            if (RetryAfter.HasValue) w.WriteNumber("retry_after", RetryAfter.Value);
            if (Method != null) w.WriteString("method", Method);
            if (Path != null) w.WriteString("path", Path);
            if (Error != null) w.WriteString("error", Error);
            w.WriteNumber("times", Times);
            w.WriteEndObject();
        }
    }

    /// <summary>What the pipeline must do instead of running the handler.</summary>
    public sealed record FaultAction(bool Drop, int Status, int? RetryAfter, string Error);

    /// <summary>Scripted faults first (in order), then random ones from a seeded generator. Thread-safe.</summary>
    public sealed class FaultInjector
    {
        static readonly int[] ServerErrors = { 500, 502, 503, 504 };

        readonly object _lock = new();
        readonly List<ScriptedFault> _queue = new();
        Random _rng;

        public FaultInjector(int seed) => _rng = new Random(seed);

        public void Reseed(int seed)
        {
            lock (_lock) _rng = new Random(seed);
        }

        public void Enqueue(IEnumerable<ScriptedFault> faults)
        {
            lock (_lock) _queue.AddRange(faults);
        }

        public void Clear()
        {
            lock (_lock) _queue.Clear();
        }

        public List<ScriptedFault> Pending()
        {
            lock (_lock) return _queue.Select(f => f.Clone()).ToList();
        }

        /// <summary>
        /// For /files requests: the first pending scripted fault that names a path this one starts with (and matches the
        /// method), or null. Faults without a path and the random faults are left for /api requests.
        /// </summary>
        public FaultAction NextScripted(string method, string path)
        {
            lock (_lock)
            {
                for (int i = 0; i < _queue.Count; i++)
                {
                    var f = _queue[i];
                    if (f.Path == null || !f.Matches(method, path)) continue;
                    if (--f.Times <= 0) _queue.RemoveAt(i);
                    return new FaultAction(f.Drop, f.Status, f.RetryAfter, f.Error);
                }
                return null;
            }
        }

        /// <summary>The fault for this request, or null to let it through.</summary>
        public FaultAction Next(string method, string path, EmulatorConfig config)
        {
            lock (_lock)
            {
                for (int i = 0; i < _queue.Count; i++)
                {
                    var f = _queue[i];
                    if (!f.Matches(method, path)) continue;
                    if (--f.Times <= 0) _queue.RemoveAt(i);
                    return new FaultAction(f.Drop, f.Status, f.RetryAfter, f.Error);
                }

                double total = config.FaultDropRate + config.Fault429Rate + config.Fault5xxRate;
                if (total <= 0) return null;
                // one draw decides the kind, so each rate is the share of requests it hits
                double r = _rng.NextDouble();
                if (r < config.FaultDropRate) return new FaultAction(true, 0, null, null);
                if (r < config.FaultDropRate + config.Fault429Rate) return new FaultAction(false, 429, 1, null);
                if (r < total) return new FaultAction(false, ServerErrors[_rng.Next(ServerErrors.Length)], null, null);
                return null;
            }
        }

        public static string DefaultError(int status) => status switch
        {
            400 => "bad_request",
            401 => "wrong_api_key",
            403 => "access_denied",
            404 => "not_found",
            429 => "too_many_requests",
            500 => "internal_server_error",
            502 => "bad_gateway",
            503 => "service_unavailable",
            504 => "gateway_timeout",
            _ => "error_" + status,
        };
    }
}

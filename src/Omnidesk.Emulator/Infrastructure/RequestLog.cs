using System.Collections.Generic;
using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>One /api request as received; Status is filled in when it completes (0 = dropped or still running).</summary>
    public sealed class LoggedRequest
    {
        public string Method { get; init; }
        public string Path { get; init; }
        public string Query { get; init; }
        public int Status { get; set; }
    }

    /// <summary>
    /// Every /api request in arrival order, for tests and benchmarks, and the most that were under way at once (what
    /// a client's concurrency looks like from the server, whatever the machine's speed). Thread-safe.
    /// </summary>
    public sealed class RequestLog
    {
        readonly object _lock = new();
        readonly List<LoggedRequest> _entries = new();
        int _inFlight;
        int _maxInFlight;

        public LoggedRequest Add(string method, string path, string query)
        {
            var e = new LoggedRequest { Method = method, Path = path, Query = query };
            lock (_lock)
            {
                _entries.Add(e);
                _inFlight++;
                if (_inFlight > _maxInFlight) _maxInFlight = _inFlight;
            }
            return e;
        }

        public void Complete(LoggedRequest e, int status)
        {
            lock (_lock)
            {
                e.Status = status;
                _inFlight--;
            }
        }

        /// <summary>Forgets the requests, and counts the most under way at once from those under way now.</summary>
        public void Clear()
        {
            lock (_lock)
            {
                _entries.Clear();
                _maxInFlight = _inFlight;
            }
        }

        public void WriteJson(Utf8JsonWriter w)
        {
            lock (_lock)
            {
                w.WriteStartObject();
                w.WriteNumber("count", _entries.Count);
                w.WriteNumber("max_in_flight", _maxInFlight);
                w.WriteStartArray("requests");
                foreach (var e in _entries)
                {
                    w.WriteStartObject();
                    w.WriteString("method", e.Method);
                    w.WriteString("path", e.Path);
                    w.WriteString("query", e.Query);
                    w.WriteNumber("status", e.Status);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
        }
    }
}

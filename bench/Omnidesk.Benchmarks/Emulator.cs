using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace Omnidesk.Benchmarks
{
    /// <summary>The emulator as a child process on a free loopback port, with its admin API (docs/emulator.md).</summary>
    sealed class Emulator : IDisposable
    {
        public const string Email = "demo@omnidesk.test", ApiKey = "demo-api-key";

        readonly Process _process;
        readonly Task<string> _ready;
        readonly HttpClient _admin = new() { Timeout = TimeSpan.FromMinutes(2) };

        /// <summary>Starts it; <see cref="WaitReady"/> waits for the "listening" line (seeding 100,000 cases takes seconds).</summary>
        public Emulator(string dll, int cases, int rateLimit, int latencyMs)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            static string Arg(int value) => value.ToString(CultureInfo.InvariantCulture);
            foreach (var a in new[] { dll, "--urls", "http://127.0.0.1:0", "--parent-pid", Arg(Environment.ProcessId),
                         "--cases", Arg(cases), "--rate-limit", Arg(rateLimit), "--latency-ms", Arg(latencyMs) })
                start.ArgumentList.Add(a);
            Cases = cases;
            _process = Process.Start(start)!;
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginErrorReadLine();
            _ready = Task.Run(() =>
            {
                const string marker = "Omnidesk emulator listening on ";
                string line, address = null;
                while ((line = _process.StandardOutput.ReadLine()) != null)
                    if (address == null && line.StartsWith(marker, StringComparison.Ordinal)) { address = line[marker.Length..].Trim().TrimEnd('/') + "/"; break; }
                _ = Task.Run(() => { while (_process.StandardOutput.ReadLine() != null) { } });   // never block the child
                return address;
            });
        }

        public int Cases { get; }
        public Uri BaseUri { get; private set; }

        public Emulator WaitReady()
        {
            if (BaseUri != null) return this;
            if (!_ready.Wait(TimeSpan.FromMinutes(3)) || _ready.Result == null)
                throw new InvalidOperationException($"The emulator (--cases {Cases}) did not report its address.");
            BaseUri = new Uri(_ready.Result);
            return this;
        }

        public void ClearRequests() => _admin.DeleteAsync(new Uri(BaseUri, "_emulator/requests")).Result.EnsureSuccessStatusCode();

        /// <summary>
        /// POST /_emulator/reset: the seeded data again, an empty log and a fresh per-minute window, so a measured run
        /// does not inherit the budget an earlier run spent.
        /// </summary>
        public void Reset() => _admin.PostAsync(new Uri(BaseUri, "_emulator/reset"), null).Result.EnsureSuccessStatusCode();

        /// <summary>The logged requests as (method, path, query, status).</summary>
        public List<(string Method, string Path, string Query, int Status)> Requests() => Log().Requests;

        /// <summary>
        /// The logged requests, and the most that were under way at once since the log was cleared: the client's
        /// concurrency as the server saw it, whatever the machine's speed.
        /// </summary>
        public (List<(string Method, string Path, string Query, int Status)> Requests, int MaxInFlight) Log()
        {
            using var doc = JsonDocument.Parse(_admin.GetStringAsync(new Uri(BaseUri, "_emulator/requests")).Result);
            var requests = doc.RootElement.GetProperty("requests").EnumerateArray()
                .Select(r => (r.GetProperty("method").GetString(), r.GetProperty("path").GetString(),
                    r.TryGetProperty("query", out var q) ? q.GetString() ?? "" : "", r.GetProperty("status").GetInt32()))
                .ToList();
            return (requests, doc.RootElement.GetProperty("max_in_flight").GetInt32());
        }

        public void Dispose()
        {
            _admin.Dispose();
            try { if (!_process.HasExited) _process.Kill(true); } catch (InvalidOperationException) { }
            _process.Dispose();
        }
    }
}

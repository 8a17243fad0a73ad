using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Omnidesk.Tests.Infrastructure
{
    /// <summary>
    /// The emulator as a separate process on a free loopback port, one per test class (tests of a class run one
    /// after another, so each can reset it and count requests exactly).
    /// </summary>
    public class EmulatorFixture : IDisposable
    {
        public const string DemoEmail = "demo@omnidesk.test";
        public const string DemoApiKey = "demo-api-key";

        private readonly Process _process;
        private readonly HttpClient _admin;

        public EmulatorFixture() : this(Array.Empty<string>())
        {
        }

        /// <summary>An emulator started with extra switches (see docs/emulator.md).</summary>
        protected EmulatorFixture(params string[] switches)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { ModuleAssemblies.EmulatorPath, "--urls", "http://127.0.0.1:0", "--parent-pid", Environment.ProcessId.ToString() }.Concat(switches))
                start.ArgumentList.Add(arg);
            _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the emulator");
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginErrorReadLine();

            var readLine = Task.Run(() =>
            {
                string line;
                while ((line = _process.StandardOutput.ReadLine()) != null)
                {
                    const string marker = "Omnidesk emulator listening on ";
                    if (line.StartsWith(marker, StringComparison.Ordinal)) return line.Substring(marker.Length).Trim();
                }
                return null;
            });
            if (!readLine.Wait(TimeSpan.FromSeconds(60)) || readLine.Result == null)
            {
                try { _process.Kill(true); } catch (InvalidOperationException) { }
                throw new InvalidOperationException("The emulator did not report its address.");
            }
            // Drain the rest of stdout so the child never blocks on a full pipe.
            _ = Task.Run(() => { while (_process.StandardOutput.ReadLine() != null) { } });
            BaseUri = new Uri(readLine.Result.TrimEnd('/') + "/");
            _admin = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        }

        public Uri BaseUri { get; }

        public void Reset()
        {
            _admin.PostAsync("_emulator/reset", null).Result.EnsureSuccessStatusCode();
            ResetRateLimiters();
        }

        /// <summary>
        /// The module's rate limiter is process-wide per account: forget what earlier tests taught it (a 429's
        /// retry_after, a small budget). The engine lives in the module's own load context, hence reflection.
        /// </summary>
        public static void ResetRateLimiters() =>
            AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "Omnidesk.Engine")
                ?.GetType("Omnidesk.Engine.OmnideskClientFactory")?.GetMethod("ResetRateLimiters")?.Invoke(null, null);

        public void Configure(object config) =>
            _admin.PutAsJsonAsync("_emulator/config", config).Result.EnsureSuccessStatusCode();

        public void AddFaults(params object[] faults) =>
            _admin.PostAsJsonAsync("_emulator/faults", faults).Result.EnsureSuccessStatusCode();

        /// <summary>Every /api request the emulator received since the last reset, in order.</summary>
        public IReadOnlyList<EmulatorRequest> Requests()
        {
            var json = JsonNode.Parse(_admin.GetStringAsync("_emulator/requests").Result);
            return json["requests"].AsArray().Select(r => new EmulatorRequest(
                (string)r["method"], (string)r["path"], (string)r["query"] ?? "", (int)r["status"])).ToList();
        }

        /// <summary>The changes the emulator's churn made: (touched, created, trashed) case ids.</summary>
        public (HashSet<long> Touched, HashSet<long> Created, HashSet<long> Trashed) Churn()
        {
            var json = JsonNode.Parse(_admin.GetStringAsync("_emulator/churn").Result);
            HashSet<long> Ids(string name) => json[name].AsArray().Select(n => (long)n).ToHashSet();
            return (Ids("touched"), Ids("created"), Ids("trashed"));
        }

        /// <summary>The most /api requests the emulator had under way at once since the last clear.</summary>
        public int MaxRequestsInFlight() => (int)JsonNode.Parse(_admin.GetStringAsync("_emulator/requests").Result)["max_in_flight"];

        public void ClearRequests() => _admin.DeleteAsync("_emulator/requests").Result.EnsureSuccessStatusCode();

        /// <summary>A raw API GET with the demo account, to compare the module's output with the server's own answer.</summary>
        public JsonDocument ApiGet(string pathAndQuery)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery.TrimStart('/'));
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(DemoEmail + ":" + DemoApiKey)));
            using var response = _admin.Send(request);
            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(response.Content.ReadAsStringAsync().Result);
        }

        /// <summary>All case ids of a raw list query, page by page, in the server's order.</summary>
        public List<long> ApiCaseIds(string query)
        {
            var ids = new List<long>();
            for (var page = 1; ; page++)
            {
                using var doc = ApiGet($"api/cases.json?{query}{(query.Length > 0 ? "&" : "")}limit=100&page={page}");
                var items = doc.RootElement.EnumerateObject().Where(p => p.Name != "total_count").ToList();
                ids.AddRange(items.Select(p => p.Value.GetProperty("case").GetProperty("case_id").GetInt64()));
                if (items.Count < 100) return ids;
            }
        }

        public void Dispose()
        {
            _admin?.Dispose();
            try { if (!_process.HasExited) _process.Kill(true); } catch (InvalidOperationException) { }
            _process.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>More cases than page 500 reaches at -PageSize 1, for the API's 500-page limit.</summary>
    public sealed class LargeEmulatorFixture : EmulatorFixture
    {
        public LargeEmulatorFixture() : base("--cases", "600", "--rate-limit", "100000")
        {
        }
    }

    /// <summary>Enough cases for fault, churn and stop tests that stay within CI's time.</summary>
    public sealed class ScaleEmulatorFixture : EmulatorFixture
    {
        public ScaleEmulatorFixture() : base("--cases", "5000", "--rate-limit", "100000")
        {
        }
    }

    public sealed record EmulatorRequest(string Method, string Path, string Query, int Status)
    {
        public bool IsCaseList => Method == "GET" && Path == "/api/cases.json";
    }
}

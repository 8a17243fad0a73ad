using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static Omnidesk.Emulator.Tests.EmulatorFixture;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>Scripted and random faults, latency, runtime switches and the admin API. Every test resets first.</summary>
    public class FaultAndConfigTests : IClassFixture<EmulatorFixture>
    {
        readonly EmulatorFixture _f;

        public FaultAndConfigTests(EmulatorFixture f) => _f = f;

        /// <summary>
        /// A GET on a new connection: .NET's HttpClient transparently retries a request once when a reused keep-alive
        /// connection dies before any response bytes, which would hide a single drop.
        /// </summary>
        Task<HttpResponseMessage> FreshGet(string url)
        {
            var client = new HttpClient { BaseAddress = _f.Emulator.BaseUri };
            client.DefaultRequestHeaders.Authorization = Basic(DemoEmail, DemoKey);
            return client.GetAsync(url);
        }

        static string Header(HttpResponseMessage r, string name) => r.Headers.TryGetValues(name, out var v) ? v.Single() : null;

        async Task<List<(string Method, string Path, string Query, int Status)>> Log()
        {
            var (_, log) = await _f.GetAsync("_emulator/requests");
            var items = log.GetProperty("requests").EnumerateArray()
                .Select(e => (e.GetProperty("method").GetString(), e.GetProperty("path").GetString(), e.GetProperty("query").GetString(), e.GetProperty("status").GetInt32()))
                .ToList();
            Assert.Equal(items.Count, log.GetProperty("count").GetInt32());
            return items;
        }

        [Fact]
        public async Task ScriptedFaults_StatusRetryAfterDrop_InOrder_ThenNormal()
        {
            await _f.ResetAsync();
            await _f.AddFaultsAsync("[{\"status\":503},{\"status\":429,\"retry_after\":1},{\"drop\":true},{\"status\":503,\"retry_after\":7}]");

            using (var r = await _f.Client.GetAsync("api/cases.json?limit=1"))
            {
                Assert.Equal(503, (int)r.StatusCode);
                Assert.Equal("{\"error\":\"service_unavailable\"}", await r.Content.ReadAsStringAsync());
                Assert.Equal("1499", Header(r, "api_calls_left")); // faulted responses still carry the headers
                Assert.Null(Header(r, "retry_after"));
            }
            using (var r = await _f.Client.GetAsync("api/cases.json?limit=1"))
            {
                Assert.Equal(429, (int)r.StatusCode);
                Assert.Equal("1", Header(r, "retry_after"));
                Assert.Equal("{\"error\":\"too_many_requests\"}", await r.Content.ReadAsStringAsync());
            }
            await Assert.ThrowsAsync<HttpRequestException>(() => FreshGet("api/cases.json?page=3"));
            using (var r = await _f.Client.GetAsync("api/filters.json"))
            {
                Assert.Equal(503, (int)r.StatusCode);
                Assert.Equal("7", Header(r, "retry_after"));
            }
            using (var r = await _f.Client.GetAsync("api/cases.json?limit=1"))
                Assert.Equal(200, (int)r.StatusCode);

            var log = await Log();
            Assert.Equal(new[] { 503, 429, 0, 503, 200 }, log.Select(e => e.Status));
            Assert.Equal(("GET", "/api/cases.json", "?page=3", 0), log[2]);
        }

        [Fact]
        public async Task ScriptedFaults_MatchMethodAndPath_Times()
        {
            await _f.ResetAsync();
            await _f.AddFaultsAsync("[{\"status\":500,\"method\":\"PUT\"},{\"status\":502,\"path\":\"/api/cases/\",\"times\":2}]");
            using (var r = await _f.Client.GetAsync("api/cases.json")) Assert.Equal(200, (int)r.StatusCode); // path /api/cases.json is not under /api/cases/
            using (var r = await _f.Client.GetAsync("api/cases/2000.json")) Assert.Equal(502, (int)r.StatusCode);
            using (var r = await _f.Client.GetAsync("api/filters.json")) Assert.Equal(200, (int)r.StatusCode);
            using (var r = await _f.Client.GetAsync("api/cases/2001.json")) Assert.Equal(502, (int)r.StatusCode);
            using (var r = await _f.Client.GetAsync("api/cases/2002.json")) Assert.Equal(200, (int)r.StatusCode);
            using (var r = await _f.Client.PutAsync("api/cases/2002.json", new StringContent("{}"))) // a write: the PUT fault answers, nothing is applied
            {
                Assert.Equal(500, (int)r.StatusCode);
                Assert.Equal("{\"error\":\"internal_server_error\"}", await r.Content.ReadAsStringAsync());
                Assert.Equal("1493", Header(r, "api_calls_left"));
            }
            var (_, pending) = await _f.GetAsync("_emulator/faults");
            Assert.Equal(0, pending.GetProperty("count").GetInt32());
        }

        [Fact]
        public async Task ScriptedFault_ErrorsInTheScript_Are400()
        {
            await _f.ResetAsync();
            using var r = await _f.Client.PostAsync("_emulator/faults", new StringContent("[{\"times\":2}]", Encoding.UTF8, "application/json"));
            Assert.Equal(400, (int)r.StatusCode);
            Assert.Equal("{\"error\":\"fault_needs_status_or_drop\"}", await r.Content.ReadAsStringAsync());
            using var bad = await _f.Client.PostAsync("_emulator/faults", new StringContent("not json", Encoding.UTF8, "application/json"));
            Assert.Equal(400, (int)bad.StatusCode);
        }

        [Fact]
        public async Task RandomFaults_AreSeeded_AndReproducible()
        {
            async Task<List<int>> Run()
            {
                await _f.ResetAsync();
                await _f.SetConfigAsync("{\"fault_5xx_rate\":0.3,\"fault_429_rate\":0.2,\"seed\":42}");
                var statuses = new List<int>();
                for (int i = 0; i < 30; i++)
                {
                    using var r = await _f.Client.GetAsync("api/filters.json");
                    statuses.Add((int)r.StatusCode);
                    if ((int)r.StatusCode == 429) Assert.Equal("1", Header(r, "retry_after"));
                    Assert.NotNull(Header(r, "api_calls_left"));
                }
                return statuses;
            }
            var first = await Run();
            var second = await Run();
            Assert.Equal(first, second);
            Assert.Contains(200, first);
            Assert.Contains(429, first);
            Assert.Contains(first, s => s is 500 or 502 or 503 or 504);
            Assert.All(first, s => Assert.Contains(s, new[] { 200, 429, 500, 502, 503, 504 }));
        }

        [Fact]
        public async Task RandomDrops_AbortTheConnection()
        {
            await _f.ResetAsync();
            await _f.SetConfigAsync("{\"fault_drop_rate\":1}");
            await Assert.ThrowsAsync<HttpRequestException>(() => FreshGet("api/filters.json"));
            await _f.SetConfigAsync("{\"fault_drop_rate\":0}");
            using var r = await _f.Client.GetAsync("api/filters.json");
            Assert.Equal(200, (int)r.StatusCode);
            Assert.Equal(new[] { 0, 200 }, (await Log()).Select(e => e.Status));
        }

        [Fact]
        public async Task Latency_DelaysApiRequests()
        {
            await _f.ResetAsync();
            await _f.SetConfigAsync("{\"latency_ms\":150,\"latency_jitter_ms\":20}");
            var sw = Stopwatch.StartNew();
            using (var r = await _f.Client.GetAsync("api/filters.json")) Assert.Equal(200, (int)r.StatusCode);
            Assert.True(sw.ElapsedMilliseconds >= 125, "took " + sw.ElapsedMilliseconds + " ms");
            sw.Restart();
            using (var r = await _f.Client.GetAsync("_emulator/health")) Assert.Equal(200, (int)r.StatusCode);
            Assert.True(sw.ElapsedMilliseconds < 125, "admin calls are not delayed");
        }

        [Fact]
        public async Task The_log_counts_the_most_requests_under_way_at_once()
        {
            await _f.ResetAsync();
            await _f.SetConfigAsync("{\"latency_ms\":300}");
            using (var del = await _f.Client.DeleteAsync("_emulator/requests")) Assert.Equal(200, (int)del.StatusCode);
            var three = Enumerable.Range(0, 3).Select(_ => _f.Client.GetAsync("api/filters.json")).ToArray();
            foreach (var response in await Task.WhenAll(three)) response.Dispose();
            using (var one = await _f.Client.GetAsync("api/filters.json")) Assert.Equal(200, (int)one.StatusCode);
            await _f.SetConfigAsync("{\"latency_ms\":0}");

            var (_, log) = await _f.GetAsync("_emulator/requests");
            Assert.Equal(3, log.GetProperty("max_in_flight").GetInt32()); // the later lone request adds none
            using (var del = await _f.Client.DeleteAsync("_emulator/requests")) Assert.Equal(200, (int)del.StatusCode);
            (_, log) = await _f.GetAsync("_emulator/requests");
            Assert.Equal(0, log.GetProperty("max_in_flight").GetInt32());
        }

        [Fact]
        public async Task Config_GetPut_WholeObject_AndValidation()
        {
            await _f.ResetAsync();
            var (_, config) = await _f.GetAsync("_emulator/config");
            Assert.Equal(new[] { "rate_limit_per_minute", "latency_ms", "latency_jitter_ms", "fault_5xx_rate", "fault_429_rate", "fault_drop_rate", "seed", "dialect", "numbers_as_strings", "empty_page_quirk", "bulk_fail_ids", "churn_per_list_request" },
                config.EnumerateObject().Select(p => p.Name));
            Assert.Equal(1500, config.GetProperty("rate_limit_per_minute").GetInt32());
            Assert.Equal("omnidesk", config.GetProperty("dialect").GetString());

            using var put = await _f.Client.PutAsync("_emulator/config", new StringContent("{\"dialect\":\"deskie\",\"latency_ms\":0}", Encoding.UTF8, "application/json"));
            var updated = JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("deskie", updated.GetProperty("dialect").GetString());
            Assert.Equal(1500, updated.GetProperty("rate_limit_per_minute").GetInt32());

            foreach (var bad in new[] { "{\"dialect\":\"klingon\"}", "{\"fault_5xx_rate\":1.5}", "{\"unknown\":1}", "{\"rate_limit_per_minute\":0}" })
            {
                using var r = await _f.Client.PutAsync("_emulator/config", new StringContent(bad, Encoding.UTF8, "application/json"));
                Assert.Equal(400, (int)r.StatusCode);
            }
            var (_, after) = await _f.GetAsync("_emulator/config");
            Assert.Equal("deskie", after.GetProperty("dialect").GetString()); // failed updates change nothing

            await _f.ResetAsync();
            var (_, restored) = await _f.GetAsync("_emulator/config");
            Assert.Equal("omnidesk", restored.GetProperty("dialect").GetString());
        }

        [Fact]
        public async Task NumbersAsStrings_SendsEveryIntegerOfACaseAsAString()
        {
            await _f.ResetAsync();
            var store = _f.Emulator.State.Store;
            var sample = Enumerable.Range(2000, 300).Select(i => store.FindCase(i.ToString())).First(c => c.IsMerged && c.Labels.Count > 0 && c.Rating != null || c.IsMerged && c.Labels.Count > 0);
            await _f.SetConfigAsync("{\"numbers_as_strings\":true}");
            var (_, body) = await _f.GetAsync($"api/cases/{sample.CaseId}.json");
            var c = body.GetProperty("case");
            foreach (var name in new[] { "case_id", "user_id", "staff_id", "group_id", "language_id", "parent_case_id", "closing_speed" })
                Assert.Equal(JsonValueKind.String, c.GetProperty(name).ValueKind);
            Assert.Equal(sample.CaseId.ToString(), c.GetProperty("case_id").GetString());
            Assert.All(c.GetProperty("labels").EnumerateArray(), l => Assert.Equal(JsonValueKind.String, l.ValueKind));
            Assert.Equal(sample.Labels.Select(l => l.ToString()), c.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));

            var (_, list) = await _f.GetAsync("api/cases.json?limit=5");
            Assert.Equal(JsonValueKind.String, Items(list)[0].GetProperty("case_id").ValueKind);
            Assert.Equal(JsonValueKind.Number, list.GetProperty("total_count").ValueKind);
        }

        [Fact]
        public async Task DeskieDialect_RenamesCcFields()
        {
            await _f.ResetAsync();
            var (_, omni) = await _f.GetAsync("api/cases/2000.json");
            Assert.True(omni.GetProperty("case").TryGetProperty("cc_emails", out _));
            Assert.False(omni.GetProperty("case").TryGetProperty("recipient_cc", out _));
            await _f.SetConfigAsync("{\"dialect\":\"deskie\"}");
            var (_, deskie) = await _f.GetAsync("api/cases/2000.json");
            var c = deskie.GetProperty("case");
            Assert.Equal(omni.GetProperty("case").GetProperty("cc_emails").GetString(), c.GetProperty("recipient_cc").GetString());
            Assert.Equal(omni.GetProperty("case").GetProperty("bcc_emails").GetString(), c.GetProperty("recipient_bcc").GetString());
            Assert.False(c.TryGetProperty("cc_emails", out _));
            Assert.False(c.TryGetProperty("bcc_emails", out _));
        }

        [Fact]
        public async Task EmptyPageQuirk_AnswersCaseEmptyArray()
        {
            await _f.ResetAsync();
            await _f.SetConfigAsync("{\"empty_page_quirk\":true}");
            using (var r = await _f.Client.GetAsync("api/cases.json?page=400"))
            {
                string text = await r.Content.ReadAsStringAsync();
                Assert.Equal(200, (int)r.StatusCode);
                var body = JsonDocument.Parse(text).RootElement;
                Assert.Equal(new[] { "case" }, body.EnumerateObject().Select(p => p.Name));
                Assert.Equal(0, body.GetProperty("case").GetArrayLength());
            }
            var (_, full) = await _f.GetAsync("api/cases.json?page=1&limit=3");
            Assert.Equal(3, Items(full).Count); // non-empty pages are unchanged
            await _f.ResetAsync();
            var (_, normal) = await _f.GetAsync("api/cases.json?page=400");
            Assert.True(normal.TryGetProperty("total_count", out _));
        }

        [Fact]
        public async Task RequestLog_RecordsMethodPathQueryStatus_AndClears()
        {
            await _f.ResetAsync();
            using (await _f.Client.GetAsync("api/cases.json?page=2&limit=100")) { }
            using (await _f.Client.GetAsync("api/cases/1.json")) { }
            using (var req = new HttpRequestMessage(HttpMethod.Get, "api/filters.json"))
            {
                req.Headers.Authorization = Basic("nobody@x.test", "k");
                using (await _f.Client.SendAsync(req)) { }
            }
            using (await _f.Client.GetAsync("elsewhere")) { } // not /api: not logged
            var log = await Log();
            Assert.Equal(new[]
            {
                ("GET", "/api/cases.json", "?page=2&limit=100", 200),
                ("GET", "/api/cases/1.json", "", 404),
                ("GET", "/api/filters.json", "", 403),
            }, log);
            using (var del = await _f.Client.DeleteAsync("_emulator/requests")) Assert.Equal(200, (int)del.StatusCode);
            Assert.Empty(await Log());
        }

        [Fact]
        public async Task Health()
        {
            var (status, body) = await _f.GetAsync("_emulator/health");
            Assert.Equal(200, status);
            Assert.Equal("{\"status\":\"ok\"}", body.GetRawText());
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>A clock the tests move by hand, so rate-limit windows pass without sleeping.</summary>
    public sealed class ManualClock : TimeProvider
    {
        DateTimeOffset _now = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
        readonly object _lock = new();
        public override DateTimeOffset GetUtcNow() { lock (_lock) return _now; }
        public void Advance(TimeSpan by) { lock (_lock) _now += by; }
    }

    /// <summary>One in-process emulator per test class (port 0), with an HttpClient logged in as the demo staff.</summary>
    public class EmulatorFixture : IAsyncLifetime
    {
        public const string DemoEmail = "demo@omnidesk.test";
        public const string DemoKey = "demo-api-key";

        public RunningEmulator Emulator { get; private set; }
        public HttpClient Client { get; private set; }
        public ManualClock Clock { get; } = new();

        /// <summary>The real clock by default; <see cref="Clock"/> is for fixtures that pass it in.</summary>
        protected virtual EmulatorOptions CreateOptions() => new() { Urls = "http://127.0.0.1:0" };

        public async Task InitializeAsync()
        {
            Emulator = await EmulatorHost.StartAsync(CreateOptions());
            Client = new HttpClient { BaseAddress = Emulator.BaseUri };
            Client.DefaultRequestHeaders.Authorization = Basic(DemoEmail, DemoKey);
        }

        public async Task DisposeAsync()
        {
            Client?.Dispose();
            if (Emulator != null) await Emulator.DisposeAsync();
        }

        public static AuthenticationHeaderValue Basic(string email, string key) =>
            new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(email + ":" + key)));

        public async Task ResetAsync()
        {
            using var r = await Client.PostAsync("_emulator/reset", null);
            r.EnsureSuccessStatusCode();
        }

        public async Task SetConfigAsync(string json)
        {
            using var r = await Client.PutAsync("_emulator/config", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.Equal(200, (int)r.StatusCode);
        }

        public async Task AddFaultsAsync(string json)
        {
            using var r = await Client.PostAsync("_emulator/faults", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.Equal(200, (int)r.StatusCode);
        }

        /// <summary>GET → (status, parsed body).</summary>
        public async Task<(int Status, JsonElement Body)> GetAsync(string url)
        {
            using var r = await Client.GetAsync(url);
            string text = await r.Content.ReadAsStringAsync();
            return ((int)r.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
        }

        /// <summary>The items of a numbered envelope, in key order.</summary>
        public static List<JsonElement> Items(JsonElement envelope, string itemKey = "case")
        {
            var items = new List<JsonElement>();
            for (int i = 0; envelope.TryGetProperty(i.ToString(CultureInfo.InvariantCulture), out var item); i++)
                items.Add(item.GetProperty(itemKey));
            return items;
        }

        public static long Id(JsonElement c) => c.GetProperty("case_id").GetInt64();

        /// <summary>Every case the query matches, across all pages (limit 100).</summary>
        public async Task<List<JsonElement>> GetAllAsync(string query)
        {
            var all = new List<JsonElement>();
            for (int page = 1; ; page++)
            {
                var (status, body) = await GetAsync($"api/cases.json?limit=100&page={page}" + (query.Length > 0 ? "&" + query : ""));
                Assert.Equal(200, status);
                var items = Items(body);
                all.AddRange(items);
                int total = body.GetProperty("total_count").GetInt32();
                if (items.Count == 0 || all.Count >= total)
                {
                    Assert.Equal(total, all.Count);
                    return all;
                }
            }
        }

        public static DateTimeOffset ParseDate(string s) =>
            DateTimeOffset.ParseExact(s.Insert(s.Length - 2, ":"), "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture);
    }
}

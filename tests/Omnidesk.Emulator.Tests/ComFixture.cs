using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Omnidesk.Emulator.OmnideskCom;
using Xunit;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>
    /// One in-process emulator for the Omnidesk.com (API v2) tests, on the manual clock (now = 2026-07-01 11:00:00 in
    /// Amsterdam), with 60 seeded tickets and an HttpClient that sends the demo key in the apiKey header.
    /// </summary>
    public class ComFixture : EmulatorFixture
    {
        public const string Key = ComAccount.DemoKey;
        public const string Now = "2026-07-01 11:00:00";
        public const int Tickets = 60;

        protected override EmulatorOptions CreateOptions() => new() { Urls = "http://127.0.0.1:0", TimeProvider = Clock, ComTickets = Tickets };

        public ComStore Com => Emulator.State.Com;

        /// <summary>method url [body] [apiKey header: the demo key unless given; "" sends none] → (status, parsed body).</summary>
        public async Task<(int Status, JsonElement Body)> SendAsync(string method, string url, HttpContent body = null, string key = Key)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body };
            if (!string.IsNullOrEmpty(key)) request.Headers.Add("apiKey", key);
            using var client = new HttpClient { BaseAddress = Emulator.BaseUri };
            using var r = await client.SendAsync(request);
            string text = await r.Content.ReadAsStringAsync();
            Assert.Equal("application/json; charset=utf-8", r.Content.Headers.ContentType?.ToString());
            return ((int)r.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
        }

        public Task<(int Status, JsonElement Body)> GetComAsync(string url, string key = Key) => SendAsync("GET", url, null, key);

        public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
            new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

        public static MultipartFormDataContent Multipart(params (string Key, string Value)[] fields)
        {
            var form = new MultipartFormDataContent();
            foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
            return form;
        }

        public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

        /// <summary>The error envelope's message, checking its shape.</summary>
        public static string Message(JsonElement body)
        {
            Assert.Equal("error", body.GetProperty("status").GetString());
            Assert.Equal(2, body.EnumerateObject().Count());
            return body.GetProperty("message").GetString();
        }

        /// <summary>A result envelope's message.</summary>
        public static string Result(JsonElement body)
        {
            Assert.Equal("result", body.GetProperty("type").GetString());
            return body.GetProperty("message").GetString();
        }

        public static List<JsonElement> ListItems(JsonElement body)
        {
            Assert.Equal("items", body.GetProperty("type").GetString());
            return body.GetProperty("items").EnumerateArray().ToList();
        }

        /// <summary>GET ticket/{id} (with the history when asked) → the item.</summary>
        public async Task<JsonElement> TicketAsync(long id, bool history = false)
        {
            var (status, body) = await GetComAsync($"api/v2/ticket/{id}" + (history ? "?getTicketHistory=1" : ""));
            Assert.Equal(200, status);
            Assert.Equal("item", body.GetProperty("type").GetString());
            return body.GetProperty("item");
        }
    }
}

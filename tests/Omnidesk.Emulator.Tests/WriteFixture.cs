using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>An emulator on the manual clock (so "now" is known: Wed, 01 Jul 2026 12:00:00 +0300), with write helpers.</summary>
    public class WriteFixture : EmulatorFixture
    {
        public const string Now = "Wed, 01 Jul 2026 12:00:00 +0300";

        protected override EmulatorOptions CreateOptions() => new() { Urls = "http://127.0.0.1:0", TimeProvider = Clock };

        public DataStore Store => Emulator.State.Store;

        /// <summary>method url [json] → (status, parsed body).</summary>
        public async Task<(int Status, JsonElement Body)> SendAsync(string method, string url, string json = null)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (json != null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            using var r = await Client.SendAsync(request);
            string text = await r.Content.ReadAsStringAsync();
            Assert.Equal("application/json; charset=utf-8", r.Content.Headers.ContentType?.ToString());
            return ((int)r.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
        }

        public async Task<(int Status, JsonElement Body)> SendFormAsync(MultipartFormDataContent form)
        {
            using var r = await Client.PostAsync("api/cases.json", form);
            string text = await r.Content.ReadAsStringAsync();
            return ((int)r.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
        }

        public static ByteArrayContent File(byte[] bytes, string contentType)
        {
            var c = new ByteArrayContent(bytes);
            if (contentType != null) c.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            return c;
        }

        public static string Error(JsonElement body) => body.GetProperty("error").GetString();

        /// <summary>case_success_id as a list.</summary>
        public static List<long> SuccessIds(JsonElement body) =>
            body.GetProperty("case_success_id").EnumerateArray().Select(e => e.GetInt64()).ToList();

        /// <summary>The seeded cases (copies) that are in the list by default: not deleted, spam, merged or an active chat.</summary>
        public List<EmuCase> Listable() =>
            Enumerable.Range(Seeder.FirstCaseId, 300).Select(i => Store.FindCase(i.ToString())).Where(c => c != null)
                .Where(c => !c.Deleted && !c.Spam && !c.IsMerged && !c.IsActiveChat).ToList();

        public async Task<int> TotalAsync(string query = "")
        {
            var (status, body) = await GetAsync("api/cases.json?limit=1" + query);
            Assert.Equal(200, status);
            return body.GetProperty("total_count").GetInt32();
        }

        public async Task<List<JsonElement>> ChangelogAsync(string key, string query = "")
        {
            var (status, body) = await GetAsync($"api/cases/{key}/changelog.json{query}");
            Assert.Equal(200, status);
            return body.GetProperty("changelog").EnumerateArray().ToList();
        }
    }
}

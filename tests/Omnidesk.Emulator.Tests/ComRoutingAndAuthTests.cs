using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Omnidesk.Emulator.OmnideskCom;
using Xunit;
using static Omnidesk.Emulator.Tests.ComFixture;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>E1, E2: /api/v2 routing beside omnidesk.ru, apiKey auth and permissions, and the shared switches.</summary>
    public class ComRoutingAndAuthTests : IClassFixture<ComFixture>
    {
        readonly ComFixture _f;

        public ComRoutingAndAuthTests(ComFixture f) => _f = f;

        [Theory]
        [InlineData("")]
        [InlineData("wrong-key")]
        [InlineData("DEMO-COM-API-KEY")]
        [InlineData("demo-api-key")] // an omnidesk.ru key is not a key here
        public async Task MissingOrUnknownKey_Is401(string key)
        {
            await _f.ResetAsync();
            var (status, body) = await _f.GetComAsync("api/v2/ticket", key);
            Assert.Equal(401, status);
            Assert.Equal("Invalid API key.", Message(body));
        }

        [Fact]
        public async Task KeyInQuery_Works_AndTheHeaderWins()
        {
            await _f.ResetAsync();
            Assert.Equal(200, (await _f.GetComAsync("api/v2/ticket?itemLimit=1&apiKey=" + Key, key: "")).Status);
            // a wrong header is not rescued by a right query key
            Assert.Equal(401, (await _f.GetComAsync("api/v2/ticket?itemLimit=1&apiKey=" + Key, key: "wrong")).Status);
            // the basic auth of omnidesk.ru means nothing here
            using var r = await _f.Client.GetAsync("api/v2/ticket");
            Assert.Equal(401, (int)r.StatusCode);
        }

        [Fact]
        public async Task KeyWithoutThePermission_Is403_AndNothingChanges()
        {
            await _f.ResetAsync();
            long id = ComSeeder.FirstTicketId + 1;
            string before = _f.Com.FindTicket(id).Status;
            var (status, body) = await _f.SendAsync("POST", "api/v2/ticket/setstatus", Form(("ticketIDs[]", id.ToString()), ("status", "closed")), ComAccount.NoStatusKey);
            Assert.Equal(403, status);
            Assert.Equal("API key lacks permission SET_STATUS.", Message(body));
            Assert.Equal(before, _f.Com.FindTicket(id).Status);
            // the same key may do everything else
            Assert.Equal(200, (await _f.SendAsync("POST", "api/v2/ticket/setPriority", Form(("ticketIDs[]", id.ToString()), ("priority", "high")), ComAccount.NoStatusKey)).Status);

            var (ro, roBody) = await _f.SendAsync("DELETE", $"api/v2/ticket/{id}", null, ComAccount.ReadOnlyKey);
            Assert.Equal((403, "API key lacks permission TICKET_DELETE."), (ro, Message(roBody)));
            Assert.Equal(200, (await _f.GetComAsync("api/v2/customer?itemLimit=1", ComAccount.ReadOnlyKey)).Status);
        }

        [Theory]
        [InlineData("GET", "api/v2/nothing")]
        [InlineData("GET", "api/v2")]
        [InlineData("GET", "api/v2/ticket/1/2/3")]
        [InlineData("PATCH", "api/v2/ticket/858400")]
        [InlineData("GET", "api/v2/ticket/setstatus/5")]
        [InlineData("POST", "api/v2/ticket/unknownAction")]
        public async Task UnknownRoute_Is404InTheErrorEnvelope(string method, string url)
        {
            await _f.ResetAsync();
            var (status, body) = await _f.SendAsync(method, url);
            Assert.Equal(404, status);
            Assert.StartsWith("Unknown endpoint", Message(body));
        }

        [Fact]
        public async Task UnknownRoute_WithoutKey_Is401First()
        {
            var (status, _) = await _f.GetComAsync("api/v2/nothing", key: "");
            Assert.Equal(401, status);
        }

        [Theory]
        [InlineData("api/v2/TICKET?itemLimit=1")]
        [InlineData("API/V2/Ticket?itemLimit=1")]
        [InlineData("api/v2/ticket/?itemLimit=1")]
        public async Task Routes_AreCaseInsensitive(string url)
        {
            await _f.ResetAsync();
            var (status, body) = await _f.GetComAsync(url);
            Assert.Equal(200, status);
            Assert.Single(ListItems(body));
        }

        [Fact]
        public async Task BothProducts_ServeFromOneProcess()
        {
            await _f.ResetAsync();
            using var ru = await _f.Client.GetAsync("api/cases.json?limit=1");
            Assert.Equal(200, (int)ru.StatusCode);
            Assert.Equal(200, (await _f.GetComAsync("api/v2/ticket?itemLimit=1")).Status);
            // the v2 request neither carries nor charges the omnidesk.ru rate-limit headers (E12: no limit)
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/v2/ticket?itemLimit=1");
            request.Headers.Add("apiKey", Key);
            using var client = new HttpClient { BaseAddress = _f.Emulator.BaseUri };
            using var r = await client.SendAsync(request);
            Assert.False(r.Headers.Contains("api_calls_left"));
        }

        [Fact]
        public async Task RequestLog_Latency_Faults_AndReset_ApplyToV2()
        {
            await _f.ResetAsync();
            await _f.GetComAsync("api/v2/ticket?itemLimit=1");
            var (_, log) = await _f.GetAsync("_emulator/requests");
            var entry = log.GetProperty("requests").EnumerateArray().Single();
            Assert.Equal(("GET", "/api/v2/ticket", 200), (entry.GetProperty("method").GetString(), entry.GetProperty("path").GetString(), entry.GetProperty("status").GetInt32()));

            await _f.AddFaultsAsync("[{\"status\":429,\"retry_after\":3,\"path\":\"/api/v2/ticket\"},{\"status\":503,\"error\":\"Maintenance.\"}]");
            using (var request = new HttpRequestMessage(HttpMethod.Get, "api/v2/ticket"))
            {
                request.Headers.Add("apiKey", Key);
                using var client = new HttpClient { BaseAddress = _f.Emulator.BaseUri };
                using var r = await client.SendAsync(request);
                Assert.Equal(429, (int)r.StatusCode);
                Assert.Equal("3", r.Headers.GetValues("Retry-After").Single());
                Assert.Equal("{\"status\":\"error\",\"message\":\"too_many_requests\"}", await r.Content.ReadAsStringAsync());
            }
            var (s503, b503) = await _f.GetComAsync("api/v2/user");
            Assert.Equal((503, "Maintenance."), (s503, Message(b503)));

            await _f.SetConfigAsync("{\"fault_429_rate\":1}");
            Assert.Equal(429, (await _f.GetComAsync("api/v2/view")).Status);
            await _f.ResetAsync(); // restores the startup config
            Assert.Equal(200, (await _f.GetComAsync("api/v2/view")).Status);
        }
    }
}

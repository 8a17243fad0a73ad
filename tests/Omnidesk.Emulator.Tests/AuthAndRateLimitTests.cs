using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Xunit;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>An emulator with a budget of 10 per minute and a hand-moved clock.</summary>
    public sealed class SmallBudgetFixture : EmulatorFixture
    {
        protected override EmulatorOptions CreateOptions() => new() { Urls = "http://127.0.0.1:0", TimeProvider = Clock, Config = { RateLimitPerMinute = 10 } };
    }

    public class AuthAndRateLimitTests : IClassFixture<SmallBudgetFixture>
    {
        readonly SmallBudgetFixture _f;

        public AuthAndRateLimitTests(SmallBudgetFixture f) => _f = f;

        async Task<HttpResponseMessage> Send(HttpMethod method, string url, AuthenticationHeaderValue auth = null, bool noAuth = false)
        {
            var req = new HttpRequestMessage(method, url);
            if (noAuth) req.Headers.Authorization = null;
            else req.Headers.Authorization = auth ?? EmulatorFixture.Basic(EmulatorFixture.DemoEmail, EmulatorFixture.DemoKey);
            using var client = new HttpClient { BaseAddress = _f.Emulator.BaseUri };
            return await client.SendAsync(req);
        }

        static string Header(HttpResponseMessage r, string name) => r.Headers.TryGetValues(name, out var v) ? v.Single() : null;

        [Theory]
        [InlineData(null, null, 401, "wrong_api_key")]
        [InlineData("demo@omnidesk.test", "bad-key", 401, "wrong_api_key")]
        [InlineData("DEMO@omnidesk.test", "anna-api-key", 401, "wrong_api_key")]
        [InlineData("nobody@omnidesk.test", "demo-api-key", 403, "wrong_staff_email")]
        public async Task AuthFailures(string email, string key, int status, string error)
        {
            await _f.ResetAsync();
            using var r = await Send(HttpMethod.Get, "api/cases.json?limit=1", email == null ? null : EmulatorFixture.Basic(email, key), noAuth: email == null);
            Assert.Equal(status, (int)r.StatusCode);
            Assert.Equal("application/json; charset=utf-8", r.Content.Headers.ContentType.ToString());
            Assert.Equal("{\"error\":\"" + error + "\"}", await r.Content.ReadAsStringAsync());
            Assert.Equal("10", Header(r, "rate_limit_per_minute"));
            Assert.Equal("9", Header(r, "api_calls_left")); // auth failures are counted too
        }

        [Fact]
        public async Task MalformedAuthorizationHeaders_Are401()
        {
            await _f.ResetAsync();
            foreach (var auth in new[] { new AuthenticationHeaderValue("Bearer", "x"), new AuthenticationHeaderValue("Basic", "!!!"), new AuthenticationHeaderValue("Basic", Convert.ToBase64String("nocolon"u8.ToArray())) })
            {
                using var r = await Send(HttpMethod.Get, "api/filters.json", auth);
                Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
            }
        }

        [Fact]
        public async Task EverySeededStaffCanLogIn_EmailCaseInsensitive()
        {
            await _f.ResetAsync();
            foreach (var s in new[] { ("ANNA.PETROVA@omnidesk.test", "anna-api-key"), ("elena.kuznetsova@omnidesk.test", "elena-api-key"), ("boris.ivanov@omnidesk.test", "boris-api-key") })
            {
                using var r = await Send(HttpMethod.Get, "api/filters.json", EmulatorFixture.Basic(s.Item1, s.Item2));
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            }
        }

        [Fact]
        public async Task Headers_CountDown_WritesCostTwo_429RefusesWithoutCharging_WindowResets()
        {
            await _f.ResetAsync();
            using (var r = await Send(HttpMethod.Get, "api/cases.json?limit=1"))
            {
                Assert.Equal("10", Header(r, "rate_limit_per_minute"));
                Assert.Equal("9", Header(r, "api_calls_left"));
                Assert.Null(Header(r, "retry_after"));
            }
            using (var r = await Send(HttpMethod.Put, "api/cases/2000/unknown.json")) // a write to an unknown route: 404, costs 2
            {
                Assert.Equal(404, (int)r.StatusCode);
                Assert.Equal("7", Header(r, "api_calls_left"));
            }
            using (var r = await Send(HttpMethod.Delete, "api/nothing.json"))
                Assert.Equal("5", Header(r, "api_calls_left"));
            for (int i = 4; i >= 1; i--)
                using (var r = await Send(HttpMethod.Get, "api/filters.json"))
                    Assert.Equal(i.ToString(), Header(r, "api_calls_left"));

            _f.Clock.Advance(TimeSpan.FromSeconds(20.5));
            using (var r = await Send(HttpMethod.Post, "api/cases.json")) // costs 2, only 1 left
            {
                Assert.Equal(429, (int)r.StatusCode);
                Assert.Equal("{\"error\":\"too_many_requests\"}", await r.Content.ReadAsStringAsync());
                Assert.Equal("1", Header(r, "api_calls_left"));
                Assert.Equal("40", Header(r, "retry_after")); // 39.5 s left, rounded up
            }
            using (var r = await Send(HttpMethod.Get, "api/filters.json")) // the 429 cost nothing: the last GET fits
            {
                Assert.Equal(200, (int)r.StatusCode);
                Assert.Equal("0", Header(r, "api_calls_left"));
            }
            using (var r = await Send(HttpMethod.Get, "api/filters.json", EmulatorFixture.Basic("x@y.test", "k")))
            {
                Assert.Equal(429, (int)r.StatusCode); // the limiter runs before auth
                Assert.Equal("0", Header(r, "api_calls_left"));
            }

            _f.Clock.Advance(TimeSpan.FromSeconds(39.0)); // 0.5 s left
            using (var r = await Send(HttpMethod.Get, "api/filters.json"))
                Assert.Equal("1", Header(r, "retry_after")); // never below 1

            _f.Clock.Advance(TimeSpan.FromSeconds(0.5)); // the window is over
            using (var r = await Send(HttpMethod.Get, "api/filters.json"))
            {
                Assert.Equal(200, (int)r.StatusCode);
                Assert.Equal("9", Header(r, "api_calls_left"));
            }

            var (_, log) = await _f.GetAsync("_emulator/requests");
            var statuses = log.GetProperty("requests").EnumerateArray().Select(e => e.GetProperty("status").GetInt32()).ToList();
            Assert.Equal(new[] { 200, 404, 404, 200, 200, 200, 200, 429, 200, 429, 429, 200 }, statuses);
        }

        [Fact]
        public async Task RateLimit_ChangedAtRuntime_AndRestoredByReset()
        {
            await _f.ResetAsync();
            await _f.SetConfigAsync("{\"rate_limit_per_minute\":3}");
            using (var r = await Send(HttpMethod.Get, "api/filters.json"))
                Assert.Equal("3", Header(r, "rate_limit_per_minute"));
            await _f.ResetAsync();
            using (var r = await Send(HttpMethod.Get, "api/filters.json"))
            {
                Assert.Equal("10", Header(r, "rate_limit_per_minute"));
                Assert.Equal("9", Header(r, "api_calls_left"));
            }
        }

        [Fact]
        public async Task AdminApi_IsNotRateLimitedNorLogged()
        {
            await _f.ResetAsync();
            for (int i = 0; i < 15; i++)
            {
                using var r = await Send(HttpMethod.Get, "_emulator/health", noAuth: true);
                Assert.Equal(200, (int)r.StatusCode);
                Assert.Null(Header(r, "api_calls_left"));
            }
            var (_, log) = await _f.GetAsync("_emulator/requests");
            Assert.Equal(0, log.GetProperty("count").GetInt32());
        }
    }
}

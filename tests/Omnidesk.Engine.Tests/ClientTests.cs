using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    public class ClientTests
    {
        private const string OneCase = """{"0":{"case":{"case_id":1}},"total_count":1}""";

        private static string ExpectedBasic =>
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(TestSettings.Email + ":" + TestSettings.ApiKey));

        [Fact]
        public async Task Sends_accept_user_agent_and_basic_authorization()
        {
            var handler = new FakeHandler(_ => Http.Json(OneCase));
            using var client = TestSettings.Client(handler);
            await client.GetFiltersAsync(OmnideskCallContext.None);
            var sent = Assert.Single(handler.Sent);
            Assert.Equal(ExpectedBasic, sent.Authorization);
            Assert.Equal("application/json", sent.Accept);
            Assert.Equal("Omnidesk-PowerShell/test", sent.UserAgent);
            Assert.Equal("https://acme.omnidesk.ru/api/filters.json", sent.Uri.AbsoluteUri);
        }

        [Theory]
        [InlineData("https://acme.omnidesk.ru")]
        [InlineData("https://acme.omnidesk.ru/")]
        public async Task Base_uri_with_or_without_slash(string baseUri)
        {
            var handler = new FakeHandler(_ => Http.Json("{\"case\":{\"case_id\":42}}"));
            using var client = TestSettings.Client(handler, TestSettings.Create(baseUri: baseUri));
            Assert.Equal(42, (await client.GetCaseAsync("42", OmnideskCallContext.None)).CaseId);
            Assert.Equal("https://acme.omnidesk.ru/api/cases/42.json", Assert.Single(handler.Sent).Uri.AbsoluteUri);
            Assert.Equal(new Uri("https://acme.omnidesk.ru/"), client.BaseUri);
        }

        [Fact]
        public async Task Case_id_is_escaped_in_the_path()
        {
            var handler = new FakeHandler(_ => Http.Json("{\"case\":{\"case_id\":1}}"));
            using var client = TestSettings.Client(handler);
            var recorder = new Recorder();
            await client.GetCaseAsync("a/b c", recorder.Context());
            Assert.Equal("/api/cases/a%2Fb%20c.json", Assert.Single(recorder.Requests).PathAndQuery);
        }

        [Fact]
        public async Task Query_string_as_sent_and_as_logged()
        {
            var handler = new FakeHandler(_ => Http.Json(OneCase));
            using var client = TestSettings.Client(handler);
            var recorder = new Recorder();
            var query = new OmnideskCaseQuery
            {
                Status = new[] { "open", "closed" },
                UserEmail = new[] { "a+b@x.io" },
                CustomFields = new Dictionary<string, string[]> { ["cf_25"] = new[] { "a b&c", "d=e" } },
                Subject = "^Привет^",
            };

            await client.GetCasesAsync(query, 3, 100, recorder.Context());

            const string expected = "/api/cases.json?status[]=open&status[]=closed&user_email=a%2Bb%40x.io" +
                                    "&custom_fields[cf_25][]=a%20b%26c&custom_fields[cf_25][]=d%3De" +
                                    "&subject=%5E%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82%5E&page=3&limit=100";
            var log = Assert.Single(recorder.Requests);
            Assert.Equal(expected, log.PathAndQuery);
            Assert.Equal(expected, Assert.Single(handler.Sent).Uri.PathAndQuery);
            Assert.Equal("GET", log.Method);
            Assert.Equal(200, log.StatusCode);
            Assert.Equal(1, log.Attempt);
        }

        [Fact]
        public async Task Rate_limit_headers_are_captured()
        {
            var handler = new FakeHandler(n => n == 1
                ? Http.Json(OneCase, 200, ("rate_limit_per_minute", "750"), ("api_calls_left", "748"))
                : Http.Json(OneCase, 200, ("api_calls_left", "747")));
            using var client = TestSettings.Client(handler);
            Assert.Null(client.RateLimit.LimitPerMinute);
            Assert.Null(client.RateLimit.ObservedAt);

            var before = DateTimeOffset.Now.AddSeconds(-1);
            await client.GetFiltersAsync(OmnideskCallContext.None);
            var first = client.RateLimit;
            Assert.Equal(750, first.LimitPerMinute);
            Assert.Equal(748, first.CallsLeft);
            Assert.NotNull(first.ObservedAt);
            Assert.True(first.ObservedAt >= before);

            var recorder = new Recorder();
            await client.GetFiltersAsync(recorder.Context());
            Assert.Equal(750, client.RateLimit.LimitPerMinute);
            Assert.Equal(747, client.RateLimit.CallsLeft);
            Assert.Equal(748, first.CallsLeft); // snapshots are immutable
            Assert.Equal(747, Assert.Single(recorder.Requests).ApiCallsLeft);
        }

        [Fact]
        public async Task Debug_shows_request_headers_with_redacted_authorization_response_and_body_prefix()
        {
            var body = "{\"case\":{\"case_id\":1,\"subject\":\"" + new string('s', 5000) + "\"}}";
            var handler = new FakeHandler(_ => Http.Json(body, 200, ("api_calls_left", "9")));
            using var client = TestSettings.Client(handler);
            var recorder = new Recorder();

            await client.GetCaseAsync("1", recorder.Context());

            var debug = recorder.Debug.ToArray();
            Assert.Equal(2, debug.Length);
            Assert.StartsWith("GET https://acme.omnidesk.ru/api/cases/1.json (attempt 1)", debug[0]);
            Assert.Contains("Authorization: <redacted>", debug[0]);
            Assert.Contains("Accept: application/json", debug[0]);
            Assert.Contains("User-Agent: Omnidesk-PowerShell/test", debug[0]);
            Assert.StartsWith("HTTP 200 OK", debug[1]);
            Assert.Contains("api_calls_left: 9", debug[1]);
            Assert.Contains("Content-Type: application/json", debug[1]);
            Assert.Contains("{\"case\":{\"case_id\":1", debug[1]);
            Assert.DoesNotContain(new string('s', 2000), debug[1]); // the body is cut to 2,000 characters
            Assert.Contains(new string('s', 1900), debug[1]);
        }

        [Fact]
        public async Task Api_key_never_appears_anywhere()
        {
            var key = TestSettings.ApiKey;
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(TestSettings.Email + ":" + key));
            // A hostile server echoes the key in bodies, error codes and headers.
            var handler = new FakeHandler(n => n switch
            {
                1 => Http.Json("{\"error\":\"bad key " + key + "\",\"api_key\":\"" + key + "\"}", 503, ("X-Echo", key)),
                2 => Http.Json("{\"case\":{\"case_id\":1,\"subject\":\"" + key + "\",\"password\":\"p4ss-w0rd\"}}", 200, ("X-Api-Key", key)),
                _ => Http.Json("{\"error\":\"" + key + "\",\"token\":\"" + basic + "\"}", 401),
            });
            using var client = TestSettings.Client(handler, TestSettings.Create(retries: 1));
            var recorder = new Recorder();

            var c = await client.GetCaseAsync("1", recorder.Context());
            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetFiltersAsync(recorder.Context()));

            Assert.Equal(key, c.Subject); // data is data: only logs and errors are scrubbed
            Assert.Equal(401, ex.StatusCode);
            var texts = recorder.AllText().ToList();
            Assert.NotEmpty(recorder.Debug);
            texts.Add(ex.Message);
            texts.Add(ex.ToString());
            texts.Add(ex.ResponseBody);
            texts.Add(ex.ErrorCode);
            texts.Add(client.ToString());
            texts.Add(client.Email);
            texts.Add(client.RateLimit.ToString());
            texts.Add(client.Settings.ToString());
            foreach (var text in texts.Where(t => t != null))
            {
                Assert.DoesNotContain(key, text);
                Assert.DoesNotContain(basic, text);
                Assert.DoesNotContain("p4ss-w0rd", text);
            }
            Assert.Null(client.Settings.Credential);
            Assert.Equal(new Uri("https://acme.omnidesk.ru/"), client.Settings.BaseUri);
            foreach (var p in typeof(OmnideskClient).GetProperties())
            {
                var value = p.GetValue(client);
                Assert.DoesNotContain(key, value?.ToString() ?? "");
            }
            Assert.Contains(recorder.Debug, d => d.Contains("Authorization: <redacted>"));
        }

        [Fact]
        public void Settings_are_a_copy_without_credential()
        {
            var settings = TestSettings.Create(retries: 4);
            using var client = TestSettings.Client(new FakeHandler(_ => Http.Json("")), settings);
            var exposed = client.Settings;
            Assert.Null(exposed.Credential);
            Assert.Equal(4, exposed.MaxRetryCount);
            exposed.MaxRetryCount = 99;
            Assert.Equal(4, client.Settings.MaxRetryCount);
            Assert.NotNull(settings.Credential); // the caller's object is left alone
            Assert.Equal(TestSettings.Email, client.Email);
        }

        [Fact]
        public async Task Dispose_releases_the_client()
        {
            var handler = new FakeHandler(_ => Http.Json(OneCase));
            var client = TestSettings.Client(handler);
            client.Dispose();
            client.Dispose();
            await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetFiltersAsync(OmnideskCallContext.None));
            Assert.Equal(0, handler.Calls);
        }

        [Fact]
        public async Task Public_factory_builds_a_working_client()
        {
            using IOmnideskClient client = OmnideskClientFactory.Create(TestSettings.Create());
            Assert.IsType<OmnideskClient>(client);
            Assert.Equal(TestSettings.Email, client.Email);
            await Task.CompletedTask;
            Assert.Throws<ArgumentNullException>(() => OmnideskClientFactory.Create(null));
            Assert.Throws<ArgumentException>(() => OmnideskClientFactory.Create(new OmnideskClientSettings()));
        }

        [Fact]
        public async Task Callbacks_that_throw_do_not_break_the_request()
        {
            var handler = new FakeHandler(n => n == 1 ? Http.Status(429, ("retry_after", "0")) : Http.Json(OneCase));
            using var client = TestSettings.Client(handler);
            var context = new OmnideskCallContext(default,
                _ => throw new InvalidOperationException("r"), _ => throw new InvalidOperationException("d"), _ => throw new InvalidOperationException("n"));
            var page = await client.GetCasesAsync(null, 1, 1, context);
            Assert.Single(page.Items);
            Assert.Equal(2, handler.Calls);
        }
    }
}

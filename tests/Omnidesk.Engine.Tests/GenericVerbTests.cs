using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Omnidesk.Engine.Dialects;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>
    /// The generic verbs build every request from a resource's description and the dialect: a resource the engine has
    /// never seen works from its description alone.
    /// </summary>
    public sealed class GenericVerbTests
    {
        /// <summary>A made-up resource, described here only: the engine has no code for it.</summary>
        private static readonly OmnideskResource<OmnideskFilter> Widget =
            new OmnideskResource<OmnideskFilter>("widget", "widgets", "widgets", "filter", "filter_id")
                .WithBulk(3)
                .With(new OmnideskAction("disable", "PUT", "disable", bulk: true))
                .With(new OmnideskAction("delete", "DELETE", null));

        private static readonly OmnideskResource<OmnideskMessage> Part =
            new OmnideskResource<OmnideskMessage>("part", "parts", "parts", "message", "message_id")
                .Under(Widget, (m, id) => m.CaseId = id)
                .With(new OmnideskAction("pin", "PUT", "pin/{id}", onParent: true));

        [Fact]
        public async Task A_page_of_a_described_resource_is_read_from_its_path_and_envelope()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"0":{"filter":{"filter_id":"7","filter_name":"A"}},"total_count":9}"""));
            using var client = TestSettings.Client(handler);

            var page = await client.GetPageAsync(Widget, null, new[] { new KeyValuePair<string, string>("q", "x y") }, 2, 5, OmnideskCallContext.None);

            Assert.Equal("/api/widgets.json?q=x%20y&page=2&limit=5", Assert.Single(handler.Sent).Uri.PathAndQuery);
            Assert.Equal("7", Assert.Single(page.Items).FilterId);
            Assert.Equal(9, page.TotalCount);
        }

        [Fact]
        public async Task A_child_resource_goes_under_its_parent_and_its_items_carry_the_parent_id()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"0":{"message":{"message_id":5}},"1":{"message":{"message_id":6}}}"""));
            using var client = TestSettings.Client(handler);

            var page = await client.GetPageAsync(Part, new OmnideskParentKey("12-345", 41), null, 0, 0, OmnideskCallContext.None);

            Assert.Equal("/api/widgets/12-345/parts.json", Assert.Single(handler.Sent).Uri.PathAndQuery);
            Assert.Equal(new long[] { 41, 41 }, page.Items.Select(m => m.CaseId));
        }

        [Fact]
        public async Task A_child_without_its_parent_is_refused_before_anything_is_sent()
        {
            var handler = new FakeHandler(_ => Http.Json("{}"));
            using var client = TestSettings.Client(handler);

            var e = await Assert.ThrowsAsync<ArgumentException>(() => client.GetPageAsync(Part, null, null, 1, 10, OmnideskCallContext.None));

            Assert.Contains("belongs to a widget", e.Message);
            Assert.Equal(0, handler.Calls);
        }

        [Fact]
        public async Task A_bulk_action_joins_the_ids_and_reads_the_success_ids()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"filter_success_id":["1","3"]}"""));
            using var client = TestSettings.Client(handler);

            var result = await client.InvokeAsync(Widget, "disable", null, new long[] { 1, 2, 3 }, null, OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("PUT", sent.Method);
            Assert.Equal("/api/widgets/1,2,3/disable.json", sent.Uri.PathAndQuery);
            Assert.Equal(new long[] { 1, 3 }, result.SucceededIds);
        }

        [Fact]
        public async Task More_ids_than_the_bulk_size_or_a_bulk_of_a_single_action_is_refused_unsent()
        {
            var handler = new FakeHandler(_ => Http.Json("{}"));
            using var client = TestSettings.Client(handler);

            var tooMany = await Assert.ThrowsAsync<ArgumentException>(() =>
                client.InvokeAsync(Widget, "disable", null, new long[] { 1, 2, 3, 4 }, null, OmnideskCallContext.None));
            var notBulk = await Assert.ThrowsAsync<ArgumentException>(() =>
                client.InvokeAsync(Widget, "delete", null, new long[] { 1, 2 }, null, OmnideskCallContext.None));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
                client.InvokeAsync(Widget, "delete", null, new long[] { 0 }, null, OmnideskCallContext.None));
            await Assert.ThrowsAsync<ArgumentException>(() =>
                client.InvokeAsync(Widget, "explode", null, new long[] { 1 }, null, OmnideskCallContext.None));

            Assert.Contains("At most 3 widget ids", tooMany.Message);
            Assert.Contains("At most 1 widget ids", notBulk.Message);
            Assert.Equal(0, handler.Calls);
        }

        [Fact]
        public async Task A_delete_without_an_answer_means_every_id_succeeded()
        {
            var handler = new FakeHandler(_ => Http.Json(""));
            using var client = TestSettings.Client(handler);

            var result = await client.InvokeAsync(Widget, "delete", null, new long[] { 8 }, null, OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("DELETE", sent.Method);
            Assert.Equal("/api/widgets/8.json", sent.Uri.PathAndQuery);
            Assert.Null(sent.Content);
            Assert.Equal(new long[] { 8 }, result.SucceededIds);
        }

        [Fact]
        public async Task An_action_on_the_parent_puts_the_id_into_its_segment()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"message":{"message_id":9}}"""));
            using var client = TestSettings.Client(handler);

            var result = await client.InvokeAsync(Part, "pin", new OmnideskParentKey(4), new long[] { 9 }, null, OmnideskCallContext.None);

            Assert.Equal("/api/widgets/4/pin/9.json", Assert.Single(handler.Sent).Uri.PathAndQuery);
            Assert.Equal(4, Assert.Single(result.Items).CaseId);
        }

        // ---------------------------------------------------------------- the raw request

        [Theory]
        [InlineData("staff.json", "/api/staff.json")]
        [InlineData("/api/staff/12.json", "/api/staff/12.json")]
        [InlineData("api/cases.json?status=open", "/api/cases.json?status=open")]
        public async Task A_raw_request_goes_to_the_path_under_the_api(string path, string expected)
        {
            var handler = new FakeHandler(_ => Http.Json("""{"ok":1}"""));
            using var client = TestSettings.Client(handler);

            var response = await client.SendAsync("get", path, null, null, OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("GET", sent.Method);
            Assert.Equal(expected, sent.Uri.PathAndQuery);
            Assert.StartsWith("Basic ", sent.Authorization);
            Assert.Equal(200, response.StatusCode);
            Assert.Equal("""{"ok":1}""", response.Body);
            Assert.StartsWith("application/json", response.ContentType);
        }

        [Fact]
        public async Task A_raw_request_sends_its_body_and_query_as_given()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"label":{"label_id":3}}""", 201));
            using var client = TestSettings.Client(handler);

            await client.SendAsync("POST", "labels.json", new[] { new KeyValuePair<string, string>("status[]", "open") },
                """{"label":{"label_title":"VIP"}}""", OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("POST", sent.Method);
            Assert.Equal("/api/labels.json?status[]=open", sent.Uri.PathAndQuery);
            Assert.Equal("""{"label":{"label_title":"VIP"}}""", sent.BodyText);
            Assert.StartsWith("application/json", sent.ContentType);
        }

        [Fact]
        public async Task A_raw_request_refuses_a_whole_address_so_credentials_stay_with_the_account()
        {
            var handler = new FakeHandler(_ => Http.Json("{}"));
            using var client = TestSettings.Client(handler);

            await Assert.ThrowsAsync<ArgumentException>(() =>
                client.SendAsync("GET", "https://evil.example/api/cases.json", null, null, OmnideskCallContext.None));
            Assert.Equal(0, handler.Calls);
        }

        [Fact]
        public async Task A_raw_request_fails_with_the_apis_error_and_is_retried_like_any_read()
        {
            var handler = new FakeHandler(n => n == 1 ? Http.Status(503) : Http.Json("""{"error":"case_not_found"}""", 404));
            using var client = TestSettings.Client(handler);

            var e = await Assert.ThrowsAsync<OmnideskApiException>(() =>
                client.SendAsync("GET", "cases/1.json", null, null, OmnideskCallContext.None));

            Assert.Equal(2, handler.Calls);
            Assert.Equal(404, e.StatusCode);
            Assert.Equal("case_not_found", e.ErrorCode);
        }

        // ---------------------------------------------------------------- the Deskie dialect

        [Theory]
        [InlineData("""{"case":{"case_id":5}}""", new long[] { 5 }, 1)]
        [InlineData("""{"case_success_id":["5","6"]}""", new long[] { 5, 6 }, 0)]
        [InlineData("""{"0":{"case":{"case_id":5}},"1":{"case":{"case_id":6}}}""", new long[] { 5, 6 }, 2)]
        public void A_bulk_answer_names_what_succeeded(string body, long[] succeeded, int items)
        {
            var result = DeskieDialect.Instance.ReadBulk(System.Text.Encoding.UTF8.GetBytes(body), OmnideskResources.Case,
                new long[] { 5, 6 }, false, false, Wire.MapCase);

            Assert.Equal(succeeded, result.SucceededIds);
            Assert.Equal(items, result.Items.Count);
        }

        [Fact]
        public void A_child_created_under_one_parent_is_stamped_with_it()
        {
            var result = DeskieDialect.Instance.ReadBulk(System.Text.Encoding.UTF8.GetBytes("""{"message":{"message_id":7}}"""),
                OmnideskResources.Note, new long[] { 40 }, true, false, Wire.MapMessage);

            Assert.Equal(new long[] { 40 }, result.SucceededIds);
            Assert.Equal(40, Assert.Single(result.Items).CaseId);
        }

        [Fact]
        public void An_unexpected_bulk_answer_is_an_error_unless_it_answers_a_delete()
        {
            var body = System.Text.Encoding.UTF8.GetBytes("""{"something":"else"}""");

            Assert.Throws<Json.UnexpectedShapeException>(() =>
                DeskieDialect.Instance.ReadBulk(body, OmnideskResources.Case, new long[] { 1 }, false, false, Wire.MapCase));
            Assert.Equal(new long[] { 1 },
                DeskieDialect.Instance.ReadBulk(body, OmnideskResources.Case, new long[] { 1 }, false, true, Wire.MapCase).SucceededIds);
        }
    }
}

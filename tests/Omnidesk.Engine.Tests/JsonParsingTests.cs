using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Omnidesk.Engine.Json;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    public class JsonParsingTests
    {
        private static readonly TimeSpan Plus3 = TimeSpan.FromHours(3);
        private static readonly TimeSpan Plus2 = TimeSpan.FromHours(2);

        private static OmnideskPage<OmnideskCase> Cases(string json) => Wire.CaseList(Encoding.UTF8.GetBytes(json));
        private static OmnideskCase Case(string json) => Wire.Case(Encoding.UTF8.GetBytes(json));

        [Fact]
        public async Task Docs_case_list_through_the_client()
        {
            var handler = new FakeHandler(_ => Http.Json(DocSamples.CaseList));
            using var client = TestSettings.Client(handler);

            var page = await client.GetCasesAsync(new OmnideskCaseQuery { Status = new[] { "open" } }, 2, 50, OmnideskCallContext.None);

            Assert.Equal(17, page.TotalCount);
            Assert.Equal(new long[] { 2000, 2001, 2002, 2003 }, page.Items.Select(c => c.CaseId));
            Assert.Equal(new int?[] { 7, 0, null, null }, page.Items.Select(c => c.ClosingSpeed));
            var first = page.Items[0];
            Assert.Equal("664-245551", first.CaseNumber);
            Assert.Equal("I need help", first.Subject);
            Assert.Equal(123, first.UserId);
            Assert.Equal(22, first.StaffId);
            Assert.Equal(44, first.GroupId);
            Assert.Equal("open", first.Status);
            Assert.Equal("low", first.Priority);
            Assert.Equal("web", first.Channel);
            Assert.Equal(new[] { "[email protected]", "[email protected]" }, first.CcEmails);
            Assert.Equal(new[] { "[email protected]" }, first.BccEmails);
            Assert.False(first.Deleted);
            Assert.False(first.Spam);
            Assert.Equal(new DateTimeOffset(2014, 5, 5, 0, 15, 17, Plus3), first.CreatedAt);
            Assert.Equal(Plus3, first.CreatedAt.Value.Offset);
            Assert.Equal(new DateTimeOffset(2014, 12, 23, 10, 55, 23, Plus2), first.UpdatedAt);
            Assert.Equal(Plus2, first.UpdatedAt.Value.Offset);
            Assert.Equal(2, first.LanguageId);
            Assert.Equal("some text", first.CustomFields["cf_25"]);
            Assert.Equal("another field", first.CustomFields["CF_30"]);
            Assert.Equal(new long[] { 101, 102 }, first.Labels);
            Assert.Empty(first.LockedLabels);
            Assert.Null(first.ClosedAt);
            Assert.Empty(page.Items[1].CcEmails);
            Assert.Empty(page.Items[1].BccEmails);
            Assert.Equal(1, page.Items[2].LanguageId);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("/api/cases.json?status=open&page=2&limit=50", sent.Uri.PathAndQuery);
        }

        [Fact]
        public async Task Docs_view_case_through_the_client()
        {
            var handler = new FakeHandler(_ => Http.Json(DocSamples.ViewCase));
            using var client = TestSettings.Client(handler);

            var c = await client.GetCaseAsync("664-245651", OmnideskCallContext.None);

            Assert.Equal("/api/cases/664-245651.json", Assert.Single(handler.Sent).Uri.PathAndQuery);
            Assert.Equal(2000, c.CaseId);
            Assert.Equal("closed", c.Status);
            Assert.Null(c.ClosedAt);
            Assert.Equal(15, c.ClosingSpeed);
            Assert.Equal(new DateTimeOffset(2014, 12, 23, 9, 53, 14, Plus2), c.LastResponseAt);
            Assert.Equal(new[] { "[email protected]", "[email protected]" }, c.CcEmails);
            Assert.Equal(new[] { "[email protected]" }, c.BccEmails);
            Assert.Equal(new long[] { 101, 102, 103, 104, 105 }, c.Labels);
            Assert.Equal(new long[] { 104, 105 }, c.LockedLabels);
            Assert.Equal("high", c.Rating);
            Assert.Equal("cool123", c.RatingComment);
            Assert.Equal(193, c.RatedStaffId);
        }

        [Fact]
        public async Task Docs_filters_through_the_client()
        {
            var handler = new FakeHandler(_ => Http.Json(DocSamples.Filters));
            using var client = TestSettings.Client(handler);

            var page = await client.GetFiltersAsync(OmnideskCallContext.None);

            Assert.Equal("/api/filters.json", Assert.Single(handler.Sent).Uri.PathAndQuery);
            Assert.Equal(10, page.TotalCount);
            Assert.Equal(2, page.Items.Count);
            Assert.Equal("unassigned", page.Items[0].FilterId);
            Assert.Equal("open", page.Items[0].FilterName);
            Assert.True(page.Items[0].IsSelected);
            Assert.False(page.Items[0].IsCustom);
            Assert.Equal("234", page.Items[1].FilterId);
            Assert.Equal("Test filter", page.Items[1].FilterName);
            Assert.False(page.Items[1].IsSelected);
            Assert.True(page.Items[1].IsCustom);
        }

        [Fact]
        public void Filters_with_snake_case_flags_and_string_booleans()
        {
            var page = Wire.FilterList(Encoding.UTF8.GetBytes(
                """{"0":{"filter":{"filter_id":"77","filter_name":"Mine","is_selected":"1","is_custom":1}},"total_count":"1"}"""));
            var f = Assert.Single(page.Items);
            Assert.Equal("77", f.FilterId);
            Assert.True(f.IsSelected);
            Assert.True(f.IsCustom);
            Assert.Equal(1, page.TotalCount);
        }

        [Fact]
        public void Numbers_as_strings_and_strings_as_numbers()
        {
            var c = Case("""
                {"case":{"case_id":"123","user_id":"9","staff_id":"","group_id":"0","language_id":"2",
                 "closing_speed":"15","labels":["101",102,"x"],"locked_labels":"104,105","deleted":"1","spam":0,
                 "parent_case_id":"456","rated_staff_id":"0","case_number":664245651,"subject":12345,
                 "unknown_field":{"deep":[1,2,3]}}}
                """);
            Assert.Equal(123, c.CaseId);
            Assert.Equal(9, c.UserId);
            Assert.Equal(0, c.StaffId);
            Assert.Equal(0, c.GroupId);
            Assert.Equal(2, c.LanguageId);
            Assert.Equal(15, c.ClosingSpeed);
            Assert.Equal(new long[] { 101, 102 }, c.Labels);
            Assert.Equal(new long[] { 104, 105 }, c.LockedLabels);
            Assert.True(c.Deleted);
            Assert.False(c.Spam);
            Assert.Equal(456, c.ParentCaseId);
            Assert.Equal(0, c.RatedStaffId);
            Assert.Equal("664245651", c.CaseNumber);
            Assert.Equal("12345", c.Subject);
        }

        [Theory]
        [InlineData("true", true)]
        [InlineData("false", false)]
        [InlineData("1", true)]
        [InlineData("0", false)]
        [InlineData("\"1\"", true)]
        [InlineData("\"0\"", false)]
        [InlineData("\"true\"", true)]
        [InlineData("\"false\"", false)]
        public void Booleans_in_every_form(string json, bool expected)
        {
            Assert.Equal(expected, Case("{\"case\":{\"case_id\":1,\"spam\":" + json + "}}").Spam);
        }

        [Fact]
        public void Recipient_cc_and_cc_emails_both_map_to_CcEmails()
        {
            var deskie = Case("""{"case":{"case_id":1,"recipient_cc":" a@x.io , ,b@y.io,","recipient_bcc":"c@z.io"}}""");
            Assert.Equal(new[] { "a@x.io", "b@y.io" }, deskie.CcEmails);
            Assert.Equal(new[] { "c@z.io" }, deskie.BccEmails);

            var omnidesk = Case("""{"case":{"case_id":1,"cc_emails":"d@x.io","bcc_emails":""}}""");
            Assert.Equal(new[] { "d@x.io" }, omnidesk.CcEmails);
            Assert.Empty(omnidesk.BccEmails);

            var arrays = Case("""{"case":{"case_id":1,"cc_emails":["e@x.io"," f@x.io "],"recipient_bcc":null}}""");
            Assert.Equal(new[] { "e@x.io", "f@x.io" }, arrays.CcEmails);
            Assert.Empty(arrays.BccEmails);

            var missing = Case("""{"case":{"case_id":1}}""");
            Assert.Empty(missing.CcEmails);
            Assert.Empty(missing.Labels);
            Assert.Empty(missing.CustomFields);
        }

        [Fact]
        public void Rfc2822_date_keeps_its_offset()
        {
            var d = JsonValues.ParseDate("Mon, 05 May 2014 00:15:17 +0300");
            Assert.Equal(new DateTimeOffset(2014, 5, 5, 0, 15, 17, Plus3), d);
            Assert.Equal(Plus3, d.Value.Offset);
            Assert.Equal(new DateTime(2014, 5, 5, 0, 15, 17), d.Value.DateTime);
        }

        [Theory]
        [InlineData("05 May 2014 00:15:17 +0300", "2014-05-05T00:15:17+03:00")]
        [InlineData("Mon, 5 May 2014 00:15:17 +0300", "2014-05-05T00:15:17+03:00")]
        [InlineData("Sun, 05 May 2014 00:15:17 +0300", "2014-05-05T00:15:17+03:00")] // wrong day name tolerated
        [InlineData("Tue, 23 Dec 2014 10:55:23 -0530", "2014-12-23T10:55:23-05:30")]
        [InlineData("Tue, 23 Dec 2014 10:55:23 GMT", "2014-12-23T10:55:23+00:00")]
        [InlineData("2014-05-05T00:15:17+03:00", "2014-05-05T00:15:17+03:00")]
        [InlineData("2014-05-05 00:15:17", "2014-05-05T00:15:17+00:00")]
        [InlineData("1399238117", "2014-05-04T21:15:17+00:00")]
        public void Date_forms(string text, string expected)
        {
            var parsed = JsonValues.ParseDate(text);
            Assert.NotNull(parsed);
            var want = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(want, parsed.Value);
            Assert.Equal(want.Offset, parsed.Value.Offset);
        }

        [Theory]
        [InlineData("")]
        [InlineData("-")]
        [InlineData(" - ")]
        [InlineData(null)]
        [InlineData("0")]
        [InlineData("0000-00-00 00:00:00")]
        [InlineData("not a date")]
        public void Empty_dates_are_null(string text) => Assert.Null(JsonValues.ParseDate(text));

        [Fact]
        public void Date_fields_accept_unix_numbers_and_nulls()
        {
            var c = Case("""{"case":{"case_id":1,"created_at":1399238117,"updated_at":null,"closed_at":"","last_response_at":"-"}}""");
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1399238117), c.CreatedAt);
            Assert.Null(c.UpdatedAt);
            Assert.Null(c.ClosedAt);
            Assert.Null(c.LastResponseAt);
        }

        [Theory]
        [InlineData("""{"case": []}""")]
        [InlineData("""
            {
                "case": []
            }
            """)]
        [InlineData("")]
        [InlineData("   \r\n ")]
        [InlineData("null")]
        [InlineData("[]")]
        [InlineData("{}")]
        [InlineData("""{"total_count":0}""")]
        public void Empty_pages(string body)
        {
            var page = Cases(body);
            Assert.Empty(page.Items);
        }

        [Fact]
        public async Task Empty_body_through_the_client_is_an_empty_page()
        {
            var handler = new FakeHandler(_ => Http.Json(""));
            using var client = TestSettings.Client(handler);
            var page = await client.GetCasesAsync(null, 1, 100, OmnideskCallContext.None);
            Assert.Empty(page.Items);
            Assert.Null(page.TotalCount);
        }

        [Fact]
        public void Count_instead_of_total_count()
        {
            var page = Cases("""{"0":{"case":{"case_id":5}},"count":3}""");
            Assert.Equal(3, page.TotalCount);
            Assert.Equal(5, Assert.Single(page.Items).CaseId);
        }

        [Fact]
        public void Numeric_keys_are_ordered_by_number()
        {
            var page = Cases("""{"10":{"case":{"case_id":11}},"2":{"case":{"case_id":3}},"total_count":2,"0":{"case":{"case_id":1}}}""");
            Assert.Equal(new long[] { 1, 3, 11 }, page.Items.Select(c => c.CaseId));
            Assert.Equal(2, page.TotalCount);
        }

        [Fact]
        public void True_json_array_wrapped_or_not()
        {
            var page = Cases("""[{"case":{"case_id":1}},{"case_id":"2"}]""");
            Assert.Equal(new long[] { 1, 2 }, page.Items.Select(c => c.CaseId));
            Assert.Null(page.TotalCount);
        }

        [Fact]
        public void Custom_fields_as_bcl_values_and_php_empty_array()
        {
            var c = Case("""
                {"case":{"case_id":1,"custom_fields":{"cf_1":"text","cf_2":42,"cf_3":1.5,"cf_4":true,"cf_5":null,
                 "cf_6":[1,"a"],"cf_7":{"k":"v","n":{"x":false}}}}}
                """);
            Assert.Equal("text", c.CustomFields["cf_1"]);
            Assert.Equal(42L, c.CustomFields["cf_2"]);
            Assert.Equal(1.5, c.CustomFields["cf_3"]);
            Assert.Equal(true, c.CustomFields["cf_4"]);
            Assert.Null(c.CustomFields["cf_5"]);
            Assert.Equal(new object[] { 1L, "a" }, Assert.IsType<object[]>(c.CustomFields["cf_6"]));
            var nested = Assert.IsType<Dictionary<string, object>>(c.CustomFields["cf_7"]);
            Assert.Equal("v", nested["k"]);
            Assert.Equal(false, Assert.IsType<Dictionary<string, object>>(nested["n"])["x"]);

            var php = Case("""{"case":{"case_id":1,"custom_fields":[]}}""");
            Assert.NotNull(php.CustomFields);
            Assert.Empty(php.CustomFields);
        }

        [Theory]
        [InlineData("not json at all")]
        [InlineData("<html>502</html>")]
        [InlineData("""{"error":"something"}""")]
        [InlineData("\"just a string\"")]
        [InlineData("[1,2]")]
        public async Task Unreadable_2xx_list_is_InvalidResponse(string body)
        {
            var handler = new FakeHandler(_ => Http.Json(body));
            using var client = TestSettings.Client(handler);
            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetCasesAsync(null, 1, 10, OmnideskCallContext.None));
            Assert.Equal(OmnideskFailureKind.InvalidResponse, ex.Kind);
            Assert.Equal(200, ex.StatusCode);
            Assert.Contains("GET /api/cases.json?page=1&limit=10", ex.Message);
            Assert.Equal(body, ex.ResponseBody);
            Assert.Equal(1, handler.Calls);
        }

        [Theory]
        [InlineData("")]
        [InlineData("{\"case\":[]}")]
        [InlineData("{\"something\":1}")]
        [InlineData("{broken")]
        public async Task Unreadable_2xx_single_is_InvalidResponse(string body)
        {
            var handler = new FakeHandler(_ => Http.Json(body));
            using var client = TestSettings.Client(handler);
            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.GetCaseAsync("1", OmnideskCallContext.None));
            Assert.Equal(OmnideskFailureKind.InvalidResponse, ex.Kind);
        }

        [Fact]
        public void Unwrapped_single_case_is_accepted()
        {
            Assert.Equal(77, Case("""{"case_id":77,"subject":"x"}""").CaseId);
        }
    }
}

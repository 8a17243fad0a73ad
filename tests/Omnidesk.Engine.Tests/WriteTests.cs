using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Omnidesk.Engine.Json;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    public sealed class WriteTests : IDisposable
    {
        private const string JsonType = "application/json; charset=utf-8";
        private readonly UploadFolder _files = new UploadFolder();

        public void Dispose() => _files.Dispose();

        private OmnideskUpload File(string name, byte[] bytes) => _files.File(name, bytes);

        private static byte[] Bytes(int count, int seed)
        {
            var b = new byte[count];
            new Random(seed).NextBytes(b);
            return b;
        }

        internal static void AssertJson(string expected, SentRequest sent)
        {
            Assert.Equal(JsonType, sent.ContentType);
            var actual = JsonNode.Parse(sent.Body);
            var wanted = JsonNode.Parse(expected);
            Assert.True(JsonNode.DeepEquals(wanted, actual), $"expected {wanted.ToJsonString()}\n     got {actual?.ToJsonString()}");
        }

        // ---------------------------------------------------------------- create

        [Fact]
        public async Task Create_without_files_posts_json_with_snake_case_names()
        {
            var handler = new FakeHandler(_ => Http.Json(WriteSamples.CreatedCase, 201));
            using var client = TestSettings.Client(handler);

            var created = await client.CreateCaseAsync(new OmnideskNewCase
            {
                UserEmail = "user@example.com",
                UserPhone = "+79990001122",
                UserCustomId = "u-77",
                Channel = "cch101",
                UserFullName = "Иван Петров",
                Subject = "I need help",
                Content = "plain",
                ContentHtml = "<p>html</p>",
                LanguageId = 2,
                CustomFields = new Dictionary<string, object>
                {
                    ["cf_25"] = "some text", ["cf_26"] = 42, ["cf_27"] = 1.5, ["cf_28"] = true, ["cf_29"] = new object[] { "a", 2L },
                },
                Labels = new long[] { 101, 102 },
                AttachmentUrls = new[] { "https://abcompany.com/548899/contract.pdf" },
            }, OmnideskCallContext.None);

            Assert.Equal(2000, created.CaseId);
            Assert.Equal("664-245651", created.CaseNumber);
            Assert.Equal(new long[] { 101, 102 }, created.Labels);
            var sent = Assert.Single(handler.Sent);
            Assert.Equal("POST", sent.Method);
            Assert.Equal("/api/cases.json", sent.Uri.PathAndQuery);
            AssertJson("""
                {"case":{"user_email":"user@example.com","user_phone":"+79990001122","user_custom_id":"u-77","channel":"cch101",
                 "user_full_name":"Иван Петров","subject":"I need help","content":"plain","content_html":"<p>html</p>","language_id":2,
                 "custom_fields":{"cf_25":"some text","cf_26":42,"cf_27":1.5,"cf_28":true,"cf_29":["a",2]},
                 "labels":[101,102],"attachment_urls":["https://abcompany.com/548899/contract.pdf"]}}
                """, sent);
            Assert.Contains("Иван", sent.BodyText); // UTF-8, not \u escapes
            Assert.Equal(sent.Body.Length, sent.ContentLength);
        }

        [Fact]
        public async Task Create_leaves_out_null_members_and_accepts_200()
        {
            var handler = new FakeHandler(_ => Http.Json(WriteSamples.CreatedCase, 200));
            using var client = TestSettings.Client(handler);
            var created = await client.CreateCaseAsync(
                new OmnideskNewCase { UserEmail = "u@x.io", Subject = "s", Content = "c", Attachments = new OmnideskUpload[0] },
                OmnideskCallContext.None);
            Assert.Equal(2000, created.CaseId);
            AssertJson("""{"case":{"user_email":"u@x.io","subject":"s","content":"c"}}""", Assert.Single(handler.Sent));
        }

        [Fact]
        public async Task Create_with_files_sends_multipart_case_fields_and_the_files()
        {
            var pdf = Bytes(200_000, 1);
            var png = Bytes(1000, 2);
            var odd = Encoding.UTF8.GetBytes("raw");
            var handler = new FakeHandler(_ => Http.Json(WriteSamples.CreatedCase, 201));
            using var client = TestSettings.Client(handler);

            var created = await client.CreateCaseAsync(new OmnideskNewCase
            {
                UserEmail = "user@example.com",
                UserFullName = "Alex \"Al\" Smith",
                Subject = "Contract and invoice",
                Content = "Dear Team,\r\ndocs are attached.",
                LanguageId = 2,
                CustomFields = new Dictionary<string, object> { ["cf_44"] = 3, ["cf_45"] = new[] { "x", "y" }, ["cf_46"] = false },
                Labels = new long[] { 101, 102 },
                AttachmentUrls = new[] { "https://a.example/1.pdf" },
                Attachments = new[] { File("Договор.pdf", pdf), File("scan.PNG", png), File("data.weird", odd) },
            }, OmnideskCallContext.None);

            Assert.Equal(2000, created.CaseId);
            var sent = Assert.Single(handler.Sent);
            Assert.Equal("POST", sent.Method);
            Assert.Equal("/api/cases.json", sent.Uri.PathAndQuery);
            Assert.StartsWith("multipart/form-data; boundary=", sent.ContentType);
            Assert.Equal(sent.Body.Length, sent.ContentLength);

            var parts = Multipart.Parse(sent.ContentType, sent.Body);
            Assert.Equal(new[]
            {
                "case[user_email]", "case[user_full_name]", "case[subject]", "case[content]", "case[language_id]",
                "case[custom_fields][cf_44]", "case[custom_fields][cf_45][]", "case[custom_fields][cf_45][]", "case[custom_fields][cf_46]",
                "case[labels][]", "case[labels][]", "case[attachment_urls][]",
                "case[attachments][0]", "case[attachments][1]", "case[attachments][2]",
            }, parts.Select(p => p.Name));
            string Value(int i) => parts[i].Text;
            Assert.Equal("user@example.com", Value(0));
            Assert.Equal("Alex \"Al\" Smith", Value(1));
            Assert.Equal("Dear Team,\r\ndocs are attached.", Value(3));
            Assert.Equal("2", Value(4));
            Assert.Equal(new[] { "3", "x", "y", "0", "101", "102", "https://a.example/1.pdf" },
                Enumerable.Range(5, 7).Select(Value));
            Assert.All(parts.Take(12), p => Assert.Null(p.FileName));

            Assert.Equal(new[] { "Договор.pdf", "scan.PNG", "data.weird" }, parts.Skip(12).Select(p => p.FileName));
            Assert.Equal(new[] { "application/pdf", "image/png", "application/octet-stream" }, parts.Skip(12).Select(p => p.ContentType));
            Assert.Equal(pdf, parts[12].Data);
            Assert.Equal(png, parts[13].Data);
            Assert.Equal(odd, parts[14].Data);
            // the Cyrillic name travels as plain UTF-8 in the quoted parameter (what PHP reads), not RFC 2047/5987
            Assert.Equal("form-data; name=\"case[attachments][0]\"; filename=\"Договор.pdf\"", parts[12].RawDisposition);
        }

        [Fact]
        public async Task Multipart_post_retried_after_503_sends_the_whole_file_again()
        {
            var file = Bytes(300_000, 3);
            var handler = new FakeHandler(n => n == 1 ? Http.Status(503) : Http.Json(WriteSamples.CreatedCase, 201))
            {
                DisposeContentAfterRead = true, // the first attempt's body is gone, as a consumed stream would be
            };
            using var client = TestSettings.Client(handler);
            var recorder = new Recorder();

            var created = await client.CreateCaseAsync(new OmnideskNewCase
            {
                UserEmail = "u@x.io", Subject = "s", Content = "c", Attachments = new[] { File("big.bin", file) },
            }, recorder.Context());

            Assert.Equal(2000, created.CaseId);
            Assert.Equal(2, handler.Calls);
            var attempts = handler.Sent.ToArray();
            Assert.NotSame(attempts[0].Content, attempts[1].Content);
            foreach (var attempt in attempts)
            {
                Assert.Equal(attempt.Body.Length, attempt.ContentLength);
                var part = Multipart.Parse(attempt.ContentType, attempt.Body).Single(p => p.Name == "case[attachments][0]");
                Assert.Equal("big.bin", part.FileName);
                Assert.Equal(file, part.Data);
            }
            Assert.Equal(503, Assert.Single(recorder.Retries).StatusCode);
        }

        [Fact]
        public async Task Json_post_retried_after_429_sends_the_same_body_again()
        {
            var handler = new FakeHandler(n => n == 1 ? Http.Status(429, ("retry_after", "0")) : Http.Json(WriteSamples.CreatedCase, 201))
            {
                DisposeContentAfterRead = true,
            };
            using var client = TestSettings.Client(handler);
            await client.CreateCaseAsync(new OmnideskNewCase { UserEmail = "u@x.io", Subject = "s", Content = "c" }, OmnideskCallContext.None);
            var attempts = handler.Sent.ToArray();
            Assert.Equal(2, attempts.Length);
            Assert.Equal(attempts[0].BodyText, attempts[1].BodyText);
            AssertJson("""{"case":{"user_email":"u@x.io","subject":"s","content":"c"}}""", attempts[1]);
        }

        [Fact]
        public async Task Create_post_is_not_retried_after_a_500()
        {
            var handler = new FakeHandler(_ => Http.Status(500));
            using var client = TestSettings.Client(handler);
            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() =>
                client.CreateCaseAsync(new OmnideskNewCase { Subject = "s" }, OmnideskCallContext.None));
            Assert.Equal(500, ex.StatusCode);
            Assert.Equal(1, handler.Calls);
        }

        [Fact]
        public async Task Missing_or_oversized_file_fails_before_anything_is_sent()
        {
            var handler = new FakeHandler(_ => Http.Json(WriteSamples.CreatedCase, 201));
            using var client = TestSettings.Client(handler);
            var missing = new OmnideskUpload(Path.Combine(_files.Path, "nope.pdf"), "nope.pdf", 1);
            await Assert.ThrowsAsync<FileNotFoundException>(() => client.CreateCaseAsync(
                new OmnideskNewCase { Subject = "s", Attachments = new[] { missing } }, OmnideskCallContext.None));

            var bigPath = Path.Combine(_files.Path, "big.iso");
            using (var fs = new FileStream(bigPath, FileMode.Create)) fs.SetLength(OmnideskUpload.MaxFileBytes + 1);
            var big = new OmnideskUpload(bigPath, "big.iso", OmnideskUpload.MaxFileBytes + 1);
            await Assert.ThrowsAsync<ArgumentException>(() => client.CreateCaseAsync(
                new OmnideskNewCase { Subject = "s", Attachments = new[] { big } }, OmnideskCallContext.None));
            Assert.Equal(0, handler.Calls);
        }

        [Fact]
        public async Task File_deleted_before_a_retry_surfaces_as_FileNotFound_without_more_attempts()
        {
            OmnideskUpload upload = null;
            var handler = new FakeHandler(n =>
            {
                System.IO.File.Delete(upload.Path); // gone before the retry opens it again
                return Http.Status(503);
            });
            using var client = TestSettings.Client(handler);
            upload = File("a.txt", Encoding.UTF8.GetBytes("hello"));
            await Assert.ThrowsAsync<FileNotFoundException>(() => client.CreateCaseAsync(
                new OmnideskNewCase { Subject = "s", Attachments = new[] { upload } }, OmnideskCallContext.None));
            Assert.Equal(1, handler.Calls);
        }

        // ---------------------------------------------------------------- update

        [Fact]
        public async Task Update_one_case_puts_the_change_and_returns_the_case()
        {
            var handler = new FakeHandler(_ => Http.Json(WriteSamples.CreatedCase));
            using var client = TestSettings.Client(handler);

            var result = await client.UpdateCasesAsync(new long[] { 2000 }, new OmnideskCaseChange
            {
                Subject = "Test subject changed", Status = "closed", Priority = "critical", StaffId = 0, GroupId = 44, LanguageId = 2,
                CustomFields = new Dictionary<string, object> { ["cf_25"] = "some text", ["cf_30"] = new[] { 1, 2 } },
                AddLabels = new long[] { 103, 104 }, RemoveLabels = new long[] { 101 },
            }, OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("PUT", sent.Method);
            Assert.Equal("/api/cases/2000.json", sent.Uri.PathAndQuery);
            AssertJson("""
                {"case":{"subject":"Test subject changed","status":"closed","priority":"critical","staff_id":0,"group_id":44,
                 "language_id":2,"custom_fields":{"cf_25":"some text","cf_30":[1,2]},"add_labels":[103,104],"delete_labels":[101]}}
                """, sent);
            Assert.Equal(new long[] { 2000 }, result.SucceededIds);
            Assert.Equal(2000, Assert.Single(result.Cases).CaseId);
        }

        [Fact]
        public async Task Update_several_cases_reads_case_success_id_with_numeric_strings()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"case_success_id":[101,"103"]}"""));
            using var client = TestSettings.Client(handler);

            var result = await client.UpdateCasesAsync(new long[] { 101, 102, 103 }, new OmnideskCaseChange { Status = "closed" },
                OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("PUT", sent.Method);
            Assert.Equal("/api/cases/101,102,103.json", sent.Uri.PathAndQuery);
            AssertJson("""{"case":{"status":"closed"}}""", sent);
            Assert.Equal(new long[] { 101, 103 }, result.SucceededIds);
            Assert.Empty(result.Cases);
        }

        [Fact]
        public async Task Either_answer_form_is_accepted_for_any_id_count()
        {
            var handler = new FakeHandler(n => n == 1 ? Http.Json(WriteSamples.BulkSuccess) : Http.Json(WriteSamples.CreatedCase));
            using var client = TestSettings.Client(handler);
            var one = await client.UpdateCasesAsync(new long[] { 101 }, new OmnideskCaseChange { Status = "open" }, OmnideskCallContext.None);
            Assert.Equal(new long[] { 101, 102, 103, 104 }, one.SucceededIds);
            Assert.Empty(one.Cases);
            var several = await client.UpdateCasesAsync(new long[] { 2000, 2001 }, new OmnideskCaseChange { Status = "open" }, OmnideskCallContext.None);
            Assert.Equal(new long[] { 2000 }, several.SucceededIds);
            Assert.Single(several.Cases);
        }

        [Fact]
        public async Task Update_with_an_unexpected_answer_is_an_invalid_response()
        {
            var handler = new FakeHandler(_ => Http.Json("{}"));
            using var client = TestSettings.Client(handler);
            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() =>
                client.UpdateCasesAsync(new long[] { 1 }, new OmnideskCaseChange { Status = "open" }, OmnideskCallContext.None));
            Assert.Equal(OmnideskFailureKind.InvalidResponse, ex.Kind);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(11)]
        public async Task Bulk_needs_one_to_ten_ids(int count)
        {
            var handler = new FakeHandler(_ => Http.Json(WriteSamples.BulkSuccess));
            using var client = TestSettings.Client(handler);
            var ids = Enumerable.Range(1, count).Select(i => (long)i).ToArray();
            await Assert.ThrowsAsync<ArgumentException>(() =>
                client.UpdateCasesAsync(ids, new OmnideskCaseChange { Status = "open" }, OmnideskCallContext.None));
            await Assert.ThrowsAsync<ArgumentException>(() =>
                client.ChangeCaseStateAsync(ids, OmnideskCaseAction.Trash, OmnideskCallContext.None));
            Assert.Equal(0, handler.Calls);

            var ten = await client.UpdateCasesAsync(Enumerable.Range(1, 10).Select(i => (long)i).ToArray(),
                new OmnideskCaseChange { Status = "open" }, OmnideskCallContext.None);
            Assert.Equal("/api/cases/1,2,3,4,5,6,7,8,9,10.json", Assert.Single(handler.Sent).Uri.PathAndQuery);
            Assert.Equal(4, ten.SucceededIds.Count);
        }

        [Fact]
        public async Task Bulk_put_that_times_out_is_not_retried()
        {
            var handler = new FakeHandler((r, n, ct) => Http.Hang(ct));
            using var client = TestSettings.Client(handler, TestSettings.Create(retries: 3, timeoutMs: 150));
            var recorder = new Recorder();
            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() =>
                client.UpdateCasesAsync(new long[] { 1, 2 }, new OmnideskCaseChange { Status = "closed" }, recorder.Context()));
            Assert.Equal(OmnideskFailureKind.Timeout, ex.Kind);
            Assert.Equal("PUT", ex.Method);
            Assert.Equal(1, handler.Calls);
            Assert.Empty(recorder.Retries);
        }

        [Fact]
        public async Task Bulk_put_is_retried_on_503_with_the_body()
        {
            var handler = new FakeHandler(n => n == 1 ? Http.Status(503) : Http.Json(WriteSamples.BulkSuccess)) { DisposeContentAfterRead = true };
            using var client = TestSettings.Client(handler);
            await client.UpdateCasesAsync(new long[] { 101, 102 }, new OmnideskCaseChange { Priority = "low" }, OmnideskCallContext.None);
            Assert.Equal(2, handler.Calls);
            Assert.All(handler.Sent, s => AssertJson("""{"case":{"priority":"low"}}""", s));
        }

        // ---------------------------------------------------------------- trash / spam / restore / delete

        [Theory]
        [InlineData(OmnideskCaseAction.Trash, "trash")]
        [InlineData(OmnideskCaseAction.Spam, "spam")]
        [InlineData(OmnideskCaseAction.Restore, "restore")]
        public async Task State_change_puts_an_empty_body(OmnideskCaseAction action, string verb)
        {
            var handler = new FakeHandler(n => n == 1 ? Http.Json(WriteSamples.CreatedCase) : Http.Json("""{"case_success_id":["7","9"]}"""));
            using var client = TestSettings.Client(handler);

            var one = await client.ChangeCaseStateAsync(new long[] { 2000 }, action, OmnideskCallContext.None);
            var many = await client.ChangeCaseStateAsync(new long[] { 7, 8, 9 }, action, OmnideskCallContext.None);

            var sent = handler.Sent.ToArray();
            Assert.Equal(new[] { "PUT", "PUT" }, sent.Select(s => s.Method));
            Assert.Equal($"/api/cases/2000/{verb}.json", sent[0].Uri.PathAndQuery);
            Assert.Equal($"/api/cases/7,8,9/{verb}.json", sent[1].Uri.PathAndQuery);
            Assert.All(sent, s =>
            {
                Assert.Equal(0, s.ContentLength);
                Assert.Empty(s.Body);
            });
            Assert.Equal(new long[] { 2000 }, one.SucceededIds);
            Assert.Equal("664-245651", Assert.Single(one.Cases).CaseNumber);
            Assert.Equal(new long[] { 7, 9 }, many.SucceededIds);
            Assert.Empty(many.Cases);
        }

        [Fact]
        public async Task Trash_with_an_empty_answer_is_an_invalid_response()
        {
            var handler = new FakeHandler(_ => Http.Json(""));
            using var client = TestSettings.Client(handler);
            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() =>
                client.ChangeCaseStateAsync(new long[] { 1 }, OmnideskCaseAction.Trash, OmnideskCallContext.None));
            Assert.Equal(OmnideskFailureKind.InvalidResponse, ex.Kind);
        }

        [Theory]
        [InlineData("")]
        [InlineData("[]")]
        [InlineData("{}")]
        [InlineData("{\"result\":\"ok\"}")]
        [InlineData("OK")]
        public async Task Delete_without_case_success_id_means_every_id_succeeded(string body)
        {
            var handler = new FakeHandler(_ => Http.Json(body));
            using var client = TestSettings.Client(handler);
            var result = await client.ChangeCaseStateAsync(new long[] { 5, 6 }, OmnideskCaseAction.Delete, OmnideskCallContext.None);
            var sent = Assert.Single(handler.Sent);
            Assert.Equal("DELETE", sent.Method);
            Assert.Equal("/api/cases/5,6.json", sent.Uri.PathAndQuery);
            Assert.Null(sent.Content);
            Assert.Equal(new long[] { 5, 6 }, result.SucceededIds);
            Assert.Empty(result.Cases);
        }

        [Fact]
        public async Task Delete_honours_case_success_id()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"case_success_id":[6]}"""));
            using var client = TestSettings.Client(handler);
            var result = await client.ChangeCaseStateAsync(new long[] { 5, 6 }, OmnideskCaseAction.Delete, OmnideskCallContext.None);
            Assert.Equal(new long[] { 6 }, result.SucceededIds);
        }

        // ---------------------------------------------------------------- ratings

        [Fact]
        public async Task Rate_case_puts_rate_with_rating_staff_id()
        {
            var handler = new FakeHandler(_ => Http.Json(WriteSamples.RatedCase));
            using var client = TestSettings.Client(handler);
            var rated = await client.RateCaseAsync(47223, new OmnideskRatingChange { Rating = "low", Comment = "cool", RatedStaffId = 189 },
                OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("PUT", sent.Method);
            Assert.Equal("/api/cases/47223/rate.json", sent.Uri.PathAndQuery);
            AssertJson("""{"rate":{"rating":"low","rating_comment":"cool","rating_staff_id":189}}""", sent);
            Assert.Equal(47223, rated.CaseId);
            Assert.Equal("high", rated.Rating);
            Assert.Equal("cool123", rated.RatingComment);
            Assert.Equal(189, rated.RatedStaffId);
        }

        [Fact]
        public async Task Rate_case_leaves_out_what_is_not_given()
        {
            var handler = new FakeHandler(_ => Http.Json(WriteSamples.RatedCase));
            using var client = TestSettings.Client(handler);
            await client.RateCaseAsync(1, new OmnideskRatingChange { Rating = "middle" }, OmnideskCallContext.None);
            AssertJson("""{"rate":{"rating":"middle"}}""", Assert.Single(handler.Sent));
        }

        [Fact]
        public async Task Rate_message_puts_rate_and_returns_the_message_with_its_case()
        {
            var handler = new FakeHandler(_ => Http.Json(WriteSamples.RatedMessage));
            using var client = TestSettings.Client(handler);
            var message = await client.RateMessageAsync(47223, 153624,
                new OmnideskRatingChange { Rating = "low", Comment = "cool", RatedStaffId = 5 }, OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("PUT", sent.Method);
            Assert.Equal("/api/cases/47223/rate/153624.json", sent.Uri.PathAndQuery);
            AssertJson("""{"rate":{"rating":"low","rating_comment":"cool"}}""", sent);
            Assert.Equal(47223, message.CaseId);
            Assert.Equal(2001, message.MessageId);
            Assert.Null(message.UserId);
            Assert.Equal(123, message.StaffId);
            Assert.Equal("low", message.Rating);
            Assert.Equal("cool", message.RatingComment);
            Assert.Null(message.RatedStaffId);
            Assert.False(message.IsNote);
            Assert.Empty(message.Attachments);
            Assert.Equal(new DateTimeOffset(2014, 5, 6, 0, 15, 17, TimeSpan.FromHours(3)), message.CreatedAt);
        }

        // ---------------------------------------------------------------- changelog

        [Fact]
        public async Task Changelog_sends_filters_and_reads_the_docs_example()
        {
            var handler = new FakeHandler(_ => Http.Json(WriteSamples.Changelog));
            using var client = TestSettings.Client(handler);
            var query = new OmnideskChangelogQuery { Status = new[] { "any", "any" }, Rules = new long[] { 1332 }, ShowChatCompletion = true };

            var page = await client.GetChangelogAsync("128-917744", 777, query, 0, 0, OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("GET", sent.Method);
            Assert.Equal("/api/cases/128-917744/changelog.json?status=any%2Cany&rules[]=1332&show_chat_completion=true", sent.Uri.PathAndQuery);
            Assert.Null(page.TotalCount);
            Assert.Equal(6, page.Items.Count);
            Assert.All(page.Items, e => Assert.Equal(777, e.CaseId));
            Assert.Equal(new[] { "rules", "staff", "fixed_chat", "group", "status", "custom_field_94" }, page.Items.Select(e => e.Event));
            Assert.Equal(new[] { "rule_1332", "rule_1332", "rule_1332", "rule_1336", "staff_330", "staff_330" }, page.Items.Select(e => e.DoneBy));
            Assert.Equal("Slack Notification (ID - 1332)", page.Items[0].OldValue);
            Assert.Null(page.Items[0].Value);
            Assert.Equal("", page.Items[5].OldValue);
            Assert.Equal("1", page.Items[5].Value);
            Assert.Equal(new DateTimeOffset(2021, 8, 13, 12, 57, 54, TimeSpan.FromHours(3)), page.Items[0].CreatedAt);
            Assert.Equal(new DateTimeOffset(2021, 8, 13, 12, 58, 7, TimeSpan.FromHours(3)), page.Items[4].CreatedAt);
        }

        [Fact]
        public async Task Changelog_as_documented_with_its_trailing_comma_still_parses_and_page_limit_are_sent()
        {
            var handler = new FakeHandler(_ => Http.Json(WriteSamples.ChangelogAsDocumented));
            using var client = TestSettings.Client(handler);
            var page = await client.GetChangelogAsync("200", 200, null, 2, 50, OmnideskCallContext.None);
            Assert.Equal("/api/cases/200/changelog.json?page=2&limit=50", Assert.Single(handler.Sent).Uri.PathAndQuery);
            Assert.Equal(6, page.Items.Count);
        }

        [Fact]
        public void Changelog_numbered_envelope_with_total_count_and_numbers()
        {
            var page = Wire.Changelog(Encoding.UTF8.GetBytes("""
                {"0":{"changelog":{"created_at":"1628848674","event":"staff","done_by":"staff_1","old_value":0,"value":330}},
                 "1":{"created_at":"Fri, 13 Aug 2021 12:58:07 +0300","event":"status","done_by":"user_5","old_value":null,"value":"closed"},
                 "total_count":"42"}
                """), 9);
            Assert.Equal(42, page.TotalCount);
            Assert.Equal(new[] { "0", null }, page.Items.Select(e => e.OldValue));
            Assert.Equal(new[] { "330", "closed" }, page.Items.Select(e => e.Value));
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1628848674), page.Items[0].CreatedAt);
            Assert.All(page.Items, e => Assert.Equal(9, e.CaseId));
            Assert.Empty(Wire.Changelog(Encoding.UTF8.GetBytes("""{"changelog":[]}"""), 1).Items);
            Assert.Empty(Wire.Changelog(new byte[0], 1).Items);
        }

        // ---------------------------------------------------------------- ideas

        [Fact]
        public async Task Update_idea_puts_message_and_reads_the_idea()
        {
            var handler = new FakeHandler(_ => Http.Json(WriteSamples.EditedIdea));
            using var client = TestSettings.Client(handler);
            var updated = await client.UpdateIdeaAsync(200, new OmnideskIdeaChange { Content = "New content", Stage = "planned" },
                OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("PUT", sent.Method);
            Assert.Equal("/api/cases/200/idea.json", sent.Uri.PathAndQuery);
            AssertJson("""{"message":{"content":"New content","stage":"planned"}}""", sent);
            Assert.Equal("idea", updated.Channel);
            Assert.NotNull(updated.Idea);
            Assert.Equal("New content", updated.Idea.Content);
            Assert.Equal("planned", updated.Idea.Stage);
            Assert.Equal(319, updated.Idea.CategoryId);
            Assert.Null(updated.Idea.OfficialResponse);
            Assert.Null(updated.Idea.OfficialResponseAt);
        }

        [Fact]
        public async Task Update_idea_sends_category_id()
        {
            var handler = new FakeHandler(_ => Http.Json(WriteSamples.EditedIdea));
            using var client = TestSettings.Client(handler);
            await client.UpdateIdeaAsync(200, new OmnideskIdeaChange { CategoryId = 12 }, OmnideskCallContext.None);
            AssertJson("""{"message":{"category_id":12}}""", Assert.Single(handler.Sent));
        }

        [Fact]
        public async Task Set_idea_response_puts_message_content_and_reads_the_timestamp()
        {
            var handler = new FakeHandler(_ => Http.Json(WriteSamples.IdeaWithResponse));
            using var client = TestSettings.Client(handler);
            var updated = await client.SetIdeaResponseAsync(200, "New official response", OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("PUT", sent.Method);
            Assert.Equal("/api/cases/200/idea_official_response.json", sent.Uri.PathAndQuery);
            AssertJson("""{"message":{"content":"New official response"}}""", sent);
            Assert.Equal("New official response", updated.Idea.OfficialResponse);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1509007649), updated.Idea.OfficialResponseAt);
            Assert.Null(updated.Idea.Stage);
        }

        [Theory]
        [InlineData("")]
        [InlineData("[]")]
        [InlineData("{\"case\":{\"case_id\":1}}")]
        public async Task Delete_idea_response_accepts_any_2xx_body(string body)
        {
            var handler = new FakeHandler(_ => Http.Json(body));
            using var client = TestSettings.Client(handler);
            await client.DeleteIdeaResponseAsync(2000, OmnideskCallContext.None);
            var sent = Assert.Single(handler.Sent);
            Assert.Equal("DELETE", sent.Method);
            Assert.Equal("/api/cases/2000/idea_official_response.json", sent.Uri.PathAndQuery);
            Assert.Null(sent.Content);
        }

        [Fact]
        public void Idea_is_null_when_absent_or_empty_and_tolerant_otherwise()
        {
            OmnideskCase Parse(string json) => Wire.Case(Encoding.UTF8.GetBytes(json));
            Assert.Null(Parse("""{"case":{"case_id":1}}""").Idea);
            Assert.Null(Parse("""{"case":{"case_id":1,"idea":[]}}""").Idea);
            Assert.Null(Parse("""{"case":{"case_id":1,"idea":null}}""").Idea);
            var idea = Parse("""{"case":{"case_id":1,"idea":{"content":"c","stage":"in_progress","category":"0","official_response":"r","official_response_tstamp":"1509007649"}}}""").Idea;
            Assert.Equal("in_progress", idea.Stage);
            Assert.Null(idea.CategoryId);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1509007649), idea.OfficialResponseAt);
            Assert.Null(Parse("""{"case":{"case_id":1,"idea":{"official_response_tstamp":0}}}""").Idea.OfficialResponseAt);
        }

        // ---------------------------------------------------------------- messages

        [Fact]
        public void Messages_of_the_docs_example()
        {
            var page = Wire.MessageList(Encoding.UTF8.GetBytes(WriteSamples.MessageList));
            Assert.Equal(17, page.TotalCount);
            var user = page.Items[0];
            Assert.Equal(2000, user.MessageId);
            Assert.Equal(123, user.UserId);
            Assert.Null(user.StaffId);
            Assert.Equal("", user.Content);
            Assert.Equal("Test response of the user", user.ContentHtml);
            Assert.Empty(user.Attachments);
            Assert.False(user.IsScheduled);
            Assert.Equal("high", user.Rating);
            Assert.Null(user.RatedStaffId);

            var staff = page.Items[1];
            Assert.Null(staff.UserId);
            Assert.Equal(41087, staff.StaffId);
            var file = Assert.Single(staff.Attachments);
            Assert.Equal(345, file.FileId);
            Assert.Equal("test.jpg", file.FileName);
            Assert.Equal(40863, file.FileSize);
            Assert.Equal("image/jpeg", file.MimeType);
            Assert.Equal("https://[domain].deskie.io/some_path_here/345", file.Url);
            Assert.Equal(new DateTimeOffset(2023, 5, 15, 10, 15, 17, TimeSpan.FromHours(3)), staff.SentAt);
            Assert.True(staff.IsScheduled);
            Assert.Null(staff.Rating);
        }

        [Fact]
        public void Message_values_are_read_tolerantly()
        {
            var m = Wire.Message(Encoding.UTF8.GetBytes("""
                {"message":{"message_id":"2001","user_id":"0","staff_id":"15789","note":"1","sent_via_rule":1,
                 "rating":"-","rated_staff_id":"193","created_at":1399238117,
                 "attachments":{"0":{"file_id":"346","file_name":"invoice.pdf","file_size":"50863","mime_type":"application/pdf","url":"u"}}}}
                """));
            Assert.Equal(2001, m.MessageId);
            Assert.Null(m.UserId);
            Assert.Equal(15789, m.StaffId);
            Assert.True(m.IsNote);
            Assert.True(m.SentViaRule);
            Assert.Null(m.Rating);
            Assert.Equal(193, m.RatedStaffId);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1399238117), m.CreatedAt);
            var a = Assert.Single(m.Attachments);
            Assert.Equal(346, a.FileId);
            Assert.Equal(50863, a.FileSize);
            Assert.Equal(0, m.CaseId);
            Assert.Empty(Wire.Message(Encoding.UTF8.GetBytes("""{"message":{"message_id":1,"attachments":""}}""")).Attachments);
        }

        // ---------------------------------------------------------------- secrets

        [Fact]
        public async Task Api_key_never_appears_in_logged_text_of_writes()
        {
            var key = TestSettings.ApiKey;
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(TestSettings.Email + ":" + key));
            // every answer echoes the key (as a server error page might), once a failure and once a success
            var handler = new FakeHandler(n => n % 2 == 1
                ? Http.Json("{\"error\":\"bad " + key + "\",\"api_key\":\"" + key + "\"}", 503)
                : Http.Json("{\"case\":{\"case_id\":1,\"subject\":\"" + key + "\"},\"message\":{\"message_id\":1}}"));
            using var client = TestSettings.Client(handler, TestSettings.Create(retries: 1));
            var recorder = new Recorder();
            var ctx = recorder.Context();
            var file = File("a.txt", Encoding.UTF8.GetBytes("x"));

            await client.CreateCaseAsync(new OmnideskNewCase { Subject = "s" }, ctx);
            await client.CreateCaseAsync(new OmnideskNewCase { Subject = "s", Attachments = new[] { file } }, ctx);
            await client.UpdateCasesAsync(new long[] { 1 }, new OmnideskCaseChange { Status = "open" }, ctx);
            await client.ChangeCaseStateAsync(new long[] { 1 }, OmnideskCaseAction.Trash, ctx);
            await client.ChangeCaseStateAsync(new long[] { 1 }, OmnideskCaseAction.Delete, ctx);
            await client.RateCaseAsync(1, new OmnideskRatingChange { Rating = "low" }, ctx);
            await client.RateMessageAsync(1, 2, new OmnideskRatingChange { Rating = "low" }, ctx);
            await client.UpdateIdeaAsync(1, new OmnideskIdeaChange { Stage = "planned" }, ctx);
            await client.SetIdeaResponseAsync(1, "r", ctx);
            await client.DeleteIdeaResponseAsync(1, ctx);

            var failing = TestSettings.Client(new FakeHandler(_ => Http.Json("{\"error\":\"" + key + "\"}", 400)));
            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() =>
                failing.UpdateCasesAsync(new long[] { 1 }, new OmnideskCaseChange { Status = "open" }, ctx));
            failing.Dispose();

            Assert.Equal(20, handler.Calls);
            Assert.Equal(10, recorder.Retries.Count);
            var all = recorder.AllText().Concat(new[] { ex.Message, ex.ResponseBody, ex.ErrorCode }).ToList();
            Assert.Contains(all, t => t != null && t.Contains("Authorization: <redacted>"));
            Assert.Contains(all, t => t != null && t.Contains("PUT https://acme.omnidesk.ru/api/cases/1/trash.json"));
            Assert.DoesNotContain(all, t => t != null && t.Contains(key));
            Assert.DoesNotContain(all, t => t != null && t.Contains(basic));
        }
    }
}

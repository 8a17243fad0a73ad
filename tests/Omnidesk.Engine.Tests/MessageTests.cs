using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>Messages (responses) and notes: wire formats and answers.</summary>
    public sealed class MessageTests : IDisposable
    {
        private readonly UploadFolder _files = new UploadFolder();

        public void Dispose() => _files.Dispose();

        private OmnideskUpload File(string name, byte[] bytes) => _files.File(name, bytes);

        private const string AddedMessage = """
        {"message":{"message_id":2001,"user_id":0,"staff_id":123,"content":"I need help","content_html":"",
          "attachments":[],"note":false,"created_at":"Mon, 06 May 2014 00:15:17 +0300"}}
        """;

        private const string AddedNote = """
        {"message":{"message_id":2002,"user_id":0,"staff_id":15789,"content":"Docs are attached.","content_html":"",
          "attachments":[{"file_id":345,"file_name":"contract.pdf","file_size":40863,"mime_type":"application/pdf","url":"https://acme.omnidesk.ru/some_path_here/345"}],
          "note":true,"created_at":"Mon, 06 May 2014 00:15:17 +0300"}}
        """;

        // ---------------------------------------------------------------- list

        [Fact]
        public async Task Get_messages_sends_page_limit_order_and_sets_case_id()
        {
            var handler = new FakeHandler(_ => Http.Json(WriteSamples.MessageList));
            using var client = TestSettings.Client(handler);

            var page = await client.GetMessagesAsync("123-456789", 777, "desc", 2, 50, OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("GET", sent.Method);
            Assert.Equal("/api/cases/123-456789/messages.json?order=desc&page=2&limit=50", sent.Uri.PathAndQuery);
            Assert.Null(sent.Content);
            Assert.Equal(17, page.TotalCount);
            Assert.Equal(new long[] { 2000, 200198257 }, page.Items.Select(m => m.MessageId));
            Assert.All(page.Items, m => Assert.Equal(777, m.CaseId));
            Assert.Equal(123, page.Items[0].UserId);
            Assert.Null(page.Items[0].StaffId);
            Assert.Equal("test.jpg", Assert.Single(page.Items[1].Attachments).FileName);
            Assert.True(page.Items[1].IsScheduled);
        }

        [Fact]
        public async Task Get_messages_omits_unset_parameters_and_escapes_the_id()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"total_count":0}"""));
            using var client = TestSettings.Client(handler);

            var page = await client.GetMessagesAsync(" 12/3 ", 1, null, 0, 0, OmnideskCallContext.None);

            Assert.Equal("/api/cases/12%2F3/messages.json", Assert.Single(handler.Sent).Uri.PathAndQuery);
            Assert.Empty(page.Items);
            Assert.Equal(0, page.TotalCount);
        }

        // ---------------------------------------------------------------- add a response

        [Fact]
        public async Task Add_message_posts_json_with_every_member_and_reads_the_single_answer()
        {
            var handler = new FakeHandler(_ => Http.Json(AddedMessage, 201));
            using var client = TestSettings.Client(handler);
            var sendAt = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.FromHours(3));

            var result = await client.AddMessagesAsync(new long[] { 200 }, new OmnideskNewMessage
            {
                Content = "I need help",
                ContentHtml = "<p>I need help</p>",
                StaffId = 123,
                DoNotSendEmail = true,
                SendAt = sendAt,
                AttachmentUrls = new[] { "https://abcompany.com/548899/contract.pdf" },
            }, OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("POST", sent.Method);
            Assert.Equal("/api/cases/200/messages.json", sent.Uri.PathAndQuery);
            WriteTests.AssertJson($$$"""
                {"message":{"content":"I need help","content_html":"<p>I need help</p>","staff_id":123,
                  "do_not_send_email":true,"send_at":{{{sendAt.ToUnixTimeSeconds()}}},
                  "attachment_urls":["https://abcompany.com/548899/contract.pdf"]}}
                """, sent);
            Assert.Equal(new long[] { 200 }, result.SucceededCaseIds);
            var message = Assert.Single(result.Messages);
            Assert.Equal(2001, message.MessageId);
            Assert.Equal(200, message.CaseId);
            Assert.Equal(123, message.StaffId);
            Assert.False(message.IsNote);
        }

        [Fact]
        public async Task Add_message_leaves_out_nulls_and_sends_false_flags()
        {
            var handler = new FakeHandler(_ => Http.Json(AddedMessage));
            using var client = TestSettings.Client(handler);

            await client.AddMessagesAsync(new long[] { 200 }, new OmnideskNewMessage { Content = "x", UserId = 18772600, DoNotSendEmail = false },
                OmnideskCallContext.None);

            WriteTests.AssertJson("""{"message":{"content":"x","user_id":18772600,"do_not_send_email":false}}""", Assert.Single(handler.Sent));
        }

        [Fact]
        public async Task Add_message_to_several_cases_uses_the_bulk_path_and_reads_case_success_id()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"case_success_id":[1,"3"]}"""));
            using var client = TestSettings.Client(handler);

            var result = await client.AddMessagesAsync(new long[] { 1, 2, 3 }, new OmnideskNewMessage { Content = "bulk", StaffId = 5 },
                OmnideskCallContext.None);

            Assert.Equal("/api/cases/1,2,3/messages.json", Assert.Single(handler.Sent).Uri.PathAndQuery);
            Assert.Equal(new long[] { 1, 3 }, result.SucceededCaseIds);
            Assert.Empty(result.Messages);
        }

        [Fact]
        public async Task Bulk_answer_for_one_case_and_single_answer_for_several_are_both_accepted()
        {
            var handler = new FakeHandler(n => Http.Json(n == 1 ? """{"case_success_id":[200]}""" : AddedMessage));
            using var client = TestSettings.Client(handler);
            var message = new OmnideskNewMessage { Content = "x", StaffId = 5 };

            var one = await client.AddMessagesAsync(new long[] { 200 }, message, OmnideskCallContext.None);
            Assert.Equal(new long[] { 200 }, one.SucceededCaseIds);
            Assert.Empty(one.Messages);

            var several = await client.AddMessagesAsync(new long[] { 7, 8 }, message, OmnideskCallContext.None);
            Assert.Equal(new long[] { 7, 8 }, several.SucceededCaseIds); // a 2xx without ids: the whole request succeeded
            Assert.Equal(2001, Assert.Single(several.Messages).MessageId);
        }

        [Fact]
        public async Task Add_message_with_files_posts_multipart_message_fields()
        {
            var handler = new FakeHandler(_ => Http.Json(AddedMessage, 201));
            using var client = TestSettings.Client(handler);
            var bytes = new byte[3000];
            new Random(3).NextBytes(bytes);
            var sendAt = DateTimeOffset.FromUnixTimeSeconds(1900000000);

            await client.AddMessagesAsync(new long[] { 200, 201 }, new OmnideskNewMessage
            {
                Content = "Docs are attached.",
                UserId = 18772600,
                DoNotSendEmail = true,
                SendAt = sendAt,
                AttachmentUrls = new[] { "https://x.io/a.pdf", "https://x.io/b.pdf" },
                Attachments = new[] { File("Счёт.pdf", bytes) },
            }, OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("/api/cases/200,201/messages.json", sent.Uri.PathAndQuery);
            Assert.StartsWith("multipart/form-data", sent.ContentType);
            var parts = Multipart.Parse(sent.ContentType, sent.Body);
            Assert.Equal(new[]
            {
                "message[content]", "message[user_id]", "message[do_not_send_email]", "message[send_at]",
                "message[attachment_urls][]", "message[attachment_urls][]", "message[attachments][0]",
            }, parts.Select(p => p.Name));
            Assert.Equal("Docs are attached.", parts[0].Text);
            Assert.Equal("18772600", parts[1].Text);
            Assert.Equal("1", parts[2].Text);
            Assert.Equal("1900000000", parts[3].Text);
            Assert.Equal("https://x.io/b.pdf", parts[5].Text);
            Assert.Equal("Счёт.pdf", parts[6].FileName);
            Assert.Equal(bytes, parts[6].Data);
        }

        [Fact]
        public async Task Add_message_checks_its_arguments_before_sending()
        {
            var handler = new FakeHandler(_ => Http.Json(AddedMessage));
            using var client = TestSettings.Client(handler);

            await Assert.ThrowsAsync<ArgumentException>(() => client.AddMessagesAsync(new long[] { 1 },
                new OmnideskNewMessage { Content = "x", UserId = 1, StaffId = 2 }, OmnideskCallContext.None));
            await Assert.ThrowsAsync<ArgumentException>(() => client.AddMessagesAsync(Enumerable.Range(1, 11).Select(i => (long)i).ToArray(),
                new OmnideskNewMessage { Content = "x", StaffId = 2 }, OmnideskCallContext.None));
            await Assert.ThrowsAsync<ArgumentException>(() => client.AddMessagesAsync(new long[0],
                new OmnideskNewMessage { Content = "x", StaffId = 2 }, OmnideskCallContext.None));
            await Assert.ThrowsAsync<FileNotFoundException>(() => client.AddMessagesAsync(new long[] { 1 },
                new OmnideskNewMessage { Content = "x", StaffId = 2, Attachments = new[] { new OmnideskUpload(Path.Combine(_files.Path, "missing.txt"), "m.txt", 1) } },
                OmnideskCallContext.None));
            Assert.Equal(0, handler.Calls);
        }

        [Fact]
        public async Task Add_message_with_an_empty_answer_is_an_invalid_response()
        {
            var handler = new FakeHandler(_ => Http.Json(""));
            using var client = TestSettings.Client(handler);

            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.AddMessagesAsync(new long[] { 200 },
                new OmnideskNewMessage { Content = "x", StaffId = 1 }, OmnideskCallContext.None));
            Assert.Equal(OmnideskFailureKind.InvalidResponse, ex.Kind);
            Assert.Equal("POST", ex.Method);
            Assert.Equal("/api/cases/200/messages.json", ex.Path);
        }

        // ---------------------------------------------------------------- add a note

        [Fact]
        public async Task Add_note_posts_note_json_with_staff_id_and_reads_message_key()
        {
            var handler = new FakeHandler(_ => Http.Json(AddedNote, 201));
            using var client = TestSettings.Client(handler);

            var result = await client.AddNotesAsync(new long[] { 200 }, new OmnideskNewMessage
            {
                Content = "Docs are attached.",
                ContentHtml = "<b>Docs</b>",
                StaffId = 15789,
                AttachmentUrls = new[] { "https://abcompany.com/548899/contract.pdf" },
            }, OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("POST", sent.Method);
            Assert.Equal("/api/cases/200/note.json", sent.Uri.PathAndQuery);
            WriteTests.AssertJson("""
                {"note":{"content":"Docs are attached.","content_html":"<b>Docs</b>","staff_id":15789,
                  "attachment_urls":["https://abcompany.com/548899/contract.pdf"]}}
                """, sent);
            var note = Assert.Single(result.Messages);
            Assert.True(note.IsNote);
            Assert.Equal(200, note.CaseId);
            Assert.Equal(2002, note.MessageId);
            Assert.Equal(new long[] { 200 }, result.SucceededCaseIds);
        }

        [Fact]
        public async Task Add_note_with_files_posts_multipart_note_fields()
        {
            var handler = new FakeHandler(_ => Http.Json(AddedNote, 201));
            using var client = TestSettings.Client(handler);
            var a = new byte[] { 1, 2, 3 };
            var b = new byte[] { 4, 5 };

            await client.AddNotesAsync(new long[] { 200 }, new OmnideskNewMessage
            {
                Content = "Docs are attached.", StaffId = 15789, Attachments = new[] { File("a.bin", a), File("b.bin", b) },
            }, OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("/api/cases/200/note.json", sent.Uri.PathAndQuery);
            var parts = Multipart.Parse(sent.ContentType, sent.Body);
            Assert.Equal(new[] { "note[content]", "note[staff_id]", "note[attachments][0]", "note[attachments][1]" }, parts.Select(p => p.Name));
            Assert.Equal("15789", parts[1].Text);
            Assert.Equal(a, parts[2].Data);
            Assert.Equal("b.bin", parts[3].FileName);
            Assert.Equal(b, parts[3].Data);
        }

        [Fact]
        public async Task Add_note_to_several_cases_reads_case_success_id()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"case_success_id":[10,11]}"""));
            using var client = TestSettings.Client(handler);

            var result = await client.AddNotesAsync(new long[] { 10, 11, 12 }, new OmnideskNewMessage { Content = "n", StaffId = 1 },
                OmnideskCallContext.None);

            Assert.Equal("/api/cases/10,11,12/note.json", Assert.Single(handler.Sent).Uri.PathAndQuery);
            Assert.Equal(new long[] { 10, 11 }, result.SucceededCaseIds);
            Assert.Empty(result.Messages);
        }

        [Fact]
        public async Task Add_note_refuses_response_only_members()
        {
            var handler = new FakeHandler(_ => Http.Json(AddedNote));
            using var client = TestSettings.Client(handler);

            await Assert.ThrowsAsync<ArgumentException>(() => client.AddNotesAsync(new long[] { 1 },
                new OmnideskNewMessage { Content = "x", UserId = 3 }, OmnideskCallContext.None));
            await Assert.ThrowsAsync<ArgumentException>(() => client.AddNotesAsync(new long[] { 1 },
                new OmnideskNewMessage { Content = "x", DoNotSendEmail = true }, OmnideskCallContext.None));
            await Assert.ThrowsAsync<ArgumentException>(() => client.AddNotesAsync(new long[] { 1 },
                new OmnideskNewMessage { Content = "x", SendAt = DateTimeOffset.UtcNow }, OmnideskCallContext.None));
            Assert.Equal(0, handler.Calls);
        }

        // ---------------------------------------------------------------- edit, delete

        [Fact]
        public async Task Update_message_puts_message_json_and_sets_case_id()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"message":{"message_id":2001,"staff_id":123,"content":"Edited content","note":false}}"""));
            using var client = TestSettings.Client(handler);

            var message = await client.UpdateMessageAsync(200, 2001, "Edited content", null, OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("PUT", sent.Method);
            Assert.Equal("/api/cases/200/messages/2001.json", sent.Uri.PathAndQuery);
            WriteTests.AssertJson("""{"message":{"content":"Edited content"}}""", sent);
            Assert.Equal(200, message.CaseId);
            Assert.Equal("Edited content", message.Content);
        }

        [Fact]
        public async Task Update_note_puts_note_json_and_reads_the_message_key()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"message":{"message_id":2001,"staff_id":123,"content":"x","content_html":"<p>x</p>","note":true}}"""));
            using var client = TestSettings.Client(handler);

            var note = await client.UpdateNoteAsync(200, 2001, "x", "<p>x</p>", OmnideskCallContext.None);

            var sent = Assert.Single(handler.Sent);
            Assert.Equal("PUT", sent.Method);
            Assert.Equal("/api/cases/200/note/2001.json", sent.Uri.PathAndQuery);
            WriteTests.AssertJson("""{"note":{"content":"x","content_html":"<p>x</p>"}}""", sent);
            Assert.True(note.IsNote);
            Assert.Equal(200, note.CaseId);
            Assert.Equal("<p>x</p>", note.ContentHtml);
        }

        [Fact]
        public async Task Update_needs_some_content_and_positive_ids()
        {
            var handler = new FakeHandler(_ => Http.Json("{}"));
            using var client = TestSettings.Client(handler);
            await Assert.ThrowsAsync<ArgumentException>(() => client.UpdateMessageAsync(1, 2, null, null, OmnideskCallContext.None));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.UpdateNoteAsync(0, 2, "x", null, OmnideskCallContext.None));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.DeleteMessageAsync(1, -2, OmnideskCallContext.None));
            Assert.Equal(0, handler.Calls);
        }

        [Theory]
        [InlineData("")]
        [InlineData("[]")]
        [InlineData("OK")]
        public async Task Delete_message_and_note_send_delete_and_accept_any_2xx_body(string body)
        {
            var handler = new FakeHandler(_ => Http.Json(body));
            using var client = TestSettings.Client(handler);

            await client.DeleteMessageAsync(2000, 123456, OmnideskCallContext.None);
            await client.DeleteNoteAsync(2000, 123457, OmnideskCallContext.None);

            var sent = handler.Sent.ToArray();
            Assert.Equal(2, sent.Length);
            Assert.All(sent, s => Assert.Equal("DELETE", s.Method));
            Assert.Equal("/api/cases/2000/messages/123456.json", sent[0].Uri.PathAndQuery);
            Assert.Equal("/api/cases/2000/note/123457.json", sent[1].Uri.PathAndQuery);
        }

        [Fact]
        public async Task Delete_error_is_an_api_exception_with_the_error_code()
        {
            var handler = new FakeHandler(_ => Http.Json("""{"error":"message_not_found"}""", 404));
            using var client = TestSettings.Client(handler);

            var ex = await Assert.ThrowsAsync<OmnideskApiException>(() => client.DeleteNoteAsync(1, 2, OmnideskCallContext.None));
            Assert.Equal(404, ex.StatusCode);
            Assert.Equal("message_not_found", ex.ErrorCode);
            Assert.Equal("DELETE", ex.Method);
        }

        [Fact]
        public async Task Multipart_note_retried_after_503_sends_the_whole_body_again()
        {
            var handler = new FakeHandler(n => n == 1 ? Http.Status(503) : Http.Json(AddedNote, 201)) { DisposeContentAfterRead = true };
            using var client = TestSettings.Client(handler);
            var data = new byte[5000];
            new Random(9).NextBytes(data);

            await client.AddNotesAsync(new long[] { 200 }, new OmnideskNewMessage { Content = "n", StaffId = 1, Attachments = new[] { File("d.bin", data) } },
                OmnideskCallContext.None);

            var sent = handler.Sent.ToArray();
            Assert.Equal(2, sent.Length);
            foreach (var s in sent)
                Assert.Equal(data, Multipart.Parse(s.ContentType, s.Body).Single(p => p.Name == "note[attachments][0]").Data);
        }
    }
}

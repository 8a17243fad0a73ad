using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static Omnidesk.Emulator.Tests.WriteFixture;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>The message and note endpoints: list, add (single, bulk, multipart), edit, delete. Every test resets first.</summary>
    public class MessageTests : IClassFixture<WriteFixture>
    {
        const int MiB = 1024 * 1024;
        readonly WriteFixture _f;

        public MessageTests(WriteFixture f) => _f = f;

        async Task<List<JsonElement>> MessagesAsync(string key, string query = "")
        {
            var (status, body) = await _f.GetAsync($"api/cases/{key}/messages.json{query}");
            Assert.Equal(200, status);
            var items = EmulatorFixture.Items(body, "message");
            Assert.Equal(items.Count + 1, body.EnumerateObject().Count()); // the items and total_count, nothing else
            return items;
        }

        async Task<int> TotalAsync(string key)
        {
            var (_, body) = await _f.GetAsync($"api/cases/{key}/messages.json?limit=1");
            return body.GetProperty("total_count").GetInt32();
        }

        static long MessageId(JsonElement m) => m.GetProperty("message_id").GetInt64();

        async Task<(int Status, JsonElement Body)> PostFormAsync(string url, MultipartFormDataContent form)
        {
            using var r = await _f.Client.PostAsync(url, form);
            return ((int)r.StatusCode, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone());
        }

        // ---- list ----

        [Fact]
        public async Task List_SeededCase2000_EnvelopeShapeOrderAndPaging()
        {
            await _f.ResetAsync();
            var stored = _f.Store.FindCase("2000");
            var (status, body) = await _f.GetAsync("api/cases/2000/messages.json");
            Assert.Equal(200, status);
            Assert.Equal(stored.Messages.Count, body.GetProperty("total_count").GetInt32());
            var items = EmulatorFixture.Items(body, "message");
            Assert.Equal(stored.Messages.Select(m => m.MessageId), items.Select(MessageId));
            Assert.True(items.Count >= 2);

            var first = items[0];
            Assert.Equal(new[] { "message_id", "user_id", "staff_id", "content", "content_html", "attachments", "note", "sent_via_rule", "created_at", "sent_at" },
                first.EnumerateObject().Select(p => p.Name));
            Assert.Equal(500000, MessageId(first));
            Assert.Equal(stored.UserId, first.GetProperty("user_id").GetInt64());
            Assert.Equal(0, first.GetProperty("staff_id").GetInt64());
            var reply = items[1]; // the staff reply other tests rely on
            Assert.Equal(500001, MessageId(reply));
            Assert.Equal(0, reply.GetProperty("user_id").GetInt64());
            Assert.NotEqual(0, reply.GetProperty("staff_id").GetInt64());
            var dates = items.Select(m => EmulatorFixture.ParseDate(m.GetProperty("created_at").GetString())).ToList();
            Assert.Equal(dates.OrderBy(d => d), dates);

            // by case number too; desc reverses; paging
            Assert.Equal(items.Select(MessageId), (await MessagesAsync(stored.CaseNumber)).Select(MessageId));
            Assert.Equal(items.Select(MessageId).Reverse(), (await MessagesAsync("2000", "?order=desc")).Select(MessageId));
            Assert.Equal(items.Skip(1).Take(1).Select(MessageId), (await MessagesAsync("2000", "?limit=1&page=2")).Select(MessageId));
            Assert.Equal(items.Select(MessageId).Reverse().Take(1), (await MessagesAsync("2000", "?limit=1&order=DESC")).Select(MessageId));
            var (ps, past) = await _f.GetAsync("api/cases/2000/messages.json?page=50&limit=100");
            Assert.Equal(200, ps);
            Assert.Equal("{\"total_count\":" + items.Count + "}", past.GetRawText());
        }

        [Theory]
        [InlineData("?limit=0", "wrong_limit")]
        [InlineData("?limit=101", "wrong_limit")]
        [InlineData("?limit=x", "wrong_limit")]
        [InlineData("?page=0", "wrong_page")]
        [InlineData("?page=-1", "wrong_page")]
        [InlineData("?order=newest", "wrong_order")]
        public async Task List_BadParameters_400(string query, string error)
        {
            var (status, body) = await _f.GetAsync("api/cases/2000/messages.json" + query);
            Assert.Equal(400, status);
            Assert.Equal(error, Error(body));
        }

        [Fact]
        public async Task List_MissingCase_404_AndNotesAreIncluded()
        {
            await _f.ResetAsync();
            var (status, body) = await _f.GetAsync("api/cases/999999/messages.json");
            Assert.Equal(404, status);
            Assert.Equal("case_not_found", Error(body));
            var withNote = _f.Listable().First(c => c.Messages.Any(m => m.Note));
            var items = await MessagesAsync(withNote.CaseId.ToString());
            var note = items.Single(m => MessageId(m) == withNote.Messages.First(x => x.Note).MessageId);
            Assert.True(note.GetProperty("note").GetBoolean());
        }

        [Fact]
        public async Task List_WithoutPageAndLimit_IsTheLast100_InTheRequestedOrder()
        {
            await _f.ResetAsync();
            var c = _f.Store.FindCase("2010");
            int seeded = c.Messages.Count;
            var draft = new MessageDraft { StaffId = 22, Content = "bulk" };
            for (int i = 0; i < 105; i++) _f.Store.AddMessages(new[] { "2010" }, Array.Empty<long>(), draft);
            var all = _f.Store.FindCase("2010").Messages.Select(m => m.MessageId).ToList();
            Assert.Equal(seeded + 105, all.Count);

            var (_, body) = await _f.GetAsync("api/cases/2010/messages.json");
            Assert.Equal(all.Count, body.GetProperty("total_count").GetInt32());
            Assert.Equal(all.Skip(all.Count - 100), EmulatorFixture.Items(body, "message").Select(MessageId));
            Assert.Equal(Enumerable.Reverse(all).Take(100), (await MessagesAsync("2010", "?order=desc")).Select(MessageId));
            // with page or limit, pages count from the start of the order
            Assert.Equal(all.Take(100), (await MessagesAsync("2010", "?page=1")).Select(MessageId));
            Assert.Equal(all.Skip(100), (await MessagesAsync("2010", "?page=2&limit=100")).Select(MessageId));
            Assert.Equal(all.Take(10), (await MessagesAsync("2010", "?limit=10")).Select(MessageId));
        }

        // ---- add a response ----

        [Fact]
        public async Task Add_StaffResponse_201_UpdatesCase_Changelog_List_AndCostsTwo()
        {
            await _f.ResetAsync();
            var before = _f.Store.FindCase("2000");
            using var probe = await _f.Client.GetAsync("api/cases/2000.json");
            int left = int.Parse(probe.Headers.GetValues("api_calls_left").Single(), CultureInfo.InvariantCulture);

            using var request = new HttpRequestMessage(HttpMethod.Post, "api/cases/2000/messages.json")
            {
                Content = new StringContent("{\"message\":{\"content\":\"I need help\",\"staff_id\":22,\"do_not_send_email\":true}}", Encoding.UTF8, "application/json"),
            };
            using var r = await _f.Client.SendAsync(request);
            Assert.Equal(201, (int)r.StatusCode);
            Assert.Equal((left - 2).ToString(CultureInfo.InvariantCulture), r.Headers.GetValues("api_calls_left").Single());
            var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(new[] { "message" }, body.EnumerateObject().Select(p => p.Name));
            var m = body.GetProperty("message");
            long id = MessageId(m);
            Assert.True(id > before.Messages.Max(x => x.MessageId));
            Assert.Equal((0L, 22L, "I need help", "", false, false), (m.GetProperty("user_id").GetInt64(), m.GetProperty("staff_id").GetInt64(),
                m.GetProperty("content").GetString(), m.GetProperty("content_html").GetString(), m.GetProperty("note").GetBoolean(), m.GetProperty("sent_via_rule").GetBoolean()));
            Assert.Equal("[]", m.GetProperty("attachments").GetRawText());
            Assert.Equal(WriteFixture.Now, m.GetProperty("created_at").GetString());
            Assert.Equal(WriteFixture.Now, m.GetProperty("sent_at").GetString());

            var items = await MessagesAsync("2000");
            Assert.Equal(before.Messages.Count + 1, items.Count);
            Assert.Equal(m.GetRawText(), items[^1].GetRawText());
            var (_, view) = await _f.GetAsync("api/cases/2000.json");
            Assert.Equal(WriteFixture.Now, view.GetProperty("case").GetProperty("updated_at").GetString());
            Assert.Equal(WriteFixture.Now, view.GetProperty("case").GetProperty("last_response_at").GetString());
            var last = (await _f.ChangelogAsync("2000"))[^1];
            Assert.Equal(("staff_response", "staff_22", id.ToString(CultureInfo.InvariantCulture)),
                (last.GetProperty("event").GetString(), last.GetProperty("done_by").GetString(), last.GetProperty("value").GetString()));
        }

        [Fact]
        public async Task Add_UserResponse_ByCaseNumber_DoesNotTouchLastResponse()
        {
            await _f.ResetAsync();
            var before = _f.Listable().First(c => c.LastResponseAt.HasValue && c.Status != "closed");
            var (status, body) = await _f.SendAsync("POST", $"api/cases/{before.CaseNumber}/messages.json",
                "{\"message\":{\"user_id\":\"" + before.UserId + "\",\"content_html\":\"<p>Still broken</p>\",\"staff_id\":0}}");
            Assert.Equal(201, status);
            var m = body.GetProperty("message");
            Assert.Equal((before.UserId, 0L, "<p>Still broken</p>"), (m.GetProperty("user_id").GetInt64(), m.GetProperty("staff_id").GetInt64(), m.GetProperty("content_html").GetString()));
            var after = _f.Store.FindCase(before.CaseId.ToString());
            Assert.Equal(before.LastResponseAt, after.LastResponseAt);
            Assert.Equal(WriteFixture.Now, JsonOutput.FormatDate(after.UpdatedAt));
            var last = after.Changelog[^1];
            Assert.Equal(("user_response", "user_" + before.UserId), (last.Event, last.DoneBy));
        }

        [Theory]
        [InlineData("{\"message\":{\"content\":\"x\"}}", "user_or_staff_not_specified")]
        [InlineData("{\"message\":{\"content\":\"x\",\"user_id\":0,\"staff_id\":\"\"}}", "user_or_staff_not_specified")]
        [InlineData("{\"message\":{\"content\":\"x\",\"user_id\":123,\"staff_id\":15}}", "user_and_staff_specified")]
        [InlineData("{\"message\":{\"content\":\"x\",\"staff_id\":12345}}", "staff_not_found")]
        [InlineData("{\"message\":{\"content\":\"x\",\"staff_id\":\"abc\"}}", "staff_not_found")]
        [InlineData("{\"message\":{\"content\":\"x\",\"staff_id\":99}}", "staff_not_active")]
        [InlineData("{\"message\":{\"content\":\"x\",\"user_id\":1}}", "user_not_found")]
        [InlineData("{\"message\":{\"staff_id\":15,\"content\":\"  \",\"content_html\":\"\"}}", "content_not_specified")]
        [InlineData("{\"message\":{\"staff_id\":15,\"content\":\"x\",\"send_at\":\"tomorrow\"}}", "wrong_send_at")]
        [InlineData("{}", "user_or_staff_not_specified")]
        public async Task Add_InvalidBody_400_AddsNothing(string json, string error)
        {
            int before = _f.Store.FindCase("2000").Messages.Count;
            var (status, body) = await _f.SendAsync("POST", "api/cases/2000/messages.json", json);
            Assert.Equal(400, status);
            Assert.Equal(error, Error(body));
            Assert.Equal(before, _f.Store.FindCase("2000").Messages.Count);
        }

        [Fact]
        public async Task Add_MissingCase_404_Bulk_TooMany_AndBulkFailIds()
        {
            await _f.ResetAsync();
            var (s404, b404) = await _f.SendAsync("POST", "api/cases/999999/messages.json", "{\"message\":{\"staff_id\":15,\"content\":\"x\"}}");
            Assert.Equal((404, "case_not_found"), (s404, Error(b404)));

            string ids = string.Join(",", Enumerable.Range(2000, 11));
            var (s400, b400) = await _f.SendAsync("POST", $"api/cases/{ids}/messages.json", "{\"message\":{\"staff_id\":15,\"content\":\"x\"}}");
            Assert.Equal((400, "too_many_cases"), (s400, Error(b400)));

            int c1 = _f.Store.FindCase("2001").Messages.Count, c2 = _f.Store.FindCase("2002").Messages.Count, c3 = _f.Store.FindCase("2003").Messages.Count;
            await _f.SetConfigAsync("{\"bulk_fail_ids\":[2003]}");
            var (status, body) = await _f.SendAsync("POST", "api/cases/2002,999999,2001,2002,2003/messages.json", "{\"message\":{\"staff_id\":41,\"content\":\"Bulk answer\"}}");
            Assert.Equal(201, status);
            Assert.Equal(new long[] { 2002, 2001 }, SuccessIds(body));
            Assert.Equal(new[] { "case_success_id" }, body.EnumerateObject().Select(p => p.Name));
            var m1 = _f.Store.FindCase("2001").Messages;
            var m2 = _f.Store.FindCase("2002").Messages;
            Assert.Equal((c1 + 1, c2 + 1, c3), (m1.Count, m2.Count, _f.Store.FindCase("2003").Messages.Count));
            Assert.Equal(("Bulk answer", 41L), (m1[^1].Content, m1[^1].StaffId));
            Assert.NotEqual(m1[^1].MessageId, m2[^1].MessageId);

            var (s403, b403) = await _f.SendAsync("POST", "api/cases/2003/messages.json", "{\"message\":{\"staff_id\":15,\"content\":\"x\"}}");
            Assert.Equal((403, "staff_has_not_access"), (s403, Error(b403)));
            // a one-id bulk path is still bulk
            var (s1, b1) = await _f.SendAsync("POST", "api/cases/2003,/messages.json", "{\"message\":{\"staff_id\":15,\"content\":\"x\"}}");
            Assert.Equal(201, s1);
            Assert.Empty(SuccessIds(b1));
        }

        [Fact]
        public async Task Add_DelayedSend_SentAtIsSendAt()
        {
            await _f.ResetAsync();
            long now = EmulatorFixture.ParseDate(WriteFixture.Now).ToUnixTimeSeconds();
            var (status, body) = await _f.SendAsync("POST", "api/cases/2000/messages.json",
                "{\"message\":{\"staff_id\":15,\"content\":\"later\",\"send_at\":" + (now + 3600) + "}}");
            Assert.Equal(201, status);
            Assert.Equal(WriteFixture.Now, body.GetProperty("message").GetProperty("created_at").GetString());
            Assert.Equal("Wed, 01 Jul 2026 13:00:00 +0300", body.GetProperty("message").GetProperty("sent_at").GetString());
            // a send_at in the past (as a string) sends now
            var (s2, b2) = await _f.SendAsync("POST", "api/cases/2000/messages.json",
                "{\"message\":{\"staff_id\":15,\"content\":\"now\",\"send_at\":\"" + (now - 3600) + "\"}}");
            Assert.Equal(201, s2);
            Assert.Equal(WriteFixture.Now, b2.GetProperty("message").GetProperty("sent_at").GetString());
            var listed = (await MessagesAsync("2000"))[^2];
            Assert.Equal("Wed, 01 Jul 2026 13:00:00 +0300", listed.GetProperty("sent_at").GetString());
        }

        [Fact]
        public async Task Add_Multipart_WithFiles_UrlsOnTheEmulator_DownloadedWithoutAuth_AndLogged()
        {
            await _f.ResetAsync();
            var pdf = Enumerable.Range(0, 30_000).Select(i => (byte)(i * 13)).ToArray();
            using var form = new MultipartFormDataContent
            {
                { new StringContent("123"), "message[user_id]" },
                { new StringContent("Docs are attached."), "message[content]" },
                { File(pdf, "application/pdf"), "message[attachments][1]", "Договор 1.pdf" },
                { File(new byte[] { 1, 2, 3 }, null), "message[attachments][2]", "notes.txt" },
            };
            var (status, body) = await PostFormAsync("api/cases/2005/messages.json", form);
            Assert.Equal(201, status);
            var m = body.GetProperty("message");
            Assert.Equal(("Docs are attached.", 123L), (m.GetProperty("content").GetString(), m.GetProperty("user_id").GetInt64()));
            var atts = m.GetProperty("attachments").EnumerateArray().ToList();
            Assert.Equal(2, atts.Count);
            Assert.Equal(new[] { "file_id", "file_name", "file_size", "mime_type", "url" }, atts[0].EnumerateObject().Select(p => p.Name));
            long fileId = atts[0].GetProperty("file_id").GetInt64();
            Assert.Equal(("Договор 1.pdf", 30_000L, "application/pdf"), (atts[0].GetProperty("file_name").GetString(), atts[0].GetProperty("file_size").GetInt64(), atts[0].GetProperty("mime_type").GetString()));
            Assert.Equal(("notes.txt", 3L, "text/plain"), (atts[1].GetProperty("file_name").GetString(), atts[1].GetProperty("file_size").GetInt64(), atts[1].GetProperty("mime_type").GetString()));
            string url = atts[0].GetProperty("url").GetString();
            Assert.Equal($"{_f.Emulator.BaseUrl}/files/{fileId}/{Uri.EscapeDataString("Договор 1.pdf")}", url);

            await _f.Client.DeleteAsync("_emulator/requests");
            using var anonymous = new HttpClient();
            using (var r = await anonymous.GetAsync(url))
            {
                Assert.Equal(200, (int)r.StatusCode);
                Assert.Equal("application/pdf", r.Content.Headers.ContentType?.MediaType);
                Assert.Equal(30_000, r.Content.Headers.ContentLength);
                Assert.Equal("attachment; filename*=UTF-8''" + Uri.EscapeDataString("Договор 1.pdf"), r.Content.Headers.ContentDisposition?.ToString());
                Assert.Equal(pdf, await r.Content.ReadAsByteArrayAsync());
            }
            var (_, log) = await _f.GetAsync("_emulator/requests");
            var entry = Assert.Single(log.GetProperty("requests").EnumerateArray());
            Assert.Equal(("GET", Uri.UnescapeDataString(new Uri(url).AbsolutePath), 200), (entry.GetProperty("method").GetString(), entry.GetProperty("path").GetString(), entry.GetProperty("status").GetInt32()));

            // the message is listed with the same attachments
            Assert.Equal(m.GetRawText(), (await MessagesAsync("2005"))[^1].GetRawText());
            // deleting the message drops the file
            var (ds, _) = await _f.SendAsync("DELETE", $"api/cases/2005/messages/{MessageId(m)}.json");
            Assert.Equal(200, ds);
            using (var r = await anonymous.GetAsync(url)) Assert.Equal(404, (int)r.StatusCode);
        }

        [Fact]
        public async Task Add_Multipart_Limits_413()
        {
            await _f.ResetAsync();
            int before = _f.Store.FindCase("2000").Messages.Count;
            using (var form = new MultipartFormDataContent
            {
                { new StringContent("15"), "message[staff_id]" },
                { new StringContent("big"), "message[content]" },
                { File(new byte[25 * MiB + 1], "application/octet-stream"), "message[attachments][0]", "big.bin" },
            })
            {
                var (status, body) = await PostFormAsync("api/cases/2000/messages.json", form);
                Assert.Equal((413, "file_too_large"), (status, Error(body)));
            }
            using (var form = new MultipartFormDataContent
            {
                { new StringContent("15"), "note[staff_id]" },
                { new StringContent("big"), "note[content]" },
                { File(new byte[25 * MiB], "application/octet-stream"), "note[attachments][0]", "a.bin" },
                { File(new byte[25 * MiB], "application/octet-stream"), "note[attachments][1]", "b.bin" },
                { File(new byte[1024], "application/octet-stream"), "note[attachments][2]", "c.bin" },
            })
            {
                var (status, body) = await PostFormAsync("api/cases/2000/note.json", form);
                Assert.Equal((413, "files_too_large"), (status, Error(body)));
            }
            Assert.Equal(before, _f.Store.FindCase("2000").Messages.Count);
        }

        [Fact]
        public async Task Add_FaultedWrite_ChangesNothing()
        {
            await _f.ResetAsync();
            int before = _f.Store.FindCase("2000").Messages.Count;
            await _f.AddFaultsAsync("{\"status\":503,\"method\":\"POST\",\"path\":\"/api/cases/2000/messages\"}");
            var (status, body) = await _f.SendAsync("POST", "api/cases/2000/messages.json", "{\"message\":{\"staff_id\":15,\"content\":\"x\"}}");
            Assert.Equal((503, "service_unavailable"), (status, Error(body)));
            Assert.Equal(before, _f.Store.FindCase("2000").Messages.Count);
        }

        // ---- edit and delete ----

        [Fact]
        public async Task EditAndDeleteResponse_AndTheirErrors()
        {
            await _f.ResetAsync();
            var (s0, b0) = await _f.SendAsync("PUT", "api/cases/2000/messages/500001.json", "{\"message\":{\"content\":\"Edited content\"}}");
            Assert.Equal(200, s0);
            var m = b0.GetProperty("message");
            Assert.Equal((500001L, "Edited content", "", false), (MessageId(m), m.GetProperty("content").GetString(), m.GetProperty("content_html").GetString(), m.GetProperty("note").GetBoolean()));
            Assert.Equal(m.GetRawText(), (await MessagesAsync("2000"))[1].GetRawText());
            Assert.Equal("response_edited", _f.Store.FindCase("2000").Changelog[^1].Event);

            var (s1, b1) = await _f.SendAsync("PUT", "api/cases/2000/messages/500001.json", "{\"message\":{\"content_html\":\"<b>x</b>\"}}");
            Assert.Equal((200, "", "<b>x</b>"), (s1, b1.GetProperty("message").GetProperty("content").GetString(), b1.GetProperty("message").GetProperty("content_html").GetString()));
            var (s2, b2) = await _f.SendAsync("PUT", "api/cases/2000/messages/500001.json", "{\"message\":{}}");
            Assert.Equal((400, "content_not_specified"), (s2, Error(b2)));

            var other = _f.Store.FindCase("2001").Messages[0].MessageId;
            var (s3, b3) = await _f.SendAsync("PUT", $"api/cases/2000/messages/{other}.json", "{\"message\":{\"content\":\"x\"}}");
            Assert.Equal((404, "message_not_found"), (s3, Error(b3)));
            var (s4, b4) = await _f.SendAsync("PUT", "api/cases/999999/messages/500001.json", "{\"message\":{\"content\":\"x\"}}");
            Assert.Equal((404, "case_not_found"), (s4, Error(b4)));
            var noteCase = _f.Listable().First(c => c.Messages.Any(x => x.Note));
            long noteId = noteCase.Messages.First(x => x.Note).MessageId;
            var (s5, b5) = await _f.SendAsync("PUT", $"api/cases/{noteCase.CaseId}/messages/{noteId}.json", "{\"message\":{\"content\":\"x\"}}");
            Assert.Equal((400, "message_is_note"), (s5, Error(b5)));
            var (s6, b6) = await _f.SendAsync("DELETE", $"api/cases/{noteCase.CaseId}/messages/{noteId}.json");
            Assert.Equal((400, "message_is_note"), (s6, Error(b6)));

            int total = await TotalAsync("2000");
            using (var r = await _f.Client.DeleteAsync("api/cases/2000/messages/500001.json"))
            {
                Assert.Equal(200, (int)r.StatusCode);
                Assert.Equal("[]", await r.Content.ReadAsStringAsync());
            }
            Assert.Equal(total - 1, await TotalAsync("2000"));
            Assert.DoesNotContain(500001, (await MessagesAsync("2000")).Select(MessageId));
            var (s7, b7) = await _f.SendAsync("DELETE", "api/cases/2000/messages/500001.json");
            Assert.Equal((404, "message_not_found"), (s7, Error(b7)));
        }

        // ---- notes ----

        [Fact]
        public async Task Notes_AddEditDelete_DefaultAuthor_Wrappers_Bulk_AndErrors()
        {
            await _f.ResetAsync();
            var before = _f.Store.FindCase("2000");
            var (s0, b0) = await _f.SendAsync("POST", "api/cases/2000/note.json", "{\"note\":{\"content\":\"Internal remark\"}}");
            Assert.Equal(201, s0);
            var n = b0.GetProperty("message");
            Assert.Equal((0L, 15L, true, "Internal remark"), (n.GetProperty("user_id").GetInt64(), n.GetProperty("staff_id").GetInt64(), n.GetProperty("note").GetBoolean(), n.GetProperty("content").GetString()));
            long noteId = MessageId(n);
            var after = _f.Store.FindCase("2000");
            Assert.Equal(before.LastResponseAt, after.LastResponseAt); // a note is not a response
            Assert.Equal(("note", "staff_15"), (after.Changelog[^1].Event, after.Changelog[^1].DoneBy));
            Assert.True((await MessagesAsync("2000"))[^1].GetProperty("note").GetBoolean());

            // note_staff_id, and the "message" wrapper of the docs' curl
            var (s1, b1) = await _f.SendAsync("POST", "api/cases/2000/note.json", "{\"message\":{\"content\":\"by Anna\",\"note_staff_id\":22}}");
            Assert.Equal((201, 22L), (s1, b1.GetProperty("message").GetProperty("staff_id").GetInt64()));
            var (s2, b2) = await _f.SendAsync("POST", "api/cases/2000/note.json", "{\"note\":{\"content\":\"x\",\"staff_id\":99}}");
            Assert.Equal((400, "staff_not_active"), (s2, Error(b2)));
            var (s3, b3) = await _f.SendAsync("POST", "api/cases/2000/note.json", "{\"note\":{\"content\":\"x\",\"staff_id\":4242}}");
            Assert.Equal((400, "staff_not_found"), (s3, Error(b3)));
            var (s4, b4) = await _f.SendAsync("POST", "api/cases/2000/note.json", "{\"note\":{\"staff_id\":22}}");
            Assert.Equal((400, "content_not_specified"), (s4, Error(b4)));
            var (s5, b5) = await _f.SendAsync("POST", "api/cases/2001,2002,999999/note.json", "{\"note\":{\"content_html\":\"<p>bulk</p>\"}}");
            Assert.Equal(201, s5);
            Assert.Equal(new long[] { 2001, 2002 }, SuccessIds(b5));
            Assert.True(_f.Store.FindCase("2002").Messages[^1].Note);

            // edit: "note" or "message" wrapper; a response is not a note
            var (s6, b6) = await _f.SendAsync("PUT", $"api/cases/2000/note/{noteId}.json", "{\"note\":{\"content\":\"Edited note\"}}");
            Assert.Equal((200, "Edited note", true), (s6, b6.GetProperty("message").GetProperty("content").GetString(), b6.GetProperty("message").GetProperty("note").GetBoolean()));
            var (s7, b7) = await _f.SendAsync("PUT", $"api/cases/2000/note/{noteId}.json", "{\"message\":{\"content\":\"Edited again\"}}");
            Assert.Equal((200, "Edited again"), (s7, b7.GetProperty("message").GetProperty("content").GetString()));
            var (s8, b8) = await _f.SendAsync("PUT", "api/cases/2000/note/500001.json", "{\"note\":{\"content\":\"x\"}}");
            Assert.Equal((400, "message_is_not_note"), (s8, Error(b8)));
            var (s9, b9) = await _f.SendAsync("DELETE", "api/cases/2000/note/500001.json");
            Assert.Equal((400, "message_is_not_note"), (s9, Error(b9)));
            var (s10, b10) = await _f.SendAsync("PUT", "api/cases/2000/note/123.json", "{\"note\":{\"content\":\"x\"}}");
            Assert.Equal((404, "message_not_found"), (s10, Error(b10)));

            var (sd, bd) = await _f.SendAsync("DELETE", $"api/cases/2000/note/{noteId}.json");
            Assert.Equal((200, "[]"), (sd, bd.GetRawText()));
            Assert.DoesNotContain(noteId, (await MessagesAsync("2000")).Select(MessageId));
            Assert.Equal("note_deleted", _f.Store.FindCase("2000").Changelog[^1].Event);
        }

        [Fact]
        public async Task Notes_Multipart_WithAttachmentUrls()
        {
            await _f.ResetAsync();
            using var form = new MultipartFormDataContent
            {
                { new StringContent("57"), "note[staff_id]" },
                { new StringContent("Docs are attached."), "note[content]" },
                { new StringContent("https://abcompany.com/548899/contract.pdf"), "note[attachment_urls][0]" },
                { File(new byte[] { 9, 8, 7, 6 }, "image/png"), "note[attachments][0]", "shot.png" },
            };
            var (status, body) = await PostFormAsync("api/cases/2000/note.json", form);
            Assert.Equal(201, status);
            var m = body.GetProperty("message");
            Assert.Equal((57L, true), (m.GetProperty("staff_id").GetInt64(), m.GetProperty("note").GetBoolean()));
            var atts = m.GetProperty("attachments").EnumerateArray().ToList();
            Assert.Equal(new[] { "shot.png", "contract.pdf" }, atts.Select(a => a.GetProperty("file_name").GetString()));
            Assert.Equal(new long[] { 4, 0 }, atts.Select(a => a.GetProperty("file_size").GetInt64()));
            // an attachment_urls file is served with its size: empty
            using var anonymous = new HttpClient();
            using var r = await anonymous.GetAsync(atts[1].GetProperty("url").GetString());
            Assert.Equal(200, (int)r.StatusCode);
            Assert.Empty(await r.Content.ReadAsByteArrayAsync());
        }

        // ---- files ----

        /// <summary>The documented pattern, computed here independently of the emulator's code.</summary>
        static byte[] Expected(long fileId, int size)
        {
            var bytes = new byte[size];
            for (int i = 0; i < size; i++) bytes[i] = (byte)((fileId * 131 + (long)i * 7) % 251);
            return bytes;
        }

        [Fact]
        public async Task SeededFiles_ExactBytes_OldNeedsAuth_NewDoesNot_UrlsUseTheRequestHost()
        {
            await _f.ResetAsync();
            // old: case 2001, message 500008 (Nov 2025), file 9000; new: case 2004, message 500014 (20 Jun 2026), file 9003
            var oldAtt = (await MessagesAsync("2001")).Single(m => MessageId(m) == 500008).GetProperty("attachments")[0];
            Assert.Equal((9000L, "screenshot-9000.png", 482123L, "image/png"), (oldAtt.GetProperty("file_id").GetInt64(),
                oldAtt.GetProperty("file_name").GetString(), oldAtt.GetProperty("file_size").GetInt64(), oldAtt.GetProperty("mime_type").GetString()));
            string oldUrl = oldAtt.GetProperty("url").GetString();
            Assert.Equal($"{_f.Emulator.BaseUrl}/files/9000/screenshot-9000.png", oldUrl);

            using var anonymous = new HttpClient();
            using (var r = await anonymous.GetAsync(oldUrl))
            {
                Assert.Equal(401, (int)r.StatusCode);
                Assert.Equal("{\"error\":\"wrong_api_key\"}", await r.Content.ReadAsStringAsync());
            }
            using (var bad = new HttpRequestMessage(HttpMethod.Get, oldUrl))
            {
                bad.Headers.Authorization = EmulatorFixture.Basic(EmulatorFixture.DemoEmail, "wrong");
                using var r = await anonymous.SendAsync(bad);
                Assert.Equal(401, (int)r.StatusCode);
            }
            using (var r = await _f.Client.GetAsync(oldUrl))
            {
                Assert.Equal(200, (int)r.StatusCode);
                Assert.Equal("image/png", r.Content.Headers.ContentType?.ToString());
                Assert.Equal(482123, r.Content.Headers.ContentLength);
                Assert.Equal("attachment; filename*=UTF-8''screenshot-9000.png", r.Content.Headers.ContentDisposition?.ToString());
                var bytes = await r.Content.ReadAsByteArrayAsync();
                Assert.Equal(482123, bytes.Length);
                Assert.True(Expected(9000, 482123).SequenceEqual(bytes));
            }

            var newAtt = (await MessagesAsync("2004")).Single(m => MessageId(m) == 500014).GetProperty("attachments")[0];
            long size = newAtt.GetProperty("file_size").GetInt64();
            using (var r = await anonymous.GetAsync(newAtt.GetProperty("url").GetString()))
            {
                Assert.Equal(200, (int)r.StatusCode);
                Assert.Equal("application/pdf", r.Content.Headers.ContentType?.ToString());
                var bytes = await r.Content.ReadAsByteArrayAsync();
                Assert.True(Expected(9003, (int)size).SequenceEqual(bytes));
            }
            using (var head = new HttpRequestMessage(HttpMethod.Head, newAtt.GetProperty("url").GetString()))
            using (var r = await anonymous.SendAsync(head))
                Assert.Equal((200, size), ((int)r.StatusCode, r.Content.Headers.ContentLength ?? -1));

            using (var r = await anonymous.GetAsync($"{_f.Emulator.BaseUrl}/files/9003/other.pdf")) Assert.Equal(404, (int)r.StatusCode);
            using (var r = await anonymous.GetAsync($"{_f.Emulator.BaseUrl}/files/8999999/x.pdf")) Assert.Equal(404, (int)r.StatusCode);

            // the URL follows the host the client used
            using var viaLocalhost = new HttpRequestMessage(HttpMethod.Get, "api/cases/2001/messages.json");
            viaLocalhost.Headers.Host = "localhost:" + _f.Emulator.BaseUri.Port;
            using var lr = await _f.Client.SendAsync(viaLocalhost);
            Assert.Contains($"\"http://localhost:{_f.Emulator.BaseUri.Port}/files/9000/screenshot-9000.png\"", await lr.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task Files_Logged_NotRateLimited_AndScriptedFaultsWithAFilesPath()
        {
            await _f.ResetAsync();
            string url = $"{_f.Emulator.BaseUrl}/files/9003/invoice-9003.pdf";
            using var anonymous = new HttpClient();
            async Task<int> LeftAsync()
            {
                using var r = await _f.Client.GetAsync("api/cases/2000.json");
                return int.Parse(r.Headers.GetValues("api_calls_left").Single(), CultureInfo.InvariantCulture);
            }
            int left = await LeftAsync();
            await _f.Client.DeleteAsync("_emulator/requests");

            await _f.AddFaultsAsync("[{\"status\":503},{\"status\":502,\"path\":\"/files/\",\"retry_after\":2}]");
            using (var r = await anonymous.GetAsync(url))
            {
                Assert.Equal(502, (int)r.StatusCode);
                Assert.Equal("2", r.Headers.GetValues("retry_after").Single());
                Assert.Equal("{\"error\":\"bad_gateway\"}", await r.Content.ReadAsStringAsync());
            }
            using (var r = await anonymous.GetAsync(url)) Assert.Equal(200, (int)r.StatusCode); // the pathless fault waits for /api
            var (_, pending) = await _f.GetAsync("_emulator/faults");
            Assert.Equal(1, pending.GetProperty("count").GetInt32());
            await _f.Client.DeleteAsync("_emulator/faults");
            Assert.Equal(left - 1, await LeftAsync()); // the downloads cost nothing

            var (_, log) = await _f.GetAsync("_emulator/requests");
            var entries = log.GetProperty("requests").EnumerateArray()
                .Select(e => (e.GetProperty("method").GetString(), e.GetProperty("path").GetString(), e.GetProperty("status").GetInt32())).ToList();
            Assert.Equal(new[] { ("GET", "/files/9003/invoice-9003.pdf", 502), ("GET", "/files/9003/invoice-9003.pdf", 200), ("GET", "/api/cases/2000.json", 200) }, entries);
        }

        [Fact]
        public async Task InactiveStaff_CannotLogIn()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/cases/2000.json");
            request.Headers.Authorization = EmulatorFixture.Basic("former.agent@omnidesk.test", "former-api-key");
            using var r = await _f.Client.SendAsync(request);
            Assert.Equal(403, (int)r.StatusCode);
            Assert.Equal("{\"error\":\"staff_not_active\"}", await r.Content.ReadAsStringAsync());
        }
    }
}

using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static Omnidesk.Emulator.Tests.WriteFixture;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>POST /api/cases.json: JSON and multipart, attachments and their limits. Every test resets first.</summary>
    public class CaseCreateTests : IClassFixture<WriteFixture>
    {
        const int MiB = 1024 * 1024;
        readonly WriteFixture _f;

        public CaseCreateTests(WriteFixture f) => _f = f;

        [Fact]
        public async Task Json_Creates_201_WithDefaults_ReusesUser_AndIsListedAndViewable()
        {
            await _f.ResetAsync();
            var existing = _f.Store.Users[4];
            int before = await _f.TotalAsync();
            string json = "{\"case\":{\"user_email\":\"" + existing.Email.ToUpperInvariant() + "\",\"user_full_name\":\"X\",\"subject\":\"I need help\"," +
                          "\"content\":\"Please help\",\"language_id\":2,\"custom_fields\":{\"cf_25\":\"Order #1\",\"cf_30\":\"2\",\"cf_44\":true}," +
                          "\"labels\":[102,101],\"attachment_urls\":[\"https://abcompany.com/548899/contract.pdf?x=1\"]}}";
            var (status, body) = await _f.SendAsync("POST", "api/cases.json", json);
            Assert.Equal(201, status);
            Assert.Equal(new[] { "case" }, body.EnumerateObject().Select(p => p.Name));
            var c = body.GetProperty("case");
            Assert.Equal(2300, c.GetProperty("case_id").GetInt64());
            Assert.Matches(@"^\d{3}-\d{6}$", c.GetProperty("case_number").GetString());
            Assert.Equal(existing.UserId, c.GetProperty("user_id").GetInt64());
            Assert.Equal("I need help", c.GetProperty("subject").GetString());
            Assert.Equal("open", c.GetProperty("status").GetString());
            Assert.Equal("normal", c.GetProperty("priority").GetString());
            Assert.Equal("email", c.GetProperty("channel").GetString());
            Assert.Equal(0, c.GetProperty("staff_id").GetInt64());
            Assert.Equal(44, c.GetProperty("group_id").GetInt64());
            Assert.Equal(2, c.GetProperty("language_id").GetInt64());
            Assert.Equal(WriteFixture.Now, c.GetProperty("created_at").GetString());
            Assert.Equal(WriteFixture.Now, c.GetProperty("updated_at").GetString());
            Assert.Equal("-", c.GetProperty("closed_at").GetString());
            Assert.False(c.GetProperty("deleted").GetBoolean());
            Assert.Equal("{\"cf_25\":\"Order #1\",\"cf_30\":\"Technical\",\"cf_44\":true}", c.GetProperty("custom_fields").GetRawText());
            Assert.Equal("[101,102]", c.GetProperty("labels").GetRawText());

            var stored = _f.Store.FindCase("2300");
            var m = Assert.Single(stored.Messages);
            Assert.Equal("Please help", m.Content);
            Assert.Equal(existing.UserId, m.UserId);
            var a = Assert.Single(m.Attachments);
            Assert.Equal("contract.pdf", a.FileName);
            Assert.Equal("application/pdf", a.MimeType);
            Assert.EndsWith($"/files/{a.FileId}/contract.pdf", a.Url);

            Assert.Equal(before + 1, await _f.TotalAsync());
            var (_, list) = await _f.GetAsync("api/cases.json?limit=1"); // newest update first
            Assert.Equal(2300, Id(EmulatorFixture.Items(list)[0]));
            var (vs, view) = await _f.GetAsync($"api/cases/{c.GetProperty("case_number").GetString()}.json");
            Assert.Equal(200, vs);
            Assert.Equal(c.GetRawText(), view.GetProperty("case").GetRawText());

            // a second case: a new e-mail makes a new user, the case gets the next id and another number
            var (s2, b2) = await _f.SendAsync("POST", "api/cases.json", "{\"case\":{\"user_email\":\"new.person@example.com\",\"subject\":\"Hi\",\"content_html\":\"<p>x</p>\"}}");
            Assert.Equal(201, s2);
            var c2 = b2.GetProperty("case");
            Assert.Equal(2301, c2.GetProperty("case_id").GetInt64());
            Assert.NotEqual(c.GetProperty("case_number").GetString(), c2.GetProperty("case_number").GetString());
            Assert.DoesNotContain(_f.Store.Users.Take(30), u => u.UserId == c2.GetProperty("user_id").GetInt64());
            var newUser = _f.Store.UsersById[c2.GetProperty("user_id").GetInt64()];
            Assert.Equal("new.person@example.com", newUser.Email);
            Assert.Equal(1, c2.GetProperty("language_id").GetInt64());
        }

        static long Id(JsonElement c) => c.GetProperty("case_id").GetInt64();

        [Fact]
        public async Task PhoneAndCustomChannelUsers()
        {
            await _f.ResetAsync();
            var user = _f.Store.Users[3];
            var (s1, b1) = await _f.SendAsync("POST", "api/cases.json", "{\"case\":{\"user_phone\":\"" + user.Phone + "\",\"subject\":\"Call me\",\"content\":\"x\"}}");
            Assert.Equal(201, s1);
            Assert.Equal(user.UserId, b1.GetProperty("case").GetProperty("user_id").GetInt64());
            Assert.Equal("web", b1.GetProperty("case").GetProperty("channel").GetString());

            var (s2, b2) = await _f.SendAsync("POST", "api/cases.json", "{\"case\":{\"user_custom_id\":\"ext-1000\",\"channel\":\"cch101\",\"subject\":\"Bot\",\"content\":\"x\"}}");
            Assert.Equal(201, s2);
            Assert.Equal("cch101", b2.GetProperty("case").GetProperty("channel").GetString());
            Assert.Equal(_f.Store.Users[0].UserId, b2.GetProperty("case").GetProperty("user_id").GetInt64());

            var (s3, b3) = await _f.SendAsync("POST", "api/cases.json", "{\"case\":{\"user_custom_id\":\"ext-1000\",\"subject\":\"Bot\",\"content\":\"x\"}}");
            Assert.Equal(400, s3);
            Assert.Equal("user_not_specified", Error(b3));
        }

        [Theory]
        [InlineData("{\"case\":{\"subject\":\"s\",\"content\":\"c\"}}", "user_not_specified")]
        [InlineData("{}", "user_not_specified")]
        [InlineData("{\"case\":{\"user_email\":\"not-an-email\",\"subject\":\"s\",\"content\":\"c\"}}", "incorrect_user_email")]
        [InlineData("{\"case\":{\"user_email\":\"a@b.com\",\"content\":\"c\"}}", "subject_not_specified")]
        [InlineData("{\"case\":{\"user_email\":\"a@b.com\",\"subject\":\"  \",\"content\":\"c\"}}", "subject_not_specified")]
        [InlineData("{\"case\":{\"user_email\":\"a@b.com\",\"subject\":\"s\"}}", "content_not_specified")]
        [InlineData("{\"case\":{\"user_email\":\"a@b.com\",\"subject\":\"s\",\"content\":\"c\",\"custom_fields\":{\"cf_99\":\"x\"}}}", "custom_field_not_found")]
        [InlineData("{\"case\":{\"user_email\":\"a@b.com\",\"subject\":\"s\",\"content\":\"c\",\"custom_fields\":{\"cf_30\":\"Nope\"}}}", "wrong_custom_fields")]
        [InlineData("{\"case\":{\"user_email\":\"a@b.com\",\"subject\":\"s\",\"content\":\"c\",\"labels\":[999]}}", "label_not_found")]
        [InlineData("{\"case\":{\"user_email\":\"a@b.com\",\"subject\":\"s\",\"content\":\"c\",\"language_id\":7}}", "wrong_language_id")]
        [InlineData("{\"case\":", "invalid_json")]
        public async Task Json_Errors_400_AndNothingCreated(string json, string code)
        {
            await _f.ResetAsync();
            int count = _f.Store.CaseCount, users = _f.Store.Users.Count;
            var (status, body) = await _f.SendAsync("POST", "api/cases.json", json);
            Assert.Equal(400, status);
            Assert.Equal(code, Error(body));
            Assert.Equal(count, _f.Store.CaseCount);
            Assert.Equal(users, _f.Store.Users.Count);
        }

        [Fact]
        public async Task Multipart_TwoFiles_FieldsCustomFieldsLabels_BytesStoredAndServed()
        {
            await _f.ResetAsync();
            var pdf = Enumerable.Range(0, 40_000).Select(i => (byte)(i * 7)).ToArray();
            var png = Encoding.ASCII.GetBytes("\u0089PNG fake image bytes");
            using var form = new MultipartFormDataContent
            {
                { new StringContent("alex@abcompany.com"), "case[user_email]" },
                { new StringContent("Alex"), "case[user_full_name]" },
                { new StringContent("Contract and invoice"), "case[subject]" },
                { new StringContent("Dear Team, docs are attached."), "case[content]" },
                { new StringContent("2"), "case[language_id]" },
                { new StringContent("Invoice 7"), "case[custom_fields][cf_25]" },
                { new StringContent("Sales"), "case[custom_fields][cf_30][]" },
                { new StringContent("1"), "case[custom_fields][cf_44]" },
                { new StringContent("103"), "case[labels][]" },
                { new StringContent("105"), "case[labels][]" },
                { WriteFixture.File(pdf, null), "case[attachments][0]", "Contract.pdf" },
                { WriteFixture.File(png, "image/png"), "case[attachments][7]", "shot.png" },
            };
            var (status, body) = await _f.SendFormAsync(form);
            Assert.Equal(201, status);
            var c = body.GetProperty("case");
            Assert.Equal("Contract and invoice", c.GetProperty("subject").GetString());
            Assert.Equal(2, c.GetProperty("language_id").GetInt64());
            Assert.Equal("{\"cf_25\":\"Invoice 7\",\"cf_30\":\"Sales\",\"cf_44\":true}", c.GetProperty("custom_fields").GetRawText());
            Assert.Equal("[103,105]", c.GetProperty("labels").GetRawText());
            Assert.Equal("Alex", _f.Store.UsersById[c.GetProperty("user_id").GetInt64()].FullName);

            var m = Assert.Single(_f.Store.FindCase(c.GetProperty("case_id").GetInt64().ToString()).Messages);
            Assert.Equal("Dear Team, docs are attached.", m.Content);
            Assert.Equal(2, m.Attachments.Count);
            var (a1, a2) = (m.Attachments[0], m.Attachments[1]);
            Assert.Equal(("Contract.pdf", 40_000L, "application/pdf"), (a1.FileName, a1.FileSize, a1.MimeType));
            Assert.Equal(("shot.png", (long)png.Length, "image/png"), (a2.FileName, a2.FileSize, a2.MimeType));
            Assert.Equal(a1.FileId + 1, a2.FileId);
            // stored relative; the JSON carries the emulator's own address
            Assert.Equal($"/files/{a1.FileId}/Contract.pdf", a1.Url);
            Assert.Equal(pdf, _f.Store.FindFile(a1.FileId).Bytes);
            var (ls, list) = await _f.GetAsync($"api/cases/{c.GetProperty("case_id").GetInt64()}/messages.json");
            Assert.Equal(200, ls);
            string url = EmulatorFixture.Items(list, "message")[0].GetProperty("attachments")[0].GetProperty("url").GetString();
            Assert.Equal($"{_f.Emulator.BaseUrl}/files/{a1.FileId}/Contract.pdf", url);

            // served back at their URLs, without auth
            using var anonymous = new HttpClient();
            using (var r = await anonymous.GetAsync(url))
            {
                Assert.Equal(200, (int)r.StatusCode);
                Assert.Equal("application/pdf", r.Content.Headers.ContentType?.MediaType);
                Assert.Equal(pdf, await r.Content.ReadAsByteArrayAsync());
            }
            using (var r = await anonymous.GetAsync($"{_f.Emulator.BaseUrl}/files/{a1.FileId}/other.pdf"))
                Assert.Equal(404, (int)r.StatusCode);
        }

        [Fact]
        public async Task Multipart_MissingSubject_IsTheSameErrorAsJson()
        {
            await _f.ResetAsync();
            using var form = new MultipartFormDataContent
            {
                { new StringContent("alex@abcompany.com"), "case[user_email]" },
                { new StringContent("x"), "case[content]" },
            };
            var (status, body) = await _f.SendFormAsync(form);
            Assert.Equal(400, status);
            Assert.Equal("subject_not_specified", Error(body));
        }

        static MultipartFormDataContent FormWithFiles(params int[] sizes)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent("big@example.com"), "case[user_email]" },
                { new StringContent("Big files"), "case[subject]" },
                { new StringContent("see attached"), "case[content]" },
            };
            for (int i = 0; i < sizes.Length; i++)
                form.Add(WriteFixture.File(new byte[sizes[i]], "application/octet-stream"), $"case[attachments][{i + 1}]", $"f{i + 1}.bin");
            return form;
        }

        [Fact]
        public async Task FileOver25MB_Is413_FileTooLarge_AndNothingCreated()
        {
            await _f.ResetAsync();
            int count = _f.Store.CaseCount, users = _f.Store.Users.Count, total = await _f.TotalAsync();
            using var form = FormWithFiles(1000, 26 * MiB);
            var (status, body) = await _f.SendFormAsync(form);
            Assert.Equal(413, status);
            Assert.Equal("{\"error\":\"file_too_large\"}", body.GetRawText());
            Assert.Equal(count, _f.Store.CaseCount);
            Assert.Equal(users, _f.Store.Users.Count);
            Assert.Equal(total, await _f.TotalAsync());
        }

        [Fact]
        public async Task Exactly50MB_IsAccepted_MoreIs413_FilesTooLarge()
        {
            await _f.ResetAsync();
            int count = _f.Store.CaseCount;
            using (var over = FormWithFiles(25 * MiB, 24 * MiB, 2 * MiB))
            {
                var (status, body) = await _f.SendFormAsync(over);
                Assert.Equal(413, status);
                Assert.Equal("files_too_large", Error(body));
                Assert.Equal(count, _f.Store.CaseCount);
            }
            using (var ok = FormWithFiles(25 * MiB, 25 * MiB))
            {
                var (status, body) = await _f.SendFormAsync(ok);
                Assert.Equal(201, status);
                var m = _f.Store.FindCase(body.GetProperty("case").GetProperty("case_id").GetInt64().ToString()).Messages[0];
                Assert.Equal(new long[] { 25 * MiB, 25 * MiB }, m.Attachments.Select(a => a.FileSize));
            }
        }

        [Fact]
        public async Task BodyOverTheServerLimit_Is413_Cleanly()
        {
            await _f.ResetAsync();
            int count = _f.Store.CaseCount;
            using var form = FormWithFiles(20 * MiB, 20 * MiB, 20 * MiB);
            var (status, body) = await _f.SendFormAsync(form);
            Assert.Equal(413, status);
            Assert.Equal("files_too_large", Error(body));
            Assert.Equal(count, _f.Store.CaseCount);
            // the server is fine afterwards
            Assert.Equal(200, (await _f.GetAsync("api/cases/2000.json")).Status);
        }
    }
}

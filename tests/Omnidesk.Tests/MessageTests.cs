using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using Omnidesk.Tests.Infrastructure;
using Xunit;

namespace Omnidesk.Tests
{
    public sealed class MessageTests : IClassFixture<EmulatorFixture>, IDisposable
    {
        private readonly EmulatorFixture _emulator;
        private readonly string _tempDir = Directory.CreateTempSubdirectory("omnidesk-messages-").FullName;

        public MessageTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
            _emulator.Reset();
        }

        public void Dispose() => Directory.Delete(_tempDir, true);

        private PsResult Run(string script, TestHost host = null) =>
            Ps.Run(Ps.Connect + "$null = $null\n" + script, Ps.DemoVariables(_emulator), host);

        private List<EmulatorRequest> RequestsAfterConnect() =>
            _emulator.Requests().Where(r => r.Path != "/api/filters.json").ToList();

        private List<long> RawMessageIds(long caseId, string order = "asc")
        {
            using var doc = _emulator.ApiGet($"api/cases/{caseId}/messages.json?order={order}&limit=100&page=1");
            return doc.RootElement.EnumerateObject().Where(p => p.Name != "total_count")
                .Select(p => p.Value.GetProperty("message").GetProperty("message_id").GetInt64()).ToList();
        }

        private string NewFile(string name, int size)
        {
            var path = Path.Combine(_tempDir, name);
            File.WriteAllBytes(path, Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray());
            return path;
        }

        [Fact]
        public void A_case_pipes_into_Get_OmnideskMessage_in_the_servers_order_with_paging()
        {
            var expected = RawMessageIds(2000);
            Assert.True(expected.Count >= 2);

            var messages = Run("Get-OmnideskCase -CaseId 2000 | Get-OmnideskMessage").AssertNoErrors().Objects<OmnideskMessage>();
            Assert.Equal(expected, messages.Select(m => m.MessageId));
            Assert.All(messages, m => Assert.Equal(2000, m.CaseId));
            Assert.All(messages, m => Assert.True(m.UserId.HasValue ^ m.StaffId.HasValue, "a message has one author"));

            var newest = Run("Get-OmnideskMessage -CaseId 2000 -Order desc").AssertNoErrors().Objects<OmnideskMessage>();
            Assert.Equal(RawMessageIds(2000, "desc"), newest.Select(m => m.MessageId));

            var number = Run("Get-OmnideskCase -CaseId 2000").Objects<OmnideskCase>()[0].CaseNumber;
            var page = Run($"Get-OmnideskMessage -CaseNumber {number} -Skip 1 -First 1 -IncludeTotalCount").AssertNoErrors();
            Assert.Equal((ulong)expected.Count, page.Output[0].BaseObject);
            Assert.Equal(expected[1], Assert.Single(page.Objects<OmnideskMessage>()).MessageId);
        }

        [Fact]
        public void New_OmnideskMessage_answers_piped_cases_in_one_bulk_request_and_writes_the_new_messages()
        {
            var ids = _emulator.ApiCaseIds("status=open").Take(3).ToList();
            _emulator.ClearRequests();

            var result = Run($"Get-OmnideskCase -CaseId {string.Join(",", ids)} | New-OmnideskMessage -StaffId 22 -Content 'We are on it'").AssertNoErrors();

            var messages = result.Objects<OmnideskMessage>();
            Assert.Equal(ids, messages.Select(m => m.CaseId));
            Assert.All(messages, m => Assert.Equal((22L, "We are on it", false), (m.StaffId.Value, m.Content, m.IsNote)));
            var posts = RequestsAfterConnect().Where(r => r.Method == "POST").ToList();
            Assert.Equal($"/api/cases/{string.Join(",", ids)}/messages.json", Assert.Single(posts).Path);
            Assert.All(ids, id => Assert.Equal(messages.Single(m => m.CaseId == id).MessageId, RawMessageIds(id).Last()));
        }

        [Fact]
        public void WhatIf_and_bad_input_send_nothing()
        {
            var big = Path.Combine(_tempDir, "huge.iso");
            using (var f = File.Create(big)) f.SetLength(26L * 1024 * 1024);
            var host = new TestHost();
            _emulator.ClearRequests();

            var whatIf = Run(@"
                Get-OmnideskCase -CaseId 2000 | New-OmnideskMessage -StaffId 22 -Content 'We are on it' -WhatIf
                New-OmnideskNote -CaseId 2000 -Content 'Escalated' -WhatIf
                Get-OmnideskMessage -CaseId 2000 -First 1 | Set-OmnideskMessage -Content 'Edited' -WhatIf
                Remove-OmnideskMessage -CaseId 2000 -MessageId 500001 -WhatIf
                Remove-OmnideskNote -CaseId 2000 -MessageId 500001 -WhatIf", host).AssertNoErrors();
            Assert.Empty(whatIf.Output);
            Assert.Equal(5, host.TestUI.Lines.Count(l => l.StartsWith("What if:")));
            Assert.DoesNotContain(RequestsAfterConnect(), r => r.Method != "GET");

            var neither = Run("New-OmnideskMessage -CaseId 2000 -Content 'Hi'");
            Assert.Equal("OmnideskAuthorMissing,Omnidesk.Commands.NewOmnideskMessageCommand", Assert.Single(neither.Errors).FullyQualifiedErrorId);
            var both = Run("New-OmnideskMessage -CaseId 2000 -Content 'Hi' -StaffId 22 -UserId 5");
            Assert.Equal("OmnideskAuthorConflict,Omnidesk.Commands.NewOmnideskMessageCommand", Assert.Single(both.Errors).FullyQualifiedErrorId);
            var oversized = Run($"New-OmnideskMessage -CaseId 2000 -Content 'Hi' -StaffId 22 -Attachment '{big}'");
            Assert.Equal("OmnideskAttachmentTooLarge,Omnidesk.Commands.NewOmnideskMessageCommand", Assert.Single(oversized.Errors).FullyQualifiedErrorId);
            Assert.DoesNotContain(RequestsAfterConnect(), r => r.Method != "GET");

            var missing = Run("New-OmnideskMessage -CaseId 999999 -Content 'Hi' -StaffId 22");
            var error = Assert.Single(missing.Errors);
            Assert.Equal("OmnideskApi404.case_not_found,Omnidesk.Commands.NewOmnideskMessageCommand", error.FullyQualifiedErrorId);
            Assert.Equal(999999L, error.TargetObject);
        }

        [Fact]
        public void A_reply_whose_connection_drops_is_not_sent_twice()
        {
            _emulator.AddFaults(new { drop = true, method = "POST" });
            var before = RawMessageIds(2000).Count;

            var result = Run("New-OmnideskMessage -CaseId 2000 -StaffId 22 -Content 'Only once'");

            Assert.Equal("OmnideskNetworkFailure,Omnidesk.Commands.NewOmnideskMessageCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Single(_emulator.Requests(), r => r.Method == "POST");
            Assert.Equal(before, RawMessageIds(2000).Count);
        }

        [Fact]
        public void Notes_with_attachments_are_added_edited_and_removed_through_the_pipeline()
        {
            var log = NewFile("log.txt", 3000);
            var note = Run($"New-OmnideskNote -CaseId 2000 -StaffId 22 -Content 'Escalated to billing' -Attachment '{log}'")
                .AssertNoErrors().Objects<OmnideskMessage>().Single();
            Assert.True(note.IsNote);
            var attachment = Assert.Single(note.Attachments);
            Assert.Equal(("log.txt", 3000L), (attachment.FileName, attachment.FileSize));

            var edited = Run($"Get-OmnideskMessage -CaseId 2000 | Where-Object MessageId -eq {note.MessageId} | Set-OmnideskNote -Content 'Escalated to billing (urgent)' -PassThru")
                .AssertNoErrors().Objects<OmnideskMessage>().Single();
            Assert.Equal("Escalated to billing (urgent)", edited.Content);

            // A response piped to a note cmdlet is refused before any request.
            _emulator.ClearRequests();
            var wrongKind = Run("Get-OmnideskMessage -CaseId 2000 | Where-Object { -not $_.IsNote } | Select-Object -First 1 | Remove-OmnideskNote -Force");
            Assert.Equal("OmnideskNotANote,Omnidesk.Commands.RemoveOmnideskNoteCommand", Assert.Single(wrongKind.Errors).FullyQualifiedErrorId);
            Assert.DoesNotContain(RequestsAfterConnect(), r => r.Method == "DELETE");

            // Unattended, Remove-* without -Force fails closed.
            var unattended = Run("Get-OmnideskMessage -CaseId 2000 | Where-Object IsNote | Remove-OmnideskNote");
            Assert.NotEmpty(unattended.Errors);
            Assert.Contains(note.MessageId, RawMessageIds(2000));

            Run("Get-OmnideskMessage -CaseId 2000 | Where-Object IsNote | Remove-OmnideskNote -Force").AssertNoErrors();
            Assert.DoesNotContain(note.MessageId, RawMessageIds(2000));
        }

        [Fact]
        public void Responses_are_edited_and_removed_by_case_and_message_id()
        {
            var reply = Run("New-OmnideskMessage -CaseId 2000 -StaffId 22 -Content 'First draft' -DoNotSendEmail").AssertNoErrors().Objects<OmnideskMessage>().Single();

            var edited = Run($"Set-OmnideskMessage {reply.CaseId} {reply.MessageId} -Content 'Final text' -PassThru").AssertNoErrors().Objects<OmnideskMessage>().Single();
            Assert.Equal("Final text", edited.Content);

            var asNote = Run($"Get-OmnideskMessage -CaseId 2000 | Where-Object MessageId -eq {reply.MessageId} | Set-OmnideskNote -Content 'x'");
            Assert.Equal("OmnideskNotANote,Omnidesk.Commands.SetOmnideskNoteCommand", Assert.Single(asNote.Errors).FullyQualifiedErrorId);

            Run($"Remove-OmnideskMessage -CaseId 2000 -MessageId {reply.MessageId} -Force").AssertNoErrors();
            Assert.DoesNotContain(reply.MessageId, RawMessageIds(2000));

            var gone = Run($"Set-OmnideskMessage -CaseId 2000 -MessageId {reply.MessageId} -Content 'x'");
            Assert.Equal("OmnideskApi404.message_not_found,Omnidesk.Commands.SetOmnideskMessageCommand", Assert.Single(gone.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void A_case_that_comes_twice_gets_the_message_once()
        {
            var before = RawMessageIds(2002).Count;
            var result = Run("2002, 2002 | ForEach-Object { [pscustomobject]@{ case_id = $_ } } | New-OmnideskMessage -StaffId 22 -Content 'Once'").AssertNoErrors();
            Assert.Single(result.Objects<OmnideskMessage>());
            Assert.Equal(before + 1, RawMessageIds(2002).Count);
        }

        [Fact]
        public void Csv_rows_exported_from_messages_pipe_back_into_the_note_cmdlets()
        {
            var note = Run("New-OmnideskNote -CaseId 2003 -Content 'From a spreadsheet'").AssertNoErrors().Objects<OmnideskMessage>().Single();
            // Import-Csv gives text: IsNote is "True", ids are strings.
            var result = Run($"[pscustomobject]@{{ CaseId = '2003'; MessageId = '{note.MessageId}'; IsNote = 'True' }} | Remove-OmnideskNote -Force").AssertNoErrors();
            Assert.DoesNotContain(note.MessageId, RawMessageIds(2003));

            var response = Run($"[pscustomobject]@{{ CaseId = '2003'; MessageId = '{RawMessageIds(2003)[0]}'; IsNote = 'False'; note = 'call back' }} | Remove-OmnideskNote -Force");
            Assert.Equal("OmnideskNotANote,Omnidesk.Commands.RemoveOmnideskNoteCommand", Assert.Single(response.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void A_delayed_response_is_scheduled()
        {
            var later = Run("New-OmnideskMessage -CaseId 2000 -StaffId 22 -Content 'Tomorrow' -SendAt ([DateTime]::UtcNow.AddDays(1))")
                .AssertNoErrors().Objects<OmnideskMessage>().Single();
            Assert.True(later.IsScheduled);
        }

        [Fact]
        public void Save_OmnideskAttachment_shows_progress_while_it_reads_a_case_of_several_pages_of_messages()
        {
            var folder = Path.Combine(_tempDir, "many-pages");
            Run("1..101 | ForEach-Object { $null = New-OmnideskNote -CaseId 2001 -StaffId 22 -Content \"Note $_\" }").AssertNoErrors();

            var saved = Run($"2001 | Save-OmnideskAttachment -Path '{folder}'").AssertNoErrors();

            Assert.Contains(saved.Progress, p => p.Activity == "Save-OmnideskAttachment" && p.StatusDescription.Contains("messages read", StringComparison.Ordinal));
            Assert.Contains(saved.Progress, p => p.Activity == "Save-OmnideskAttachment" && p.RecordType == ProgressRecordType.Completed);
        }

        [Fact]
        public void Save_OmnideskAttachment_downloads_new_and_old_files_safely()
        {
            var a = NewFile("contract.pdf", 1_500_000);
            var b = NewFile("invoice.pdf", 20_000);
            var folder = Path.Combine(_tempDir, "case-files");
            var created = Run($"New-OmnideskMessage -CaseId 2000 -StaffId 22 -Content 'Docs' -Attachment '{a}','{b}'").AssertNoErrors()
                .Objects<OmnideskMessage>().Single();
            _emulator.ClearRequests();

            var saved = Run($"Get-OmnideskMessage -CaseId 2000 | Where-Object MessageId -eq {created.MessageId} | Save-OmnideskAttachment -Path '{folder}'")
                .AssertNoErrors();

            var files = saved.Objects<FileInfo>();
            Assert.Equal(new[] { "contract.pdf", "invoice.pdf" }, files.Select(f => f.Name).OrderBy(n => n));
            Assert.Equal(SHA256.HashData(File.ReadAllBytes(a)), SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "contract.pdf"))));
            Assert.Equal(SHA256.HashData(File.ReadAllBytes(b)), SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "invoice.pdf"))));
            Assert.Contains(saved.Progress, p => p.Activity == "Save-OmnideskAttachment" && p.PercentComplete > 0);
            Assert.Empty(Directory.GetFiles(folder, "*.partial"));
            Assert.Equal(2, _emulator.Requests().Count(r => r.Path.StartsWith("/files/")));

            var again = Run($"Get-OmnideskMessage -CaseId 2000 | Where-Object MessageId -eq {created.MessageId} | Save-OmnideskAttachment -Path '{folder}'");
            Assert.Equal(2, again.Errors.Count(e => e.FullyQualifiedErrorId.StartsWith("OmnideskFileExists")));
            var forced = Run($"Get-OmnideskMessage -CaseId 2000 | Where-Object MessageId -eq {created.MessageId} | Save-OmnideskAttachment -Path '{folder}' -Force")
                .AssertNoErrors();
            Assert.Equal(2, forced.Objects<FileInfo>().Count);

            // Seeded files of messages older than 30 days need the API credentials: the module sends them on request.
            var old = Run($"Get-OmnideskCase -CaseId {OldAttachmentCaseId} | Get-OmnideskMessage | Save-OmnideskAttachment -Path '{folder}/old'").AssertNoErrors();
            Assert.NotEmpty(old.Objects<FileInfo>());
            Assert.Contains(_emulator.Requests(), r => r.Path.StartsWith("/files/") && r.Status == 401);
            Assert.All(old.Objects<FileInfo>(), f => Assert.True(f.Length > 0));
        }

        /// <summary>A seeded case with an attachment on a message older than 30 days (file 9000 of message 500008).</summary>
        private const long OldAttachmentCaseId = 2001;

        [Theory]
        [InlineData("../../etc/passwd", "passwd")]
        [InlineData("..\\..\\Windows\\win.ini", "win.ini")]
        [InlineData("CON.txt", "_CON.txt")]
        [InlineData("a:b*c?.pdf", "a_b_c_.pdf")]
        [InlineData("...", "attachment-7")]
        [InlineData("report. ", "report")]
        [InlineData("con.tar.gz", "_con.tar.gz")]
        public void Attachment_names_are_made_safe(string name, string expected)
        {
            Assert.Equal(expected, Omnidesk.Commands.SaveOmnideskAttachmentCommand.SafeFileName(name, 7));
        }
    }
}

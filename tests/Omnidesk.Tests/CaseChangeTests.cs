using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Omnidesk.Tests.Infrastructure;
using Xunit;

namespace Omnidesk.Tests
{
    public sealed class CaseChangeTests : IClassFixture<EmulatorFixture>, IDisposable
    {
        private readonly EmulatorFixture _emulator;
        private readonly string _tempDir = Directory.CreateTempSubdirectory("omnidesk-tests-").FullName;

        public CaseChangeTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
            _emulator.Reset();
        }

        public void Dispose() => Directory.Delete(_tempDir, true);

        private PsResult Run(string script, TestHost host = null, Dictionary<string, object> variables = null)
        {
            var all = Ps.DemoVariables(_emulator);
            foreach (var v in variables ?? new()) all[v.Key] = v.Value;
            return Ps.Run(Ps.Connect + "$null = $null\n" + script, all, host);
        }

        /// <summary>Requests other than Connect-Omnidesk's check (which reads filters.json).</summary>
        private List<EmulatorRequest> RequestsAfterConnect() =>
            _emulator.Requests().Where(r => r.Path != "/api/filters.json").ToList();

        private OmnideskCase Case(long id) =>
            Run($"Get-OmnideskCase -CaseId {id}").AssertNoErrors().Objects<OmnideskCase>().Single();

        private List<long> OpenCaseIds(int count) =>
            _emulator.ApiCaseIds("status=open").Take(count).ToList();

        [Fact]
        public void WhatIf_on_every_changing_cmdlet_sends_no_request_and_says_what_it_would_do()
        {
            var id = OpenCaseIds(1)[0];
            var idea = _emulator.ApiCaseIds("channel=idea")[0];
            var file = Path.Combine(_tempDir, "note.txt");
            File.WriteAllText(file, "hello");
            var host = new TestHost();
            _emulator.ClearRequests();

            var result = Run($@"
                New-OmnideskCase -UserEmail client@example.com -Subject 'Contract' -Content 'Docs' -Attachment '{file}' -WhatIf
                Set-OmnideskCase -CaseId {id} -Status closed -WhatIf
                Remove-OmnideskCase -CaseId {id} -WhatIf
                Remove-OmnideskCase -CaseId {id} -Spam -WhatIf
                Remove-OmnideskCase -CaseId {id} -Permanent -Force -WhatIf
                Restore-OmnideskCase -CaseId {id} -WhatIf
                Set-OmnideskRating -CaseId {id} -Rating high -WhatIf
                Set-OmnideskRating -CaseId 2000 -MessageId 500001 -Rating low -WhatIf
                Set-OmnideskIdea -CaseId {idea} -Stage planned -WhatIf
                Set-OmnideskIdeaResponse -CaseId {idea} -Content 'Planned for May' -WhatIf
                Remove-OmnideskIdeaResponse -CaseId {idea} -WhatIf", host).AssertNoErrors();

            Assert.Empty(result.Output);
            Assert.Empty(RequestsAfterConnect());
            var whatIf = host.TestUI.Lines.Where(l => l.StartsWith("What if:")).ToList();
            Assert.Equal(11, whatIf.Count);
            Assert.Contains(whatIf, l => l.Contains("\"Set status closed\"") && l.Contains($"Case {id}"));
            Assert.Contains(whatIf, l => l.Contains("\"Delete permanently\""));
            Assert.Contains(whatIf, l => l.Contains("Case 'Contract' for client@example.com with 1 attachment(s)"));
        }

        [Fact]
        public void Twenty_five_piped_cases_become_three_bulk_requests()
        {
            var ids = OpenCaseIds(25);
            Assert.Equal(25, ids.Count);
            _emulator.ClearRequests();
            var variables = new Dictionary<string, object> { ["Ids"] = ids.ToArray() };

            var result = Run("$Ids | ForEach-Object { [pscustomobject]@{ case_id = $_ } } | Set-OmnideskCase -Priority critical -AddLabel 103",
                variables: variables).AssertNoErrors();

            Assert.Empty(result.Output);                   // nothing written without -PassThru
            var puts = RequestsAfterConnect().Where(r => r.Method == "PUT").ToList();
            Assert.Equal(3, puts.Count);
            // Requests run concurrently (Connect-Omnidesk -MaxConcurrency), so they may arrive in any order.
            Assert.Equal(new[] { 5, 10, 10 }, puts.Select(p => p.Path.Split('/').Last().Replace(".json", "").Split(',').Length).OrderBy(n => n));
            var changed = Run($"Get-OmnideskCase -CaseId {string.Join(",", ids)}").AssertNoErrors().Objects<OmnideskCase>();
            Assert.All(changed, c => Assert.Equal("critical", c.Priority));
            Assert.All(changed, c => Assert.Contains(103L, c.Labels));
        }

        [Fact]
        public void A_partial_bulk_failure_reports_exactly_the_failed_ids_and_applies_the_rest()
        {
            // 11 cases: a bulk request of 10, then a request for the last one alone.
            var ids = OpenCaseIds(11);
            var failing = new[] { ids[2], ids[7], ids[10] };
            _emulator.Configure(new { bulk_fail_ids = failing });

            var result = Run($"Get-OmnideskCase -CaseId {string.Join(",", ids)} | Set-OmnideskCase -Status waiting -PassThru");

            Assert.Equal(failing.OrderBy(i => i), result.Errors.Select(e => (long)e.TargetObject).OrderBy(i => i));
            Assert.All(result.Errors.Take(2), e => Assert.Equal("OmnideskCaseNotChanged,Omnidesk.Commands.SetOmnideskCaseCommand", e.FullyQualifiedErrorId));
            // The last batch held one case: a single-case request, which the API refuses with an error code of its own.
            Assert.StartsWith("OmnideskApi403.staff_has_not_access", result.Errors.Single(e => (long)e.TargetObject == ids[10]).FullyQualifiedErrorId);
            Assert.Equal(ids.Except(failing), result.Objects<OmnideskCase>().Select(c => c.CaseId));
            Assert.All(result.Objects<OmnideskCase>(), c => Assert.Equal("waiting", c.Status));
            _emulator.Configure(new { bulk_fail_ids = Array.Empty<long>() });
            Assert.All(failing, id => Assert.Equal("open", Case(id).Status));
        }

        [Fact]
        public void An_invalid_status_fails_at_parameter_binding_before_any_request()
        {
            var id = OpenCaseIds(1)[0];
            _emulator.ClearRequests();
            var result = Run($"Set-OmnideskCase -CaseId {id} -Status resolved");
            Assert.Equal("ParameterArgumentValidationError,Omnidesk.Commands.SetOmnideskCaseCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Empty(RequestsAfterConnect());

            var nothing = Run($"Set-OmnideskCase -CaseId {id}");
            Assert.Equal("OmnideskNoChange,Omnidesk.Commands.SetOmnideskCaseCommand", Assert.Single(nothing.Errors).FullyQualifiedErrorId);
            Assert.Empty(RequestsAfterConnect());
        }

        [Fact]
        public void A_30_MB_attachment_is_refused_and_nothing_is_created()
        {
            var big = Path.Combine(_tempDir, "scan.pdf");
            using (var f = File.Create(big)) f.SetLength(30L * 1024 * 1024);
            var total = _emulator.ApiCaseIds("").Count;
            _emulator.ClearRequests();

            var result = Run($"New-OmnideskCase -UserEmail client@example.com -Subject 'Scans' -Content 'See attached' -Attachment '{big}'");

            var error = Assert.Single(result.Errors);
            Assert.Equal("OmnideskAttachmentTooLarge,Omnidesk.Commands.NewOmnideskCaseCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
            Assert.Contains("scan.pdf", error.Exception.Message);
            Assert.Empty(RequestsAfterConnect());
            Assert.Equal(total, _emulator.ApiCaseIds("").Count);

            var missing = Run("New-OmnideskCase -UserEmail client@example.com -Subject 'Scans' -Content 'x' -Attachment ./no-such-file.pdf");
            Assert.Equal("OmnideskAttachmentNotFound,Omnidesk.Commands.NewOmnideskCaseCommand", Assert.Single(missing.Errors).FullyQualifiedErrorId);

            var a = Path.Combine(_tempDir, "a.bin");
            var b = Path.Combine(_tempDir, "b.bin");
            using (var f = File.Create(a)) f.SetLength(24L * 1024 * 1024);
            using (var f = File.Create(b)) f.SetLength(24L * 1024 * 1024 + 1);
            var tooMuch = Run($"New-OmnideskCase -UserEmail client@example.com -Subject 'Scans' -Content 'x' -Attachment '{a}','{b}','{a}'");
            Assert.Equal("OmnideskAttachmentsTooLarge,Omnidesk.Commands.NewOmnideskCaseCommand", Assert.Single(tooMuch.Errors).FullyQualifiedErrorId);
            Assert.DoesNotContain(RequestsAfterConnect(), r => r.Method == "POST");
        }

        [Fact]
        public void New_OmnideskCase_creates_a_case_with_attachments_custom_fields_and_labels()
        {
            var contract = Path.Combine(_tempDir, "contract.pdf");
            var invoice = Path.Combine(_tempDir, "invoice.pdf");
            File.WriteAllBytes(contract, Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray());
            File.WriteAllText(invoice, "invoice");

            var result = Run($"New-OmnideskCase -UserEmail client@example.com -UserFullName 'Client' -Subject 'Contract' -Content 'Docs attached' " +
                             $"-Attachment '{contract}','{invoice}' -CustomField @{{ cf_25 = 'vip' }} -Label 101,102").AssertNoErrors();

            var created = Assert.Single(result.Objects<OmnideskCase>());
            Assert.Equal("Contract", created.Subject);
            Assert.Equal(new long[] { 101, 102 }, created.Labels.OrderBy(l => l));
            Assert.Equal("vip", created.CustomFields["cf_25"].ToString());
            Assert.Equal(created.CaseId, Case(created.CaseId).CaseId);
            Assert.Single(_emulator.Requests(), r => r.Method == "POST" && r.Path == "/api/cases.json" && r.Status == 201);

            var bad = Run("New-OmnideskCase -UserEmail 'not an e-mail' -Subject 'Hello' -Content 'x'");
            var error = Assert.Single(bad.Errors);
            Assert.Equal("OmnideskApi400.incorrect_user_email,Omnidesk.Commands.NewOmnideskCaseCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        }

        [Fact]
        public void Csv_rows_with_the_apis_column_names_pipe_into_New_OmnideskCase()
        {
            var result = Run(@"
                @([pscustomobject]@{ user_email = 'one@example.com'; subject = 'First'; content = 'a' },
                  [pscustomobject]@{ user_email = 'two@example.com'; subject = 'Second'; content_html = '<p>b</p>' }) | New-OmnideskCase").AssertNoErrors();
            Assert.Equal(new[] { "First", "Second" }, result.Objects<OmnideskCase>().Select(c => c.Subject));
        }

        [Fact]
        public void Permanent_delete_without_Force_asks_and_no_deletes_nothing()
        {
            var id = OpenCaseIds(1)[0];
            var host = new TestHost();
            host.TestUI.ChoiceAnswers.Enqueue(2);          // "No" of Yes / Yes to All / No / No to All
            _emulator.ClearRequests();

            var result = Run($"Remove-OmnideskCase -CaseId {id} -Permanent", host).AssertNoErrors();

            Assert.Contains(host.TestUI.Prompts, p => p.Contains("cannot be restored"));
            Assert.Empty(RequestsAfterConnect());
            Assert.Equal(id, Case(id).CaseId);

            // Unattended (no host to ask), it fails closed.
            var unattended = Run($"Remove-OmnideskCase -CaseId {id} -Permanent");
            Assert.NotEmpty(unattended.Errors);
            Assert.Equal(id, Case(id).CaseId);

            Run($"Remove-OmnideskCase -CaseId {id} -Permanent -Force").AssertNoErrors();
            var gone = Run($"Get-OmnideskCase -CaseId {id}");
            Assert.StartsWith("OmnideskApi404.case_not_found", Assert.Single(gone.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void Permanent_delete_with_Confirm_asks_once_per_case()
        {
            var ids = OpenCaseIds(2);
            var host = new TestHost();
            host.TestUI.ChoiceAnswers.Enqueue(0);          // Yes for the first
            host.TestUI.ChoiceAnswers.Enqueue(2);          // No for the second

            Run($"Remove-OmnideskCase -CaseId {ids[0]},{ids[1]} -Permanent -Confirm", host).AssertNoErrors();

            Assert.Equal(2, host.TestUI.Prompts.Count);
            Assert.StartsWith("OmnideskApi404.case_not_found", Assert.Single(Run($"Get-OmnideskCase -CaseId {ids[0]}").Errors).FullyQualifiedErrorId);
            Assert.Equal(ids[1], Case(ids[1]).CaseId);
        }

        [Fact]
        public void Confirm_asks_per_case_and_applies_only_the_approved_ones()
        {
            var ids = OpenCaseIds(2);
            var host = new TestHost();
            host.TestUI.ChoiceAnswers.Enqueue(0);          // Yes
            host.TestUI.ChoiceAnswers.Enqueue(2);          // No

            Run($"Set-OmnideskCase -CaseId {ids[0]},{ids[1]} -Priority low -Confirm", host).AssertNoErrors();

            Assert.Equal(2, host.TestUI.Prompts.Count);
            Assert.Equal("low", Case(ids[0]).Priority);
            Assert.NotEqual("low", Case(ids[1]).Priority);
        }

        [Fact]
        public void A_trashed_case_comes_back_with_Restore_OmnideskCase()
        {
            var ids = OpenCaseIds(3);
            var list = string.Join(",", ids);

            var trashed = Run($"Get-OmnideskCase -CaseId {list} | Remove-OmnideskCase -PassThru").AssertNoErrors().Objects<OmnideskCase>();
            Assert.All(trashed, c => Assert.True(c.Deleted));
            Assert.DoesNotContain(_emulator.ApiCaseIds("status=open"), ids.Contains);

            var restored = Run($"Restore-OmnideskCase -CaseId {list} -PassThru").AssertNoErrors().Objects<OmnideskCase>();
            Assert.Equal(ids, restored.Select(c => c.CaseId));
            Assert.All(restored, c => Assert.False(c.Deleted));
            Assert.Equal(ids.OrderBy(i => i), _emulator.ApiCaseIds("status=open").Intersect(ids).OrderBy(i => i));

            var spam = Run($"Remove-OmnideskCase -CaseId {ids[0]} -Spam -PassThru").AssertNoErrors().Objects<OmnideskCase>();
            Assert.True(Assert.Single(spam).Spam);
            var both = Run($"Remove-OmnideskCase -CaseId {ids[0]} -Spam -Permanent -Force");
            Assert.Equal("OmnideskConflictingSwitches,Omnidesk.Commands.RemoveOmnideskCaseCommand", Assert.Single(both.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void Ratings_change_a_case_or_one_message()
        {
            var id = OpenCaseIds(1)[0];
            var rated = Run($"Set-OmnideskRating -CaseId {id} -Rating high -Comment 'Quick and kind' -RatedStaffId 22 -PassThru")
                .AssertNoErrors().Objects<OmnideskCase>().Single();
            Assert.Equal(("high", "Quick and kind", 22L), (rated.Rating, rated.RatingComment, rated.RatedStaffId.Value));
            Assert.Equal("high", Case(id).Rating);

            // Case 2000 is closed in the seeded data, so its second message (500001) is a staff reply.
            var message = Run("Set-OmnideskRating -CaseId 2000 -MessageId 500001 -Rating low -Comment 'Too slow' -PassThru")
                .AssertNoErrors().Objects<OmnideskMessage>().Single();
            Assert.Equal((2000L, 500001L, "low"), (message.CaseId, message.MessageId, message.Rating));
            Assert.Null(message.UserId);

            var missing = Run("Set-OmnideskRating -CaseId 2000 -MessageId 1 -Rating low");
            Assert.Equal("OmnideskApi404.message_not_found,Omnidesk.Commands.SetOmnideskRatingCommand", Assert.Single(missing.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void Every_change_shows_in_the_changelog_which_pipes_from_a_case()
        {
            var id = OpenCaseIds(1)[0];
            Run($"Set-OmnideskCase -CaseId {id} -Status closed").AssertNoErrors();

            var entries = Run($"Get-OmnideskCase -CaseId {id} | Get-OmnideskCaseChangelog").AssertNoErrors().Objects<OmnideskChangelogEntry>();
            var last = entries.Last(e => e.Event == "status");
            Assert.Equal((id, "open", "closed", "staff_15"), (last.CaseId, last.OldValue, last.Value, last.DoneBy));
            Assert.NotNull(last.CreatedAt);

            var filtered = Run($"Get-OmnideskCaseChangelog -CaseId {id} -Status closed").AssertNoErrors().Objects<OmnideskChangelogEntry>();
            Assert.NotEmpty(filtered);
            Assert.All(filtered, e => Assert.Equal(("status", "closed"), (e.Event, e.Value)));
            Assert.Contains("status=any,closed", _emulator.Requests().Last(r => r.Path.EndsWith("/changelog.json")).Query.Replace("%2C", ","));

            var number = Case(id).CaseNumber;
            var byNumber = Run($"Get-OmnideskCaseChangelog -CaseNumber {number} -First 2").AssertNoErrors().Objects<OmnideskChangelogEntry>();
            Assert.Equal(2, byNumber.Count);
            Assert.All(byNumber, e => Assert.Equal(id, e.CaseId));
        }

        [Fact]
        public void A_case_whose_changelog_fails_is_one_error_and_the_next_piped_case_goes_on()
        {
            var id = OpenCaseIds(1)[0];
            var result = Run($"[pscustomobject]@{{ case_id = 999999 }}, [pscustomobject]@{{ case_id = {id} }} | Get-OmnideskCaseChangelog");

            var error = Assert.Single(result.Errors);
            Assert.Equal("OmnideskApi404.case_not_found,Omnidesk.Commands.GetOmnideskCaseChangelogCommand", error.FullyQualifiedErrorId);
            Assert.Equal(999999L, error.TargetObject);
            var entries = result.Objects<OmnideskChangelogEntry>();
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.Equal(id, e.CaseId));
        }

        [Fact]
        public void A_message_rating_refuses_a_rated_staff_member_even_when_the_message_is_piped()
        {
            _emulator.ClearRequests();
            var result = Run("[pscustomobject]@{ case_id = 2000; message_id = 500001 } | Set-OmnideskRating -Rating high -RatedStaffId 22");
            Assert.Equal("OmnideskConflictingParameters,Omnidesk.Commands.SetOmnideskRatingCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Empty(RequestsAfterConnect());
        }

        [Fact]
        public void Ideas_get_a_stage_and_an_official_response_that_can_be_removed()
        {
            var idea = _emulator.ApiCaseIds("channel=idea")[0];

            var planned = Run($"Set-OmnideskIdea -CaseId {idea} -Stage planned -Content 'Dark mode' -PassThru").AssertNoErrors().Objects<OmnideskCase>().Single();
            Assert.Equal(("planned", "Dark mode"), (planned.Idea.Stage, planned.Idea.Content));

            var answered = Run($"Set-OmnideskIdeaResponse -CaseId {idea} -Content 'Coming in May' -PassThru").AssertNoErrors().Objects<OmnideskCase>().Single();
            Assert.Equal("Coming in May", answered.Idea.OfficialResponse);
            Assert.NotNull(answered.Idea.OfficialResponseAt);

            Run($"Remove-OmnideskIdeaResponse -CaseId {idea} -Force").AssertNoErrors();
            Assert.True(string.IsNullOrEmpty(Case(idea).Idea.OfficialResponse));

            var notIdea = Run($"Set-OmnideskIdea -CaseId {_emulator.ApiCaseIds("channel=email")[0]} -Stage planned");
            Assert.StartsWith("OmnideskApi400.case_is_not_idea", Assert.Single(notIdea.Errors).FullyQualifiedErrorId);
        }
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Omnidesk.Tests.Infrastructure;
using Xunit;

namespace Omnidesk.Tests
{
    /// <summary>
    /// The emulator for per-item pipelines: a per-minute budget these tests never reach, so the emulator's latency
    /// alone paces the requests and max_in_flight shows the client's concurrency.
    /// </summary>
    public sealed class ItemPipelineEmulatorFixture : EmulatorFixture
    {
        public ItemPipelineEmulatorFixture() : base("--rate-limit", "100000")
        {
        }
    }

    /// <summary>
    /// Cmdlets that make one request per piped object (issue 10): up to the connection's -MaxConcurrency requests in
    /// flight at once and never more, results in input order under random latency, one request per item, one error
    /// per failing item in its place, -First stops early, Ctrl+C stops at once, writes are never sent twice.
    /// Concurrency is read from the emulator's max_in_flight (what the server saw), not from the clock.
    /// </summary>
    public sealed class ItemPipelineTests : IClassFixture<ItemPipelineEmulatorFixture>, IDisposable
    {
        private const int LatencyMs = 40;
        private const int JitterMs = 30;           // each request waits 10..70 ms: answers overtake one another
        private const int DefaultConcurrency = 4;  // Connect-Omnidesk -MaxConcurrency's default

        private readonly ItemPipelineEmulatorFixture _emulator;
        private readonly List<string> _folders = new();

        public ItemPipelineTests(ItemPipelineEmulatorFixture emulator)
        {
            _emulator = emulator;
            _emulator.Reset();
        }

        public void Dispose()
        {
            foreach (var folder in _folders.Where(Directory.Exists)) Directory.Delete(folder, true);
        }

        // ---------------------------------------------------------------------------------------------------------
        // The scenarios: one per cmdlet (or read-back) that makes a request per piped object.

        /// <summary>The scenarios of the theories; the first four are the pipelines of the issue's table.</summary>
        public static TheoryData<string> Cmdlets => new()
        {
            "Get-OmnideskCase", "Get-OmnideskMessage", "Set-OmnideskNote", "New-OmnideskNote",
            "Get-OmnideskCaseChangelog", "Save-OmnideskAttachment", "Set-OmnideskMessage", "Remove-OmnideskMessage",
            "Remove-OmnideskNote", "Set-OmnideskRating", "Set-OmnideskIdea", "Set-OmnideskIdeaResponse",
            "Remove-OmnideskIdeaResponse", "New-OmnideskMessage",
        };

        private static readonly HashSet<string> Main = new() { "Get-OmnideskCase", "Get-OmnideskMessage", "Set-OmnideskNote", "New-OmnideskNote" };

        /// <summary>
        /// A pipeline that pipes $Items into one cmdlet. Keys identify the output objects; Expected are those keys in
        /// input order. ItemRequests are the requests made for the items (one per item), TotalRequests all requests
        /// the pipeline makes (null: not fixed, e.g. file downloads that may be retried with credentials).
        /// </summary>
        private sealed record Scenario(
            string Script,
            object[] Items,
            Func<PsResult, List<string>> Keys,
            List<string> Expected,
            Func<EmulatorRequest, bool> IsItemRequest,
            int ItemRequests,
            int? TotalRequests,
            Action Verify = null);

        private static bool Is(EmulatorRequest r, string method, string pathPattern) =>
            r.Method == method && Regex.IsMatch(r.Path, "^" + pathPattern + "$");

        private const string CasePath = @"/api/cases/\d+\.json";
        private const string MessagesPath = @"/api/cases/\d+/messages\.json";

        private static List<string> Keys<T>(PsResult result, Func<T, object> key) =>
            result.Objects<T>().Select(o => Convert.ToString(key(o), System.Globalization.CultureInfo.InvariantCulture)).ToList();

        private static List<string> Strings<T>(IEnumerable<T> values) =>
            values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        /// <summary>Builds a scenario of <paramref name="count"/> items; data is read and prepared before any latency is set.</summary>
        private Scenario Prepare(string cmdlet, int count)
        {
            switch (cmdlet)
            {
                case "Get-OmnideskCase":
                {
                    var ids = CaseIds(count);
                    return new Scenario("$Items | Get-OmnideskCase", Boxed(ids), r => Keys<OmnideskCase>(r, c => c.CaseId), Strings(ids),
                        r => Is(r, "GET", CasePath), count, count);
                }
                case "Get-OmnideskMessage":
                {
                    var ids = CaseIds(count);
                    return new Scenario("$Items | Get-OmnideskMessage", Boxed(ids), r => Keys<OmnideskMessage>(r, m => m.MessageId),
                        Strings(ids.SelectMany(id => RawMessages(id).Select(m => m.MessageId))),
                        r => Is(r, "GET", MessagesPath), count, count);
                }
                case "Get-OmnideskCaseChangelog":
                {
                    var ids = CaseIds(count);
                    var expected = ids.SelectMany(id => RawChangelogEvents(id).Select(e => id + ":" + e)).ToList();
                    return new Scenario("$Items | Get-OmnideskCaseChangelog", Boxed(ids), r => Keys<OmnideskChangelogEntry>(r, e => e.CaseId + ":" + e.Event),
                        expected, r => Is(r, "GET", @"/api/cases/\d+/changelog\.json"), count, count);
                }
                case "Save-OmnideskAttachment":
                {
                    var withFiles = Scrambled(_emulator.ApiCaseIds("sort=created_at_asc")).Select(id => (Id: id, Files: RawMessages(id).SelectMany(m => m.Files).ToList()))
                        .Where(c => c.Files.Count > 0).Take(count).ToList();
                    Assert.Equal(count, withFiles.Count);
                    return new Scenario("$Items | Save-OmnideskAttachment -Path $Folder", Boxed(withFiles.Select(c => c.Id).ToList()),
                        r => Keys<FileInfo>(r, f => f.Name), withFiles.SelectMany(c => c.Files).ToList(),
                        r => Is(r, "GET", MessagesPath), count, null);
                }
                case "Set-OmnideskNote":
                {
                    var notes = NewNotes(CaseIds(count));
                    return new Scenario("$Items | Set-OmnideskNote -Content 'Edited in order' -PassThru", MessageRows(notes),
                        r => Keys<OmnideskMessage>(r, m => m.MessageId), Strings(notes.Select(n => n.MessageId)),
                        r => Is(r, "PUT", @"/api/cases/\d+/note/\d+\.json"), count, count);
                }
                case "Remove-OmnideskNote":
                {
                    var notes = NewNotes(CaseIds(count));
                    return new Scenario("$Items | Remove-OmnideskNote -Force", MessageRows(notes), r => Keys<object>(r, o => o), new List<string>(),
                        r => Is(r, "DELETE", @"/api/cases/\d+/note/\d+\.json"), count, count,
                        () => Assert.All(notes, n => Assert.DoesNotContain(n.MessageId, RawMessages(n.CaseId).Select(m => m.MessageId))));
                }
                case "Set-OmnideskMessage":
                {
                    var responses = Responses(count);
                    return new Scenario("$Items | Set-OmnideskMessage -Content 'Edited in order' -PassThru", MessageRows(responses),
                        r => Keys<OmnideskMessage>(r, m => m.MessageId), Strings(responses.Select(n => n.MessageId)),
                        r => Is(r, "PUT", @"/api/cases/\d+/messages/\d+\.json"), count, count);
                }
                case "Remove-OmnideskMessage":
                {
                    var responses = Responses(count);
                    return new Scenario("$Items | Remove-OmnideskMessage -Force", MessageRows(responses), r => Keys<object>(r, o => o), new List<string>(),
                        r => Is(r, "DELETE", @"/api/cases/\d+/messages/\d+\.json"), count, count,
                        () => Assert.All(responses, n => Assert.DoesNotContain(n.MessageId, RawMessages(n.CaseId).Select(m => m.MessageId))));
                }
                case "Set-OmnideskRating":
                {
                    var ids = CaseIds(count);
                    return new Scenario("$Items | Set-OmnideskRating -Rating high -PassThru", Boxed(ids), r => Keys<OmnideskCase>(r, c => c.CaseId), Strings(ids),
                        r => Is(r, "PUT", @"/api/cases/\d+/rate\.json"), count, count);
                }
                case "Set-OmnideskIdea":
                case "Set-OmnideskIdeaResponse":
                case "Remove-OmnideskIdeaResponse":
                {
                    var ids = IdeaIds(count);
                    var (script, method, path) = cmdlet switch
                    {
                        "Set-OmnideskIdea" => ("$Items | Set-OmnideskIdea -Stage planned -PassThru", "PUT", @"/api/cases/\d+/idea\.json"),
                        "Set-OmnideskIdeaResponse" => ("$Items | Set-OmnideskIdeaResponse -Content 'Planned for June' -PassThru", "PUT", @"/api/cases/\d+/idea_official_response\.json"),
                        _ => ("$Items | Remove-OmnideskIdeaResponse -Force", "DELETE", @"/api/cases/\d+/idea_official_response\.json"),
                    };
                    var expected = cmdlet.StartsWith("Remove", StringComparison.Ordinal) ? new List<string>() : Strings(ids);
                    return new Scenario(script, Boxed(ids), r => Keys<OmnideskCase>(r, c => c.CaseId), expected, r => Is(r, method, path), ids.Count, ids.Count);
                }
                case "New-OmnideskNote":
                case "New-OmnideskMessage":
                {
                    // The bulk POSTs (10 cases each) answer with case ids only: each case's new message is read back.
                    var ids = CaseIds(count);
                    var note = cmdlet == "New-OmnideskNote";
                    var script = note ? "$Items | New-OmnideskNote -Content 'Read back in order'" : "$Items | New-OmnideskMessage -StaffId 22 -Content 'Read back in order'";
                    var posts = (count + 9) / 10;
                    return new Scenario(script, Boxed(ids),
                        r =>
                        {
                            Assert.Empty(r.Warnings);   // every read-back found its message
                            Assert.All(r.Objects<OmnideskMessage>(), m => Assert.Equal((note, "Read back in order"), (m.IsNote, m.Content)));
                            return Keys<OmnideskMessage>(r, m => m.CaseId);
                        },
                        Strings(ids), r => Is(r, "GET", MessagesPath), count, count + posts,
                        () => Assert.Equal(posts, _emulator.Requests().Count(r => r.Method == "POST")));
                }
                default:
                    throw new ArgumentOutOfRangeException(nameof(cmdlet), cmdlet, null);
            }
        }

        private static object[] Boxed(IEnumerable<long> ids) => ids.Cast<object>().ToArray();

        /// <summary>Rows naming messages as an Import-Csv row or a hashtable would: CaseId and MessageId.</summary>
        private static object[] MessageRows(IEnumerable<(long CaseId, long MessageId)> messages) =>
            messages.Select(m => (object)new Hashtable { ["CaseId"] = m.CaseId, ["MessageId"] = m.MessageId }).ToArray();

        /// <summary>
        /// Listed case ids, in an order that is neither the server's nor sorted (i * 17 mod n), so that output in
        /// input order cannot come out right by accident.
        /// </summary>
        private List<long> CaseIds(int count)
        {
            var ids = _emulator.ApiCaseIds("sort=created_at_asc").Take(count).ToList();
            Assert.Equal(count, ids.Count);
            return Scrambled(ids);
        }

        private List<long> IdeaIds(int count)
        {
            var ids = _emulator.ApiCaseIds("channel=idea&sort=created_at_asc").Take(count).ToList();
            Assert.True(ids.Count >= 8, $"{ids.Count} idea cases");
            return Scrambled(ids);
        }

        private static List<long> Scrambled(List<long> ids)
        {
            var n = ids.Count;
            var step = Enumerable.Range(17, 50).First(s => Gcd(s, n) == 1);
            return ids.Select((id, i) => (id, key: (long)i * step % n)).OrderBy(p => p.key).Select(p => p.id).ToList();
        }

        private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

        private sealed record RawMessage(long MessageId, bool IsNote, List<string> Files);

        /// <summary>A case's messages as the server lists them (oldest first), straight from the API.</summary>
        private List<RawMessage> RawMessages(long caseId)
        {
            using var doc = _emulator.ApiGet($"api/cases/{caseId}/messages.json?limit=100&page=1");
            var messages = doc.RootElement.EnumerateObject().Where(p => p.Name != "total_count").Select(p => p.Value.GetProperty("message")).ToList();
            Assert.True(messages.Count < 100, "one page per case");
            return messages.Select(m => new RawMessage(
                m.GetProperty("message_id").GetInt64(),
                m.GetProperty("note").ValueKind == JsonValueKind.True,
                m.TryGetProperty("attachments", out var files) ? files.EnumerateArray().Select(f => f.GetProperty("file_name").GetString()).ToList() : new List<string>()))
                .ToList();
        }

        private List<string> RawChangelogEvents(long caseId)
        {
            using var doc = _emulator.ApiGet($"api/cases/{caseId}/changelog.json?limit=100&page=1");
            var events = doc.RootElement.GetProperty("changelog").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
            Assert.True(events.Count < 100, "one page per case");
            return events;
        }

        /// <summary>The first response (not a note) of each of <paramref name="count"/> cases.</summary>
        private List<(long CaseId, long MessageId)> Responses(int count) =>
            CaseIds(count).Select(id => (id, RawMessages(id).First(m => !m.IsNote).MessageId)).ToList();

        /// <summary>A new note in each case, in the order given (made without latency, before the measured run).</summary>
        private List<(long CaseId, long MessageId)> NewNotes(List<long> caseIds)
        {
            var variables = Ps.DemoVariables(_emulator);
            variables["Items"] = Boxed(caseIds);
            var notes = Ps.Run(Ps.Connect + "$Items | New-OmnideskNote -Content 'To be edited'", variables).AssertNoErrors().Objects<OmnideskMessage>();
            Assert.Equal(caseIds, notes.Select(n => n.CaseId));
            return notes.Select(n => (n.CaseId, n.MessageId)).ToList();
        }

        // ---------------------------------------------------------------------------------------------------------
        // Running a pipeline and measuring it as the server sees it.

        private sealed record Measured(PsResult Result, List<EmulatorRequest> Requests, int MaxInFlight);

        private static string Connect(int maxConcurrency, int maxRetryCount = 5) =>
            $"Connect-Omnidesk -BaseUri $Uri -Credential $Cred -RetryBaseDelaySec 0.01 -MaxRetryCount {maxRetryCount} -MaxConcurrency {maxConcurrency}\n";

        /// <summary>
        /// Connects a runspace, sets the latency (with jitter), clears the request log and runs <paramref name="script"/>;
        /// then reads the log and max_in_flight, and takes the latency off again.
        /// </summary>
        private Measured Measure(string script, object[] items, int maxConcurrency = DefaultConcurrency, int maxRetryCount = 5,
            int latencyMs = LatencyMs, int jitterMs = JitterMs)
        {
            using var runspace = Ps.OpenRunspace();
            var variables = Ps.DemoVariables(_emulator);
            variables["Items"] = items;
            variables["Folder"] = NewFolder();
            variables["Admin"] = new Uri(_emulator.BaseUri, "_emulator/requests");
            Ps.Run(runspace, Connect(maxConcurrency, maxRetryCount), variables).AssertNoErrors();
            _emulator.Configure(new { latency_ms = latencyMs, latency_jitter_ms = jitterMs });
            _emulator.ClearRequests();
            try
            {
                var result = Ps.Run(runspace, script);
                return new Measured(result, _emulator.Requests().ToList(), _emulator.MaxRequestsInFlight());
            }
            finally
            {
                _emulator.Configure(new { latency_ms = 0, latency_jitter_ms = 0 });
            }
        }

        private string NewFolder()
        {
            var folder = Path.Combine(Path.GetTempPath(), "omnidesk-items-" + Guid.NewGuid().ToString("N"));
            _folders.Add(folder);
            return folder;
        }

        private static string Describe(Measured run) =>
            $"max_in_flight {run.MaxInFlight}; {run.Requests.Count} requests: " +
            string.Join(", ", run.Requests.Take(12).Select(r => $"{r.Method} {r.Path} {r.Status}")) + (run.Requests.Count > 12 ? ", ..." : "");

        private static void AssertRequestsOf(Scenario scenario, Measured run)
        {
            var itemRequests = run.Requests.Where(scenario.IsItemRequest).ToList();
            Assert.True(scenario.ItemRequests == itemRequests.Count, $"{itemRequests.Count} requests for {scenario.ItemRequests} items; {Describe(run)}");
            Assert.All(itemRequests, r => Assert.InRange(r.Status, 200, 299));
            if (scenario.TotalRequests.HasValue)
                Assert.True(scenario.TotalRequests == run.Requests.Count, $"{run.Requests.Count} requests, expected {scenario.TotalRequests}; {Describe(run)}");
        }

        // ---------------------------------------------------------------------------------------------------------
        // Order, request count and concurrency.

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Piped_items_come_out_in_input_order_with_one_request_each_under_random_latency(string cmdlet)
        {
            var scenario = Prepare(cmdlet, Main.Contains(cmdlet) ? 40 : 12);

            var run = Measure(scenario.Script, scenario.Items);

            run.Result.AssertNoErrors();
            Assert.Equal(scenario.Expected, scenario.Keys(run.Result));
            AssertRequestsOf(scenario, run);
            Assert.True(run.MaxInFlight <= DefaultConcurrency, $"never more than -MaxConcurrency ({DefaultConcurrency}) at once; {Describe(run)}");
            scenario.Verify?.Invoke();
        }

        /// <summary>Fails on a cmdlet that waits for each answer before it sends the next request.</summary>
        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Piped_items_have_up_to_MaxConcurrency_requests_in_flight_at_once(string cmdlet)
        {
            // New-Omnidesk{Note,Message}: 10 cases are one bulk POST, so what overlaps are the read-backs.
            var bulk = cmdlet.StartsWith("New-", StringComparison.Ordinal);
            var scenario = Prepare(cmdlet, bulk ? 10 : Main.Contains(cmdlet) ? 40 : 12);

            var run = Measure(scenario.Script, scenario.Items);

            run.Result.AssertNoErrors();
            Assert.Equal(scenario.Expected, scenario.Keys(run.Result));
            AssertRequestsOf(scenario, run);
            Assert.True(run.MaxInFlight >= 2 && run.MaxInFlight <= DefaultConcurrency,
                $"expected 2..{DefaultConcurrency} requests in flight at once; {Describe(run)}");
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void With_MaxConcurrency_1_one_request_is_in_flight_at_a_time(string cmdlet)
        {
            var scenario = Prepare(cmdlet, 12);

            var run = Measure(scenario.Script, scenario.Items, maxConcurrency: 1);

            run.Result.AssertNoErrors();
            Assert.Equal(scenario.Expected, scenario.Keys(run.Result));
            AssertRequestsOf(scenario, run);
            Assert.True(run.MaxInFlight == 1, Describe(run));
        }

        /// <summary>Fails on a cmdlet that waits for each answer before it sends the next request.</summary>
        [Fact]
        public void With_MaxConcurrency_2_exactly_two_requests_are_in_flight_at_most()
        {
            var scenario = Prepare("Get-OmnideskMessage", 40);

            var run = Measure(scenario.Script, scenario.Items, maxConcurrency: 2);

            run.Result.AssertNoErrors();
            Assert.Equal(scenario.Expected, scenario.Keys(run.Result));
            AssertRequestsOf(scenario, run);
            Assert.True(run.MaxInFlight == 2, Describe(run));
        }

        [Fact]
        public void Cases_named_by_number_are_read_once_more_to_learn_their_id_and_keep_their_place()
        {
            var ids = CaseIds(30);
            var numbers = ids.ToDictionary(id => id, id => _emulator.ApiGet($"api/cases/{id}.json").RootElement.GetProperty("case").GetProperty("case_number").GetString());
            var items = ids.Select((id, i) => i % 3 == 1 ? (object)numbers[id] : id).ToArray();   // every third a case number

            var run = Measure("$Items | Get-OmnideskMessage", items);

            run.Result.AssertNoErrors();
            Assert.Equal(ids.SelectMany(id => RawMessages(id).Select(m => m.MessageId)), run.Result.Objects<OmnideskMessage>().Select(m => m.MessageId));
            Assert.All(run.Result.Objects<OmnideskMessage>(), m => Assert.Contains(m.CaseId, ids));
            Assert.True(run.Requests.Count == 30 + 10, $"30 message reads and 10 case reads; {Describe(run)}");
            Assert.True(run.MaxInFlight <= DefaultConcurrency, Describe(run));
        }

        // ---------------------------------------------------------------------------------------------------------
        // Streaming: -First downstream, the first result.

        [Fact]
        public void Select_Object_First_3_downstream_stops_the_requests_after_at_most_MaxConcurrency_more()
        {
            var ids = CaseIds(40);

            var run = Measure("$Items | Get-OmnideskCase | Select-Object -First 3", Boxed(ids));

            run.Result.AssertNoErrors();
            Assert.Equal(ids.Take(3), run.Result.Objects<OmnideskCase>().Select(c => c.CaseId));
            Assert.True(run.Requests.Count >= 3 && run.Requests.Count <= 3 + DefaultConcurrency, Describe(run));
            Thread.Sleep(300);
            Assert.Equal(run.Requests.Count, _emulator.Requests().Count);   // nothing is sent after the pipeline ended
        }

        [Fact]
        public void Select_Object_First_downstream_of_Get_OmnideskMessage_stops_the_requests_early()
        {
            var ids = CaseIds(40);
            var expected = ids.SelectMany(id => RawMessages(id).Select(m => m.MessageId)).Take(5).ToList();
            var casesNeeded = ids.Select((id, i) => (id, i)).First(c => ids.Take(c.i + 1).Sum(x => RawMessages(x).Count) >= 5).i + 1;

            var run = Measure("$Items | Get-OmnideskMessage | Select-Object -First 5", Boxed(ids));

            run.Result.AssertNoErrors();
            Assert.Equal(expected, run.Result.Objects<OmnideskMessage>().Select(m => m.MessageId));
            Assert.True(run.Requests.Count >= casesNeeded && run.Requests.Count <= casesNeeded + DefaultConcurrency,
                $"{casesNeeded} cases hold the first 5 messages; {Describe(run)}");
        }

        [Fact]
        public void The_first_result_is_written_before_the_rest_is_requested()
        {
            var ids = CaseIds(40);
            // When the first case reaches the next command, the server has seen at most -MaxConcurrency + 1 requests
            // (the same bound as -First 1): results are not held back until every item is read.
            var run = Measure(@"
                $script:atFirst = $null
                $Items | Get-OmnideskCase | ForEach-Object {
                    if ($null -eq $script:atFirst) { $script:atFirst = (Invoke-RestMethod -Uri $Admin).count }
                    $_
                }
                [pscustomobject]@{ AtFirst = $script:atFirst }", Boxed(ids));

            run.Result.AssertNoErrors();
            Assert.Equal(ids, run.Result.Objects<OmnideskCase>().Select(c => c.CaseId));
            var atFirst = Convert.ToInt32(run.Result.Output.Last().Properties["AtFirst"].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(atFirst, 1, 1 + DefaultConcurrency);
            Assert.Equal(40, run.Requests.Count);
        }

        // ---------------------------------------------------------------------------------------------------------
        // Failures: one error per failing item, in its place; the others go on; writes are not sent twice.

        /// <summary>An output object as the order assertions compare it: "case 2001", "message 500003", "error 999999".</summary>
        private static string Show(object o) => o switch
        {
            ErrorRecord e => "error " + e.TargetObject,
            PSObject p => Show(p.BaseObject),
            OmnideskCase c => "case " + c.CaseId,
            OmnideskMessage m => "message " + m.MessageId,
            _ => o?.ToString() ?? "null",
        };

        [Fact]
        public void A_missing_case_among_40_piped_ids_is_one_error_in_its_place_and_the_others_are_read()
        {
            var ids = CaseIds(40);
            var items = ids.Cast<object>().ToList();
            items.Insert(17, 999999L);

            var run = Measure("$Items | Get-OmnideskCase 2>&1", items.ToArray());

            var output = run.Result.Output.Select(o => o.BaseObject).ToList();
            Assert.Equal(items.Select(i => (long)i == 999999 ? "error 999999" : "case " + i), output.Select(Show));
            var error = Assert.IsType<ErrorRecord>(output[17]);
            Assert.Equal("OmnideskApi404.case_not_found,Omnidesk.Commands.GetOmnideskCaseCommand", error.FullyQualifiedErrorId);
            Assert.Equal(999999L, error.TargetObject);
            Assert.Equal(41, run.Requests.Count);
            Assert.Single(run.Requests, r => r.Status == 404);
        }

        [Fact]
        public void A_case_whose_messages_keep_failing_is_one_error_in_its_place_after_its_retries_and_the_others_go_on()
        {
            var ids = CaseIds(40);
            var failing = ids[9];
            _emulator.AddFaults(new { status = 500, method = "GET", path = $"/api/cases/{failing}/messages.json", times = 100 });
            var expected = ids.SelectMany(id => id == failing ? new[] { "error " + failing } : RawMessages(id).Select(m => "message " + m.MessageId)).ToList();

            var run = Measure("$Items | Get-OmnideskMessage 2>&1", Boxed(ids), maxRetryCount: 2);

            var output = run.Result.Output.Select(o => o.BaseObject).ToList();
            Assert.Equal(expected, output.Select(Show));
            var error = Assert.Single(output.OfType<ErrorRecord>());
            Assert.Equal("OmnideskApi500.internal_server_error,Omnidesk.Commands.GetOmnideskMessageCommand", error.FullyQualifiedErrorId);
            Assert.Equal(failing, error.TargetObject);
            // A read is retried (-MaxRetryCount 2: three tries); every other case is read once.
            Assert.Equal(3, run.Requests.Count(r => r.Path == $"/api/cases/{failing}/messages.json"));
            Assert.Equal(39 + 3, run.Requests.Count);
        }

        [Fact]
        public void Edits_that_fail_after_they_were_sent_are_one_error_each_in_place_and_are_never_sent_again()
        {
            var notes = NewNotes(CaseIds(40));
            var (failed, dropped) = (notes[5], notes[22]);
            string PathOf((long CaseId, long MessageId) n) => $"/api/cases/{n.CaseId}/note/{n.MessageId}.json";
            // A 500 and a dropped connection: the server may have applied either, so neither may be sent again.
            _emulator.AddFaults(new { status = 500, method = "PUT", path = PathOf(failed) }, new { drop = true, method = "PUT", path = PathOf(dropped) });

            var run = Measure("$Items | Set-OmnideskNote -Content 'Edited in order' -PassThru 2>&1", MessageRows(notes));

            var output = run.Result.Output.Select(o => o.BaseObject).ToList();
            Assert.Equal(notes.Select(n => (n == failed || n == dropped ? "error " : "message ") + n.MessageId), output.Select(Show));
            var errors = output.OfType<ErrorRecord>().ToList();
            Assert.Equal("OmnideskApi500.internal_server_error,Omnidesk.Commands.SetOmnideskNoteCommand", errors[0].FullyQualifiedErrorId);
            Assert.Equal(failed.MessageId, errors[0].TargetObject);
            Assert.Equal("OmnideskNetworkFailure,Omnidesk.Commands.SetOmnideskNoteCommand", errors[1].FullyQualifiedErrorId);
            Assert.Equal(dropped.MessageId, errors[1].TargetObject);
            Assert.Single(run.Requests, r => r.Path == PathOf(failed));
            Assert.Single(run.Requests, r => r.Path == PathOf(dropped));
            Assert.Equal(40, run.Requests.Count(r => r.Method == "PUT"));
            Assert.Equal(40, run.Requests.Count);
        }

        [Fact]
        public void A_case_left_out_of_a_bulk_note_is_one_error_in_its_place_among_the_read_backs()
        {
            var ids = CaseIds(39);
            var items = ids.Cast<object>().ToList();
            items.Insert(13, 999999L);
            // One read-back fails: the case did get the note, so that is a warning, not an error, and it is not sent again.
            var unreadable = ids[30];
            _emulator.AddFaults(new { status = 500, method = "GET", path = $"/api/cases/{unreadable}/messages.json", times = 100 });

            var run = Measure("$Items | New-OmnideskNote -Content 'Read back in order' 2>&1", items.ToArray(), maxRetryCount: 1);

            var output = run.Result.Output.Select(o => o.BaseObject).ToList();
            var expected = items.Where(i => (long)i != unreadable).Select(i => (long)i == 999999 ? "error 999999" : "case " + i).ToList();
            Assert.Equal(expected, output.Select(o => o is OmnideskMessage m ? "case " + m.CaseId : Show(o)));
            var error = Assert.IsType<ErrorRecord>(output[13]);
            Assert.Equal("OmnideskCaseNotChanged,Omnidesk.Commands.NewOmnideskNoteCommand", error.FullyQualifiedErrorId);
            Assert.Equal(999999L, error.TargetObject);
            Assert.Contains(run.Result.Warnings, w => w.Contains(unreadable.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            Assert.Equal(4, run.Requests.Count(r => r.Method == "POST"));
            Assert.Equal(38 + 2, run.Requests.Count(r => Is(r, "GET", MessagesPath)));   // a read-back per case; the failing one tried twice
            Assert.True(run.MaxInFlight <= DefaultConcurrency, Describe(run));
        }

        // ---------------------------------------------------------------------------------------------------------
        // Ctrl+C.

        public static TheoryData<string> StoppedPipelines => new() { "Get-OmnideskCase", "Get-OmnideskMessage", "Set-OmnideskNote", "New-OmnideskNote" };

        [Theory]
        [MemberData(nameof(StoppedPipelines))]
        public void Ctrl_C_on_200_piped_items_stops_within_a_second_and_nothing_is_sent_after_it(string cmdlet)
        {
            var ids = CaseIds(200);
            var (script, items, counted) = cmdlet switch
            {
                "Set-OmnideskNote" => ("$Items | Set-OmnideskNote -Content 'Edited' -PassThru", MessageRows(NewNotes(ids)), (Func<EmulatorRequest, bool>)(r => r.Method == "PUT")),
                "New-OmnideskNote" => ("$Items | New-OmnideskNote -Content 'Stopped'", Boxed(ids), r => Is(r, "GET", MessagesPath)),
                "Get-OmnideskMessage" => ("$Items | Get-OmnideskMessage", Boxed(ids), r => Is(r, "GET", MessagesPath)),
                _ => ("$Items | Get-OmnideskCase", Boxed(ids), r => Is(r, "GET", CasePath)),
            };

            using var runspace = Ps.OpenRunspace();
            var variables = Ps.DemoVariables(_emulator);
            variables["Items"] = items;
            Ps.Run(runspace, Connect(DefaultConcurrency), variables).AssertNoErrors();
            _emulator.Configure(new { latency_ms = 100 });
            _emulator.ClearRequests();

            var sent = Stopping.AssertStopsPromptly(_emulator, runspace, script, counted, TimeSpan.FromSeconds(30));
            Assert.True(sent < 200, "stopped before the end");
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
using Omnidesk.Tests.Infrastructure;
using Xunit;

namespace Omnidesk.Tests
{
    /// <summary>
    /// Set-OmnideskTicket's request counts against the emulator's Omnidesk.com account: -Status and -Priority batched
    /// 100 tickets per request, a batch the server refuses for one missing ticket retried one by one (every good
    /// ticket ends changed), -PassThru reading each changed ticket exactly once, in input order.
    /// </summary>
    public sealed class ComTicketCmdletTests : IClassFixture<EmulatorFixture>, IDisposable
    {
        private const long FirstTicket = 858400;
        private const long Unknown = 999999;
        private const string SetStatusPath = "/api/v2/ticket/setstatus";
        private const string SetPriorityPath = "/api/v2/ticket/setPriority";

        private readonly EmulatorFixture _emulator;
        private readonly HttpClient _api;

        public ComTicketCmdletTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
            _emulator.Reset();
            _api = new HttpClient { BaseAddress = new Uri(emulator.BaseUri, "api/v2/"), Timeout = TimeSpan.FromSeconds(30) };
            _api.DefaultRequestHeaders.Add("apiKey", "demo-com-api-key");
        }

        public void Dispose() => _api.Dispose();

        private PsResult Run(string script, object ids)
        {
            var variables = new Dictionary<string, object>
            {
                ["Uri"] = _emulator.BaseUri,
                ["Key"] = Ps.Credential("key", "demo-com-api-key").Password,
                ["Ids"] = ids,
            };
            // Connected first, then the request log cleared, so only the command's own requests are counted.
            return Ps.Run("Connect-Omnidesk -BaseUri $Uri -Product OmnideskCom -ApiKey $Key -RetryBaseDelaySec 0.01\n" +
                          "$null = Invoke-RestMethod -Method Delete -Uri ([string]$Uri + '_emulator/requests')\n" + script, variables);
        }

        private List<EmulatorRequest> Requests(string path) => _emulator.Requests().Where(r => r.Path == path).ToList();

        private JsonElement Ticket(long id)
        {
            using var doc = JsonDocument.Parse(_api.GetStringAsync($"ticket/{id}").Result);
            return doc.RootElement.GetProperty("item").Clone();
        }

        private static long[] Ids(long first, int count) => Enumerable.Range(0, count).Select(i => first + i).ToArray();

        [Fact]
        public void Status_for_250_piped_ids_is_three_setstatus_requests()
        {
            var ids = Ids(FirstTicket, 250);
            var result = Run("$Ids | Set-OmnideskTicket -Status holding", ids).AssertNoErrors();

            Assert.Empty(result.Output);
            var requests = Requests(SetStatusPath);
            Assert.Equal(3, requests.Count);
            Assert.All(requests, r => Assert.Equal(200, r.Status));
            Assert.Equal(3, _emulator.Requests().Count(r => r.Path.StartsWith("/api/v2/", StringComparison.Ordinal)));
            Assert.All(ids, id => Assert.Equal("holding", Ticket(id).GetProperty("status").GetString()));
        }

        [Fact]
        public void The_three_batches_hold_100_100_and_50_tickets()
        {
            // A missing ticket makes its batch fail and go again one ticket per request: the retries count the batch.
            // One missing id among the first 100 and one among the last 50; the middle batch goes through at once.
            var ids = Ids(FirstTicket, 250);
            ids[5] = Unknown;
            ids[230] = Unknown + 1;
            var result = Run("$Ids | Set-OmnideskTicket -Status holding", ids);

            var statuses = Requests(SetStatusPath).Select(r => r.Status).ToList();
            Assert.Equal(3 + 100 + 50, statuses.Count);
            Assert.Equal(2 + 2, statuses.Count(s => s == 400)); // two refused batches, then the two missing tickets alone
            Assert.Equal(new long[] { Unknown, Unknown + 1 }, result.Errors.Select(e => Convert.ToInt64(e.TargetObject)).ToArray());
            Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
            Assert.All(ids.Where(id => id < Unknown), id => Assert.Equal("holding", Ticket(id).GetProperty("status").GetString()));
        }

        [Fact]
        public void A_batch_with_one_unknown_id_fails_once_then_goes_ticket_by_ticket_and_every_good_ticket_changes()
        {
            var ids = Ids(FirstTicket + 10, 10).ToList();
            ids.Insert(4, Unknown);
            var result = Run("$Ids | Set-OmnideskTicket -Status pending -PassThru", ids.ToArray());
            var reads = _emulator.Requests().Where(r => r.Method == "GET" && r.Path.StartsWith("/api/v2/ticket/", StringComparison.Ordinal)).ToList();

            var statuses = Requests(SetStatusPath).Select(r => r.Status).ToList();
            Assert.Equal(1 + 11, statuses.Count);
            Assert.Equal(400, statuses[0]);
            Assert.Equal(2, statuses.Count(s => s == 400));
            var error = Assert.Single(result.Errors);
            Assert.Equal(Unknown, Convert.ToInt64(error.TargetObject));
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.StartsWith("OmnideskApi400.ticket_not_found", error.FullyQualifiedErrorId);
            var good = ids.Where(id => id != Unknown).ToList();
            Assert.All(good, id => Assert.Equal("pending", Ticket(id).GetProperty("status").GetString()));
            // -PassThru: the good tickets, in input order, each read once; the missing one is not read again.
            Assert.Equal(good, result.Objects<OmnideskTicket>().Select(t => t.TicketId).ToList());
            Assert.All(result.Objects<OmnideskTicket>(), t => Assert.Equal("pending", t.Status));
            Assert.Equal(good.Select(id => $"/api/v2/ticket/{id}").OrderBy(p => p), reads.Select(r => r.Path).OrderBy(p => p));
        }

        [Fact]
        public void PassThru_reads_each_changed_ticket_once_in_input_order()
        {
            // 120 tickets, one of them named twice, with two batched changes: 2 setstatus + 2 setPriority, 120 reads.
            var ids = Ids(FirstTicket + 100, 120).Reverse().ToList();
            ids.Insert(50, ids[3]);
            var result = Run("$Ids | Set-OmnideskTicket -Status open -Priority urgent -PassThru", ids.ToArray()).AssertNoErrors();

            var distinct = ids.Distinct().ToList();
            Assert.Equal(distinct, result.Objects<OmnideskTicket>().Select(t => t.TicketId).ToList());
            Assert.All(result.Objects<OmnideskTicket>(), t =>
            {
                Assert.Equal("open", t.Status);
                Assert.Equal("urgent", t.Priority);
            });
            Assert.Equal(2, Requests(SetStatusPath).Count);
            Assert.Equal(2, Requests(SetPriorityPath).Count);
            var reads = _emulator.Requests().Where(r => r.Method == "GET" && r.Path.StartsWith("/api/v2/ticket/", StringComparison.Ordinal))
                .GroupBy(r => r.Path).ToList();
            Assert.Equal(120, reads.Count);
            Assert.All(reads, g => Assert.Single(g));
        }

        [Fact]
        public void Title_is_one_put_per_ticket_and_a_missing_ticket_is_not_sent_to_setstatus()
        {
            var ids = new[] { FirstTicket + 1, Unknown, FirstTicket + 2 };
            var result = Run("$Ids | Set-OmnideskTicket -Title 'Renamed' -Status solved", ids);

            Assert.Equal(3, _emulator.Requests().Count(r => r.Method == "PUT"));
            var setStatus = Assert.Single(Requests(SetStatusPath));
            Assert.Equal(200, setStatus.Status);
            var error = Assert.Single(result.Errors);
            Assert.Equal(Unknown, Convert.ToInt64(error.TargetObject));
            foreach (var id in new[] { FirstTicket + 1, FirstTicket + 2 })
            {
                Assert.Equal("Renamed", Ticket(id).GetProperty("title").GetString());
                Assert.Equal("solved", Ticket(id).GetProperty("status").GetString());
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Text.Json.Nodes;
using Omnidesk.Tests.Infrastructure;
using Xunit;

namespace Omnidesk.Tests
{
    /// <summary>The emulator for the Omnidesk.com timeline tests: a budget these tests never reach.</summary>
    public sealed class ComTimelineEmulatorFixture : EmulatorFixture
    {
        public ComTimelineEmulatorFixture() : base("--rate-limit", "100000")
        {
        }
    }

    /// <summary>
    /// Get-OmnideskTicketTimeline, New-OmnideskTicketMessage and New-OmnideskTicketNote (Omnidesk.com, API v2): the
    /// exact requests each makes per piped ticket, none for a typed ticket that carries its timeline, and outputs in
    /// input order under -MaxConcurrency with the emulator's latency.
    /// </summary>
    public sealed class ComTimelineCmdletTests : IClassFixture<ComTimelineEmulatorFixture>, IDisposable
    {
        private const string ComKey = "demo-com-api-key";

        private readonly ComTimelineEmulatorFixture _emulator;
        private readonly Runspace _runspace;
        private readonly HttpClient _api;

        public ComTimelineCmdletTests(ComTimelineEmulatorFixture emulator)
        {
            _emulator = emulator;
            _emulator.Reset();
            _emulator.Configure(new { latency_ms = 0, latency_jitter_ms = 0 });
            _runspace = Ps.OpenRunspace();
            Ps.Run(_runspace,
                "Connect-Omnidesk -BaseUri $Uri -Product OmnideskCom -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) " +
                "-RetryBaseDelaySec 0.01 -MaxConcurrency 4",
                new Dictionary<string, object> { ["Uri"] = _emulator.BaseUri, ["Key"] = ComKey }).AssertNoErrors();
            _api = new HttpClient { BaseAddress = _emulator.BaseUri };
            _api.DefaultRequestHeaders.Add("apiKey", ComKey);
            _emulator.ClearRequests();
        }

        public void Dispose()
        {
            _emulator.Configure(new { latency_ms = 0, latency_jitter_ms = 0 });
            _runspace.Dispose();
            _api.Dispose();
        }

        private PsResult Run(string script) => Ps.Run(_runspace, script);

        /// <summary>The requests since the last clear, as "METHOD path".</summary>
        private List<string> Sent() => _emulator.Requests().Select(r => r.Method + " " + r.Path).ToList();

        /// <summary>The ids of a ticket's timeline as the API itself gives them.</summary>
        private List<long> ApiTimelineIds(long ticketId, bool history = false)
        {
            var json = JsonNode.Parse(_api.GetStringAsync($"api/v2/ticket/{ticketId}" + (history ? "?getTicketHistory=1" : "")).Result);
            return json["item"]["timeline"].AsArray().Select(e => long.Parse(e["id"].ToString())).ToList();
        }

        private static readonly long[] Tickets = { 858401, 858402, 858403, 858404, 858405, 858406 };

        [Fact]
        public void Replies_to_piped_ids_read_each_ticket_for_its_channel_then_post_and_read_back()
        {
            var result = Run("858401, 858402, 858403 | New-OmnideskTicketMessage -Content 'We are looking into it.' -To 'a@test.com'").AssertNoErrors();

            var entries = result.Objects<OmnideskTimelineEntry>();
            Assert.Equal(new long[] { 858401, 858402, 858403 }, entries.Select(e => e.TicketId));
            Assert.All(entries, e => Assert.Equal("message", e.Type));
            var sent = Sent();
            Assert.Equal(3, sent.Count(s => s == "POST /api/v2/message"));
            foreach (var id in new[] { 858401, 858402, 858403 })
                Assert.Equal(2, sent.Count(s => s == $"GET /api/v2/ticket/{id}")); // the channel read and the read-back
            Assert.Equal(9, sent.Count);
        }

        [Fact]
        public void Replies_with_a_channel_given_or_piped_make_no_read_before_the_post()
        {
            Run("858401, 858402 | New-OmnideskTicketMessage -Content 'We are looking into it.' -To 'a@test.com' -ChannelId 1").AssertNoErrors();
            Assert.Equal(new[] { "POST /api/v2/message", "GET /api/v2/ticket/858401", "POST /api/v2/message", "GET /api/v2/ticket/858402" }
                .OrderBy(s => s), Sent().OrderBy(s => s));

            _emulator.ClearRequests();
            var piped = Run("[pscustomobject]@{ TicketId = 858403; ChannelId = 2 }, [pscustomobject]@{ TicketId = 858404; ChannelId = 8 } | " +
                            "New-OmnideskTicketMessage -Content 'We are looking into it.' -To 'a@test.com'").AssertNoErrors();
            Assert.Equal(new long[] { 2, 8 }, piped.Objects<OmnideskTimelineEntry>().Select(e => e.ChannelId));
            Assert.Equal(4, Sent().Count);
            Assert.Equal(2, Sent().Count(s => s == "POST /api/v2/message"));
        }

        [Fact]
        public void Notes_post_and_read_back_once_per_ticket()
        {
            var result = Run("858401, 858402, 858403, 858404 | New-OmnideskTicketNote -Content 'Checked by the night shift.'").AssertNoErrors();
            Assert.Equal(new long[] { 858401, 858402, 858403, 858404 }, result.Objects<OmnideskTimelineEntry>().Select(e => e.TicketId));
            Assert.All(result.Objects<OmnideskTimelineEntry>(), e => Assert.Equal(0, e.ChannelId));
            Assert.Equal(4, Sent().Count(s => s == "POST /api/v2/message"));
            Assert.Equal(8, Sent().Count);
        }

        [Fact]
        public void WhatIf_sends_nothing()
        {
            var result = Run("858401, 858402 | New-OmnideskTicketMessage -Content 'We are looking into it.' -To 'a@test.com' -WhatIf\n" +
                             "858401, 858402 | New-OmnideskTicketNote -Content 'Checked by the night shift.' -WhatIf");
            Assert.Empty(result.Output);
            Assert.Empty(Sent());
        }

        [Fact]
        public void Typed_tickets_that_carry_their_timelines_make_no_request()
        {
            // Typed tickets as Get-OmnideskTicket -TicketId -IncludeHistory writes them.
            Run(@"$script:tickets = foreach ($id in 858401, 858404, 858405) {
    $t = [Omnidesk.OmnideskTicket]::new(); $t.TicketId = $id; $t.HistoryIncluded = $true
    $t.Timeline = [Omnidesk.OmnideskList[Omnidesk.OmnideskTimelineEntry]]::new([Omnidesk.OmnideskTimelineEntry[]]@(Get-OmnideskTicketTimeline -TicketId $id -IncludeHistory))
    $t
}").AssertNoErrors();
            _emulator.ClearRequests();

            var withHistory = Run("$script:tickets | Get-OmnideskTicketTimeline -IncludeHistory").AssertNoErrors();
            var without = Run("$script:tickets | Get-OmnideskTicketTimeline").AssertNoErrors();

            Assert.Empty(Sent());
            Assert.Equal(new long[] { 858401, 858404, 858405 }.SelectMany(id => ApiTimelineIds(id, true)),
                withHistory.Objects<OmnideskTimelineEntry>().Select(e => e.EntryId));
            Assert.Equal(new long[] { 858401, 858404, 858405 }.SelectMany(id => ApiTimelineIds(id)),
                without.Objects<OmnideskTimelineEntry>().Select(e => e.EntryId));
        }

        [Fact]
        public void Timelines_come_in_input_order_under_MaxConcurrency_with_latency()
        {
            var ids = Tickets.Concat(Tickets.Reverse()).ToArray();
            var expected = ids.SelectMany(id => ApiTimelineIds(id)).ToList();
            _emulator.Configure(new { latency_ms = 40, latency_jitter_ms = 30 });
            _emulator.ClearRequests();

            var result = Run($"{string.Join(", ", ids)} | Get-OmnideskTicketTimeline").AssertNoErrors();

            Assert.Equal(expected, result.Objects<OmnideskTimelineEntry>().Select(e => e.EntryId));
            Assert.Equal(ids.Length, Sent().Count);
            var inFlight = _emulator.MaxRequestsInFlight();
            Assert.InRange(inFlight, 2, 4);
        }

        [Fact]
        public void Replies_come_in_input_order_under_MaxConcurrency_with_latency_and_one_error_in_its_place()
        {
            _emulator.Configure(new { latency_ms = 40, latency_jitter_ms = 30 });
            var result = Run("858406, 858405, 999999, 858404, 858403, 858402, 858401 | " +
                             "New-OmnideskTicketMessage -Content 'Thanks, we are on it.' -To 'a@test.com'");

            Assert.Equal(new long[] { 858406, 858405, 858404, 858403, 858402, 858401 }, result.Objects<OmnideskTimelineEntry>().Select(e => e.TicketId));
            var error = Assert.Single(result.Errors);
            Assert.Equal(999999L, error.TargetObject);
            Assert.StartsWith("OmnideskApi400.ticket_not_found", error.FullyQualifiedErrorId);
            Assert.Equal(6, Sent().Count(s => s == "POST /api/v2/message"));
            Assert.Equal(1 + 6 * 2, Sent().Count(s => s.StartsWith("GET /api/v2/ticket/", StringComparison.Ordinal)));
            Assert.InRange(_emulator.MaxRequestsInFlight(), 2, 4);
        }
    }
}

using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Omnidesk.Emulator.OmnideskCom;
using Xunit;
using static Omnidesk.Emulator.Tests.ComFixture;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>The seeded Omnidesk.com account and the type quirks of its JSON (E11).</summary>
    public class ComSeedTests : IClassFixture<ComFixture>
    {
        static readonly Regex DatePattern = new(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$");
        readonly ComFixture _f;

        public ComSeedTests(ComFixture f) => _f = f;

        [Fact]
        public void Seed_IsDeterministic_AndHasEveryStatus()
        {
            var (c1, t1) = ComSeeder.Build(300);
            var (c2, t2) = ComSeeder.Build(300);
            Assert.Equal(t1.Select(t => (t.Id, t.Title, t.Status, t.CreatedAt, t.Timeline.Count)), t2.Select(t => (t.Id, t.Title, t.Status, t.CreatedAt, t.Timeline.Count)));
            Assert.Equal(c1.Select(c => (c.Id, c.Firstname, c.Channels.Count)), c2.Select(c => (c.Id, c.Firstname, c.Channels.Count)));
            Assert.Equal(300, t1.Count);
            Assert.Equal(ComTicket.Statuses.OrderBy(s => s), t1.Select(t => t.Status).Distinct().OrderBy(s => s));
            // the first tickets of a bigger seed are the same tickets
            Assert.Equal(ComSeeder.Build(60).Tickets.Select(t => (t.Id, t.Title)), t1.Take(60).Select(t => (t.Id, t.Title)));
            // events, notes and messages all occur; archived tickets are closed ones
            var entries = t1.SelectMany(t => t.Timeline).ToList();
            Assert.All(Enum.GetValues<ComEntryKind>(), k => Assert.Contains(entries, e => e.Kind == k));
            Assert.Contains(t1, t => t.Archived);
            Assert.All(t1.Where(t => t.Archived), t => Assert.Equal("closed", t.Status));
            Assert.All(t1, t => Assert.True(t.LastUpdate <= Seeder.Anchor));
            // e-mail, telephone and live chat tickets
            Assert.Equal(new long[] { 1, 2, 8 }, t1.Select(t => t.ChannelId).Distinct().OrderBy(c => c));
        }

        [Fact]
        public async Task TicketItem_HasTheContractsTypes()
        {
            await _f.ResetAsync();
            // a ticket with a note and an e-mail message (ids divisible by 3 have a note)
            var seeded = _f.Com.Tickets.First(t => t.Id % 3 == 0 && t.ChannelId == 1 && t.Status != "new");
            var item = await _f.TicketAsync(seeded.Id, history: true);
            Assert.Equal(JsonValueKind.Number, item.GetProperty("id").ValueKind);
            Assert.Equal("0", item.GetProperty("channel_account_id").GetString());
            Assert.Equal(1, item.GetProperty("show_timeline").GetInt32());
            Assert.Equal(JsonValueKind.False, item.GetProperty("following").ValueKind);
            Assert.Equal(JsonValueKind.String, item.GetProperty("tags").ValueKind);
            Assert.Matches(DatePattern, item.GetProperty("created_at").GetString());
            Assert.Matches(DatePattern, item.GetProperty("last_update").GetString());
            foreach (string key in new[] { "customer", "customer_channels", "customer_custom_fields", "assign_options_groups", "assign_options_users", "brand_name", "channel_name", "sla_next_breach_seconds", "original_channel_id" })
                Assert.True(item.TryGetProperty(key, out _), key);
            var customer = item.GetProperty("customer");
            Assert.Equal(item.GetProperty("customer_id").GetInt64(), customer.GetProperty("id").GetInt64());
            Assert.NotEmpty(item.GetProperty("customer_channels").EnumerateArray());

            var timeline = item.GetProperty("timeline").EnumerateArray().ToList();
            var ev = timeline.First(e => e.GetProperty("type").GetString() == "event");
            Assert.Equal(JsonValueKind.Number, ev.GetProperty("id").ValueKind);
            Assert.Equal(JsonValueKind.String, ev.GetProperty("item_type_id").ValueKind);
            var note = timeline.First(e => e.GetProperty("type").GetString() == "note");
            Assert.Equal(JsonValueKind.String, note.GetProperty("id").ValueKind);
            Assert.Equal(0, note.GetProperty("channel_id").GetInt32());
            Assert.Equal("", note.GetProperty("direction").GetString());
            Assert.Equal(JsonValueKind.Null, note.GetProperty("to").ValueKind);
            Assert.Equal("[]", note.GetProperty("meta_data").GetString());
            Assert.InRange(note.GetProperty("pinned").GetInt32(), 0, 1);
            var message = timeline.First(e => e.GetProperty("type").GetString() == "message");
            Assert.Equal(JsonValueKind.String, message.GetProperty("id").ValueKind);
            // meta_data is JSON inside a string
            using var meta = JsonDocument.Parse(message.GetProperty("meta_data").GetString());
            Assert.Equal(message.GetProperty("to").GetString(), meta.RootElement.GetProperty("to")[0].GetProperty("address").GetString());
            Assert.Equal(JsonValueKind.False, message.GetProperty("email_show_reply_all").ValueKind);
            Assert.Equal(0, message.GetProperty("in_queue").GetInt32());
            Assert.Equal(JsonValueKind.Array, message.GetProperty("files").ValueKind);
        }

        [Theory]
        [InlineData(7, 2)]  // CEST
        [InlineData(12, 1)] // CET
        public async Task Dates_AreAmsterdamWallClock_WithoutAZone(int month, int offsetHours)
        {
            await _f.ResetAsync();
            var seeded = _f.Com.Tickets.First(t => t.CreatedAt.ToUniversalTime().Month == month);
            var item = await _f.TicketAsync(seeded.Id);
            string expected = seeded.CreatedAt.ToUniversalTime().AddHours(offsetHours).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            Assert.Equal(expected, item.GetProperty("created_at").GetString());
        }

        [Fact]
        public void ComTime_FollowsTheEuRules_AndOtherZonesWork()
        {
            var time = ComTime.Default;
            Assert.Equal("2026-03-29 01:59:59", time.Write(new DateTimeOffset(2026, 3, 29, 0, 59, 59, TimeSpan.Zero)));
            Assert.Equal("2026-03-29 03:00:00", time.Write(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero)));
            Assert.Equal("2026-07-01 11:00:00", time.Write(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero)));
            Assert.Equal("2026-12-01 10:00:00", time.Write(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
            Assert.True(time.TryParse("2026-07-01 11:00:00", out var parsed));
            Assert.Equal(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero), parsed.ToUniversalTime());
            Assert.False(time.TryParse("2026-07-01T11:00:00", out _));
            Assert.Equal("2026-07-01 09:00:00", ComTime.TryCreate("UTC").Write(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero)));
            Assert.Null(ComTime.TryCreate("Mars/Olympus_Mons"));
        }

        [Fact]
        public void Options_TakeTheTicketCountAndZone()
        {
            var o = EmulatorOptions.Parse(new[] { "--com-tickets", "25", "--com-time-zone=UTC" });
            Assert.Equal((25, "UTC"), (o.ComTickets, o.ComTimeZone));
            Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(new[] { "--com-time-zone", "Nowhere/Land" }));
            Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(new[] { "--com-tickets", "-1" }));
            Assert.Equal((300, "Europe/Amsterdam"), (EmulatorOptions.Parse(Array.Empty<string>()).ComTickets, EmulatorOptions.Parse(Array.Empty<string>()).ComTimeZone));
        }
    }
}

using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Omnidesk.Emulator.OmnideskCom;
using Xunit;
using static Omnidesk.Emulator.Tests.ComFixture;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>POST /api/v2/message (E10): notes with type 0, outbound messages otherwise, the 5-character minimum, submitStatus.</summary>
    public class ComMessageTests : IClassFixture<ComFixture>
    {
        const string Sent = "Message has been sent and the ticket status was updated.";
        readonly ComFixture _f;

        public ComMessageTests(ComFixture f) => _f = f;

        static long Open(ComFixture f) => f.Com.Tickets.First(t => t.Status == "open" && t.ChannelId == 1).Id;

        [Fact]
        public async Task Note_TypeZero_IsANote_NewestFirstInTheTimeline()
        {
            await _f.ResetAsync();
            long id = Open(_f);
            var (status, body) = await _f.SendAsync("POST", "api/v2/message", Multipart(("ticketID", id.ToString()), ("type", "0"), ("message", "Internal: call back tomorrow"), ("userID", "2")));
            Assert.Equal((200, Sent), (status, Result(body)));
            Assert.Equal(2, body.EnumerateObject().Count()); // the documented result carries no id
            var entry = (await _f.TicketAsync(id)).GetProperty("timeline")[0];
            Assert.Equal(("note", "Internal: call back tomorrow", 2L, "marleen"), (entry.GetProperty("type").GetString(), entry.GetProperty("content").GetString(),
                entry.GetProperty("user_id").GetInt64(), entry.GetProperty("user_name").GetString()));
            Assert.Equal((0, "", JsonValueKind.Null, "[]", "open", Now), (entry.GetProperty("channel_id").GetInt32(), entry.GetProperty("direction").GetString(),
                entry.GetProperty("to").ValueKind, entry.GetProperty("meta_data").GetString(), entry.GetProperty("status_new").GetString(), entry.GetProperty("created_at").GetString()));
            Assert.Equal(JsonValueKind.String, entry.GetProperty("id").ValueKind);
        }

        [Fact]
        public async Task Message_OnTheEmailChannel_IsOutbound_WithAddressesInMetaData()
        {
            await _f.ResetAsync();
            var t = _f.Com.FindTicket(Open(_f));
            var (status, _) = await _f.SendAsync("POST", "api/v2/message", Multipart(("ticketID", t.Id.ToString()), ("type", "1"), ("message", "Thanks, we are on it."),
                ("toAddress", "thomas@test.com"), ("ccInput", "boss@test.com")));
            Assert.Equal(200, status);
            var entry = (await _f.TicketAsync(t.Id)).GetProperty("timeline")[0];
            Assert.Equal(("message", "outbound", 1, "thomas@test.com", "Agent Anonymous"), (entry.GetProperty("type").GetString(), entry.GetProperty("direction").GetString(),
                entry.GetProperty("channel_id").GetInt32(), entry.GetProperty("to").GetString(), entry.GetProperty("user_name").GetString()));
            using var meta = JsonDocument.Parse(entry.GetProperty("meta_data").GetString());
            Assert.Equal("boss@test.com", meta.RootElement.GetProperty("cc")[0].GetProperty("address").GetString());
            Assert.True(entry.GetProperty("email_show_reply_all").GetBoolean());
            // without toAddress the reply goes to the ticket's customer address
            Assert.Equal(200, (await _f.SendAsync("POST", "api/v2/message", Form(("ticketID", t.Id.ToString()), ("type", "1"), ("message", "Second reply")))).Status);
            string customerAddress = t.Direction == "inbound" ? t.From : t.To;
            Assert.Equal(customerAddress, (await _f.TicketAsync(t.Id)).GetProperty("timeline")[0].GetProperty("to").GetString());
        }

        [Fact]
        public async Task SubmitStatus_SetsTheStatus_WithAHistoryEvent()
        {
            await _f.ResetAsync();
            long id = Open(_f);
            Assert.Equal(200, (await _f.SendAsync("POST", "api/v2/message", Json($"{{\"ticketID\":{id},\"type\":\"0\",\"message\":\"Solved by phone\",\"submitStatus\":\"solved\"}}"))).Status);
            var item = await _f.TicketAsync(id, history: true);
            Assert.Equal("solved", item.GetProperty("status").GetString());
            var timeline = item.GetProperty("timeline").EnumerateArray().ToList();
            Assert.Equal(("event", "solved"), (timeline[0].GetProperty("type").GetString(), timeline[0].GetProperty("item_type_id").GetString()));
            Assert.Contains(timeline, e => e.GetProperty("type").GetString() == "note" && e.GetProperty("status_new").GetString() == "solved");
        }

        [Fact]
        public async Task SendAt_InTheFuture_IsQueued()
        {
            await _f.ResetAsync();
            long id = Open(_f);
            Assert.Equal(200, (await _f.SendAsync("POST", "api/v2/message", Form(("ticketID", id.ToString()), ("type", "1"), ("message", "Scheduled reply"), ("sendAt", "2026-07-02 09:00:00")))).Status);
            var entry = (await _f.TicketAsync(id)).GetProperty("timeline").EnumerateArray().First(e => e.GetProperty("content").GetString() == "Scheduled reply");
            Assert.Equal((1, "2026-07-02 09:00:00"), (entry.GetProperty("in_queue").GetInt32(), entry.GetProperty("send_at").GetString()));
        }

        [Theory]
        [InlineData(new[] { "type=0", "message=Hello there" }, "Missing required parameter: ticketID.")]
        [InlineData(new[] { "ticketID=1", "type=0", "message=Hello there" }, "This ticket does not exist.")]
        [InlineData(new[] { "ticketID=T", "message=Hello there" }, "Missing required parameter: type.")]
        [InlineData(new[] { "ticketID=T", "type=email", "message=Hello there" }, "Invalid value for type.")]
        [InlineData(new[] { "ticketID=T", "type=0" }, "Missing required parameter: message.")]
        [InlineData(new[] { "ticketID=T", "type=0", "message=Hey!" }, "The message must be at least 5 characters.")]
        [InlineData(new[] { "ticketID=T", "type=0", "message=  abc   " }, "The message must be at least 5 characters.")]
        [InlineData(new[] { "ticketID=T", "type=0", "message=Hello there", "submitStatus=gone" }, "Invalid value for submitStatus.")]
        [InlineData(new[] { "ticketID=T", "type=0", "message=Hello there", "userID=9999" }, "This user does not exist.")]
        [InlineData(new[] { "ticketID=T", "type=0", "message=Hello there", "sendAt=tomorrow" }, "Invalid value for sendAt.")]
        [InlineData(new[] { "ticketID=T", "type=42", "message=Hello there" }, "This channel does not exist.")]
        public async Task BadMessages_Are400_AndAddNothing(string[] fields, string message)
        {
            await _f.ResetAsync();
            long id = Open(_f);
            int before = _f.Com.FindTicket(id).Timeline.Count;
            var form = fields.Select(f => f.Split('=', 2)).Select(p => (p[0], p[1] == "T" ? id.ToString() : p[1])).ToArray();
            var (status, body) = await _f.SendAsync("POST", "api/v2/message", Multipart(form));
            Assert.Equal((400, message), (status, Message(body)));
            Assert.Equal(before, _f.Com.FindTicket(id).Timeline.Count);
        }

        [Fact]
        public async Task ReadOnlyKey_CannotPost()
        {
            await _f.ResetAsync();
            var (status, body) = await _f.SendAsync("POST", "api/v2/message", Form(("ticketID", Open(_f).ToString()), ("type", "0"), ("message", "Hello there")), ComAccount.ReadOnlyKey);
            Assert.Equal((403, "API key lacks permission MESSAGE_CREATE."), (status, Message(body)));
        }
    }
}

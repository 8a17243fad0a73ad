using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// POST /api/v2/message (§5, E10): type 0 adds an internal note, any other type an outbound message on that channel;
    /// a message shorter than 5 characters → 400; submitStatus sets the ticket's status with it. The answer is the
    /// documented result, which carries no id of the new entry.
    /// </summary>
    public static class MessageEndpoints
    {
        public const int MinLength = 5;
        static readonly Regex TypePattern = new("^([0-9]+|calllog|contactform)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static IEnumerable<ComRoute> Routes() => new[]
        {
            new ComRoute("POST", "message", null, false, ComPermissions.MessageCreate, Create),
        };

        static ComResult Create(ComRequest r)
        {
            var store = r.Store;
            if (r.Text("ticketID") == null) return ComResult.Missing("ticketID");
            var t = store.FindTicket(r.Text("ticketID"));
            if (t == null) return ComResult.NotFound("ticket");
            string type = r.Text("type")?.ToLowerInvariant();
            if (type == null) return ComResult.Missing("type");
            if (!TypePattern.IsMatch(type)) return ComResult.Invalid("type");
            string message = r.Raw("message");
            if (string.IsNullOrWhiteSpace(message)) return ComResult.Missing("message");
            if (message.Trim().Length < MinLength) return ComResult.BadRequest("The message must be at least " + MinLength + " characters.");
            string submitStatus = r.Text("submitStatus")?.ToLowerInvariant();
            if (submitStatus != null && !ComTicket.Statuses.Contains(submitStatus)) return ComResult.Invalid("submitStatus");
            var error = r.Number("userID", out long? userId);
            if (error != null) return error;
            ComUser user = null;
            if (userId is long u && u != 0 && (user = store.FindUser(u)) == null) return ComResult.NotFound("user");
            DateTimeOffset? sendAt = null;
            if (r.Text("sendAt") != null)
            {
                if (!store.Time.TryParse(r.Text("sendAt"), out var at)) return ComResult.Invalid("sendAt");
                sendAt = at;
            }

            bool note = type == "0";
            long channelId = type switch { "calllog" => 2, "contactform" => t.ChannelId, _ => long.Parse(type, System.Globalization.CultureInfo.InvariantCulture) };
            if (!note && ComAccount.Channel(channelId) == null) return ComResult.NotFound("channel");
            string customerAddress = t.Direction == "inbound" ? t.From : t.To, service = t.Direction == "inbound" ? t.To : t.From;
            string to = r.Text("toAddress") ?? (note ? null : customerAddress);

            var now = store.Now;
            if (submitStatus != null) store.SetStatus(t, submitStatus, "api: " + r.Key.Name);
            t.Timeline.Add(new ComTimelineEntry
            {
                Id = store.NextEntryId(), Kind = note ? ComEntryKind.Note : ComEntryKind.Message, TicketId = t.Id, CreatedAt = now,
                UserId = user?.Id ?? 0, UserName = user?.Name ?? "Agent Anonymous", Content = message,
                ChannelId = note ? 0 : channelId, Direction = note ? "" : "outbound", From = note ? null : service, To = note ? null : to,
                Cc = note ? null : r.Text("ccInput"), Bcc = note ? null : r.Text("bccInput"), StatusNew = t.Status, SendAt = sendAt,
            });
            t.LastUpdate = now;
            t.LastUpdateAgent = now;
            return ComResult.Ok(ComJson.Result("Message has been sent and the ticket status was updated."));
        }
    }
}

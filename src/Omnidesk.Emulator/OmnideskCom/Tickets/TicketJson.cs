using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// A ticket as the API writes it (§4.2), with the type quirks of the example: channel_account_id a string, 0/1 ints
    /// for show_timeline, pinned and in_queue, note and message ids as strings, meta_data a JSON-encoded string.
    /// </summary>
    public static class TicketJson
    {
        /// <summary>
        /// The ticket. A list item (<paramref name="full"/> false) leaves out the timeline and the extended blocks
        /// (customer, customer_channels, assign_options_*, customer_custom_fields, following): a guess, the list item is
        /// undocumented. <paramref name="history"/> adds the events to the timeline (getTicketHistory).
        /// </summary>
        public static void Write(Utf8JsonWriter w, ComTicket t, ComStore store, bool full, bool history)
        {
            var time = store.Time;
            var channel = ComAccount.Channel(t.ChannelId);
            var customer = t.CustomerId == 0 ? null : store.FindCustomer(t.CustomerId);
            bool slaRunning = t.Status is "new" or "open";
            DateTimeOffset? breach = slaRunning ? t.CreatedAt.AddHours(24) : null;

            w.WriteStartObject();
            w.WriteNumber("assigned_group_id", t.AssignedGroupId);
            w.WriteNumber("assigned_user_id", t.AssignedUserId);
            w.WriteString("channel_account_id", "0");
            w.WriteNumber("channel_id", t.ChannelId);
            ComJson.Date(w, "closed_at", t.ClosedAt, time);
            ComJson.Date(w, "created_at", t.CreatedAt, time);
            w.WriteNumber("customer_id", t.CustomerId);
            w.WriteString("direction", t.Direction);
            w.WriteString("external_gui_url", customer?.ExternalPrimaryId == null ? "" :
                "https://crm.example.test/?ticketID=" + t.Id + "#" + customer.ExternalPrimaryId);
            ComJson.StringOrNull(w, "external_id", t.ExternalId);
            if (t.FormId.HasValue) w.WriteNumber("form_id", t.FormId.Value); else w.WriteNull("form_id");
            w.WriteString("from", t.From);
            w.WriteString("from_name", "");
            w.WriteNull("grade_by_customer");
            w.WriteString("icon", channel?.Icon ?? "");
            ComJson.Date(w, "last_update", t.LastUpdate, time);
            ComJson.Date(w, "last_update_agent", t.LastUpdateAgent, time);
            ComJson.Date(w, "last_update_customer", t.LastUpdateCustomer, time);
            w.WriteString("priority", t.Priority);
            w.WriteNumber("show_timeline", 1);
            w.WriteNull("sla_breach_customer_wait_time");
            ComJson.Date(w, "sla_breach_first_reply_time", breach, time);
            w.WriteNull("sla_breach_next_reply_time");
            w.WriteNull("sla_breach_user_work_time");
            ComJson.Date(w, "sla_next_breach", breach, time);
            w.WriteString("sla_next_breach_current_status", slaRunning ? "active" : "inactive");
            w.WriteNumber("sla_policy_id", t.SlaPolicyId);
            w.WriteNull("snooze_time");
            w.WriteNull("snooze_time_sent");
            w.WriteString("title", t.Title);
            w.WriteString("to", t.To);
            w.WriteString("to_name", "");
            w.WriteString("status", t.Status);
            w.WriteNumber("id", t.Id);
            w.WriteString("channel_name", channel?.Name ?? "");
            w.WriteString("channel_icon", channel?.Icon ?? "");
            w.WriteString("brand_name", ComAccount.Brand(t.BrandId)?.Name ?? "");
            w.WriteNumber("brand_id", t.BrandId);
            if (full)
            {
                w.WriteStartArray("timeline");
                // notes and messages newest first; with the history, the events (newest first) before them
                IEnumerable<ComTimelineEntry> entries = NewestFirst(t, e => e.Kind != ComEntryKind.Event);
                if (history) entries = NewestFirst(t, e => e.Kind == ComEntryKind.Event).Concat(entries);
                foreach (var e in entries) WriteEntry(w, e, store);
                w.WriteEndArray();
                w.WriteBoolean("following", false);
            }
            w.WriteNumber("sla_next_breach_seconds", breach.HasValue ? Math.Max(0, (long)(breach.Value - store.Now).TotalSeconds) : 0);
            if (full)
            {
                if (customer == null) w.WriteNull("customer");
                else
                {
                    w.WritePropertyName("customer");
                    CustomerJson.WriteEmbedded(w, customer, time);
                }
                w.WriteStartArray("customer_channels");
                if (customer != null) foreach (var ch in customer.Channels) CustomerJson.WriteChannel(w, ch);
                w.WriteEndArray();
            }
            w.WriteString("tags", t.Tags);
            if (full)
            {
                w.WritePropertyName("customer_custom_fields");
                CustomerJson.WriteCustomFields(w, customer);
                w.WriteStartArray("assign_options_groups");
                foreach (var g in ComAccount.Groups) WriteNamed(w, g.Id, g.Name);
                w.WriteEndArray();
                w.WriteStartArray("assign_options_users");
                foreach (var u in store.Users.Where(u => u.Active)) WriteNamed(w, u.Id, u.Name);
                w.WriteEndArray();
            }
            w.WriteNumber("original_channel_id", 0);
            w.WriteEndObject();
        }

        static IEnumerable<ComTimelineEntry> NewestFirst(ComTicket t, Func<ComTimelineEntry, bool> which) =>
            t.Timeline.Where(which).OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id);

        static void WriteNamed(Utf8JsonWriter w, long id, string name)
        {
            w.WriteStartObject();
            w.WriteNumber("id", id);
            w.WriteString("name", name);
            w.WriteEndObject();
        }

        /// <summary>One timeline entry: an event with an integer id, or a note or message with a string id.</summary>
        public static void WriteEntry(Utf8JsonWriter w, ComTimelineEntry e, ComStore store)
        {
            var time = store.Time;
            w.WriteStartObject();
            if (e.Kind == ComEntryKind.Event)
            {
                w.WriteNumber("id", e.Id);
                w.WriteNumber("ticket_id", e.TicketId);
                w.WriteString("item_type", e.ItemType);
                w.WriteString("item_type_id", e.ItemTypeId);
                w.WriteString("description", e.Description);
                w.WriteString("initiated_by", e.InitiatedBy);
                ComJson.Date(w, "created_at", e.CreatedAt, time);
                w.WriteString("type", "event");
                w.WriteEndObject();
                return;
            }
            bool note = e.Kind == ComEntryKind.Note;
            var channel = note ? null : ComAccount.Channel(e.ChannelId);
            bool email = !note && e.ChannelId == 1;
            ComJson.StringOrNull(w, "to", note ? null : e.To);
            ComJson.StringOrNull(w, "from", note ? null : e.From);
            w.WriteString("image", "");
            ComJson.Date(w, "created_at", e.CreatedAt, time);
            w.WriteNumber("pinned", e.Pinned ? 1 : 0);
            w.WriteString("id", e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            ComJson.StringOrNull(w, "channel_name", channel?.Name);
            ComJson.StringOrNull(w, "channel_icon", channel?.Icon);
            w.WriteString("type", note ? "note" : "message");
            w.WriteString("status_new", e.StatusNew);
            w.WriteNumber("user_id", e.UserId);
            w.WriteString("user_name", e.UserName);
            w.WriteString("user_avatar", "");
            w.WriteNumber("channel_id", note ? 0 : e.ChannelId);
            w.WriteString("direction", note ? "" : e.Direction);
            w.WriteString("content", e.Content);
            w.WriteNumber("ticket_id", e.TicketId);
            ComJson.StringOrNull(w, "external_id", e.ExternalId);
            w.WriteString("from_name", "");
            w.WriteString("to_name", "");
            w.WriteString("meta_data", email ? MetaData(e) : "[]");
            w.WriteNumber("in_queue", e.SendAt.HasValue && e.SendAt > store.Now ? 1 : 0);
            ComJson.Date(w, "send_at", e.SendAt, time);
            if (email)
            {
                w.WriteString("content_whole", e.Content);
                w.WriteString("email_details", "to: " + e.To + (string.IsNullOrEmpty(e.Cc) ? "" : ", cc: " + e.Cc));
                w.WriteBoolean("email_show_reply_all", !string.IsNullOrEmpty(e.Cc));
            }
            w.WriteStartArray("files");
            w.WriteEndArray();
            w.WriteEndObject();
        }

        /// <summary>The e-mail's addressees as a JSON-encoded string: {"to":[{"address":…,"name":""}],"cc":[…],"bcc":[…]}.</summary>
        static string MetaData(ComTimelineEntry e)
        {
            byte[] json = JsonOutput.Write(w =>
            {
                w.WriteStartObject();
                foreach (var (key, list) in new[] { ("to", e.To), ("cc", e.Cc), ("bcc", e.Bcc) })
                {
                    if (string.IsNullOrEmpty(list)) continue;
                    w.WriteStartArray(key);
                    foreach (string address in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        w.WriteStartObject();
                        w.WriteString("address", address);
                        w.WriteString("name", "");
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            });
            return System.Text.Encoding.UTF8.GetString(json);
        }
    }
}

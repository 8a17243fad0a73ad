using System.Linq;
using System.Text.Json;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// A customer as written embedded in a ticket (the documented fields), as a list item (plus brand_name) and on its own
    /// (plus its channels and custom fields). Custom fields as [{"name":…,"value":…}] are a guess: the example shows [].
    /// </summary>
    public static class CustomerJson
    {
        public static void WriteEmbedded(Utf8JsonWriter w, ComCustomer c, ComTime time)
        {
            w.WriteStartObject();
            WriteFields(w, c, time);
            w.WriteEndObject();
        }

        /// <summary>A list item (<paramref name="full"/> false) or GET customer/{id}.</summary>
        public static void Write(Utf8JsonWriter w, ComCustomer c, ComTime time, bool full)
        {
            w.WriteStartObject();
            WriteFields(w, c, time);
            w.WriteString("brand_name", ComAccount.Brand(c.BrandId)?.Name ?? "");
            if (full)
            {
                w.WriteStartArray("customer_channels");
                foreach (var ch in c.Channels) WriteChannel(w, ch);
                w.WriteEndArray();
                w.WritePropertyName("customer_custom_fields");
                WriteCustomFields(w, c);
            }
            w.WriteEndObject();
        }

        static void WriteFields(Utf8JsonWriter w, ComCustomer c, ComTime time)
        {
            w.WriteNumber("id", c.Id);
            w.WriteNumber("brand_id", c.BrandId);
            ComJson.StringOrNull(w, "external_primary_id", c.ExternalPrimaryId);
            w.WriteString("firstname", c.Firstname);
            w.WriteString("lastname", c.Lastname);
            ComJson.Date(w, "created_at", c.CreatedAt, time);
        }

        public static void WriteChannel(Utf8JsonWriter w, ComCustomerChannel ch)
        {
            var channel = ComAccount.Channel(ch.ChannelId);
            w.WriteStartObject();
            w.WriteNumber("id", ch.Id);
            w.WriteNumber("brand_id", ch.BrandId);
            w.WriteNumber("customer_id", ch.CustomerId);
            w.WriteNumber("channel_id", ch.ChannelId);
            w.WriteString("unique_reference", ch.UniqueReference);
            w.WriteNumber("linked_by_user_id", ch.LinkedByUserId);
            w.WriteString("name", channel?.Name ?? "");
            w.WriteString("icon", channel?.Icon ?? "");
            w.WriteEndObject();
        }

        /// <summary>[{"name":…,"value":…}], [] without a customer.</summary>
        public static void WriteCustomFields(Utf8JsonWriter w, ComCustomer c)
        {
            w.WriteStartArray();
            foreach (var (name, value) in c?.CustomFields ?? Enumerable.Empty<System.Collections.Generic.KeyValuePair<string, string>>())
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("value", value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
    }
}

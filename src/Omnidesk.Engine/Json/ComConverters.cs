using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnidesk.Engine.Json
{
    /// <summary>Converters of Omnidesk.com members whose JSON form is not their meaning, set per member by <see cref="ContractExceptions"/>.</summary>
    internal static class ComConverters
    {
        /// <summary>meta_data: an object sent as JSON text ("[]", "{\"to\":[…]}"), read as its values; an object as is.</summary>
        public static readonly JsonConverter<OmnideskCustomFields> JsonTextFields = new TolerantConverter<OmnideskCustomFields>(ReadJsonText, NotWritten);

        /// <summary>customer_custom_fields: [{"name":…,"value":…}] read by name; an object {name: value} as is.</summary>
        public static readonly JsonConverter<OmnideskCustomFields> NameValueFields = new TolerantConverter<OmnideskCustomFields>(ReadNameValues, NotWritten);

        /// <summary>Omnidesk.com bodies are forms built by the model (<see cref="OmnideskForm"/>): these members are read, never written.</summary>
        private static void NotWritten(Utf8JsonWriter writer, OmnideskCustomFields value) =>
            throw new NotSupportedException("Omnidesk.com objects are read from the API, not written to it.");

        private static OmnideskCustomFields ReadJsonText(ref Utf8JsonReader r)
        {
            var fields = new OmnideskCustomFields();
            if (r.TokenType != JsonTokenType.String)
            {
                JsonValues.Fields(ref r, fields);
                return fields;
            }
            var text = r.GetString();
            if (string.IsNullOrWhiteSpace(text)) return fields;
            try
            {
                var inner = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowTrailingCommas = true });
                if (inner.Read() && inner.TokenType == JsonTokenType.StartObject) JsonValues.Fields(ref inner, fields);
            }
            catch (JsonException)
            {
                fields["text"] = text; // not JSON after all: kept, not lost
            }
            return fields;
        }

        private static OmnideskCustomFields ReadNameValues(ref Utf8JsonReader r)
        {
            var fields = new OmnideskCustomFields();
            if (r.TokenType != JsonTokenType.StartArray)
            {
                JsonValues.Fields(ref r, fields);
                return fields;
            }
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                if (!(JsonValues.Bcl(ref r) is IDictionary<string, object> pair)) continue;
                if (pair.TryGetValue("name", out var name) && name is string key && key.Length > 0)
                    fields[key] = pair.TryGetValue("value", out var value) ? value : null;
            }
            return fields;
        }

        /// <summary>The addresses of meta_data's list <paramref name="name"/> ([{"address":…,"name":…}] or plain texts).</summary>
        public static OmnideskList<string> Addresses(OmnideskCustomFields metaData, string name)
        {
            if (metaData == null || !metaData.TryGetValue(name, out var value) || !(value is object[] items)) return OmnideskList<string>.Empty;
            var addresses = new List<string>();
            foreach (var item in items)
            {
                if (item is IDictionary<string, object> named && named.TryGetValue("address", out var address) && address is string text) addresses.Add(text);
                else if (item is string plain) addresses.Add(plain);
            }
            return new OmnideskList<string>(addresses);
        }
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Omnidesk.Engine.Http;

namespace Omnidesk.Engine.Json
{
    /// <summary>
    /// Custom fields {"cf_N": value}, whose values have no fixed type. Read: each value as a BCL value (see
    /// <see cref="JsonValues.Bcl"/>), keys in any case, PHP's [] as {}, anything else empty, never null.
    /// Written: each value as given (<see cref="WriteValue"/>), a null value as null (it clears the field); an empty key is left out.
    /// </summary>
    internal sealed class CustomFieldsConverter<TFields> : JsonConverter<TFields> where TFields : IDictionary<string, object>
    {
        private readonly Func<TFields> _create;

        public CustomFieldsConverter(Func<TFields> create) => _create = create;

        public override bool HandleNull => true;

        public override TFields Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var fields = _create();
            JsonValues.Fields(ref reader, fields);
            return fields;
        }

        public override void Write(Utf8JsonWriter writer, TFields value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var pair in value)
            {
                if (string.IsNullOrEmpty(pair.Key)) continue;
                writer.WritePropertyName(pair.Key);
                WriteValue(writer, pair.Value);
            }
            writer.WriteEndObject();
        }

        /// <summary>
        /// A BCL value as JSON: strings, booleans, numbers (NaN/∞ as text), arrays of them, dictionaries as objects,
        /// dates as ISO text, anything else as its invariant text.
        /// </summary>
        private static void WriteValue(Utf8JsonWriter w, object value)
        {
            switch (value)
            {
                case null: w.WriteNullValue(); return;
                case string s: w.WriteStringValue(s); return;
                case bool b: w.WriteBooleanValue(b); return;
                case char c: w.WriteStringValue(c.ToString()); return;
                case byte _: case sbyte _: case short _: case ushort _: case int _: case uint _: case long _:
                    w.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); return;
                case ulong ul: w.WriteNumberValue(ul); return;
                case decimal m: w.WriteNumberValue(m); return;
                case double d:
                    if (double.IsNaN(d) || double.IsInfinity(d)) w.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                    else w.WriteNumberValue(d);
                    return;
                case float f:
                    if (float.IsNaN(f) || float.IsInfinity(f)) w.WriteStringValue(f.ToString(CultureInfo.InvariantCulture));
                    else w.WriteNumberValue(f);
                    return;
                case DateTime dt: w.WriteStringValue(JsonBodyValues.DateText(dt)); return;
                case DateTimeOffset dto: w.WriteStringValue(JsonBodyValues.DateText(dto)); return;
                case Enum e: w.WriteStringValue(e.ToString()); return;
                case JsonElement je: je.WriteTo(w); return;
                case IDictionary dict:
                    w.WriteStartObject();
                    foreach (DictionaryEntry entry in dict)
                    {
                        w.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                        WriteValue(w, entry.Value);
                    }
                    w.WriteEndObject();
                    return;
                case IEnumerable many:
                    w.WriteStartArray();
                    foreach (var item in many) WriteValue(w, item);
                    w.WriteEndArray();
                    return;
                default:
                    w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                    return;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Omnidesk.Engine.Json
{
    /// <summary>
    /// The type-wide converters of the API's quirks: every value is read tolerantly (see <see cref="JsonValues"/>)
    /// and written plainly. Lists are read from arrays, PHP's objects {"0":…} or joined text, and are never null.
    /// </summary>
    internal static class QuirkConverters
    {
        public static readonly JsonConverter[] All =
        {
            // ids and counts; none is 0 for a plain long
            new TolerantConverter<long>((ref Utf8JsonReader r) => JsonValues.Int64(ref r) ?? 0, (w, v) => w.WriteNumberValue(v)),
            new TolerantConverter<long?>(JsonValues.Int64, (w, v) => w.WriteNumberValue(v.Value)),
            new TolerantConverter<int?>(JsonValues.Int32, (w, v) => w.WriteNumberValue(v.Value)),
            // flags; none is false for a plain bool
            new TolerantConverter<bool>((ref Utf8JsonReader r) => JsonValues.Bool(ref r) ?? false, (w, v) => w.WriteBooleanValue(v)),
            new TolerantConverter<bool?>(JsonValues.Bool, (w, v) => w.WriteBooleanValue(v.Value)),
            // any value as text: "-" stays "-" here, the exceptions say where it means none
            new TolerantConverter<string>(JsonValues.Text, (w, v) => w.WriteStringValue(v)),
            // written as unix seconds, the form the API takes in bodies (send_at)
            new TolerantConverter<DateTimeOffset?>(JsonValues.Date, (w, v) => w.WriteNumberValue(v.Value.ToUnixTimeSeconds())),
            // e-mail addresses (also "a@x, b@y") and ids (also "101,102" or a single number)
            new TolerantConverter<OmnideskList<string>>((ref Utf8JsonReader r) => new OmnideskList<string>(JsonValues.TextList(ref r)), WriteTexts),
            new TolerantConverter<string[]>(JsonValues.TextList, WriteTexts),
            new TolerantConverter<OmnideskList<long>>((ref Utf8JsonReader r) => new OmnideskList<long>(JsonValues.Int64List(ref r)), WriteNumbers),
            new TolerantConverter<long[]>(JsonValues.Int64List, WriteNumbers),
            new ObjectListConverterFactory(),
            new CustomFieldsConverter<OmnideskCustomFields>(() => new OmnideskCustomFields()),
            new CustomFieldsConverter<Dictionary<string, object>>(() => new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase)),
        };

        private static void WriteTexts(Utf8JsonWriter writer, IEnumerable<string> items)
        {
            writer.WriteStartArray();
            foreach (var item in items) writer.WriteStringValue(item);
            writer.WriteEndArray();
        }

        private static void WriteNumbers(Utf8JsonWriter writer, IEnumerable<long> items)
        {
            writer.WriteStartArray();
            foreach (var item in items) writer.WriteNumberValue(item);
            writer.WriteEndArray();
        }

        /// <summary>Lists of model objects (a message's attachments): items that are not objects are skipped.</summary>
        private sealed class ObjectListConverterFactory : JsonConverterFactory
        {
            public override bool CanConvert(Type typeToConvert) =>
                typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(OmnideskList<>) &&
                NestedObjectConverter.IsModelObject(typeToConvert.GetGenericArguments()[0]);

            public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
                (JsonConverter)Activator.CreateInstance(typeof(ObjectListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]));
        }

        private sealed class ObjectListConverter<T> : JsonConverter<OmnideskList<T>> where T : class
        {
            public override bool HandleNull => true;

            public override OmnideskList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                var contract = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
                var items = new List<T>();
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartArray:
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) AddObject(ref reader, contract, items);
                        break;
                    case JsonTokenType.StartObject:
                        while (JsonValues.NextMember(ref reader)) AddObject(ref reader, contract, items);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
                return new OmnideskList<T>(items);
            }

            private static void AddObject(ref Utf8JsonReader reader, JsonTypeInfo<T> contract, List<T> items)
            {
                if (reader.TokenType == JsonTokenType.StartObject) items.Add(JsonSerializer.Deserialize(ref reader, contract));
                else reader.Skip();
            }

            public override void Write(Utf8JsonWriter writer, OmnideskList<T> value, JsonSerializerOptions options) =>
                JsonSerializer.Serialize(writer, (IEnumerable<T>)value, options);
        }
    }

    internal delegate T ValueReader<out T>(ref Utf8JsonReader reader);

    /// <summary>
    /// A value read by one of <see cref="JsonValues"/>' readers, whatever its JSON kind (null included: a missing list
    /// is empty), and written by <c>write</c>; a null value is never passed to <c>write</c>, bodies leave nulls out.
    /// </summary>
    internal sealed class TolerantConverter<T> : JsonConverter<T>
    {
        private readonly ValueReader<T> _read;
        private readonly Action<Utf8JsonWriter, T> _write;

        public TolerantConverter(ValueReader<T> read, Action<Utf8JsonWriter, T> write)
        {
            _read = read;
            _write = write;
        }

        public override bool HandleNull => true;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _read(ref reader);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (value == null) writer.WriteNullValue();
            else _write(writer, value);
        }
    }
}

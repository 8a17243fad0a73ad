using System;
using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Omnidesk.Engine.Json
{
    /// <summary>
    /// A model object held by another (a case's idea): it is there only when the API sends an object with members;
    /// PHP's [] or {}, "", "-", null or any other value mean none. Set on such members by the contract (not type-wide:
    /// it reads the object itself through the type's own contract).
    /// </summary>
    internal sealed class NestedObjectConverter<T> : JsonConverter<T> where T : class
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return null;
            }
            var peek = reader;
            if (peek.Read() && peek.TokenType == JsonTokenType.EndObject)
            {
                reader.Skip();
                return null;
            }
            return JsonSerializer.Deserialize(ref reader, Contract(options));
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, Contract(options));

        private static JsonTypeInfo<T> Contract(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }

    internal static class NestedObjectConverter
    {
        /// <summary>A class read member by member: not a string, a collection or a bare object, and made with new().</summary>
        public static bool IsModelObject(Type type) =>
            type.IsClass && type != typeof(string) && type != typeof(object) && !typeof(IEnumerable).IsAssignableFrom(type) &&
            type.GetConstructor(Type.EmptyTypes) != null;

        public static JsonConverter For(Type type) =>
            (JsonConverter)Activator.CreateInstance(typeof(NestedObjectConverter<>).MakeGenericType(type));
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Omnidesk.Engine.Http;

namespace Omnidesk.Engine.Json
{
    /// <summary>
    /// How the model's objects map to the API's JSON and back, by convention: snake_case member names (CaseId ↔
    /// case_id, read in any case), type-wide converters for the API's quirks (numbers as strings, "-" for none, RFC 2822
    /// dates, joined lists, PHP's [] for {}), nulls left out of bodies, text written as UTF-8; and a short table of
    /// exceptions (<see cref="ContractExceptions"/>). It is configured here rather than with attributes on the model
    /// types: the model assembly loads in the default context and this System.Text.Json privately, so neither would
    /// see the other's attributes.
    /// </summary>
    internal static class ApiJsonContract
    {
        public static readonly JsonSerializerOptions Options = CreateOptions();

        private static JsonSerializerOptions CreateOptions()
        {
            var options = new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                PropertyNameCaseInsensitive = true,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                // the same leniency as the envelope's JsonDocument, whose objects are read again from their raw text
                AllowTrailingCommas = true,
                ReadCommentHandling = JsonCommentHandling.Skip,
                TypeInfoResolver = JsonTypeInfoResolver.Combine(ApiJsonMetadata.Default, new DefaultJsonTypeInfoResolver())
                    .WithAddedModifier(ContractExceptions.Apply),
            };
            foreach (var converter in QuirkConverters.All) options.Converters.Add(converter);
            options.MakeReadOnly();
            return options;
        }

        /// <summary>An object (or value) of the API as <typeparamref name="T"/>.</summary>
        public static T Read<T>(JsonElement element) => element.Deserialize(Contract<T>.Info);

        /// <summary>A JSON request body {"<paramref name="root"/>":{ the draft's members }}, by the draft's own type.</summary>
        public static byte[] Body(string root, object draft)
        {
            if (draft == null) throw new ArgumentNullException(nameof(draft));
            var info = Options.GetTypeInfo(draft.GetType());
            using (var stream = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Options.Encoder }))
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName(root);
                    JsonSerializer.Serialize(writer, draft, info);
                    writer.WriteEndObject();
                }
                return stream.ToArray();
            }
        }

        /// <summary>
        /// The same members as multipart form fields in PHP's nesting: root[name], root[name][] for each item of a list,
        /// root[custom_fields][cf_N] (from the values as given), then the files as root[attachments][N].
        /// </summary>
        public static IReadOnlyList<FormField> Form(string root, object draft, IEnumerable<OmnideskUpload> files)
        {
            if (draft == null) throw new ArgumentNullException(nameof(draft));
            var info = Options.GetTypeInfo(draft.GetType());
            var form = new FormFieldList(root);
            using (var json = JsonSerializer.SerializeToDocument(draft, info))
            {
                foreach (var member in json.RootElement.EnumerateObject())
                {
                    switch (member.Value.ValueKind)
                    {
                        case JsonValueKind.Object:
                            form.AddCustomFields(Member(info, member.Name).Get(draft) as IDictionary<string, object>, member.Name);
                            break;
                        case JsonValueKind.Array:
                            var items = new List<string>();
                            foreach (var item in member.Value.EnumerateArray()) items.Add(FormText(item));
                            form.AddArray(member.Name, items);
                            break;
                        default:
                            form.Add(member.Name, FormText(member.Value));
                            break;
                    }
                }
            }
            return form.AddFiles(files).Fields;
        }

        private static JsonPropertyInfo Member(JsonTypeInfo info, string name)
        {
            foreach (var property in info.Properties)
                if (property.Name == name) return property;
            throw new InvalidOperationException($"{info.Type.Name} has no JSON member {name}.");
        }

        /// <summary>Booleans as 1/0 (PHP reads "false" as true), numbers as written, strings as they are.</summary>
        private static string FormText(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.True: return "1";
                case JsonValueKind.False: return "0";
                case JsonValueKind.String: return value.GetString();
                case JsonValueKind.Null: return null;
                default: return value.GetRawText();
            }
        }

        private static class Contract<T>
        {
            public static readonly JsonTypeInfo<T> Info = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        }
    }
}

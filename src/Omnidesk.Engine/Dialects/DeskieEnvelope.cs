using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Omnidesk.Engine.Json;

namespace Omnidesk.Engine.Dialects
{
    /// <summary>
    /// The omnidesk.ru API's envelopes: numbered lists with total_count, one wrapped item, and {"error":...} bodies.
    /// The objects in them are read by the dialect's JSON contract.
    /// </summary>
    internal static class DeskieEnvelope
    {
        internal static readonly JsonDocumentOptions DocumentOptions = new JsonDocumentOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
        };

        internal static bool IsBlank(byte[] body)
        {
            if (body == null) return true;
            foreach (var b in body)
            {
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n' && b != 0xEF && b != 0xBB && b != 0xBF)
                    return false;
            }
            return true;
        }

        internal static JsonDocument Parse(byte[] body)
        {
            var offset = body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF ? 3 : 0;
            return JsonDocument.Parse(new ReadOnlyMemory<byte>(body, offset, body.Length - offset), DocumentOptions);
        }

        /// <summary>
        /// A list: {"0":{"case":{…}},"1":…,"total_count":N} (or "count"), a JSON array of items (wrapped or not),
        /// an empty body, or the historic empty page {"case":[]}.
        /// </summary>
        public static OmnideskPage<T> ParseList<T>(byte[] body, string singular, Func<JsonElement, T> map)
        {
            if (IsBlank(body)) return new OmnideskPage<T>(Array.Empty<T>(), null);
            using (var doc = Parse(body))
            {
                var root = doc.RootElement;
                var items = new List<T>();
                long? total = null;
                switch (root.ValueKind)
                {
                    case JsonValueKind.Null:
                        break;
                    case JsonValueKind.Array:
                        foreach (var element in root.EnumerateArray()) AddItem(items, element, singular, map);
                        break;
                    case JsonValueKind.Object:
                        var numbered = new List<KeyValuePair<long, JsonElement>>();
                        var extra = new List<JsonElement>();
                        long? count = null;
                        var recognised = false;
                        foreach (var property in root.EnumerateObject())
                        {
                            if (TryIndex(property.Name, out var index))
                            {
                                numbered.Add(new KeyValuePair<long, JsonElement>(index, property.Value));
                            }
                            else if (Is(property.Name, "total_count"))
                            {
                                total = JsonValues.Int64(property.Value);
                                recognised = true;
                            }
                            else if (Is(property.Name, "count"))
                            {
                                count = JsonValues.Int64(property.Value);
                                recognised = true;
                            }
                            else if (Is(property.Name, singular) || Is(property.Name, singular + "s"))
                            {
                                recognised = true;
                                if (property.Value.ValueKind == JsonValueKind.Array)
                                    extra.AddRange(property.Value.EnumerateArray());
                                else if (property.Value.ValueKind == JsonValueKind.Object && property.Value.EnumerateObject().Any())
                                    extra.Add(property.Value);
                            }
                        }
                        if (numbered.Count == 0 && !recognised && root.EnumerateObject().Any())
                            throw new UnexpectedShapeException($"expected a list of '{singular}' objects");
                        foreach (var pair in numbered.OrderBy(p => p.Key)) AddItem(items, pair.Value, singular, map);
                        foreach (var element in extra) AddItem(items, element, singular, map);
                        total = total ?? count;
                        break;
                    default:
                        throw new UnexpectedShapeException($"expected a list of '{singular}' objects, got a JSON {Kind(root)}");
                }
                return new OmnideskPage<T>(items, total);
            }
        }

        /// <summary>One item: {"case":{…}}, or the bare object when it carries <paramref name="idField"/>.</summary>
        public static T ParseSingle<T>(byte[] body, string singular, string idField, Func<JsonElement, T> map)
        {
            if (IsBlank(body)) throw new UnexpectedShapeException($"expected a '{singular}' object, got an empty body");
            using (var doc = Parse(body))
            {
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in root.EnumerateObject())
                    {
                        if (Is(property.Name, singular) && property.Value.ValueKind == JsonValueKind.Object)
                            return map(property.Value);
                    }
                    foreach (var property in root.EnumerateObject())
                    {
                        if (Is(property.Name, idField)) return map(root);
                    }
                }
                else if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 1)
                {
                    var items = new List<T>();
                    AddItem(items, root[0], singular, map);
                    if (items.Count == 1) return items[0];
                }
                throw new UnexpectedShapeException($"expected a '{singular}' object");
            }
        }

        private static void AddItem<T>(List<T> items, JsonElement element, string singular, Func<JsonElement, T> map)
        {
            if (element.ValueKind != JsonValueKind.Object)
                throw new UnexpectedShapeException($"expected a '{singular}' object, got a JSON {Kind(element)}");
            foreach (var property in element.EnumerateObject())
            {
                if (!Is(property.Name, singular)) continue;
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    items.Add(map(property.Value));
                    return;
                }
                if (property.Value.ValueKind == JsonValueKind.Array || property.Value.ValueKind == JsonValueKind.Null)
                    return; // {"case": []}: nothing
                throw new UnexpectedShapeException($"expected a '{singular}' object, got a JSON {Kind(property.Value)}");
            }
            items.Add(map(element)); // unwrapped item
        }

        private static bool TryIndex(string name, out long index)
        {
            index = 0;
            if (string.IsNullOrEmpty(name)) return false;
            foreach (var c in name) if (c < '0' || c > '9') return false;
            return long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out index);
        }

        private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

        private static string Kind(JsonElement e) => e.ValueKind.ToString().ToLowerInvariant();

        /// <summary>The "error" code of an error body {"error":"case_not_found"}, or null.</summary>
        public static string TryReadErrorCode(byte[] body)
        {
            if (IsBlank(body)) return null;
            try
            {
                using (var doc = Parse(body))
                {
                    if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
                    foreach (var p in doc.RootElement.EnumerateObject())
                    {
                        if (!Is(p.Name, "error")) continue;
                        if (p.Value.ValueKind == JsonValueKind.Object)
                        {
                            foreach (var inner in p.Value.EnumerateObject())
                                if (Is(inner.Name, "code") || Is(inner.Name, "error")) return NullIfNone(JsonValues.String(inner.Value));
                            return null;
                        }
                        return NullIfNone(JsonValues.String(p.Value));
                    }
                }
            }
            catch (JsonException) { }
            return null;
        }

        internal static string NullIfNone(string s) => JsonValues.IsNone(s) ? null : s;
    }
}

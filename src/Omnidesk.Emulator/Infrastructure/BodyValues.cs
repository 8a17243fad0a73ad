using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>Reading the values of a write's body: they may come as JSON numbers and booleans or, from forms, as strings.</summary>
    public static class BodyValues
    {
        public static bool IsAbsent(JsonElement e) => e.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;

        /// <summary>The value as a string: strings as is, numbers and bools as their JSON text; null when absent.</summary>
        public static string Str(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };

        public static bool TryLong(JsonElement e, out long n)
        {
            n = 0;
            if (e.ValueKind == JsonValueKind.Number) return e.TryGetInt64(out n);
            return e.ValueKind == JsonValueKind.String &&
                   long.TryParse(e.GetString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out n);
        }

        /// <summary>An array's items, an object's values (form indexes "[0]"), a comma list or one scalar.</summary>
        public static List<JsonElement> Values(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Array: return e.EnumerateArray().ToList();
                case JsonValueKind.Object: return e.EnumerateObject().Select(p => p.Value).ToList();
                case JsonValueKind.String:
                    return e.GetString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => JsonSerializer.SerializeToElement(s)).ToList();
                case JsonValueKind.Undefined or JsonValueKind.Null: return new List<JsonElement>();
                default: return new List<JsonElement> { e };
            }
        }

        public static JsonElement Prop(JsonElement obj, string name) =>
            obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) ? v : default;

        public static string Text(JsonElement obj, string name)
        {
            string s = Str(Prop(obj, name))?.Trim();
            return string.IsNullOrEmpty(s) ? null : s;
        }
    }
}

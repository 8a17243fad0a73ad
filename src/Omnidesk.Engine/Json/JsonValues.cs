using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Omnidesk.Engine.Json
{
    /// <summary>
    /// Tolerant readers for the API's values: numbers as strings (and the reverse), "-" for "none",
    /// booleans as 0/1/"0"/"1"/"true", RFC 2822 dates, comma-joined e-mail lists, PHP's [] for {}.
    /// </summary>
    internal static class JsonValues
    {
        private static readonly Regex DayName = new Regex(@"^\s*[A-Za-z]+\.?\s*,\s*", RegexOptions.CultureInvariant);
        private static readonly Regex NamedZone = new Regex(@"\s+(?:GMT|UTC|UT|Z)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex NumericZone = new Regex(@"\s*([+-])(\d{2}):?(\d{2})$", RegexOptions.CultureInvariant);
        private static readonly Regex Spaces = new Regex(@"\s+", RegexOptions.CultureInvariant);

        private static readonly string[] DateFormats =
        {
            "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy H:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yyyy H:mm zzz",
            "d MMMM yyyy HH:mm:ss zzz", "d MMMM yyyy H:mm:ss zzz", "d MMM yy HH:mm:ss zzz",
            "d MMM yyyy HH:mm:ss", "d MMM yyyy H:mm:ss", "d MMMM yyyy HH:mm:ss", "d MMM yyyy HH:mm",
        };

        public static bool IsNone(string text)
        {
            if (text == null) return true;
            var t = text.Trim();
            return t.Length == 0 || t == "-";
        }

        public static string String(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: return e.GetString();
                case JsonValueKind.Number: return e.GetRawText();
                case JsonValueKind.True: return "true";
                case JsonValueKind.False: return "false";
                case JsonValueKind.Object:
                case JsonValueKind.Array: return e.GetRawText();
                default: return null;
            }
        }

        public static long? Int64(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Number:
                    if (e.TryGetInt64(out var l)) return l;
                    if (e.TryGetDouble(out var d)) return FromDouble(d);
                    return null;
                case JsonValueKind.String:
                    return ParseInt64(e.GetString());
                case JsonValueKind.True: return 1;
                case JsonValueKind.False: return 0;
                default: return null;
            }
        }

        public static long? ParseInt64(string text)
        {
            if (IsNone(text)) return null;
            text = text.Trim();
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) return l;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return FromDouble(d);
            return null;
        }

        private static long? FromDouble(double d)
        {
            if (double.IsNaN(d) || double.IsInfinity(d) || d > long.MaxValue || d < long.MinValue) return null;
            return (long)Math.Truncate(d);
        }

        public static int? Int32(JsonElement e)
        {
            var l = Int64(e);
            if (l == null || l > int.MaxValue || l < int.MinValue) return null;
            return (int)l.Value;
        }

        public static bool? Bool(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Number: return e.TryGetDouble(out var d) ? d != 0 : (bool?)null;
                case JsonValueKind.String:
                    var s = (e.GetString() ?? "").Trim().ToLowerInvariant();
                    switch (s)
                    {
                        case "1": case "true": case "yes": case "y": case "on": return true;
                        case "0": case "false": case "no": case "n": case "off": case "": case "-": return false;
                        default:
                            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n != 0 : (bool?)null;
                    }
                default: return null;
            }
        }

        public static DateTimeOffset? Date(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: return ParseDate(e.GetString());
                case JsonValueKind.Number: return e.TryGetInt64(out var l) ? FromUnix(l) : null;
                default: return null;
            }
        }

        /// <summary>
        /// "Mon, 05 May 2014 00:15:17 +0300" (offset kept), the same without the day name, ISO 8601, unix seconds
        /// (or milliseconds); "", "-", "0" and PHP's zero date → null.
        /// </summary>
        public static DateTimeOffset? ParseDate(string text)
        {
            if (IsNone(text)) return null;
            var s = text.Trim();
            if (s == "0" || s.StartsWith("0000-00-00", StringComparison.Ordinal)) return null;
            if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var unix)) return FromUnix(unix);

            var t = DayName.Replace(s, "");
            t = NamedZone.Replace(t, " +00:00");
            t = NumericZone.Replace(t, " $1$2:$3");
            t = Spaces.Replace(t, " ").Trim();
            if (DateTimeOffset.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var exact))
                return exact;
            if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var any))
                return any;
            if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out any))
                return any;
            return null;
        }

        private static DateTimeOffset? FromUnix(long value)
        {
            if (value <= 0) return null;
            try
            {
                return Math.Abs(value) >= 100_000_000_000L
                    ? DateTimeOffset.FromUnixTimeMilliseconds(value)
                    : DateTimeOffset.FromUnixTimeSeconds(value);
            }
            catch (ArgumentOutOfRangeException) { return null; }
        }

        /// <summary>"a@x, b@y" or ["a@x","b@y"] → trimmed, without empty entries.</summary>
        public static string[] EmailList(JsonElement e)
        {
            var list = new List<string>();
            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    AddSplit(list, e.GetString());
                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray()) AddSplit(list, String(item));
                    break;
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject()) AddSplit(list, String(p.Value));
                    break;
            }
            return list.ToArray();
        }

        private static void AddSplit(List<string> list, string text)
        {
            if (string.IsNullOrEmpty(text)) return;
            foreach (var part in text.Split(',', ';'))
            {
                var t = part.Trim();
                if (t.Length > 0 && t != "-") list.Add(t);
            }
        }

        /// <summary>[101, "102"], "101,102", 101, or a PHP object {"0":101} → long[]; missing → empty.</summary>
        public static long[] Int64Array(JsonElement e)
        {
            var list = new List<long>();
            switch (e.ValueKind)
            {
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray()) Add(list, Int64(item));
                    break;
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject()) Add(list, Int64(p.Value));
                    break;
                case JsonValueKind.Number:
                    Add(list, Int64(e));
                    break;
                case JsonValueKind.String:
                    foreach (var part in (e.GetString() ?? "").Split(',', ';', ' ')) Add(list, ParseInt64(part));
                    break;
            }
            return list.ToArray();
        }

        private static void Add(List<long> list, long? value)
        {
            if (value.HasValue) list.Add(value.Value);
        }

        /// <summary>An object → its properties as BCL values; [] (PHP's empty object), null, "" → empty.</summary>
        public static Dictionary<string, object> Dictionary(JsonElement e)
        {
            var dict = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject()) dict[p.Name] = ToBcl(p.Value);
                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in e.EnumerateArray())
                        dict[(i++).ToString(CultureInfo.InvariantCulture)] = ToBcl(item);
                    break;
            }
            return dict;
        }

        /// <summary>string, long, double, bool, null, object[] or Dictionary&lt;string, object&gt;.</summary>
        public static object ToBcl(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: return e.GetString();
                case JsonValueKind.Number:
                    if (e.TryGetInt64(out var l)) return l;
                    if (e.TryGetDouble(out var d)) return d;
                    return e.GetRawText();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Array:
                    var list = new List<object>();
                    foreach (var item in e.EnumerateArray()) list.Add(ToBcl(item));
                    return list.ToArray();
                case JsonValueKind.Object:
                    var dict = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
                    foreach (var p in e.EnumerateObject()) dict[p.Name] = ToBcl(p.Value);
                    return dict;
                default: return null;
            }
        }
    }
}

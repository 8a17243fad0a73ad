using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Omnidesk.Engine.Json
{
    /// <summary>
    /// Tolerant readers for the API's values: numbers as strings (and the reverse), "-" for "none",
    /// booleans as 0/1/"0"/"1"/"true"/"yes", RFC 2822 dates, comma-joined lists, PHP's [] for {}.
    /// A reader takes one whole value of any kind at the reader's token and leaves the reader on the value's last token;
    /// a value of a kind it cannot use is none.
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

        // ---------------------------------------------------------------- values of an already parsed document (envelopes)

        public static string String(JsonElement e)
        {
            var r = ReaderAt(e);
            return Text(ref r);
        }

        public static long? Int64(JsonElement e)
        {
            var r = ReaderAt(e);
            return Int64(ref r);
        }

        public static long[] Int64Array(JsonElement e)
        {
            var r = ReaderAt(e);
            return Int64List(ref r);
        }

        /// <summary>A reader on the element's own text, as leniently as the document was read.</summary>
        private static Utf8JsonReader ReaderAt(JsonElement e)
        {
            var r = new Utf8JsonReader(Encoding.UTF8.GetBytes(e.GetRawText()),
                new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            r.Read();
            return r;
        }

        // ---------------------------------------------------------------- one value at a reader

        /// <summary>A string as it is; a number as written; true/false; an object or array as its JSON text; null → null.</summary>
        public static string Text(ref Utf8JsonReader r)
        {
            switch (r.TokenType)
            {
                case JsonTokenType.String: return r.GetString();
                case JsonTokenType.Number: return RawText(ref r);
                case JsonTokenType.True: return "true";
                case JsonTokenType.False: return "false";
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    using (var doc = JsonDocument.ParseValue(ref r)) return doc.RootElement.GetRawText();
                default: return null;
            }
        }

        /// <summary>A number (truncated, null beyond the range of long), a numeric string, true/false as 1/0.</summary>
        public static long? Int64(ref Utf8JsonReader r)
        {
            switch (r.TokenType)
            {
                case JsonTokenType.Number:
                    if (r.TryGetInt64(out var l)) return l;
                    if (r.TryGetDouble(out var d)) return FromDouble(d);
                    return null;
                case JsonTokenType.String: return ParseInt64(r.GetString());
                case JsonTokenType.True: return 1;
                case JsonTokenType.False: return 0;
                default:
                    r.Skip();
                    return null;
            }
        }

        public static int? Int32(ref Utf8JsonReader r)
        {
            var l = Int64(ref r);
            if (l == null || l > int.MaxValue || l < int.MinValue) return null;
            return (int)l.Value;
        }

        /// <summary>true/false; a number ≠ 0; 1/true/yes/y/on and 0/false/no/n/off/""/"-" or a numeric string.</summary>
        public static bool? Bool(ref Utf8JsonReader r)
        {
            switch (r.TokenType)
            {
                case JsonTokenType.True: return true;
                case JsonTokenType.False: return false;
                case JsonTokenType.Number: return r.TryGetDouble(out var d) ? d != 0 : (bool?)null;
                case JsonTokenType.String:
                    var s = (r.GetString() ?? "").Trim().ToLowerInvariant();
                    switch (s)
                    {
                        case "1": case "true": case "yes": case "y": case "on": return true;
                        case "0": case "false": case "no": case "n": case "off": case "": case "-": return false;
                        default:
                            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n != 0 : (bool?)null;
                    }
                default:
                    r.Skip();
                    return null;
            }
        }

        /// <summary>A date as text (see <see cref="ParseDate"/>) or unix seconds or milliseconds.</summary>
        public static DateTimeOffset? Date(ref Utf8JsonReader r)
        {
            switch (r.TokenType)
            {
                case JsonTokenType.String: return ParseDate(r.GetString());
                case JsonTokenType.Number: return r.TryGetInt64(out var l) ? FromUnix(l) : null;
                default:
                    r.Skip();
                    return null;
            }
        }

        /// <summary>"a@x, b@y" or ["a@x","b@y"] or a PHP object {"0":"a@x"} → trimmed, without empty entries.</summary>
        public static string[] TextList(ref Utf8JsonReader r)
        {
            var list = new List<string>();
            switch (r.TokenType)
            {
                case JsonTokenType.String:
                    AddSplit(list, r.GetString());
                    break;
                case JsonTokenType.StartArray:
                    while (r.Read() && r.TokenType != JsonTokenType.EndArray) AddSplit(list, Text(ref r));
                    break;
                case JsonTokenType.StartObject:
                    while (NextMember(ref r)) AddSplit(list, Text(ref r));
                    break;
                default:
                    r.Skip();
                    break;
            }
            return list.ToArray();
        }

        /// <summary>[101, "102"], "101,102", 101, or a PHP object {"0":101} → long[]; anything else → empty.</summary>
        public static long[] Int64List(ref Utf8JsonReader r)
        {
            var list = new List<long>();
            switch (r.TokenType)
            {
                case JsonTokenType.StartArray:
                    while (r.Read() && r.TokenType != JsonTokenType.EndArray) Add(list, Int64(ref r));
                    break;
                case JsonTokenType.StartObject:
                    while (NextMember(ref r)) Add(list, Int64(ref r));
                    break;
                case JsonTokenType.Number:
                    Add(list, Int64(ref r));
                    break;
                case JsonTokenType.String:
                    foreach (var part in (r.GetString() ?? "").Split(',', ';', ' ')) Add(list, ParseInt64(part));
                    break;
                default:
                    r.Skip();
                    break;
            }
            return list.ToArray();
        }

        /// <summary>
        /// An object's members into <paramref name="fields"/> as BCL values; PHP's list form [a, b] keyed "0", "1";
        /// anything else adds nothing.
        /// </summary>
        public static void Fields(ref Utf8JsonReader r, IDictionary<string, object> fields)
        {
            switch (r.TokenType)
            {
                case JsonTokenType.StartObject:
                    while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                    {
                        var name = r.GetString();
                        r.Read();
                        fields[name] = Bcl(ref r);
                    }
                    break;
                case JsonTokenType.StartArray:
                    var i = 0;
                    while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                        fields[(i++).ToString(CultureInfo.InvariantCulture)] = Bcl(ref r);
                    break;
                default:
                    r.Skip();
                    break;
            }
        }

        /// <summary>string, long, double, bool, null, object[] or Dictionary&lt;string, object&gt; (keys in any case).</summary>
        public static object Bcl(ref Utf8JsonReader r)
        {
            switch (r.TokenType)
            {
                case JsonTokenType.String: return r.GetString();
                case JsonTokenType.Number:
                    if (r.TryGetInt64(out var l)) return l;
                    if (r.TryGetDouble(out var d)) return d;
                    return RawText(ref r);
                case JsonTokenType.True: return true;
                case JsonTokenType.False: return false;
                case JsonTokenType.StartArray:
                    var list = new List<object>();
                    while (r.Read() && r.TokenType != JsonTokenType.EndArray) list.Add(Bcl(ref r));
                    return list.ToArray();
                case JsonTokenType.StartObject:
                    var dict = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
                    Fields(ref r, dict);
                    return dict;
                default: return null;
            }
        }

        /// <summary>Moves to the next member's value of the object being read; false at its end.</summary>
        public static bool NextMember(ref Utf8JsonReader r)
        {
            if (!r.Read() || r.TokenType != JsonTokenType.PropertyName) return false;
            r.Read();
            return true;
        }

        private static string RawText(ref Utf8JsonReader r) =>
            Encoding.UTF8.GetString(r.HasValueSequence ? r.ValueSequence.ToArray() : r.ValueSpan.ToArray());

        // ---------------------------------------------------------------- text

        public static bool IsNone(string text)
        {
            if (text == null) return true;
            var t = text.Trim();
            return t.Length == 0 || t == "-";
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

        /// <summary>
        /// "Mon, 05 May 2014 00:15:17 +0300" (offset kept), the same without the day name, ISO 8601, unix seconds
        /// (or milliseconds); "", "-", "0" and PHP's zero date → null.
        /// </summary>
        public static DateTimeOffset? ParseDate(string text)
        {
            if (IsNone(text)) return null;
            var s = text.Trim();
            return TryParseDocumentedDate(s, out var documented) ? documented : ParseAnyDate(s);
        }

        /// <summary>
        /// The form every date of the API has, "Mon, 05 May 2014 00:15:17 +0300", read without regular expressions
        /// (they took half the time of reading a page). Only a date whose parts are all in range is taken here, with
        /// the same result <see cref="ParseAnyDate"/> gives; anything else is left to it.
        /// </summary>
        internal static bool TryParseDocumentedDate(string s, out DateTimeOffset value)
        {
            value = default;
            if (s.Length != 31 || s[3] != ',' || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' || s[16] != ' ' || s[19] != ':' ||
                s[22] != ':' || s[25] != ' ' || (s[26] != '+' && s[26] != '-'))
                return false;
            if (!IsAsciiLetter(s[0]) || !IsAsciiLetter(s[1]) || !IsAsciiLetter(s[2])) return false;
            var month = Array.IndexOf(MonthNames, s.Substring(8, 3)) + 1;
            if (month == 0 || !TryDigits(s, 5, 2, out var day) || !TryDigits(s, 12, 4, out var year) || !TryDigits(s, 17, 2, out var hour) ||
                !TryDigits(s, 20, 2, out var minute) || !TryDigits(s, 23, 2, out var second) || !TryDigits(s, 27, 2, out var offsetHours) ||
                !TryDigits(s, 29, 2, out var offsetMinutes))
                return false;
            // years 1 and 9999 are left to the general parser: there an offset can put the instant outside the calendar
            if (year < 2 || year > 9998 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 ||
                second > 59 || offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60)
                return false;
            var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            value = new DateTimeOffset(year, month, day, hour, minute, second, s[26] == '-' ? offset.Negate() : offset);
            return true;
        }

        private static readonly string[] MonthNames = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

        private static bool IsAsciiLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

        private static bool TryDigits(string s, int start, int count, out int value)
        {
            value = 0;
            for (var i = start; i < start + count; i++)
            {
                if (s[i] < '0' || s[i] > '9') return false;
                value = value * 10 + (s[i] - '0');
            }
            return true;
        }

        /// <summary>Any other date text (trimmed, not none): see <see cref="ParseDate"/>.</summary>
        internal static DateTimeOffset? ParseAnyDate(string s)
        {
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

        private static void AddSplit(List<string> list, string text)
        {
            if (string.IsNullOrEmpty(text)) return;
            foreach (var part in text.Split(',', ';'))
            {
                var t = part.Trim();
                if (t.Length > 0 && t != "-") list.Add(t);
            }
        }

        private static void Add(List<long> list, long? value)
        {
            if (value.HasValue) list.Add(value.Value);
        }
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Omnidesk
{
    /// <summary>
    /// A read-only list on the output objects: a case's labels and e-mail addresses, a message's attachments.
    /// In PowerShell it behaves as the array it replaces (-contains, .Count, [0], foreach, a JSON array in
    /// ConvertTo-Json, a list in Export-Clixml); its <see cref="ToString"/> is what Export-Csv writes.
    /// </summary>
    /// <remarks>
    /// CSV text: the items joined by "; ", each written culture-invariantly (a number as digits, an attachment as
    /// its file name): <c>101; 103</c>, <c>a@x.com; b@y.com</c>, <c>screenshot-9000.png; invoice-9003.pdf</c>.
    /// An empty list is the empty string. Inside an item a backslash is written <c>\\</c> and a semicolon <c>\;</c>,
    /// so a reader splits the text at each semicolon not preceded by an escaping backslash, drops the one space that
    /// follows it, and unescapes each item.
    /// </remarks>
    public sealed class OmnideskList<T> : ReadOnlyCollection<T>
    {
        public OmnideskList(IEnumerable<T> items) : base(items == null ? new T[0] : items.ToArray())
        {
        }

        public static OmnideskList<T> Empty { get; } = new OmnideskList<T>(new T[0]);

        /// <summary>The same as Count: scripts and code written against the arrays these lists replace used Length.</summary>
        public int Length => Count;

        public static implicit operator OmnideskList<T>(T[] items) => items == null ? null : new OmnideskList<T>(items);

        public override string ToString() =>
            string.Join(OmnideskText.ItemSeparator, this.Select(item => OmnideskText.Escape(OmnideskText.Format(item), ";")));
    }

    /// <summary>
    /// A case's custom fields, keyed by the API's field name (cf_N, case-insensitively); a value is a string, a
    /// number (long or double), a boolean, null, or an array of them (object[]). Index it as $case.CustomFields['cf_25']
    /// or $case.CustomFields.cf_25; ConvertTo-Json writes it as a JSON object. Its <see cref="ToString"/> is what
    /// Export-Csv writes.
    /// </summary>
    /// <remarks>
    /// CSV text: <c>key=value</c> pairs joined by "; ", e.g. <c>cf_25=Order #A-1043; cf_30=Billing; cf_44=True</c>.
    /// Keys are written in the API's form cf_N and sorted by N; keys that are not cf_N (not sent by the API) follow,
    /// in ordinal order. Values are culture-invariant: a boolean is True or False, a number has no group separators
    /// and a dot as decimal point, null is empty, and an array's items are joined by "," (<c>cf_50=2,3</c>). An empty
    /// dictionary is the empty string. A backslash in a key or value is written <c>\\</c>, a semicolon <c>\;</c>,
    /// an equals sign in a key <c>\=</c> and a comma in a value <c>\,</c> (<c>cf_25=Hello\, world</c>), so a reader
    /// splits at unescaped ";" (dropping the space after it), then each pair at its first unescaped "=", then
    /// the value at unescaped ",": a value with an unescaped comma was an array (an array of one item reads back as
    /// that item).
    /// </remarks>
    public sealed class OmnideskCustomFields : Dictionary<string, object>
    {
        public OmnideskCustomFields() : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        /// <summary>A copy of <paramref name="fields"/>; of keys that differ only in case the last one wins.</summary>
        public OmnideskCustomFields(IEnumerable<KeyValuePair<string, object>> fields) : this()
        {
            if (fields == null) return;
            foreach (var field in fields) this[field.Key] = field.Value;
        }

        public override string ToString()
        {
            var pairs = Keys
                .Select(key => new { Key = key, Number = FieldNumber(key) })
                .OrderBy(k => k.Number == null ? 1 : 0)
                .ThenBy(k => k.Number ?? 0)
                .ThenBy(k => k.Key, StringComparer.Ordinal)
                .Select(k => OmnideskText.Escape(k.Number == null ? k.Key : "cf_" + k.Number.Value.ToString(CultureInfo.InvariantCulture), ";=") +
                             "=" + FormatValue(this[k.Key]));
            return string.Join(OmnideskText.ItemSeparator, pairs);
        }

        /// <summary>N of a key cf_N (in any case), else null.</summary>
        private static long? FieldNumber(string key) =>
            key != null && key.Length > 3 && key.StartsWith("cf_", StringComparison.OrdinalIgnoreCase) &&
            long.TryParse(key.Substring(3), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? number
                : (long?)null;

        /// <summary>
        /// A scalar escaped, or the items of an array joined by ",". A nested object (PHP's form of an array with
        /// gaps, {"0":"a","2":"b"}) counts as the array of its values.
        /// </summary>
        private static string FormatValue(object value)
        {
            if (value is string || !(value is IEnumerable))
                return OmnideskText.Escape(OmnideskText.Format(value), ";,");
            var items = value is IDictionary dictionary ? dictionary.Values : (IEnumerable)value;
            return string.Join(",", items.Cast<object>().Select(FormatValue));
        }
    }

    /// <summary>The text of the output collections in a CSV cell: invariant values, escaped separators.</summary>
    internal static class OmnideskText
    {
        internal const string ItemSeparator = "; ";

        /// <summary>Culture-invariant text of one value: True/False, "R" for floating point (exact), "" for null.</summary>
        internal static string Format(object value)
        {
            switch (value)
            {
                case null: return "";
                case string text: return text;
                case bool flag: return flag ? "True" : "False";
                case double number: return number.ToString("R", CultureInfo.InvariantCulture);
                case float number: return number.ToString("R", CultureInfo.InvariantCulture);
                case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString() ?? "";
            }
        }

        /// <summary>Puts a backslash before each backslash and each of <paramref name="separators"/> in <paramref name="text"/>.</summary>
        internal static string Escape(string text, string separators)
        {
            if (text.IndexOf('\\') < 0 && text.IndexOfAny(separators.ToCharArray()) < 0) return text;
            var escaped = new StringBuilder(text.Length + 8);
            foreach (var c in text)
            {
                if (c == '\\' || separators.IndexOf(c) >= 0) escaped.Append('\\');
                escaped.Append(c);
            }
            return escaped.ToString();
        }
    }
}

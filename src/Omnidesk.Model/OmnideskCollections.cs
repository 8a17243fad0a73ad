using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace Omnidesk
{
    /// <summary>
    /// A read-only list on the output objects: a case's labels and e-mail addresses, a message's attachments.
    /// In PowerShell it behaves as the array it replaces (-contains, .Count, [0], foreach, a JSON array in
    /// ConvertTo-Json, a list in Export-Clixml); its <see cref="ToString"/> is what Export-Csv writes.
    /// </summary>
    /// <remarks>
    /// CSV text: the items joined by "; ", each written as it is and culture-invariantly (a number as digits, an
    /// attachment as its file name): <c>101; 103</c>, <c>a@x.com; b@y.com</c>, <c>screenshot-9000.png; invoice-9003.pdf</c>.
    /// An empty list is the empty string. Nothing is escaped: label ids and e-mail addresses hold no ";", so splitting
    /// at "; " gives them back exactly; a file name that itself contains "; " cannot be told apart from two names.
    /// </remarks>
    public sealed class OmnideskList<T> : ReadOnlyCollection<T>
    {
        public OmnideskList(IEnumerable<T> items) : base(items == null ? Array.Empty<T>() : items.ToArray())
        {
        }

        public static OmnideskList<T> Empty { get; } = new OmnideskList<T>(Array.Empty<T>());

        /// <summary>The same as Count: scripts and code written against the arrays these lists replace used Length.</summary>
        public int Length => Count;

        public static implicit operator OmnideskList<T>(T[] items) => items == null ? null : new OmnideskList<T>(items);

        public override string ToString() =>
            string.Join(OmnideskText.ItemSeparator, this.Select(item => OmnideskText.Format(item)));
    }

    /// <summary>
    /// A case's custom fields, keyed by the API's field name (cf_N, case-insensitively); a value is a string, a
    /// number (long or double), a boolean, null, or an array of them (object[]). Index it as $case.CustomFields['cf_25']
    /// or $case.CustomFields.cf_25; ConvertTo-Json writes it as a JSON object. Its <see cref="ToString"/> is what
    /// Export-Csv writes.
    /// </summary>
    /// <remarks>
    /// CSV text: <c>cf_N=value</c> pairs joined by "; ", e.g. <c>cf_25=Order #A-1043; cf_30=Billing; cf_44=True</c>.
    /// Keys are written in the API's form cf_N and sorted by N; keys that are not cf_N (the API sends none) follow, in
    /// ordinal order. Values are written as they are and culture-invariantly: a boolean is True or False, a number has
    /// no group separators and a dot as decimal point, null is empty, and an array's items are joined by ","
    /// (<c>cf_50=2,3</c>). An empty dictionary is the empty string.
    /// Reading it back: split before each "; " that is followed by cf_N= (so a value may contain ";" and "="), then
    /// each pair at its first "="; whether a value is an array (split at ",") or a text is the field's own kind, as
    /// the case has it. Only a text value containing "; cf_N=" itself would be split wrongly.
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
                .Select(k => (k.Number == null ? k.Key : "cf_" + k.Number.Value.ToString(CultureInfo.InvariantCulture)) +
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
        /// A scalar, or the items of an array joined by ",". A nested object (PHP's form of an array with gaps,
        /// {"0":"a","2":"b"}) counts as the array of its values; one with an address (an e-mail recipient of
        /// Omnidesk.com's meta_data, {"address":…,"name":…}) is that address.
        /// </summary>
        private static string FormatValue(object value)
        {
            if (value is string || !(value is IEnumerable))
                return OmnideskText.Format(value);
            if (value is IDictionary<string, object> recipient && recipient.TryGetValue("address", out var address))
                return OmnideskText.Format(address);
            var items = value is IDictionary dictionary ? dictionary.Values : (IEnumerable)value;
            return string.Join(",", items.Cast<object>().Select(FormatValue));
        }
    }

    /// <summary>The text of the output collections in a CSV cell.</summary>
    internal static class OmnideskText
    {
        internal const string ItemSeparator = "; ";

        /// <summary>Culture-invariant text of one value: True/False as PowerShell writes booleans, "" for null.</summary>
        internal static string Format(object value)
        {
            switch (value)
            {
                case null: return "";
                case string text: return text;
                case bool flag: return flag ? "True" : "False";
                case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString() ?? "";
            }
        }
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace Omnidesk
{
    /// <summary>
    /// Reads what a user hands a cmdlet, whatever its shape: the module's own objects, [pscustomobject]s, Import-Csv
    /// rows (every value a string), hashtables, deserialized objects (Import-Clixml, Start-Job) and plain values.
    /// Cmdlets take such input as a PSObject and read it here, not through PowerShell's conversion of a PSObject to a
    /// class, which would turn a [pscustomobject] into an empty case.
    /// </summary>
    internal static class PipedItem
    {
        /// <summary>The object inside a PSObject wrapper (a [pscustomobject] stays a PSObject: its properties are the wrapper's).</summary>
        public static object Unwrap(object item) =>
            item is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : item;

        /// <summary>
        /// The items of a value given to -InputObject: an array given as an argument (or piped as one object) is each of
        /// its elements; anything else is itself.
        /// </summary>
        public static IEnumerable<object> Expand(object input)
        {
            var value = Unwrap(input);
            if (value is IEnumerable many && !(value is string) && !(value is IDictionary))
            {
                foreach (var element in many) yield return element;
            }
            else
            {
                yield return input;
            }
        }

        /// <summary>
        /// The value of the first of <paramref name="names"/> the item has (case-insensitively), skipping those that are
        /// null or blank: a CSV row whose CaseId cell is empty may still carry a CaseNumber.
        /// </summary>
        public static bool TryGet(object item, IEnumerable<string> names, out object value, out string name)
        {
            foreach (var candidate in names)
            {
                if (TryGetOne(item, candidate, out value) && !IsBlank(value))
                {
                    name = candidate;
                    return true;
                }
            }
            value = null;
            name = null;
            return false;
        }

        private static bool TryGetOne(object item, string name, out object value)
        {
            value = null;
            if (Unwrap(item) is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (string.Equals(Convert.ToString(entry.Key, CultureInfo.InvariantCulture), name, StringComparison.OrdinalIgnoreCase))
                    {
                        value = Unwrap(entry.Value);
                        return true;
                    }
                }
                return false;
            }
            var property = PSObject.AsPSObject(item).Properties[name];
            if (property == null) return false;
            try
            {
                value = Unwrap(property.Value);
            }
            catch (GetValueException)
            {
                return false;
            }
            return true;
        }

        public static bool IsBlank(object value) =>
            value == null || (value is string text && text.Trim().Length == 0);

        /// <summary>Whether the item is a plain value (a number or a text) rather than an object with properties.</summary>
        public static bool IsScalar(object item)
        {
            var value = Unwrap(item);
            return value is string || value is ValueType;
        }

        /// <summary>
        /// An id as the API knows it: a whole number from 1 up, given as any integer type, a whole floating-point number,
        /// or a text of digits (CSV cells). Anything else is refused, never read as some other id.
        /// </summary>
        public static bool TryParseId(object value, out long id)
        {
            id = 0;
            switch (Unwrap(value))
            {
                case long l: id = l; break;
                case int i: id = i; break;
                case short s: id = s; break;
                case byte b: id = b; break;
                case sbyte sb: id = sb; break;
                case uint ui: id = ui; break;
                case ushort us: id = us; break;
                case ulong ul when ul <= long.MaxValue: id = (long)ul; break;
                case decimal d when d == decimal.Truncate(d) && d >= 1 && d <= long.MaxValue: id = (long)d; break;
                case double f when f == Math.Floor(f) && f >= 1 && f <= 9e15: id = (long)f; break;
                case string text:
                    var trimmed = text.Trim();
                    if (trimmed.Length == 0 || trimmed.Length > 19) return false;
                    foreach (var c in trimmed)
                        if (c < '0' || c > '9') return false;
                    if (!long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out id)) return false;
                    break;
                default: return false;
            }
            return id >= 1;
        }

        /// <summary>A piped value as messages show it: a text in quotes ('twenty'), a number as it is.</summary>
        public static string Quote(object value) =>
            value is string text ? "'" + text + "'" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "$null";

        /// <summary>The type of the item as PowerShell shows it, e.g. Omnidesk.OmnideskFilter, Deserialized.Omnidesk.OmnideskCase.</summary>
        public static string TypeName(object item)
        {
            if (item is PSObject ps && ps.TypeNames.Count > 0)
            {
                var first = ps.TypeNames[0];
                return first == typeof(PSCustomObject).FullName ? "[pscustomobject]" : first;
            }
            return Unwrap(item)?.GetType().FullName ?? "$null";
        }

        /// <summary>A boolean as objects and CSV cells carry it: True/False, 1/0. Null when there is none or it is something else.</summary>
        public static bool? AsBool(object value)
        {
            value = Unwrap(value);
            if (value is bool b) return b;
            if (value is string text)
            {
                text = text.Trim();
                if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || text == "1") return true;
                if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) || text == "0") return false;
                return null;
            }
            if (value is int i && (i == 0 || i == 1)) return i == 1;
            if (value is long l && (l == 0 || l == 1)) return l == 1;
            return null;
        }
    }
}

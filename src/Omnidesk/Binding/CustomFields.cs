using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace Omnidesk
{
    /// <summary>
    /// Custom fields as users write them in a hashtable, keyed by the API's name or the field's number:
    /// @{ cf_25 = 'vip'; 30 = '2','3'; cf_44 = $true }.
    /// </summary>
    internal static class CustomFields
    {
        /// <summary>Converts the table; a key that is not a custom field is a terminating InvalidArgument error.</summary>
        public static Dictionary<string, T> Convert<T>(PSCmdlet cmdlet, Hashtable table, Func<object, T> convertValue)
        {
            var result = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in table)
            {
                var key = Normalize(entry.Key);
                if (key == null)
                {
                    cmdlet.ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskInvalidCustomField",
                        $"-CustomField key '{entry.Key}' is not a custom field: use its API name, such as cf_25.", entry.Key));
                }
                result[key] = convertValue(entry.Value);
            }
            return result;
        }

        /// <summary>For list filters: the values to match, as text (a checkbox as 1/0).</summary>
        public static string[] FilterValues(object value)
        {
            value = Unwrap(value);
            if (value is string s) return new[] { s };
            if (value is IEnumerable many) return many.Cast<object>().Select(Text).ToArray();
            return new[] { Text(value) };
        }

        /// <summary>For writes: the value as given (text, number, boolean), or an array of them.</summary>
        public static object WriteValue(object value)
        {
            value = Unwrap(value);
            if (value is string || value == null) return value;
            if (value is IEnumerable many) return many.Cast<object>().Select(Unwrap).ToArray();
            return value;
        }

        internal static string Normalize(object key)
        {
            var text = System.Convert.ToString(Unwrap(key), CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            if (text.StartsWith("cf_", StringComparison.OrdinalIgnoreCase)) text = text.Substring(3);
            return text.Length > 0 && text.All(char.IsDigit) ? "cf_" + text : null;
        }

        private static string Text(object value)
        {
            value = Unwrap(value);
            if (value is bool b) return b ? "1" : "0";
            return System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }

        private static object Unwrap(object value) => value is PSObject ps ? ps.BaseObject : value;
    }
}

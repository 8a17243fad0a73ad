using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace Omnidesk
{
    /// <summary>
    /// The body of an Omnidesk.com write: form fields in the order given, names as the API spells them (camelCase and
    /// snake_case both occur), lists as repeated name[] fields. Sent urlencoded, or as multipart when <see cref="Multipart"/>.
    /// </summary>
    public sealed class OmnideskForm : IEnumerable<KeyValuePair<string, string>>
    {
        private readonly List<KeyValuePair<string, string>> _fields = new List<KeyValuePair<string, string>>();

        /// <summary>Whether the endpoint takes multipart/form-data (POST message) rather than urlencoded fields.</summary>
        public bool Multipart { get; set; }

        public int Count => _fields.Count;

        /// <summary>Adds a field; a null value is left out (the API keeps what it has).</summary>
        public OmnideskForm Add(string name, string value)
        {
            if (value != null) _fields.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public OmnideskForm Add(string name, long? value) =>
            Add(name, value?.ToString(CultureInfo.InvariantCulture));

        /// <summary>One name[] field for each value.</summary>
        public OmnideskForm AddList(string name, IEnumerable<long> values)
        {
            foreach (var value in values) _fields.Add(new KeyValuePair<string, string>(name + "[]", value.ToString(CultureInfo.InvariantCulture)));
            return this;
        }

        /// <summary>
        /// Fields by their own names (custom customer fields): a value is sent as its invariant text, a boolean as 1/0, a
        /// null as the empty string (it clears the field). Names the form already has are refused.
        /// </summary>
        public OmnideskForm AddFields(IDictionary<string, object> fields)
        {
            if (fields == null) return this;
            foreach (var pair in fields)
            {
                if (string.IsNullOrWhiteSpace(pair.Key)) throw new ArgumentException("A custom field needs a name.", nameof(fields));
                foreach (var field in _fields)
                    if (string.Equals(field.Key, pair.Key, StringComparison.OrdinalIgnoreCase))
                        throw new ArgumentException($"'{pair.Key}' is a field of its own here, not a custom field.", nameof(fields));
                _fields.Add(new KeyValuePair<string, string>(pair.Key, Text(pair.Value)));
            }
            return this;
        }

        private static string Text(object value)
        {
            switch (value)
            {
                case null: return "";
                case bool b: return b ? "1" : "0";
                default: return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        /// <summary>The value of the first field of that name, or null.</summary>
        public string this[string name]
        {
            get
            {
                foreach (var field in _fields)
                    if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase)) return field.Value;
                return null;
            }
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _fields.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

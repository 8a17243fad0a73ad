using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace Omnidesk.Engine.Http
{
    /// <summary>One field of a multipart/form-data body: a text value, or a file read from disk when sent.</summary>
    internal sealed class FormField
    {
        private FormField(string name, string value, OmnideskUpload file)
        {
            Name = name;
            Value = value;
            File = file;
        }

        public string Name { get; }
        public string Value { get; }
        public OmnideskUpload File { get; }

        public static FormField Text(string name, string value) => new FormField(name, value ?? "", null);
        public static FormField Upload(string name, OmnideskUpload file) => new FormField(name, null, file);

        public override string ToString() => File != null ? Name + "=@" + File.FileName : Name + "=" + Value;
    }

    /// <summary>
    /// Builds the PHP-style field list of a multipart body: prefix[name], prefix[name][] repeated for arrays,
    /// prefix[custom_fields][cf_N], prefix[attachments][N]. Reusable for message[…] and note[…] bodies.
    /// </summary>
    internal sealed class FormFieldList
    {
        private readonly string _prefix;
        private readonly List<FormField> _fields = new List<FormField>();

        /// <param name="prefix">The wrapping key: "case", "message", "note".</param>
        public FormFieldList(string prefix) => _prefix = prefix;

        public IReadOnlyList<FormField> Fields => _fields;

        public string Name(params string[] keys)
        {
            var name = _prefix;
            foreach (var key in keys) name += "[" + key + "]";
            return name;
        }

        /// <summary>prefix[key]=value; null is skipped.</summary>
        public FormFieldList Add(string key, string value)
        {
            if (value != null) _fields.Add(FormField.Text(Name(key), value));
            return this;
        }

        public FormFieldList Add(string key, long? value)
        {
            if (value.HasValue) _fields.Add(FormField.Text(Name(key), value.Value.ToString(CultureInfo.InvariantCulture)));
            return this;
        }

        /// <summary>prefix[key][]=v repeated; null or empty is skipped.</summary>
        public FormFieldList AddArray<T>(string key, IEnumerable<T> values)
        {
            if (values == null) return this;
            var name = Name(key) + "[]";
            foreach (var v in values) _fields.Add(FormField.Text(name, Text(v)));
            return this;
        }

        /// <summary>prefix[custom_fields][cf_N]=value, or prefix[custom_fields][cf_N][]=v repeated for an array.</summary>
        public FormFieldList AddCustomFields(IDictionary<string, object> customFields, string key = "custom_fields")
        {
            if (customFields == null) return this;
            foreach (var pair in customFields)
            {
                if (string.IsNullOrEmpty(pair.Key)) continue;
                var name = Name(key, pair.Key);
                if (IsArray(pair.Value))
                {
                    foreach (var item in (IEnumerable)pair.Value) _fields.Add(FormField.Text(name + "[]", Text(item)));
                }
                else
                {
                    _fields.Add(FormField.Text(name, Text(pair.Value)));
                }
            }
            return this;
        }

        /// <summary>prefix[attachments][0], [1], …: each file with its name.</summary>
        public FormFieldList AddFiles(IEnumerable<OmnideskUpload> files, string key = "attachments")
        {
            if (files == null) return this;
            var index = 0;
            foreach (var file in files)
            {
                if (file == null) continue;
                _fields.Add(FormField.Upload(Name(key, index.ToString(CultureInfo.InvariantCulture)), file));
                index++;
            }
            return this;
        }

        internal static bool IsArray(object value) => value is IEnumerable && !(value is string) && !(value is IDictionary);

        /// <summary>
        /// A scalar as form text: invariant numbers, booleans as 1/0 (what PHP reads as true/false; "false" would be
        /// true there), null as "", an array as its items joined by commas.
        /// </summary>
        public static string Text(object value)
        {
            switch (value)
            {
                case null: return "";
                case string s: return s;
                case bool b: return b ? "1" : "0";
                case double d: return d.ToString("R", CultureInfo.InvariantCulture);
                case float f: return f.ToString("R", CultureInfo.InvariantCulture);
                case DateTime dt: return JsonBodyValues.DateText(dt);
                case DateTimeOffset dto: return JsonBodyValues.DateText(dto);
                case Enum e: return e.ToString();
                case IEnumerable many when !(value is IDictionary):
                    var parts = new List<string>();
                    foreach (var item in many) parts.Add(Text(item));
                    return string.Join(",", parts);
                default: return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            }
        }
    }

    /// <summary>Text forms of dates shared by JSON and form bodies.</summary>
    internal static class JsonBodyValues
    {
        public static string DateText(DateTime value) =>
            value.TimeOfDay == TimeSpan.Zero
                ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

        public static string DateText(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}

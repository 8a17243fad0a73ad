using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// An authenticated Omnidesk.com request as a handler sees it: the route's parts and one set of parameters, the query
    /// string merged with the body (urlencoded, multipart or JSON; the body wins), names matched case-insensitively and
    /// "x[]" the same as "x" (E3, a guess).
    /// </summary>
    public sealed class ComRequest
    {
        readonly Dictionary<string, List<string>> _params;

        public ComRequest(string method, string controller, string action, string id, IQueryCollection query, RequestBody body, ComStore store, ComApiKey key)
        {
            Method = method;
            Controller = controller;
            Action = action;
            Id = id;
            Store = store;
            Key = key;
            _params = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in query)
                Add(Normalize(name), values.Where(v => v != null));
            if (body.HasJson && body.Json.ValueKind == JsonValueKind.Object)
            {
                var fromBody = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
                foreach (var p in body.Json.EnumerateObject())
                {
                    string name = Normalize(p.Name);
                    if (!fromBody.TryGetValue(name, out var list)) fromBody[name] = list = new List<string>();
                    list.AddRange(Scalars(p.Value));
                }
                foreach (var (name, values) in fromBody) _params[name] = values;
            }
        }

        public string Method { get; }
        /// <summary>The controller, lower-case ("ticket").</summary>
        public string Controller { get; }
        /// <summary>The action, lower-case ("setstatus"), or null.</summary>
        public string Action { get; }
        /// <summary>The id segment as sent, or null.</summary>
        public string Id { get; }
        public ComStore Store { get; }
        public ComApiKey Key { get; }

        /// <summary>Every parameter name (without "[]"), in no particular order.</summary>
        public IEnumerable<string> Names => _params.Keys;

        public bool Has(string name) => _params.ContainsKey(name);

        /// <summary>The first value, trimmed; null when absent or blank.</summary>
        public string Text(string name)
        {
            if (!_params.TryGetValue(name, out var values)) return null;
            string v = values.Select(s => s.Trim()).FirstOrDefault(s => s.Length > 0);
            return v;
        }

        /// <summary>The first value as sent (not trimmed), or null.</summary>
        public string Raw(string name) => _params.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

        /// <summary>Every value: repeated keys, array items and comma lists, trimmed, blanks dropped.</summary>
        public List<string> List(string name) =>
            _params.TryGetValue(name, out var values)
                ? values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
                : new List<string>();

        /// <summary>Absent → null and no error; present but not a whole number → an error.</summary>
        public ComResult Number(string name, out long? value)
        {
            value = null;
            string s = Text(name);
            if (s == null) return null;
            if (!long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n)) return ComResult.Invalid(name);
            value = n;
            return null;
        }

        /// <summary>1/true/yes or 0/false/no; absent → the default; anything else → an error.</summary>
        public ComResult Flag(string name, bool defaultValue, out bool value)
        {
            value = defaultValue;
            string s = Text(name);
            if (s == null) return null;
            switch (s.ToLowerInvariant())
            {
                case "1": case "true": case "yes": value = true; return null;
                case "0": case "false": case "no": value = false; return null;
                default: return ComResult.Invalid(name);
            }
        }

        void Add(string name, IEnumerable<string> values)
        {
            if (!_params.TryGetValue(name, out var list)) _params[name] = list = new List<string>();
            list.AddRange(values);
        }

        /// <summary>"x[]" and the indexed "x[0]" (PHP's array forms) are "x"; a form body's are already folded into x by the body reader.</summary>
        static string Normalize(string name)
        {
            int open = name.IndexOf('[', StringComparison.Ordinal);
            if (open <= 0 || !name.EndsWith(']')) return name;
            string index = name.Substring(open + 1, name.Length - open - 2);
            return index.All(char.IsAsciiDigit) ? name.Substring(0, open) : name;
        }

        /// <summary>A body value as strings: a scalar, an array's items, or an object's values (indexed form keys x[0]).</summary>
        static IEnumerable<string> Scalars(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Array => e.EnumerateArray().SelectMany(Scalars),
            JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Scalars(p.Value)),
            JsonValueKind.True => new[] { "1" },
            JsonValueKind.False => new[] { "0" },
            JsonValueKind.Null or JsonValueKind.Undefined => Array.Empty<string>(),
            _ => new[] { BodyValues.Str(e) },
        };
    }
}

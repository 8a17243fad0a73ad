using System;
using System.Collections.Generic;
using System.Text;

namespace Omnidesk.Engine.Http
{
    internal static class QueryString
    {
        /// <summary>
        /// path?name=value&amp;…: values percent-encoded; names too, except that [ and ] stay literal
        /// (status[]=open, custom_fields[cf_25][]=x: readable in logs, accepted by the PHP-style server).
        /// </summary>
        public static string Build(string path, IEnumerable<KeyValuePair<string, string>> parameters)
        {
            var sb = new StringBuilder(path);
            if (parameters == null) return sb.ToString();
            var separator = path.IndexOf('?') >= 0 ? '&' : '?';
            foreach (var p in parameters)
            {
                if (string.IsNullOrEmpty(p.Key)) continue;
                sb.Append(separator).Append(EscapeName(p.Key)).Append('=').Append(EscapeValue(p.Value));
                separator = '&';
            }
            return sb.ToString();
        }

        public static string EscapeName(string name) =>
            Uri.EscapeDataString(name)
                .Replace("%5B", "[").Replace("%5b", "[")
                .Replace("%5D", "]").Replace("%5d", "]");

        public static string EscapeValue(string value) => string.IsNullOrEmpty(value) ? "" : Uri.EscapeDataString(value);
    }
}

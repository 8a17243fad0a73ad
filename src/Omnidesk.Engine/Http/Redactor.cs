using System;
using System.Text.RegularExpressions;

namespace Omnidesk.Engine.Http
{
    /// <summary>Keeps secrets out of every text the engine produces (logs, exception texts).</summary>
    internal sealed class Redactor
    {
        internal const string Mask = "<redacted>";

        // "password": "...", "api_key": "...", "access_token": "..." in JSON bodies
        private static readonly Regex SecretJsonField = new Regex(
            "(\"[^\"]*(?:password|passwd|api_?key|apikey|token|secret)[^\"]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private readonly string[] _secrets;

        public Redactor(params string[] secrets)
        {
            // Very short values would mangle ordinary text; they are still never written anywhere by the engine.
            _secrets = Array.FindAll(secrets ?? Array.Empty<string>(), s => !string.IsNullOrEmpty(s) && s.Length >= 6);
        }

        public static bool IsSecretHeader(string name)
        {
            if (string.IsNullOrEmpty(name)) return false;
            var n = name.ToLowerInvariant();
            return n == "authorization" || n == "proxy-authorization" || n == "cookie" || n == "set-cookie" ||
                   n.Contains("key") || n.Contains("token") || n.Contains("secret") || n.Contains("password");
        }

        /// <summary>Masks secret-looking JSON fields and any occurrence of the connection's secrets.</summary>
        public string Scrub(string text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            var result = SecretJsonField.Replace(text, "$1\"" + Mask + "\"");
            foreach (var secret in _secrets)
            {
                if (result.IndexOf(secret, StringComparison.Ordinal) >= 0)
                    result = result.Replace(secret, Mask);
            }
            return result;
        }
    }
}

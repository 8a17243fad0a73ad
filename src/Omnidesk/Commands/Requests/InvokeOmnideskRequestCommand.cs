using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>
    /// Any request to the API through the connection (its auth, rate limiter, retries and error records), for the
    /// endpoints the module does not wrap yet. The answer comes back as objects (ConvertFrom-Json), or as text with -Raw.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "OmnideskRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject), typeof(string))]
    public sealed class InvokeOmnideskRequestCommand : OmnideskConnectedCmdlet
    {
        /// <summary>Both products: the path is relative to the connection's API root (api/ or api/v2/).</summary>
        private protected override OmnideskProduct? ServedProduct => null;

        /// <summary>The path under the API root: "languages.json", "/api/staff/12.json", "cases/123/changelog.json".</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uri")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter(Position = 1)]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE")]
        public string Method { get; set; } = "GET";

        /// <summary>Query parameters; an array value is sent once per element.</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary Query { get; set; }

        /// <summary>The JSON body: text as it is, or any object (hashtable, [pscustomobject]) converted with ConvertTo-Json.</summary>
        [Parameter]
        public object Body { get; set; }

        /// <summary>Write the answer's text instead of objects.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        // Made once per command, not per piped path.
        private ScriptBlock _fromJson;
        private ScriptBlock _toJson;

        protected override void ProcessRecord()
        {
            var method = Method.ToUpperInvariant();
            var json = BodyJson();
            // A read changes nothing; any other method may, so it is asked about and -WhatIf sends nothing.
            if (method != "GET" && !ShouldProcess(Path, method)) return;
            var path = Path;
            var query = QueryPairs();
            // Piped paths go as the command's per-item requests: up to -MaxConcurrency at once, answers in their order.
            Items.Add(async context =>
            {
                try
                {
                    return (Answer: await Client.SendAsync(method, path, query, json, context).ConfigureAwait(false), Refusal: (string)null);
                }
                catch (ArgumentException e)
                {
                    return (Answer: (OmnideskResponse)null, Refusal: e.Message); // a whole address, an empty path: nothing was sent
                }
            }, sent =>
            {
                if (sent.Refusal != null) WriteError(OmnideskErrors.InvalidArgument("OmnideskInvalidRequest", sent.Refusal, path));
                else WriteAnswer(sent.Answer);
            }, e => WriteApiError(e, path));
        }

        private void WriteAnswer(OmnideskResponse response)
        {
            var text = response.Body ?? "";
            if (Raw || text.Trim().Length == 0)
            {
                if (Raw) WriteObject(text);
                return;
            }
            var isJson = response.ContentType == null || response.ContentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0 ||
                         text.TrimStart().StartsWith("{", StringComparison.Ordinal) || text.TrimStart().StartsWith("[", StringComparison.Ordinal);
            if (!isJson)
            {
                WriteObject(text);
                return;
            }
            foreach (var item in InvokeCommand.InvokeScript(false, _fromJson ?? (_fromJson = ScriptBlock.Create("param($j) ConvertFrom-Json -InputObject $j")), null, text))
                WriteObject(item, enumerateCollection: true);
        }

        private string BodyJson()
        {
            if (Body == null) return null;
            var value = Body is PSObject wrapped ? wrapped.BaseObject : Body;
            if (value is string text) return text;
            var converted = InvokeCommand.InvokeScript(false,
                _toJson ?? (_toJson = ScriptBlock.Create("param($b) ConvertTo-Json -InputObject $b -Depth 20 -Compress")), null, Body);
            return converted.Count == 0 ? null : converted[0].BaseObject as string;
        }

        private IEnumerable<KeyValuePair<string, string>> QueryPairs()
        {
            var pairs = new List<KeyValuePair<string, string>>();
            if (Query == null) return pairs;
            foreach (DictionaryEntry entry in Query)
            {
                var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture);
                var value = PipedItem.Unwrap(entry.Value);
                if (value is IEnumerable many && !(value is string))
                {
                    foreach (var element in many) pairs.Add(new KeyValuePair<string, string>(name, Text(element)));
                }
                else
                {
                    pairs.Add(new KeyValuePair<string, string>(name, Text(value)));
                }
            }
            return pairs;
        }

        private static string Text(object value)
        {
            value = PipedItem.Unwrap(value);
            switch (value)
            {
                case null: return "";
                case bool b: return b ? "true" : "false";
                case DateTime d: return new DateTimeOffset(d).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                case DateTimeOffset o: return o.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                default: return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }
    }
}

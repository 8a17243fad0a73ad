using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>
    /// -CustomField of the Omnidesk.com customer writes: custom customer fields by their own names (company = 'Acme').
    /// A value is text, a number or a boolean ($null clears the field); anything else is refused before sending.
    /// </summary>
    internal static class ComCustomFields
    {
        /// <summary>The API's own parameters of customer create and update: a custom field cannot have these names.</summary>
        private static readonly HashSet<string> OwnFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "apiKey", "ticket_id", "noSync", "customer_link_channel", "firstname", "lastname", "brand_id", "brandID", "primary_id",
            "channel_id", "externalPrimaryID",
        };

        /// <summary>The table as the form takes it; a bad key or value is a terminating InvalidArgument error.</summary>
        public static IDictionary<string, object> Convert(PSCmdlet cmdlet, Hashtable table)
        {
            if (table == null) return null;
            var result = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in table)
            {
                var key = System.Convert.ToString(entry.Key is PSObject k ? k.BaseObject : entry.Key, System.Globalization.CultureInfo.InvariantCulture)?.Trim();
                if (string.IsNullOrEmpty(key))
                    cmdlet.ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskInvalidCustomField",
                        "-CustomField needs each field's name as its key, such as @{ company = 'Acme' }.", entry.Key));
                if (OwnFields.Contains(key))
                    cmdlet.ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskInvalidCustomField",
                        $"-CustomField '{key}' is a parameter of the API's own, not a custom field: use the cmdlet's parameter for it.", entry.Key));
                var value = entry.Value is PSObject v ? v.BaseObject : entry.Value;
                if (value != null && !(value is string) && (value is IEnumerable || value is IDictionary || Type.GetTypeCode(value.GetType()) == TypeCode.Object))
                    cmdlet.ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskInvalidCustomField",
                        $"-CustomField '{key}': give a text, a number or a boolean ($null clears the field), not {value.GetType().Name}.", entry.Value));
                result[key] = value;
            }
            return result;
        }
    }
}

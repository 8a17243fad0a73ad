using System;
using System.Collections.Generic;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>A customer with its contact channels and custom fields. Mutable: accessed under the store's lock.</summary>
    public sealed class ComCustomer
    {
        public long Id { get; init; }
        public long BrandId { get; init; }
        /// <summary>The account's own id of the customer (a string), or null.</summary>
        public string ExternalPrimaryId { get; set; }
        public string Firstname { get; set; } = "";
        public string Lastname { get; set; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public List<ComCustomerChannel> Channels { get; } = new();
        /// <summary>Custom customer fields by name, in the order they were first set.</summary>
        public List<KeyValuePair<string, string>> CustomFields { get; } = new();

        public void SetCustomField(string name, string value)
        {
            int i = CustomFields.FindIndex(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase));
            if (i >= 0) CustomFields[i] = new KeyValuePair<string, string>(CustomFields[i].Key, value);
            else CustomFields.Add(new KeyValuePair<string, string>(name, value));
        }
    }
}

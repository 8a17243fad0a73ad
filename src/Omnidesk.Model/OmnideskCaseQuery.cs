using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Omnidesk
{
    /// <summary>The filters of the cases list (GET /api/cases.json), without paging.</summary>
    public sealed class OmnideskCaseQuery
    {
        /// <summary>The API takes at most this many values in one array parameter.</summary>
        public const int MaxArrayValues = 20;

        public string[] Status { get; set; }
        public string[] Priority { get; set; }
        public string[] Channel { get; set; }
        public long[] UserId { get; set; }
        public string[] UserEmail { get; set; }
        public string[] UserPhone { get; set; }
        public string[] UserCustomId { get; set; }
        public long[] StaffId { get; set; }
        public long[] GroupId { get; set; }
        public long[] Label { get; set; }
        /// <summary>cf_N → the values to match (any of them).</summary>
        public Dictionary<string, string[]> CustomFields { get; set; }
        public string FilterId { get; set; }
        public string Subject { get; set; }
        public DateTimeOffset? CreatedAfter { get; set; }
        public DateTimeOffset? CreatedBefore { get; set; }
        public DateTimeOffset? UpdatedAfter { get; set; }
        public DateTimeOffset? UpdatedBefore { get; set; }
        public string Sort { get; set; }
        public bool IncludeMerged { get; set; }
        public bool IncludeActiveChats { get; set; }

        /// <summary>The query-string parameters, in a stable order; arrays as name[]=v, a single value as name=v.</summary>
        public IList<KeyValuePair<string, string>> ToQueryParameters()
        {
            var p = new List<KeyValuePair<string, string>>();
            AddArray(p, "status", Status);
            AddArray(p, "priority", Priority);
            AddArray(p, "channel", Channel);
            AddArray(p, "user_id", UserId);
            AddArray(p, "user_email", UserEmail);
            AddArray(p, "user_phone", UserPhone);
            AddArray(p, "user_custom_id", UserCustomId);
            AddArray(p, "staff_id", StaffId);
            AddArray(p, "group_id", GroupId);
            AddArray(p, "labels", Label);
            if (CustomFields != null)
            {
                foreach (var field in CustomFields.OrderBy(f => f.Key, StringComparer.Ordinal))
                    AddArray(p, "custom_fields[" + field.Key + "]", field.Value);
            }
            Add(p, "filter", FilterId);
            Add(p, "subject", Subject);
            Add(p, "from_time", UnixTime(CreatedAfter));
            Add(p, "to_time", UnixTime(CreatedBefore));
            Add(p, "from_updated_time", UnixTime(UpdatedAfter));
            Add(p, "to_updated_time", UnixTime(UpdatedBefore));
            Add(p, "sort", Sort);
            if (IncludeMerged) Add(p, "show_merged_cases", "true");
            if (IncludeActiveChats) Add(p, "show_active_chats", "true");
            return p;
        }

        public OmnideskCaseQuery Clone()
        {
            var copy = (OmnideskCaseQuery)MemberwiseClone();
            if (CustomFields != null)
                copy.CustomFields = new Dictionary<string, string[]>(CustomFields, StringComparer.OrdinalIgnoreCase);
            return copy;
        }

        private static void AddArray<T>(List<KeyValuePair<string, string>> p, string name, IReadOnlyList<T> values)
        {
            if (values == null || values.Count == 0) return;
            if (values.Count == 1)
            {
                p.Add(new KeyValuePair<string, string>(name, Invariant(values[0])));
                return;
            }
            foreach (var v in values) p.Add(new KeyValuePair<string, string>(name + "[]", Invariant(v)));
        }

        private static void Add(List<KeyValuePair<string, string>> p, string name, string value)
        {
            if (!string.IsNullOrEmpty(value)) p.Add(new KeyValuePair<string, string>(name, value));
        }

        private static string Invariant(object value) => Convert.ToString(value, CultureInfo.InvariantCulture);

        private static string UnixTime(DateTimeOffset? value) =>
            value.HasValue ? value.Value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : null;
    }
}

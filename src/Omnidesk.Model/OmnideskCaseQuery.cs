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

        /// <summary>
        /// Splits a query whose array filters hold more than <paramref name="maxValues"/> values into queries
        /// that each respect the limit (the cartesian product of the chunks). <paramref name="disjoint"/> is true
        /// when no case can match two of the parts, so their totals add up exactly; labels and custom fields
        /// hold several values per case, so parts split on them may overlap.
        /// </summary>
        public IReadOnlyList<OmnideskCaseQuery> Split(int maxValues, out bool disjoint)
        {
            if (maxValues < 1) throw new ArgumentOutOfRangeException(nameof(maxValues));
            disjoint = true;
            IEnumerable<OmnideskCaseQuery> parts = new[] { Clone() };
            parts = SplitOn(parts, q => q.Status, (q, v) => q.Status = v, maxValues);
            parts = SplitOn(parts, q => q.Priority, (q, v) => q.Priority = v, maxValues);
            parts = SplitOn(parts, q => q.Channel, (q, v) => q.Channel = v, maxValues);
            parts = SplitOn(parts, q => q.UserId, (q, v) => q.UserId = v, maxValues);
            parts = SplitOn(parts, q => q.UserEmail, (q, v) => q.UserEmail = v, maxValues);
            parts = SplitOn(parts, q => q.UserPhone, (q, v) => q.UserPhone = v, maxValues);
            parts = SplitOn(parts, q => q.UserCustomId, (q, v) => q.UserCustomId = v, maxValues);
            parts = SplitOn(parts, q => q.StaffId, (q, v) => q.StaffId = v, maxValues);
            parts = SplitOn(parts, q => q.GroupId, (q, v) => q.GroupId = v, maxValues);
            if (Label != null && Label.Length > maxValues) disjoint = false;
            parts = SplitOn(parts, q => q.Label, (q, v) => q.Label = v, maxValues);
            if (CustomFields != null)
            {
                foreach (var key in CustomFields.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList())
                {
                    if (CustomFields[key] != null && CustomFields[key].Length > maxValues) disjoint = false;
                    parts = SplitOn(parts, q => q.CustomFields[key], (q, v) => q.CustomFields[key] = v, maxValues);
                }
            }
            return parts.ToList();
        }

        public OmnideskCaseQuery Clone()
        {
            var copy = (OmnideskCaseQuery)MemberwiseClone();
            if (CustomFields != null)
                copy.CustomFields = new Dictionary<string, string[]>(CustomFields, StringComparer.OrdinalIgnoreCase);
            return copy;
        }

        private static IEnumerable<OmnideskCaseQuery> SplitOn<T>(IEnumerable<OmnideskCaseQuery> parts,
            Func<OmnideskCaseQuery, T[]> get, Action<OmnideskCaseQuery, T[]> set, int max)
        {
            foreach (var part in parts)
            {
                var values = get(part);
                if (values == null || values.Length <= max)
                {
                    yield return part;
                    continue;
                }
                for (int i = 0; i < values.Length; i += max)
                {
                    var copy = part.Clone();
                    set(copy, values.Skip(i).Take(max).ToArray());
                    yield return copy;
                }
            }
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

using System;
using System.Collections.Generic;
using System.Linq;

namespace Omnidesk.Engine.Listing
{
    /// <summary>The API takes at most <see cref="OmnideskCaseQuery.MaxArrayValues"/> values in one array filter: larger ones are split.</summary>
    internal static class CaseQuerySplit
    {
        /// <summary>
        /// Splits a query whose array filters hold more than <paramref name="maxValues"/> values into queries
        /// that each respect the limit (the cartesian product of the chunks). <paramref name="disjoint"/> is true
        /// when no case can match two of the parts, so their totals add up exactly; labels and custom fields
        /// hold several values per case, so parts split on them may overlap.
        /// </summary>
        public static IReadOnlyList<OmnideskCaseQuery> Split(OmnideskCaseQuery query, int maxValues, out bool disjoint)
        {
            if (maxValues < 1) throw new ArgumentOutOfRangeException(nameof(maxValues));
            disjoint = true;
            IEnumerable<OmnideskCaseQuery> parts = new[] { query.Clone() };
            parts = SplitOn(parts, q => q.Status, (q, v) => q.Status = v, maxValues);
            parts = SplitOn(parts, q => q.Priority, (q, v) => q.Priority = v, maxValues);
            parts = SplitOn(parts, q => q.Channel, (q, v) => q.Channel = v, maxValues);
            parts = SplitOn(parts, q => q.UserId, (q, v) => q.UserId = v, maxValues);
            parts = SplitOn(parts, q => q.UserEmail, (q, v) => q.UserEmail = v, maxValues);
            parts = SplitOn(parts, q => q.UserPhone, (q, v) => q.UserPhone = v, maxValues);
            parts = SplitOn(parts, q => q.UserCustomId, (q, v) => q.UserCustomId = v, maxValues);
            parts = SplitOn(parts, q => q.StaffId, (q, v) => q.StaffId = v, maxValues);
            parts = SplitOn(parts, q => q.GroupId, (q, v) => q.GroupId = v, maxValues);
            if (query.Label != null && query.Label.Length > maxValues) disjoint = false;
            parts = SplitOn(parts, q => q.Label, (q, v) => q.Label = v, maxValues);
            if (query.CustomFields != null)
            {
                foreach (var key in query.CustomFields.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList())
                {
                    if (query.CustomFields[key] != null && query.CustomFields[key].Length > maxValues) disjoint = false;
                    parts = SplitOn(parts, q => q.CustomFields[key], (q, v) => q.CustomFields[key] = v, maxValues);
                }
            }
            return parts.ToList();
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
    }
}

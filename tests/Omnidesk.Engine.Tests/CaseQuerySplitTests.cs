using System;
using System.Collections.Generic;
using System.Linq;
using Omnidesk.Engine.Listing;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>The split of array filters over the API's 20 values into several queries (the engine's CaseQuerySplit).</summary>
    public class CaseQuerySplitTests
    {
        [Fact]
        public void Split_45_statuses_into_parts_of_at_most_20()
        {
            var statuses = Enumerable.Range(1, 45).Select(i => "s" + i).ToArray();
            var q = new OmnideskCaseQuery { Status = statuses, Priority = new[] { "high" } };

            var parts = CaseQuerySplit.Split(q, OmnideskCaseQuery.MaxArrayValues, out var disjoint);

            Assert.True(disjoint);
            Assert.Equal(new[] { 20, 20, 5 }, parts.Select(p => p.Status.Length));
            Assert.Equal(statuses, parts.SelectMany(p => p.Status));
            Assert.All(parts, p => Assert.Equal(new[] { "high" }, p.Priority));
            Assert.Equal(45, q.Status.Length); // the original is untouched
        }

        [Fact]
        public void Split_is_a_cartesian_product_and_small_queries_stay_whole()
        {
            var q = new OmnideskCaseQuery
            {
                Status = Enumerable.Range(1, 25).Select(i => "s" + i).ToArray(),
                UserId = Enumerable.Range(1, 21).Select(i => (long)i).ToArray(),
            };
            var parts = CaseQuerySplit.Split(q, 20, out var disjoint);
            Assert.True(disjoint);
            Assert.Equal(4, parts.Count);
            Assert.All(parts, p => Assert.True(p.Status.Length <= 20 && p.UserId.Length <= 20));

            var small = new OmnideskCaseQuery { Status = new[] { "open" } };
            var one = CaseQuerySplit.Split(small, 20, out var d2);
            Assert.True(d2);
            Assert.Equal(new[] { "open" }, Assert.Single(one).Status);
        }

        [Fact]
        public void Split_on_labels_or_custom_fields_is_not_disjoint()
        {
            var labels = new OmnideskCaseQuery { Label = Enumerable.Range(1, 45).Select(i => (long)i).ToArray() };
            var parts = CaseQuerySplit.Split(labels, 20, out var disjoint);
            Assert.False(disjoint);
            Assert.Equal(new[] { 20, 20, 5 }, parts.Select(p => p.Label.Length));

            var fields = new OmnideskCaseQuery
            {
                CustomFields = new Dictionary<string, string[]> { ["cf_1"] = Enumerable.Range(1, 21).Select(i => "v" + i).ToArray() },
            };
            var fieldParts = CaseQuerySplit.Split(fields, 20, out var fieldsDisjoint);
            Assert.False(fieldsDisjoint);
            Assert.Equal(new[] { 20, 1 }, fieldParts.Select(p => p.CustomFields["cf_1"].Length));
            Assert.Equal(21, fields.CustomFields["cf_1"].Length); // parts have their own dictionaries

            var fewLabels = new OmnideskCaseQuery { Label = new long[] { 1, 2 } };
            CaseQuerySplit.Split(fewLabels, 20, out var fewDisjoint);
            Assert.True(fewDisjoint);
        }

        [Fact]
        public void Split_rejects_a_zero_limit()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => CaseQuerySplit.Split(new OmnideskCaseQuery(), 0, out _));
        }
    }
}

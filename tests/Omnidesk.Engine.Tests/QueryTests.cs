using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>The Model's query logic: ToQueryParameters and Split.</summary>
    public class QueryTests
    {
        private static string Flat(OmnideskCaseQuery q) => string.Join("&", q.ToQueryParameters().Select(p => p.Key + "=" + p.Value));

        [Fact]
        public void Arrays_as_name_brackets_and_single_values_plain()
        {
            var q = new OmnideskCaseQuery
            {
                Status = new[] { "open", "waiting" },
                Priority = new[] { "high" },
                StaffId = new long[] { 0 },
                GroupId = new long[] { 1, 2 },
                Label = new long[] { 101 },
            };
            Assert.Equal("status[]=open&status[]=waiting&priority=high&staff_id=0&group_id[]=1&group_id[]=2&labels=101", Flat(q));
        }

        [Fact]
        public void Custom_fields_single_and_array()
        {
            var q = new OmnideskCaseQuery
            {
                CustomFields = new Dictionary<string, string[]>
                {
                    ["cf_30"] = new[] { "1", "2" },
                    ["cf_25"] = new[] { "data" },
                },
            };
            Assert.Equal("custom_fields[cf_25]=data&custom_fields[cf_30][]=1&custom_fields[cf_30][]=2", Flat(q));
        }

        [Fact]
        public void Scalars_dates_and_flags()
        {
            var q = new OmnideskCaseQuery
            {
                FilterId = "unassigned",
                Subject = "^help",
                CreatedAfter = new DateTimeOffset(2024, 1, 1, 3, 0, 0, TimeSpan.FromHours(3)),
                UpdatedBefore = DateTimeOffset.FromUnixTimeSeconds(1700000000),
                Sort = "created_at_asc",
                IncludeMerged = true,
                IncludeActiveChats = true,
                Status = new string[0],
            };
            Assert.Equal("filter=unassigned&subject=^help&from_time=1704067200&to_updated_time=1700000000&sort=created_at_asc" +
                         "&show_merged_cases=true&show_active_chats=true", Flat(q));
            Assert.Empty(new OmnideskCaseQuery().ToQueryParameters());
        }

        [Fact]
        public void Split_45_statuses_into_parts_of_at_most_20()
        {
            var statuses = Enumerable.Range(1, 45).Select(i => "s" + i).ToArray();
            var q = new OmnideskCaseQuery { Status = statuses, Priority = new[] { "high" } };

            var parts = q.Split(OmnideskCaseQuery.MaxArrayValues, out var disjoint);

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
            var parts = q.Split(20, out var disjoint);
            Assert.True(disjoint);
            Assert.Equal(4, parts.Count);
            Assert.All(parts, p => Assert.True(p.Status.Length <= 20 && p.UserId.Length <= 20));

            var small = new OmnideskCaseQuery { Status = new[] { "open" } };
            var one = small.Split(20, out var d2);
            Assert.True(d2);
            Assert.Equal(new[] { "open" }, Assert.Single(one).Status);
        }

        [Fact]
        public void Split_on_labels_or_custom_fields_is_not_disjoint()
        {
            var labels = new OmnideskCaseQuery { Label = Enumerable.Range(1, 45).Select(i => (long)i).ToArray() };
            var parts = labels.Split(20, out var disjoint);
            Assert.False(disjoint);
            Assert.Equal(new[] { 20, 20, 5 }, parts.Select(p => p.Label.Length));

            var fields = new OmnideskCaseQuery
            {
                CustomFields = new Dictionary<string, string[]> { ["cf_1"] = Enumerable.Range(1, 21).Select(i => "v" + i).ToArray() },
            };
            var fieldParts = fields.Split(20, out var fieldsDisjoint);
            Assert.False(fieldsDisjoint);
            Assert.Equal(new[] { 20, 1 }, fieldParts.Select(p => p.CustomFields["cf_1"].Length));
            Assert.Equal(21, fields.CustomFields["cf_1"].Length); // parts have their own dictionaries

            var fewLabels = new OmnideskCaseQuery { Label = new long[] { 1, 2 } };
            fewLabels.Split(20, out var fewDisjoint);
            Assert.True(fewDisjoint);
        }

        [Fact]
        public void Split_rejects_a_zero_limit()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new OmnideskCaseQuery().Split(0, out _));
        }
    }
}

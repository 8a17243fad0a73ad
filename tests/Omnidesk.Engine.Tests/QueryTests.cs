using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>The Model's query logic: ToQueryParameters.</summary>
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
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Omnidesk.Engine.Json;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>
    /// The tolerance of the reads, value kind by value kind (the quirk converters) and type by type (the exceptions to
    /// the snake_case convention). Every value a field can hold in JSON is tried, so that no shape the API might send
    /// makes a read fail.
    /// </summary>
    public class JsonContractReadTests
    {
        private static OmnideskCase Case(string members) => Wire.Case(Encoding.UTF8.GetBytes("{\"case\":{\"case_id\":1," + members + "}}"));
        private static OmnideskMessage Message(string members) => Wire.Message(Encoding.UTF8.GetBytes("{\"message\":{\"message_id\":1," + members + "}}"));
        private static OmnideskFilter Filter(string members) =>
            Assert.Single(Wire.FilterList(Encoding.UTF8.GetBytes("{\"0\":{\"filter\":{" + members + "}}}")).Items);
        private static OmnideskIdea Idea(string members) => Case("\"idea\":{" + members + "}").Idea;

        // ---------------------------------------------------------------- numbers

        [Theory]
        [InlineData("5", 5L)]
        [InlineData("\"5\"", 5L)]
        [InlineData("\" 5 \"", 5L)]
        [InlineData("-7", -7L)]
        [InlineData("1.9", 1L)]
        [InlineData("-1.9", -1L)]
        [InlineData("\"1.9\"", 1L)]
        [InlineData("1e3", 1000L)]
        [InlineData("\"1e3\"", 1000L)]
        [InlineData("true", 1L)]
        [InlineData("false", 0L)]
        [InlineData("9223372036854775807", long.MaxValue)]
        [InlineData("\"-\"", null)]
        [InlineData("\"\"", null)]
        [InlineData("\"  \"", null)]
        [InlineData("null", null)]
        [InlineData("\"abc\"", null)]
        [InlineData("1e30", null)]
        [InlineData("\"99999999999999999999\"", null)]
        [InlineData("{}", null)]
        [InlineData("{\"a\":1}", null)]
        [InlineData("[1]", null)]
        public void Ids_read_numbers_strings_and_flags_and_nothing_else(string json, long? expected)
        {
            Assert.Equal(expected, Case("\"parent_case_id\":" + json).ParentCaseId);
            Assert.Equal(expected ?? 0, Case("\"user_id\":" + json).UserId);
            Assert.Equal(expected ?? 0, Wire.Case(Encoding.UTF8.GetBytes("{\"case\":{\"case_id\":" + json + ",\"x\":1}}")).CaseId);
        }

        [Theory]
        [InlineData("15", 15)]
        [InlineData("\"15\"", 15)]
        [InlineData("-5", -5)]
        [InlineData("2147483647", int.MaxValue)]
        [InlineData("2147483648", null)]
        [InlineData("-2147483649", null)]
        [InlineData("\"-\"", null)]
        [InlineData("{}", null)]
        public void Minutes_out_of_int_range_are_none(string json, int? expected) =>
            Assert.Equal(expected, Case("\"closing_speed\":" + json).ClosingSpeed);

        // ---------------------------------------------------------------- booleans

        [Theory]
        [InlineData("\"yes\"", true)]
        [InlineData("\"Y\"", true)]
        [InlineData("\"on\"", true)]
        [InlineData("\" TRUE \"", true)]
        [InlineData("\"2\"", true)]
        [InlineData("0.5", true)]
        [InlineData("-1", true)]
        [InlineData("\"no\"", false)]
        [InlineData("\"N\"", false)]
        [InlineData("\"off\"", false)]
        [InlineData("\"\"", false)]
        [InlineData("\"-\"", false)]
        [InlineData("\"0.0\"", false)]
        [InlineData("0.0", false)]
        [InlineData("\"maybe\"", false)]
        [InlineData("null", false)]
        [InlineData("{}", false)]
        [InlineData("[true]", false)]
        public void Flags_read_words_and_numbers(string json, bool expected)
        {
            Assert.Equal(expected, Case("\"deleted\":" + json).Deleted);
            Assert.Equal(expected, Filter("\"is_custom\":" + json).IsCustom);
            Assert.Equal(expected, Message("\"sent_via_rule\":" + json).SentViaRule);
        }

        // ---------------------------------------------------------------- texts

        [Theory]
        [InlineData("12345", "12345")]
        [InlineData("1.50", "1.50")]
        [InlineData("-0", "-0")]
        [InlineData("1E+3", "1E+3")]
        [InlineData("true", "true")]
        [InlineData("false", "false")]
        [InlineData("null", null)]
        [InlineData("\"-\"", "-")]
        [InlineData("\"\"", "")]
        [InlineData("\"\\u0041\\n\"", "A\n")]
        [InlineData("{\"a\": [1, 2]}", "{\"a\": [1, 2]}")]
        [InlineData("[ 1,2 ]", "[ 1,2 ]")]
        public void Texts_take_any_value_as_its_text(string json, string expected)
        {
            Assert.Equal(expected, Case("\"subject\":" + json).Subject);
            Assert.Equal(expected, Message("\"content_html\":" + json).ContentHtml);
            Assert.Equal(expected, Wire.Changelog(Encoding.UTF8.GetBytes("{\"changelog\":[{\"old_value\":" + json + "}]}"), 1).Items[0].OldValue);
        }

        // ---------------------------------------------------------------- dates

        [Theory]
        [InlineData("1399238117", "2014-05-04T21:15:17+00:00")]
        [InlineData("1399238117000", "2014-05-04T21:15:17+00:00")]
        [InlineData("\"1399238117\"", "2014-05-04T21:15:17+00:00")]
        [InlineData("\"Mon, 05 May 2014 00:15:17 +0300\"", "2014-05-05T00:15:17+03:00")]
        [InlineData("\" 2014-05-05T00:15:17Z \"", "2014-05-05T00:15:17+00:00")]
        [InlineData("0", null)]
        [InlineData("-5", null)]
        [InlineData("1399238117.5", null)]
        [InlineData("\"0000-00-00\"", null)]
        [InlineData("true", null)]
        [InlineData("{}", null)]
        [InlineData("[1399238117]", null)]
        public void Dates_read_text_and_unix_numbers(string json, string expected)
        {
            var want = expected == null ? (DateTimeOffset?)null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
            var read = Case("\"closed_at\":" + json).ClosedAt;
            Assert.Equal(want, read);
            Assert.Equal(want?.Offset, read?.Offset);
            Assert.Equal(want, Message("\"sent_at\":" + json).SentAt);
            Assert.Equal(want, Idea("\"content\":\"c\",\"official_response_tstamp\":" + json).OfficialResponseAt);
        }

        [Fact]
        public void Documented_dates_read_without_the_general_parser_give_what_it_gives()
        {
            var taken = 0;
            foreach (var dayName in new[] { "Mon", "xyz" })
            foreach (var day in new[] { "00", "01", "29", "30", "31", "32" })
            foreach (var month in new[] { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "may", "MAY", "Foo" })
            foreach (var year in new[] { "0001", "0002", "2000", "2014", "2100", "9998", "9999" })
            foreach (var time in new[] { "00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:60" })
            foreach (var offset in new[] { "+0000", "-0000", "+0300", "-0530", "+1400", "-1400", "+1401", "+1360", "+0099" })
            {
                var text = $"{dayName}, {day} {month} {year} {time} {offset}";
                if (!JsonValues.TryParseDocumentedDate(text, out var fast)) continue;
                taken++;
                var general = JsonValues.ParseAnyDate(text);
                Assert.True(general == fast && general.Value.Offset == fast.Offset, $"{text}: {fast:o} but the general parser gives {general:o}");
            }
            // the real days of years 2…9998: the 1st (12 months × 5 years), the 29th (not in February of the 4 common
            // years), the 30th (not in February), the 31st (7 months); × 2 day names × 2 real times × 6 offsets in range
            Assert.Equal((60 + 56 + 55 + 35) * 2 * 2 * 6, taken);
        }

        // ---------------------------------------------------------------- lists

        [Theory]
        [InlineData("\"a@x.io; b@y.io\"", new[] { "a@x.io", "b@y.io" })]
        [InlineData("[\"a@x.io, b@y.io\", \"c@z.io\"]", new[] { "a@x.io", "b@y.io", "c@z.io" })]
        [InlineData("{\"0\":\"a@x.io\",\"1\":\" b@y.io \"}", new[] { "a@x.io", "b@y.io" })]
        [InlineData("[\"-\", \"\", null, \" ; \"]", new string[0])]
        [InlineData("[1, true]", new[] { "1", "true" })]
        [InlineData("\"-\"", new string[0])]
        [InlineData("5", new string[0])]
        [InlineData("true", new string[0])]
        [InlineData("null", new string[0])]
        public void Address_lists_read_joined_text_arrays_and_php_objects(string json, string[] expected)
        {
            Assert.Equal(expected, Case("\"cc_emails\":" + json).CcEmails);
            Assert.Equal(expected, Case("\"recipient_bcc\":" + json).BccEmails);
        }

        [Theory]
        [InlineData("[1,\"2\",\"x\",{\"a\":1},null,1.7,true,[3]]", new long[] { 1, 2, 1, 1 })]
        [InlineData("\"101, 102;103 104\"", new long[] { 101, 102, 103, 104 })]
        [InlineData("\"1.5,-,,7\"", new long[] { 1, 7 })]
        [InlineData("105", new long[] { 105 })]
        [InlineData("{\"0\":101,\"5\":\"102\"}", new long[] { 101, 102 })]
        [InlineData("\"-\"", new long[0])]
        [InlineData("true", new long[0])]
        [InlineData("null", new long[0])]
        public void Label_lists_read_arrays_joined_text_numbers_and_php_objects(string json, long[] expected)
        {
            Assert.Equal(expected, Case("\"labels\":" + json).Labels);
            Assert.Equal(expected, Case("\"locked_labels\":" + json).LockedLabels);
        }

        [Fact]
        public void Attachments_read_arrays_and_php_objects_of_objects_and_skip_the_rest()
        {
            Assert.Equal(new long[] { 5, 6 }, Message("\"attachments\":[1,\"x\",{\"file_id\":5},null,[],{\"file_id\":\"6\",\"file_size\":{}}]").Attachments.Select(a => a.FileId));
            Assert.Equal(new long[] { 7, 8 }, Message("\"attachments\":{\"1\":{\"file_id\":7},\"0\":{\"file_id\":8},\"2\":\"-\"}").Attachments.Select(a => a.FileId));
            Assert.Equal(new long[] { 0 }, Message("\"attachments\":[{}]").Attachments.Select(a => a.FileId));
            foreach (var none in new[] { "null", "\"\"", "{}", "[]", "7", "true" })
                Assert.Empty(Message("\"attachments\":" + none).Attachments);
            var a = Assert.Single(Message("\"attachments\":[{\"FILE_NAME\":\"a.pdf\",\"file_size\":\"10\",\"mime_type\":5,\"url\":null,\"other\":[1]}]").Attachments);
            Assert.Equal("a.pdf", a.FileName);
            Assert.Equal(10, a.FileSize);
            Assert.Equal("5", a.MimeType);
            Assert.Null(a.Url);
        }

        // ---------------------------------------------------------------- custom fields

        [Fact]
        public void Custom_fields_read_any_values_and_keep_the_last_of_keys_equal_but_for_case()
        {
            var c = Case("""
                "custom_fields":{"cf_1":12345678901234567890,"cf_2":1e400,"cf_9":1e-400,"cf_3":-0.25,"cf_4":"","cf_5":[],"cf_6":{},"CF_7":1,"cf_7":2,
                                 "cf_8":[[1],{"A":null}]}
                """);
            Assert.Equal(12345678901234567890d, c.CustomFields["cf_1"]);
            Assert.Equal(double.PositiveInfinity, c.CustomFields["cf_2"]);
            Assert.Equal(-0.25, c.CustomFields["cf_3"]);
            Assert.Equal("", c.CustomFields["cf_4"]);
            Assert.Empty(Assert.IsType<object[]>(c.CustomFields["cf_5"]));
            Assert.Empty(Assert.IsType<Dictionary<string, object>>(c.CustomFields["cf_6"]));
            Assert.Equal(2L, c.CustomFields["Cf_7"]);
            Assert.Equal(0d, c.CustomFields["cf_9"]);
            Assert.Equal(9, c.CustomFields.Count);
            var nested = Assert.IsType<object[]>(c.CustomFields["cf_8"]);
            Assert.Equal(new object[] { 1L }, Assert.IsType<object[]>(nested[0]));
            var inner = Assert.IsType<Dictionary<string, object>>(nested[1]);
            Assert.True(inner.ContainsKey("a"));
            Assert.Null(inner["a"]);
        }

        [Theory]
        [InlineData("\"\"")]
        [InlineData("null")]
        [InlineData("5")]
        [InlineData("\"cf_1=x\"")]
        [InlineData("true")]
        [InlineData("[]")]
        public void Custom_fields_of_another_shape_are_empty(string json)
        {
            var fields = Case("\"custom_fields\":" + json).CustomFields;
            Assert.NotNull(fields);
            Assert.Empty(fields);
        }

        [Fact]
        public void Custom_fields_as_a_php_list_are_keyed_by_position()
        {
            var fields = Case("\"custom_fields\":[\"a\",null,{\"k\":\"v\"}]").CustomFields;
            Assert.Equal(new[] { "0", "1", "2" }, fields.Keys.OrderBy(k => k));
            Assert.Equal("a", fields["0"]);
            Assert.Null(fields["1"]);
            Assert.Equal("v", Assert.IsType<Dictionary<string, object>>(fields["2"])["K"]);
        }

        // ---------------------------------------------------------------- the exceptions, type by type

        [Theory]
        [InlineData("\"cc_emails\":\"a@x.io\",\"recipient_cc\":\"b@x.io\"", "a@x.io")]
        [InlineData("\"recipient_cc\":\"b@x.io\",\"cc_emails\":\"a@x.io\"", "a@x.io")]
        [InlineData("\"cc_emails\":\"\",\"recipient_cc\":\"b@x.io\"", "b@x.io")]
        [InlineData("\"recipient_cc\":\"b@x.io\",\"cc_emails\":[]", "b@x.io")]
        [InlineData("\"recipient_cc\":\"b@x.io\",\"cc_emails\":null", "b@x.io")]
        [InlineData("\"RECIPIENT_CC\":\"b@x.io\"", "b@x.io")]
        [InlineData("\"recipient_cc\":\"-\",\"cc_emails\":\"\"", "")]
        public void Case_cc_comes_from_cc_emails_else_from_recipient_cc(string members, string expected)
        {
            Assert.Equal(expected, Case(members).CcEmails.ToString());
            Assert.Equal(expected, Case(members.Replace("cc_emails", "bcc_emails").Replace("recipient_cc", "recipient_bcc")
                .Replace("RECIPIENT_CC", "RECIPIENT_BCC")).BccEmails.ToString());
            Assert.Empty(Case(members).BccEmails);
        }

        [Theory]
        [InlineData("\"high\"", "high")]
        [InlineData("\"-\"", null)]
        [InlineData("\" - \"", null)]
        [InlineData("\"\"", null)]
        [InlineData("null", null)]
        [InlineData("3", "3")]
        public void Rating_dash_is_none_on_cases_and_messages(string json, string expected)
        {
            Assert.Equal(expected, Case("\"rating\":" + json).Rating);
            Assert.Equal(expected, Message("\"rating\":" + json).Rating);
            Assert.Equal("-", Case("\"rating_comment\":\"-\"").RatingComment); // only the rating itself says none with "-"
        }

        [Theory]
        [InlineData("0", null)]
        [InlineData("\"0\"", null)]
        [InlineData("\"-\"", null)]
        [InlineData("false", null)]
        [InlineData("193", 193L)]
        public void Message_authors_and_rated_staff_zero_is_none(string json, long? expected)
        {
            Assert.Equal(expected, Message("\"user_id\":" + json).UserId);
            Assert.Equal(expected, Message("\"staff_id\":" + json).StaffId);
            Assert.Equal(expected, Message("\"rated_staff_id\":" + json).RatedStaffId);
        }

        [Fact]
        public void Case_ids_keep_zero()
        {
            var c = Case("\"rated_staff_id\":0,\"parent_case_id\":\"0\",\"language_id\":0,\"staff_id\":0");
            Assert.Equal(0, c.RatedStaffId);
            Assert.Equal(0, c.ParentCaseId);
            Assert.Equal(0, c.LanguageId);
            Assert.Equal(0, c.StaffId);
        }

        [Fact]
        public void Message_note_flag_is_read_from_note_and_derived_members_are_not_read()
        {
            Assert.True(Message("\"note\":\"1\"").IsNote);
            Assert.False(Message("\"is_note\":true").IsNote);
            var m = Message("\"is_scheduled\":true,\"isScheduled\":true,\"created_at\":1399238117,\"sent_at\":1399238117");
            Assert.False(m.IsScheduled);
            Assert.Equal(7, Message("\"case_id\":\"7\"").CaseId);
        }

        [Theory]
        [InlineData("\"isSelected\":true,\"isCustom\":\"1\"")]
        [InlineData("\"is_selected\":1,\"is_custom\":\"yes\"")]
        [InlineData("\"ISSELECTED\":true,\"Is_Custom\":true")]
        public void Filter_flags_in_camel_or_snake_case(string members)
        {
            var f = Filter(members);
            Assert.True(f.IsSelected);
            Assert.True(f.IsCustom);
        }

        [Theory]
        [InlineData("\" 77 \"", "77")]
        [InlineData("77", "77")]
        [InlineData("\"unassigned\"", "unassigned")]
        [InlineData("null", null)]
        [InlineData("\"-\"", "-")]
        public void Filter_id_is_trimmed_text(string json, string expected) =>
            Assert.Equal(expected, Filter("\"filter_id\":" + json + ",\"filter_name\":\" Mine \"").FilterId);

        [Fact]
        public void Filter_name_keeps_its_spaces() => Assert.Equal(" Mine ", Filter("\"filter_name\":\" Mine \"").FilterName);

        [Theory]
        [InlineData("\"category\":\"7\"", 7L)]
        [InlineData("\"category_id\":7", 7L)]
        [InlineData("\"category\":0", null)]
        [InlineData("\"category_id\":\"0\"", null)]
        [InlineData("\"category\":\"-\"", null)]
        public void Idea_category_from_category_or_category_id_and_zero_is_none(string members, long? expected) =>
            Assert.Equal(expected, Idea("\"content\":\"c\"," + members).CategoryId);

        [Fact]
        public void Idea_response_time_from_either_name_and_stage_dash_is_none()
        {
            var at = DateTimeOffset.FromUnixTimeSeconds(1509007649);
            Assert.Equal(at, Idea("\"official_response_tstamp\":1509007649").OfficialResponseAt);
            Assert.Equal(at, Idea("\"official_response_at\":\"1509007649\"").OfficialResponseAt);
            Assert.Null(Idea("\"stage\":\"-\"").Stage);
            Assert.Null(Idea("\"stage\":\"\"").Stage);
            Assert.Equal("planned", Idea("\"stage\":\"planned\"").Stage);
            Assert.Equal("-", Idea("\"content\":\"-\"").Content);
        }

        [Theory]
        [InlineData("\"x\"")]
        [InlineData("5")]
        [InlineData("true")]
        [InlineData("[{\"content\":\"c\"}]")]
        [InlineData("{}")]
        [InlineData("\"-\"")]
        public void Idea_that_is_not_a_filled_object_is_none(string json) => Assert.Null(Case("\"idea\":" + json).Idea);

        [Fact]
        public void Idea_with_only_unknown_members_is_still_an_idea()
        {
            var idea = Case("\"idea\":{\"votes\":3}").Idea;
            Assert.NotNull(idea);
            Assert.Null(idea.Content);
        }

        [Fact]
        public void Changelog_case_is_the_requested_one_whatever_the_entry_says()
        {
            var page = Wire.Changelog(Encoding.UTF8.GetBytes("""{"changelog":[{"case_id":5,"event":"status","CaseId":6}]}"""), 9);
            Assert.Equal(9, Assert.Single(page.Items).CaseId);
            Assert.Equal("status", page.Items[0].Event);
        }

        // ---------------------------------------------------------------- whole objects

        [Fact]
        public void Member_names_match_in_any_case_and_the_last_of_duplicates_wins()
        {
            var c = Wire.Case(Encoding.UTF8.GetBytes("""{"case":{"CASE_ID":3,"Subject":"a","subject":"b","Closing_Speed":"4"}}"""));
            Assert.Equal(3, c.CaseId);
            Assert.Equal("b", c.Subject);
            Assert.Equal(4, c.ClosingSpeed);
        }

        [Fact]
        public void Camel_case_names_are_not_the_snake_case_members()
        {
            var c = Case("\"caseNumber\":\"1-2\",\"CaseNumber\":\"3-4\",\"userId\":5,\"closedAt\":1399238117");
            Assert.Null(c.CaseNumber);
            Assert.Equal(0, c.UserId);
            Assert.Null(c.ClosedAt);
        }

        [Fact]
        public void Comments_and_trailing_commas_inside_an_object_are_read()
        {
            var c = Wire.Case(Encoding.UTF8.GetBytes("""
                {"case":{ /* the id */ "case_id":8, // line comment
                  "labels":[1,2,], "custom_fields":{"cf_1":"a",}, "idea":{"content":"c",},}}
                """));
            Assert.Equal(8, c.CaseId);
            Assert.Equal(new long[] { 1, 2 }, c.Labels);
            Assert.Equal("a", c.CustomFields["cf_1"]);
            Assert.Equal("c", c.Idea.Content);
        }

        [Theory]
        [InlineData("{\"x\":{\"y\":[]}}", 0, new[] { "{\"y\":[]}" })]
        [InlineData("[[],{}]", 0, new[] { "[]", "{}" })]
        [InlineData("null", 0, new string[0])]
        [InlineData("true", 1, new string[0])]
        public void Every_member_of_a_wrong_shape_gives_a_value_and_no_error(string wrong, long number, string[] addresses)
        {
            var names = new[]
            {
                "case_number", "subject", "user_id", "staff_id", "group_id", "status", "priority", "channel", "recipient", "cc_emails",
                "bcc_emails", "recipient_cc", "recipient_bcc", "deleted", "spam", "created_at", "updated_at", "closed_at",
                "last_response_at", "closing_speed", "parent_case_id", "language_id", "custom_fields", "labels", "locked_labels",
                "rating", "rating_comment", "rated_staff_id", "idea",
            };
            var c = Case(string.Join(",", names.Select(n => "\"" + n + "\":" + wrong)));
            Assert.Equal(1, c.CaseId);
            Assert.Equal(number, c.UserId);
            Assert.Equal(number, c.GroupId);
            Assert.Equal(number == 0 ? null : (int?)number, c.ClosingSpeed);
            Assert.Equal(number == 0 ? null : (long?)number, c.ParentCaseId);
            Assert.Equal(number != 0, c.Spam);
            Assert.Null(c.CreatedAt);
            Assert.Equal(wrong.StartsWith('{'), c.Idea != null); // an object with members is an idea, whatever they are
            Assert.Equal(addresses, c.CcEmails);
            Assert.Equal(addresses, c.BccEmails);
            Assert.Empty(c.Labels);
            Assert.NotNull(c.CustomFields);
            Assert.Equal(wrong == "null" ? null : wrong == "true" ? "true" : wrong, c.Subject);
        }

        [Fact]
        public void Messages_and_filters_of_a_wrong_shape_give_values_and_no_error()
        {
            var m = Message("\"note\":{},\"attachments\":{\"a\":1},\"created_at\":[],\"content\":{\"x\":1},\"rated_staff_id\":{}");
            Assert.False(m.IsNote);
            Assert.Empty(m.Attachments);
            Assert.Null(m.CreatedAt);
            Assert.Null(m.RatedStaffId);
            Assert.Equal("{\"x\":1}", m.Content);
            var f = Filter("\"filter_id\":{\"a\":1},\"is_selected\":[1]");
            Assert.Equal("{\"a\":1}", f.FilterId);
            Assert.False(f.IsSelected);
        }

        [Fact]
        public void Unknown_members_of_any_shape_are_skipped()
        {
            var c = Case("""
                "new_thing":{"deep":[1,{"x":[[]]}]},"case_number":"1-2","another":[{"a":null}],"more":"text","z":1.5e300
                """);
            Assert.Equal("1-2", c.CaseNumber);
        }
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Omnidesk.Engine.Json;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>
    /// The request bodies byte for byte: member names and order, nulls left out, the renamed and dropped members, text
    /// written as UTF-8, and every kind of custom field value, as JSON and as multipart form fields.
    /// </summary>
    public class JsonContractWriteTests
    {
        private static string Text(byte[] body) => Encoding.UTF8.GetString(body);
        private static string Fields(IEnumerable<Omnidesk.Engine.Http.FormField> fields) => string.Join("\n", fields.Select(f => f.ToString()));

        private static OmnideskNewCase FullCase() => new OmnideskNewCase
        {
            UserEmail = "user@example.com",
            UserPhone = "+79990001122",
            UserCustomId = "u-77",
            Channel = "cch101",
            UserFullName = "Иван \"Ваня\" Петров",
            Subject = "<b>Счёт</b> & 'co'",
            Content = "line 1\r\nline 2\ttab \\ \u0001",
            ContentHtml = "<p>é ✓ 😀</p>",
            LanguageId = 2,
            CustomFields = new Dictionary<string, object> { ["cf_25"] = "text", ["cf_26"] = 42, ["cf_27"] = new[] { "a", "b" } },
            Labels = new long[] { 101, 102 },
            AttachmentUrls = new[] { "https://a.example/1.pdf", null },
            Attachments = new[] { new OmnideskUpload("/nowhere/a.pdf", "a.pdf", 1) },
        };

        [Fact]
        public void New_case_json_has_every_member_in_order_as_utf8()
        {
            // only characters outside the BMP (the emoji) are escaped, as \u surrogate pairs
            Assert.Equal(
                "{\"case\":{\"user_email\":\"user@example.com\",\"user_phone\":\"+79990001122\",\"user_custom_id\":\"u-77\"," +
                "\"channel\":\"cch101\",\"user_full_name\":\"Иван \\\"Ваня\\\" Петров\",\"subject\":\"<b>Счёт</b> & 'co'\"," +
                "\"content\":\"line 1\\r\\nline 2\\ttab \\\\ \\u0001\",\"content_html\":\"<p>é ✓ \\uD83D\\uDE00</p>\",\"language_id\":2," +
                "\"custom_fields\":{\"cf_25\":\"text\",\"cf_26\":42,\"cf_27\":[\"a\",\"b\"]},\"labels\":[101,102]," +
                "\"attachment_urls\":[\"https://a.example/1.pdf\",null]}}",
                Text(CaseBodies.NewCaseJson(FullCase())));
        }

        [Fact]
        public void Empty_drafts_are_empty_objects()
        {
            Assert.Equal("{\"case\":{}}", Text(CaseBodies.NewCaseJson(new OmnideskNewCase())));
            Assert.Equal("{\"case\":{}}", Text(CaseBodies.CaseChange(new OmnideskCaseChange())));
            Assert.Equal("{\"message\":{}}", Text(MessageBodies.NewMessageJson(new OmnideskNewMessage())));
            Assert.Equal("{\"note\":{}}", Text(MessageBodies.NewNoteJson(new OmnideskNewMessage())));
            Assert.Equal("{\"rate\":{}}", Text(CaseBodies.Rate(new OmnideskRatingChange(), withStaff: true)));
            Assert.Equal("{\"message\":{}}", Text(CaseBodies.IdeaChange(new OmnideskIdeaChange())));
            Assert.Equal("{\"message\":{}}", Text(CaseBodies.IdeaResponse(null)));
            Assert.Equal("{\"note\":{}}", Text(MessageBodies.Edit(MessageBodies.NoteRoot, null, null)));
        }

        [Fact]
        public void Empty_collections_are_sent_as_empty()
        {
            Assert.Equal("{\"case\":{\"custom_fields\":{},\"labels\":[],\"attachment_urls\":[]}}", Text(CaseBodies.NewCaseJson(new OmnideskNewCase
            {
                CustomFields = new Dictionary<string, object>(), Labels = new long[0], AttachmentUrls = new string[0],
                Attachments = new OmnideskUpload[0],
            })));
        }

        [Fact]
        public void Case_change_sends_remove_labels_as_delete_labels_and_not_its_derived_members()
        {
            var change = new OmnideskCaseChange
            {
                Subject = "s", Status = "open", Priority = "high", StaffId = 0, GroupId = 44, LanguageId = 1,
                CustomFields = new Dictionary<string, object> { ["cf_1"] = null }, AddLabels = new long[] { 1 }, RemoveLabels = new long[] { 2, 3 },
            };
            Assert.Equal(
                "{\"case\":{\"subject\":\"s\",\"status\":\"open\",\"priority\":\"high\",\"staff_id\":0,\"group_id\":44,\"language_id\":1," +
                "\"custom_fields\":{\"cf_1\":null},\"add_labels\":[1],\"delete_labels\":[2,3]}}",
                Text(CaseBodies.CaseChange(change)));
        }

        [Fact]
        public void Rating_sends_rating_comment_and_rating_staff_id_only_for_a_case()
        {
            var rating = new OmnideskRatingChange { Rating = "high", Comment = "Спасибо", RatedStaffId = 189 };
            Assert.Equal("{\"rate\":{\"rating\":\"high\",\"rating_comment\":\"Спасибо\",\"rating_staff_id\":189}}",
                Text(CaseBodies.Rate(rating, withStaff: true)));
            Assert.Equal("{\"rate\":{\"rating\":\"high\",\"rating_comment\":\"Спасибо\"}}", Text(CaseBodies.Rate(rating, withStaff: false)));
        }

        [Fact]
        public void Idea_bodies_are_messages()
        {
            Assert.Equal("{\"message\":{\"content\":\"c\",\"stage\":\"planned\",\"category_id\":12}}",
                Text(CaseBodies.IdeaChange(new OmnideskIdeaChange { Content = "c", Stage = "planned", CategoryId = 12 })));
            Assert.Equal("{\"message\":{\"content\":\"Ответ\"}}", Text(CaseBodies.IdeaResponse("Ответ")));
        }

        private static OmnideskNewMessage FullMessage() => new OmnideskNewMessage
        {
            Content = "c",
            ContentHtml = "<p>c</p>",
            UserId = 7,
            StaffId = 8,
            DoNotSendEmail = false,
            SendAt = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.FromHours(3)),
            AttachmentUrls = new[] { "https://x.io/a.pdf" },
            Attachments = new[] { new OmnideskUpload("/nowhere/a.pdf", "a.pdf", 1) },
        };

        /// <summary>A note as the engine gets it: the response-only members are refused before it (OmnideskEndpoints.AddNotesAsync).</summary>
        private static OmnideskNewMessage FullNote()
        {
            var note = FullMessage();
            note.UserId = null;
            note.DoNotSendEmail = null;
            note.SendAt = null;
            return note;
        }

        [Fact]
        public void Message_sends_send_at_as_unix_seconds_and_a_note_only_its_own_members()
        {
            Assert.Equal(
                "{\"message\":{\"content\":\"c\",\"content_html\":\"<p>c</p>\",\"user_id\":7,\"staff_id\":8,\"do_not_send_email\":false," +
                "\"send_at\":1893542645,\"attachment_urls\":[\"https://x.io/a.pdf\"]}}",
                Text(MessageBodies.NewMessageJson(FullMessage())));
            Assert.Equal("{\"note\":{\"content\":\"c\",\"content_html\":\"<p>c</p>\",\"staff_id\":8,\"attachment_urls\":[\"https://x.io/a.pdf\"]}}",
                Text(MessageBodies.NewNoteJson(FullNote())));
            Assert.Equal("{\"message\":{\"content\":\"x\",\"content_html\":\"<i>x</i>\"}}",
                Text(MessageBodies.Edit(MessageBodies.MessageRoot, "x", "<i>x</i>")));
            Assert.Equal("{\"note\":{\"content_html\":\"<i>x</i>\"}}", Text(MessageBodies.Edit(MessageBodies.NoteRoot, null, "<i>x</i>")));
        }

        private enum Shade { Dark }

        private static Dictionary<string, object> EveryKindOfValue()
        {
            using var doc = JsonDocument.Parse("{\"k\":[1,\"x\"]}");
            return new Dictionary<string, object>
            {
                ["cf_1"] = "text",
                ["cf_2"] = true,
                ["cf_3"] = 'c',
                ["cf_4"] = (byte)7,
                ["cf_5"] = -3,
                ["cf_6"] = uint.MaxValue,
                ["cf_7"] = long.MinValue,
                ["cf_8"] = ulong.MaxValue,
                ["cf_9"] = 1.50m,
                ["cf_10"] = 0.1,
                ["cf_11"] = 1e20,
                ["cf_12"] = double.NaN,
                ["cf_13"] = double.NegativeInfinity,
                ["cf_14"] = 2.5f,
                ["cf_15"] = float.PositiveInfinity,
                ["cf_16"] = new DateTime(2024, 3, 1),
                ["cf_17"] = new DateTime(2024, 3, 1, 13, 5, 0),
                ["cf_18"] = new DateTimeOffset(2024, 3, 1, 13, 5, 0, TimeSpan.FromHours(3)),
                ["cf_19"] = Shade.Dark,
                ["cf_20"] = doc.RootElement.Clone(),
                ["cf_21"] = new Hashtable { ["a"] = 1 },
                ["cf_22"] = new List<object> { 1, "two", null, new[] { 3 } },
                ["cf_23"] = null,
                ["cf_24"] = new Guid("00000000-0000-0000-0000-000000000001"),
                [""] = "dropped",
                ["CF_25"] = "",
            };
        }

        [Fact]
        public void Custom_field_values_of_every_kind_as_json()
        {
            Assert.Equal(
                "{\"case\":{\"custom_fields\":{\"cf_1\":\"text\",\"cf_2\":true,\"cf_3\":\"c\",\"cf_4\":7,\"cf_5\":-3,\"cf_6\":4294967295," +
                "\"cf_7\":-9223372036854775808,\"cf_8\":18446744073709551615,\"cf_9\":1.50,\"cf_10\":0.1,\"cf_11\":1E+20,\"cf_12\":\"NaN\"," +
                "\"cf_13\":\"-Infinity\",\"cf_14\":2.5,\"cf_15\":\"Infinity\",\"cf_16\":\"2024-03-01\",\"cf_17\":\"2024-03-01T13:05:00\"," +
                "\"cf_18\":\"2024-03-01T13:05:00+03:00\",\"cf_19\":\"Dark\",\"cf_20\":{\"k\":[1,\"x\"]},\"cf_21\":{\"a\":1}," +
                "\"cf_22\":[1,\"two\",null,[3]],\"cf_23\":null,\"cf_24\":\"00000000-0000-0000-0000-000000000001\",\"CF_25\":\"\"}}}",
                Text(CaseBodies.CaseChange(new OmnideskCaseChange { CustomFields = EveryKindOfValue() })));
        }

        [Fact]
        public void Custom_field_values_of_every_kind_as_form_fields()
        {
            var fields = CaseBodies.NewCaseForm(new OmnideskNewCase { CustomFields = EveryKindOfValue() });
            Assert.Equal(string.Join("\n",
                "case[custom_fields][cf_1]=text", "case[custom_fields][cf_2]=1", "case[custom_fields][cf_3]=c", "case[custom_fields][cf_4]=7",
                "case[custom_fields][cf_5]=-3", "case[custom_fields][cf_6]=4294967295", "case[custom_fields][cf_7]=-9223372036854775808",
                "case[custom_fields][cf_8]=18446744073709551615", "case[custom_fields][cf_9]=1.50", "case[custom_fields][cf_10]=0.1",
                "case[custom_fields][cf_11]=1E+20", "case[custom_fields][cf_12]=NaN", "case[custom_fields][cf_13]=-Infinity",
                "case[custom_fields][cf_14]=2.5", "case[custom_fields][cf_15]=Infinity", "case[custom_fields][cf_16]=2024-03-01",
                "case[custom_fields][cf_17]=2024-03-01T13:05:00", "case[custom_fields][cf_18]=2024-03-01T13:05:00+03:00",
                "case[custom_fields][cf_19]=Dark", "case[custom_fields][cf_20]={\"k\":[1,\"x\"]}",
                "case[custom_fields][cf_21]=System.Collections.Hashtable",
                "case[custom_fields][cf_22][]=1", "case[custom_fields][cf_22][]=two", "case[custom_fields][cf_22][]=",
                "case[custom_fields][cf_22][]=3", "case[custom_fields][cf_23]=", "case[custom_fields][cf_24]=00000000-0000-0000-0000-000000000001",
                "case[custom_fields][CF_25]="),
                Fields(fields));
        }

        [Fact]
        public void New_case_form_has_the_json_members_as_case_fields_then_the_files()
        {
            Assert.Equal(string.Join("\n",
                "case[user_email]=user@example.com", "case[user_phone]=+79990001122", "case[user_custom_id]=u-77", "case[channel]=cch101",
                "case[user_full_name]=Иван \"Ваня\" Петров", "case[subject]=<b>Счёт</b> & 'co'", "case[content]=line 1\r\nline 2\ttab \\ \u0001",
                "case[content_html]=<p>é ✓ 😀</p>", "case[language_id]=2", "case[custom_fields][cf_25]=text", "case[custom_fields][cf_26]=42",
                "case[custom_fields][cf_27][]=a", "case[custom_fields][cf_27][]=b", "case[labels][]=101", "case[labels][]=102",
                "case[attachment_urls][]=https://a.example/1.pdf", "case[attachment_urls][]=", "case[attachments][0]=@a.pdf"),
                Fields(CaseBodies.NewCaseForm(FullCase())));
            Assert.Equal("", Fields(CaseBodies.NewCaseForm(new OmnideskNewCase())));
        }

        [Fact]
        public void Message_and_note_forms_have_their_json_members()
        {
            Assert.Equal(string.Join("\n",
                "message[content]=c", "message[content_html]=<p>c</p>", "message[user_id]=7", "message[staff_id]=8",
                "message[do_not_send_email]=0", "message[send_at]=1893542645", "message[attachment_urls][]=https://x.io/a.pdf",
                "message[attachments][0]=@a.pdf"),
                Fields(MessageBodies.NewMessageForm(FullMessage())));
            var yes = FullMessage();
            yes.DoNotSendEmail = true;
            Assert.Contains("message[do_not_send_email]=1", Fields(MessageBodies.NewMessageForm(yes)));
            Assert.Equal(string.Join("\n",
                "note[content]=c", "note[content_html]=<p>c</p>", "note[staff_id]=8", "note[attachment_urls][]=https://x.io/a.pdf",
                "note[attachments][0]=@a.pdf"),
                Fields(MessageBodies.NewNoteForm(FullNote())));
        }
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Omnidesk.Engine.Json;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>
    /// The collections on cases and messages: their ToString is the CSV cell Export-Csv writes (the text format the
    /// types document), and the JSON mapping fills them with the same values as before.
    /// </summary>
    public class OutputCollectionTests
    {
        private static OmnideskCase Case(string json) => Wire.Case(Encoding.UTF8.GetBytes(json));

        private static OmnideskCustomFields Fields(params (string Key, object Value)[] fields)
        {
            var result = new OmnideskCustomFields();
            foreach (var (key, value) in fields) result.Add(key, value);
            return result;
        }

        [Fact]
        public void List_joins_its_items_with_semicolon_and_space()
        {
            Assert.Equal("101; 103", new OmnideskList<long>(new long[] { 101, 103 }).ToString());
            Assert.Equal("a@x.com; b@y.com", new OmnideskList<string>(new[] { "a@x.com", "b@y.com" }).ToString());
            Assert.Equal("7", new OmnideskList<long>(new long[] { 7 }).ToString());
        }

        [Fact]
        public void Empty_list_is_empty_text()
        {
            Assert.Equal("", OmnideskList<long>.Empty.ToString());
            Assert.Equal("", new OmnideskList<string>(null).ToString());
        }

        [Fact]
        public void Attachments_are_their_file_names()
        {
            var attachments = new OmnideskList<OmnideskAttachment>(new[]
            {
                new OmnideskAttachment { FileId = 9000, FileName = "screenshot-9000.png" },
                new OmnideskAttachment { FileId = 9003, FileName = "invoice-9003.pdf" },
                new OmnideskAttachment { FileId = 9004 },
            });
            Assert.Equal("screenshot-9000.png; invoice-9003.pdf; ", attachments.ToString());
        }

        [Fact]
        public void List_items_are_written_as_they_are()
        {
            var names = new OmnideskList<string>(new[] { "a;b.pdf", @"c\d.png", "e, f.txt" });
            Assert.Equal(@"a;b.pdf; c\d.png; e, f.txt", names.ToString());
        }

        [Fact]
        public void List_is_a_read_only_list_made_from_an_array()
        {
            OmnideskList<long> labels = new long[] { 101, 102 };
            Assert.Equal(new long[] { 101, 102 }, labels);
            Assert.Equal(2, labels.Length);
            Assert.Equal(102, labels[1]);
            Assert.True(((ICollection<long>)labels).IsReadOnly);
            OmnideskList<long> none = (long[])null;
            Assert.Null(none);
        }

        [Fact]
        public void Custom_fields_are_key_value_pairs_sorted_by_field_number()
        {
            var fields = Fields(("cf_44", true), ("cf_30", "Billing"), ("cf_25", "Order #A-1043"));
            Assert.Equal("cf_25=Order #A-1043; cf_30=Billing; cf_44=True", fields.ToString());

            // numerically, not as text (cf_5 before cf_25); keys in the API's lower-case form
            Assert.Equal("cf_5=x; cf_25=y; cf_100=False", Fields(("cf_100", false), ("CF_25", "y"), ("Cf_5", "x")).ToString());
        }

        [Fact]
        public void Custom_fields_that_are_not_cf_N_come_last_in_ordinal_order()
        {
            Assert.Equal("cf_2=b; 0=a; other=c", Fields(("other", "c"), ("0", "a"), ("cf_2", "b")).ToString());
        }

        [Fact]
        public void Custom_field_values_are_culture_invariant()
        {
            var previous = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            try
            {
                var fields = Fields(("cf_1", 1.5), ("cf_2", 1234567L), ("cf_3", 0.1f), ("cf_4", 12.50m), ("cf_5", false));
                Assert.Equal("cf_1=1.5; cf_2=1234567; cf_3=0.1; cf_4=12.50; cf_5=False", fields.ToString());
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }
        }

        [Fact]
        public void Custom_field_arrays_join_with_comma_and_null_is_empty()
        {
            var fields = Fields(("cf_50", new object[] { 2L, 3L }), ("cf_51", new object[0]), ("cf_52", null), ("cf_53", new[] { "x" }));
            Assert.Equal("cf_50=2,3; cf_51=; cf_52=; cf_53=x", fields.ToString());
        }

        [Fact]
        public void Custom_field_object_counts_as_the_array_of_its_values()
        {
            // PHP sends an array with gaps as an object keyed by index
            var gaps = new Dictionary<string, object> { ["0"] = "a", ["2"] = "b" };
            Assert.Equal("cf_60=a,b", Fields(("cf_60", gaps)).ToString());
        }

        [Fact]
        public void Custom_field_values_are_written_as_they_are_and_split_back_before_each_key()
        {
            var text = Fields(("cf_25", @"Hello, world; a=b \o/"), ("cf_26", new object[] { "x", "z" })).ToString();
            Assert.Equal(@"cf_25=Hello, world; a=b \o/; cf_26=x,z", text);
            // the reading rule the type documents
            Assert.Equal(new[] { @"cf_25=Hello, world; a=b \o/", "cf_26=x,z" }, Regex.Split(text, "; (?=cf_[0-9]+=)"));
        }

        [Fact]
        public void Empty_custom_fields_are_empty_text()
        {
            Assert.Equal("", new OmnideskCustomFields().ToString());
        }

        [Fact]
        public void Custom_fields_stay_a_case_insensitive_dictionary()
        {
            var fields = new OmnideskCustomFields(new Dictionary<string, object> { ["cf_25"] = "a" }) { ["CF_25"] = "b" };
            Assert.Equal("b", fields["cf_25"]);
            Assert.Single(fields);
            Assert.IsAssignableFrom<Dictionary<string, object>>(fields);
        }

        [Fact]
        public void Mapped_case_reads_the_same_values_into_the_new_types()
        {
            var c = Case("""
                {"case":{"case_id":1,"cc_emails":"a@x.com, b@y.com","bcc_emails":["c@z.com"],
                 "custom_fields":{"cf_44":1,"cf_30":"Billing","CF_25":"Order #A-1043","cf_50":["2","3"],"cf_60":false},
                 "labels":"101,103","locked_labels":{"0":103}}}
                """);

            Assert.Equal(new[] { "a@x.com", "b@y.com" }, c.CcEmails);
            Assert.Equal("a@x.com; b@y.com", c.CcEmails.ToString());
            Assert.Equal("c@z.com", c.BccEmails.ToString());
            Assert.Equal(new long[] { 101, 103 }, c.Labels);
            Assert.Equal("101; 103", c.Labels.ToString());
            Assert.Equal("103", c.LockedLabels.ToString());
            Assert.Equal("Order #A-1043", c.CustomFields["cf_25"]);
            Assert.Equal(1L, c.CustomFields["cf_44"]);
            Assert.Equal(new object[] { "2", "3" }, c.CustomFields["cf_50"]);
            Assert.Equal("cf_25=Order #A-1043; cf_30=Billing; cf_44=1; cf_50=2,3; cf_60=False", c.CustomFields.ToString());
        }

        [Fact]
        public void Mapped_case_without_the_fields_has_empty_collections()
        {
            var c = Case("""{"case":{"case_id":1,"custom_fields":[],"labels":null}}""");
            Assert.Equal("", c.CcEmails.ToString());
            Assert.Equal("", c.BccEmails.ToString());
            Assert.Equal("", c.Labels.ToString());
            Assert.Equal("", c.LockedLabels.ToString());
            Assert.Equal("", c.CustomFields.ToString());
        }

        [Fact]
        public void Mapped_message_attachments_are_their_file_names()
        {
            var m = Wire.Message(Encoding.UTF8.GetBytes("""
                {"message":{"message_id":1,"attachments":[
                  {"file_id":9000,"file_name":"screenshot-9000.png","file_size":10,"mime_type":"image/png","url":"https://x/9000"},
                  {"file_id":"9003","file_name":"invoice-9003.pdf","file_size":"20","mime_type":"application/pdf","url":"https://x/9003"}]}}
                """));
            Assert.Equal(new long[] { 9000, 9003 }, new[] { m.Attachments[0].FileId, m.Attachments[1].FileId });
            Assert.Equal(20, m.Attachments[1].FileSize);
            Assert.Equal("screenshot-9000.png; invoice-9003.pdf", m.Attachments.ToString());
        }
    }
}

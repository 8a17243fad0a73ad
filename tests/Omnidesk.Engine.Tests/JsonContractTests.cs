using System;
using System.Linq;
using System.Text.Json.Serialization.Metadata;
using Omnidesk.Engine.Json;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>
    /// The contract as a whole: which JSON names each model type reads and writes (the snake_case convention plus the
    /// exceptions), that every member read goes through a tolerant converter, and that the model carries no JSON
    /// attributes (it loads in another context than the engine's System.Text.Json, which would not see them).
    /// </summary>
    public class JsonContractTests
    {
        private static JsonTypeInfo Contract(Type type) => ApiJsonContract.Options.GetTypeInfo(type);
        private static string[] Read(Type type) => Contract(type).Properties.Where(p => p.Set != null).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        private static string[] Written(Type type) => Contract(type).Properties.Where(p => p.Get != null).Select(p => p.Name).ToArray();

        [Fact]
        public void Names_read_per_type()
        {
            Assert.Equal(new[]
            {
                "bcc_emails", "cc_emails", "channel", "closed_at", "closing_speed", "created_at", "custom_fields", "case_id", "case_number",
                "deleted", "group_id", "idea", "labels", "language_id", "last_response_at", "locked_labels", "parent_case_id", "priority",
                "rated_staff_id", "rating", "rating_comment", "recipient", "recipient_bcc", "recipient_cc", "spam", "staff_id", "status",
                "subject", "updated_at", "user_id",
            }.OrderBy(n => n, StringComparer.Ordinal), Read(typeof(OmnideskCase)));
            Assert.Equal(new[]
            {
                "attachments", "case_id", "content", "content_html", "created_at", "message_id", "note", "rated_staff_id", "rating",
                "rating_comment", "sent_at", "sent_via_rule", "staff_id", "user_id",
            }, Read(typeof(OmnideskMessage)));
            Assert.Equal(new[] { "file_id", "file_name", "file_size", "mime_type", "url" }, Read(typeof(OmnideskAttachment)));
            Assert.Equal(new[] { "filter_id", "filter_name", "isCustom", "isSelected", "is_custom", "is_selected" }, Read(typeof(OmnideskFilter)));
            Assert.Equal(new[] { "created_at", "done_by", "event", "old_value", "value" }, Read(typeof(OmnideskChangelogEntry)));
            Assert.Equal(new[] { "category", "category_id", "content", "official_response", "official_response_at", "official_response_tstamp", "stage" },
                Read(typeof(OmnideskIdea)));
        }

        [Fact]
        public void Names_written_per_type_in_order()
        {
            Assert.Equal(new[]
            {
                "user_email", "user_phone", "user_custom_id", "channel", "user_full_name", "subject", "content", "content_html", "language_id",
                "custom_fields", "labels", "attachment_urls",
            }, Written(typeof(OmnideskNewCase)));
            Assert.Equal(new[]
            {
                "subject", "status", "priority", "staff_id", "group_id", "language_id", "custom_fields", "add_labels", "delete_labels",
            }, Written(typeof(OmnideskCaseChange)));
            Assert.Equal(new[] { "rating", "rating_comment", "rating_staff_id" }, Written(typeof(OmnideskRatingChange)));
            Assert.Equal(new[] { "content", "stage", "category_id" }, Written(typeof(OmnideskIdeaChange)));
            Assert.Equal(new[] { "content", "content_html", "user_id", "staff_id", "do_not_send_email", "send_at", "attachment_urls" },
                Written(typeof(OmnideskNewMessage)));
            Assert.Equal(new[] { "content", "content_html" }, Written(typeof(OmnideskMessageEdit)));
            Assert.Equal(new[] { "content" }, Written(typeof(OmnideskIdeaResponse)));
        }

        [Fact]
        public void Derived_members_are_neither_read_nor_written()
        {
            Assert.DoesNotContain(Contract(typeof(OmnideskMessage)).Properties, p => p.Name == "is_scheduled");
            Assert.DoesNotContain(Contract(typeof(OmnideskCaseChange)).Properties, p => p.Name == "is_empty" || p.Name == "key");
        }

        [Theory]
        [InlineData(typeof(OmnideskCase))]
        [InlineData(typeof(OmnideskMessage))]
        [InlineData(typeof(OmnideskAttachment))]
        [InlineData(typeof(OmnideskFilter))]
        [InlineData(typeof(OmnideskChangelogEntry))]
        [InlineData(typeof(OmnideskIdea))]
        public void Every_member_read_goes_through_a_tolerant_converter(Type type)
        {
            foreach (var property in Contract(type).Properties)
            {
                var converter = property.CustomConverter ?? ApiJsonContract.Options.GetConverter(property.PropertyType);
                Assert.True(converter.GetType().Namespace == typeof(ApiJsonContract).Namespace,
                    $"{type.Name}.{property.Name} ({property.PropertyType.Name}) is read by {converter.GetType().Name}, which fails on the API's quirks");
            }
        }

        [Fact]
        public void The_model_does_not_reference_System_Text_Json()
        {
            Assert.DoesNotContain(typeof(OmnideskCase).Assembly.GetReferencedAssemblies(), a => a.Name == "System.Text.Json");
        }
    }
}

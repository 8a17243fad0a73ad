using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using Omnidesk.Engine.Http;

namespace Omnidesk.Engine.Json
{
    /// <summary>
    /// Writes request bodies: {"root":{…}} with snake_case members, nulls left out. Text is written as UTF-8
    /// (not \u escapes). Reusable for other resources: <c>JsonBody.Wrap("message", w => { … })</c>.
    /// </summary>
    internal static class JsonBody
    {
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = false,
        };

        /// <summary>{"<paramref name="root"/>":{ members written by <paramref name="members"/> }}.</summary>
        public static byte[] Wrap(string root, Action<Utf8JsonWriter> members)
        {
            using (var stream = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(stream, WriterOptions))
                {
                    w.WriteStartObject();
                    w.WriteStartObject(root);
                    members?.Invoke(w);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                return stream.ToArray();
            }
        }

        public static void String(Utf8JsonWriter w, string name, string value)
        {
            if (value != null) w.WriteString(name, value);
        }

        public static void Number(Utf8JsonWriter w, string name, long? value)
        {
            if (value.HasValue) w.WriteNumber(name, value.Value);
        }

        public static void Numbers(Utf8JsonWriter w, string name, IEnumerable<long> values)
        {
            if (values == null) return;
            w.WriteStartArray(name);
            foreach (var v in values) w.WriteNumberValue(v);
            w.WriteEndArray();
        }

        public static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
        {
            if (values == null) return;
            w.WriteStartArray(name);
            foreach (var v in values)
            {
                if (v == null) w.WriteNullValue();
                else w.WriteStringValue(v);
            }
            w.WriteEndArray();
        }

        /// <summary>"custom_fields":{"cf_N": value as given}; a null value is sent as null (clears the field).</summary>
        public static void CustomFields(Utf8JsonWriter w, IDictionary<string, object> fields, string name = "custom_fields")
        {
            if (fields == null) return;
            w.WriteStartObject(name);
            foreach (var pair in fields)
            {
                if (string.IsNullOrEmpty(pair.Key)) continue;
                w.WritePropertyName(pair.Key);
                Value(w, pair.Value);
            }
            w.WriteEndObject();
        }

        /// <summary>
        /// A BCL value as JSON: strings, booleans, numbers (NaN/∞ as text), arrays of them, dictionaries as objects,
        /// dates as ISO text, anything else as its invariant text.
        /// </summary>
        public static void Value(Utf8JsonWriter w, object value)
        {
            switch (value)
            {
                case null: w.WriteNullValue(); return;
                case string s: w.WriteStringValue(s); return;
                case bool b: w.WriteBooleanValue(b); return;
                case char c: w.WriteStringValue(c.ToString()); return;
                case byte _: case sbyte _: case short _: case ushort _: case int _: case uint _: case long _:
                    w.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); return;
                case ulong ul: w.WriteNumberValue(ul); return;
                case decimal m: w.WriteNumberValue(m); return;
                case double d:
                    if (double.IsNaN(d) || double.IsInfinity(d)) w.WriteStringValue(d.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    else w.WriteNumberValue(d);
                    return;
                case float f:
                    if (float.IsNaN(f) || float.IsInfinity(f)) w.WriteStringValue(f.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    else w.WriteNumberValue(f);
                    return;
                case DateTime dt: w.WriteStringValue(JsonBodyValues.DateText(dt)); return;
                case DateTimeOffset dto: w.WriteStringValue(JsonBodyValues.DateText(dto)); return;
                case Enum e: w.WriteStringValue(e.ToString()); return;
                case JsonElement je: je.WriteTo(w); return;
                case IDictionary dict:
                    w.WriteStartObject();
                    foreach (DictionaryEntry entry in dict)
                    {
                        w.WritePropertyName(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "");
                        Value(w, entry.Value);
                    }
                    w.WriteEndObject();
                    return;
                case IEnumerable many:
                    w.WriteStartArray();
                    foreach (var item in many) Value(w, item);
                    w.WriteEndArray();
                    return;
                default:
                    w.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    return;
            }
        }
    }

    /// <summary>The bodies of the case write endpoints (deskie-cases-api.txt).</summary>
    internal static class CaseBodies
    {
        /// <summary>POST /api/cases.json as JSON: {"case":{user_email, …, attachment_urls}}.</summary>
        public static byte[] NewCaseJson(OmnideskNewCase c) => JsonBody.Wrap("case", w =>
        {
            JsonBody.String(w, "user_email", c.UserEmail);
            JsonBody.String(w, "user_phone", c.UserPhone);
            JsonBody.String(w, "user_custom_id", c.UserCustomId);
            JsonBody.String(w, "channel", c.Channel);
            JsonBody.String(w, "user_full_name", c.UserFullName);
            JsonBody.String(w, "subject", c.Subject);
            JsonBody.String(w, "content", c.Content);
            JsonBody.String(w, "content_html", c.ContentHtml);
            JsonBody.Number(w, "language_id", c.LanguageId);
            JsonBody.CustomFields(w, c.CustomFields);
            JsonBody.Numbers(w, "labels", c.Labels);
            JsonBody.Strings(w, "attachment_urls", c.AttachmentUrls);
        });

        /// <summary>POST /api/cases.json as multipart: case[name], case[custom_fields][cf_N], case[labels][], case[attachments][N].</summary>
        public static IReadOnlyList<FormField> NewCaseForm(OmnideskNewCase c)
        {
            var form = new FormFieldList("case")
                .Add("user_email", c.UserEmail)
                .Add("user_phone", c.UserPhone)
                .Add("user_custom_id", c.UserCustomId)
                .Add("channel", c.Channel)
                .Add("user_full_name", c.UserFullName)
                .Add("subject", c.Subject)
                .Add("content", c.Content)
                .Add("content_html", c.ContentHtml)
                .Add("language_id", c.LanguageId)
                .AddCustomFields(c.CustomFields)
                .AddArray("labels", c.Labels)
                .AddArray("attachment_urls", c.AttachmentUrls)
                .AddFiles(c.Attachments);
            return form.Fields;
        }

        /// <summary>PUT /api/cases/{ids}.json: {"case":{subject, status, priority, staff_id, group_id, language_id, custom_fields, add_labels, delete_labels}}.</summary>
        public static byte[] CaseChange(OmnideskCaseChange c) => JsonBody.Wrap("case", w =>
        {
            JsonBody.String(w, "subject", c.Subject);
            JsonBody.String(w, "status", c.Status);
            JsonBody.String(w, "priority", c.Priority);
            JsonBody.Number(w, "staff_id", c.StaffId);
            JsonBody.Number(w, "group_id", c.GroupId);
            JsonBody.Number(w, "language_id", c.LanguageId);
            JsonBody.CustomFields(w, c.CustomFields);
            JsonBody.Numbers(w, "add_labels", c.AddLabels);
            JsonBody.Numbers(w, "delete_labels", c.RemoveLabels);
        });

        /// <summary>
        /// PUT …/rate.json and …/rate/{messageId}.json: {"rate":{rating, rating_comment[, rating_staff_id]}}
        /// (the docs' request name; the case in the answer says rated_staff_id).
        /// </summary>
        public static byte[] Rate(OmnideskRatingChange r, bool withStaff) => JsonBody.Wrap("rate", w =>
        {
            JsonBody.String(w, "rating", r.Rating);
            JsonBody.String(w, "rating_comment", r.Comment);
            if (withStaff) JsonBody.Number(w, "rating_staff_id", r.RatedStaffId);
        });

        /// <summary>PUT /api/cases/{id}/idea.json: {"message":{content, stage, category_id}}.</summary>
        public static byte[] IdeaChange(OmnideskIdeaChange c) => JsonBody.Wrap("message", w =>
        {
            JsonBody.String(w, "content", c.Content);
            JsonBody.String(w, "stage", c.Stage);
            JsonBody.Number(w, "category_id", c.CategoryId);
        });

        /// <summary>PUT /api/cases/{id}/idea_official_response.json: {"message":{"content":…}}.</summary>
        public static byte[] IdeaResponse(string content) => JsonBody.Wrap("message", w => JsonBody.String(w, "content", content));
    }
}

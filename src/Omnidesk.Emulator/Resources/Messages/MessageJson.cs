using System.Globalization;
using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>The message object as the API sends it.</summary>
    public static class MessageJson
    {
        /// <summary>
        /// The message object (the value of "message"), as in the docs' "View messages" example. Relative attachment
        /// URLs ("/files/…") get <paramref name="baseUrl"/> (the request's own scheme and host) in front.
        /// </summary>
        public static void Write(Utf8JsonWriter w, EmuMessage m, EmulatorConfig config, string baseUrl = null)
        {
            bool str = config.NumbersAsStrings;
            void Int(string name, long v)
            {
                if (str) w.WriteString(name, v.ToString(CultureInfo.InvariantCulture)); else w.WriteNumber(name, v);
            }
            w.WriteStartObject();
            Int("message_id", m.MessageId);
            Int("user_id", m.UserId);
            Int("staff_id", m.StaffId);
            w.WriteString("content", m.Content ?? "");
            w.WriteString("content_html", m.ContentHtml ?? "");
            w.WriteStartArray("attachments");
            foreach (var a in m.Attachments)
            {
                w.WriteStartObject();
                Int("file_id", a.FileId);
                w.WriteString("file_name", a.FileName);
                Int("file_size", a.FileSize);
                w.WriteString("mime_type", a.MimeType);
                w.WriteString("url", baseUrl != null && a.Url.StartsWith('/') ? baseUrl + a.Url : a.Url);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteBoolean("note", m.Note);
            w.WriteBoolean("sent_via_rule", m.SentViaRule);
            w.WriteString("created_at", JsonOutput.FormatDate(m.CreatedAt));
            w.WriteString("sent_at", JsonOutput.FormatDate(m.SentAt));
            if (m.Rating != null)
            {
                w.WriteString("rating", m.Rating);
                w.WriteString("rating_comment", m.RatingComment ?? "");
                Int("rated_staff_id", m.RatedStaffId ?? 0);
            }
            w.WriteEndObject();
        }
    }
}

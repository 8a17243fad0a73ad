using System;
using System.Collections.Generic;
using System.Linq;
using Omnidesk.Engine.Http;

namespace Omnidesk.Engine.Json
{
    /// <summary>The bodies of the message and note endpoints (deskie-cases-api.txt: responses and notes).</summary>
    internal static class MessageBodies
    {
        internal const string MessageRoot = "message";
        internal const string NoteRoot = "note";

        /// <summary>
        /// POST …/messages.json as JSON: {"message":{content, content_html, user_id, staff_id, do_not_send_email,
        /// send_at (unix seconds), attachment_urls}}, nulls left out.
        /// </summary>
        public static byte[] NewMessageJson(OmnideskNewMessage m) => JsonBody.Wrap(MessageRoot, w =>
        {
            JsonBody.String(w, "content", m.Content);
            JsonBody.String(w, "content_html", m.ContentHtml);
            JsonBody.Number(w, "user_id", m.UserId);
            JsonBody.Number(w, "staff_id", m.StaffId);
            if (m.DoNotSendEmail.HasValue) w.WriteBoolean("do_not_send_email", m.DoNotSendEmail.Value);
            JsonBody.Number(w, "send_at", m.SendAt?.ToUnixTimeSeconds());
            JsonBody.Strings(w, "attachment_urls", m.AttachmentUrls);
        });

        /// <summary>POST …/messages.json as multipart: message[content], …, message[attachment_urls][], message[attachments][N].</summary>
        public static IReadOnlyList<FormField> NewMessageForm(OmnideskNewMessage m)
        {
            var form = new FormFieldList(MessageRoot)
                .Add("content", m.Content)
                .Add("content_html", m.ContentHtml)
                .Add("user_id", m.UserId)
                .Add("staff_id", m.StaffId)
                .Add("do_not_send_email", m.DoNotSendEmail.HasValue ? FormFieldList.Text(m.DoNotSendEmail.Value) : null)
                .Add("send_at", m.SendAt?.ToUnixTimeSeconds())
                .AddArray("attachment_urls", m.AttachmentUrls)
                .AddFiles(m.Attachments);
            return form.Fields;
        }

        /// <summary>
        /// POST …/note.json as JSON: {"note":{content, content_html, staff_id, attachment_urls}}. The docs name the
        /// author both note_staff_id and staff_id; staff_id is what their attachment examples (and PAL) send.
        /// </summary>
        public static byte[] NewNoteJson(OmnideskNewMessage n) => JsonBody.Wrap(NoteRoot, w =>
        {
            JsonBody.String(w, "content", n.Content);
            JsonBody.String(w, "content_html", n.ContentHtml);
            JsonBody.Number(w, "staff_id", n.StaffId);
            JsonBody.Strings(w, "attachment_urls", n.AttachmentUrls);
        });

        /// <summary>POST …/note.json as multipart: note[content], note[content_html], note[staff_id], note[attachment_urls][], note[attachments][N].</summary>
        public static IReadOnlyList<FormField> NewNoteForm(OmnideskNewMessage n)
        {
            var form = new FormFieldList(NoteRoot)
                .Add("content", n.Content)
                .Add("content_html", n.ContentHtml)
                .Add("staff_id", n.StaffId)
                .AddArray("attachment_urls", n.AttachmentUrls)
                .AddFiles(n.Attachments);
            return form.Fields;
        }

        /// <summary>PUT …/messages/{id}.json and …/note/{id}.json: {"message"|"note":{content, content_html}}.</summary>
        public static byte[] Edit(string root, string content, string contentHtml) => JsonBody.Wrap(root, w =>
        {
            JsonBody.String(w, "content", content);
            JsonBody.String(w, "content_html", contentHtml);
        });

    }
}

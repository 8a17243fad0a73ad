using System.Collections.Generic;
using Omnidesk.Engine.Http;

namespace Omnidesk.Engine.Json
{
    /// <summary>The bodies of the case write endpoints (deskie-cases-api.txt), written by <see cref="ApiJsonContract"/>.</summary>
    internal static class CaseBodies
    {
        /// <summary>POST /api/cases.json as JSON: {"case":{user_email, …, attachment_urls}}.</summary>
        public static byte[] NewCaseJson(OmnideskNewCase c) => ApiJsonContract.Body("case", c);

        /// <summary>POST /api/cases.json as multipart: case[name], case[custom_fields][cf_N], case[labels][], case[attachments][N].</summary>
        public static IReadOnlyList<FormField> NewCaseForm(OmnideskNewCase c) => ApiJsonContract.Form("case", c, c.Attachments);

        /// <summary>PUT /api/cases/{ids}.json: {"case":{subject, status, priority, staff_id, group_id, language_id, custom_fields, add_labels, delete_labels}}.</summary>
        public static byte[] CaseChange(OmnideskCaseChange c) => ApiJsonContract.Body("case", c);

        /// <summary>
        /// PUT …/rate.json and …/rate/{messageId}.json: {"rate":{rating, rating_comment[, rating_staff_id]}}
        /// (the docs' request name; the case in the answer says rated_staff_id). A message's rating names no staff member.
        /// </summary>
        public static byte[] Rate(OmnideskRatingChange r, bool withStaff) =>
            ApiJsonContract.Body("rate", withStaff ? r : new OmnideskRatingChange { Rating = r.Rating, Comment = r.Comment });

        /// <summary>PUT /api/cases/{id}/idea.json: {"message":{content, stage, category_id}}.</summary>
        public static byte[] IdeaChange(OmnideskIdeaChange c) => ApiJsonContract.Body("message", c);

        /// <summary>PUT /api/cases/{id}/idea_official_response.json: {"message":{"content":…}}.</summary>
        public static byte[] IdeaResponse(string content) => ApiJsonContract.Body("message", new TextChange { Content = content });
    }

    /// <summary>The bodies of the message and note endpoints (deskie-cases-api.txt: responses and notes).</summary>
    internal static class MessageBodies
    {
        internal const string MessageRoot = "message";
        internal const string NoteRoot = "note";

        /// <summary>
        /// POST …/messages.json as JSON: {"message":{content, content_html, user_id, staff_id, do_not_send_email,
        /// send_at (unix seconds), attachment_urls}}, nulls left out.
        /// </summary>
        public static byte[] NewMessageJson(OmnideskNewMessage m) => ApiJsonContract.Body(MessageRoot, m);

        /// <summary>POST …/messages.json as multipart: message[content], …, message[attachment_urls][], message[attachments][N].</summary>
        public static IReadOnlyList<FormField> NewMessageForm(OmnideskNewMessage m) => ApiJsonContract.Form(MessageRoot, m, m.Attachments);

        /// <summary>
        /// POST …/note.json as JSON: {"note":{content, content_html, staff_id, attachment_urls}}. The docs name the
        /// author both note_staff_id and staff_id; staff_id is what their attachment examples (and PAL) send.
        /// </summary>
        public static byte[] NewNoteJson(OmnideskNewMessage n) => ApiJsonContract.Body(NoteRoot, NoteMembers(n));

        /// <summary>POST …/note.json as multipart: note[content], note[content_html], note[staff_id], note[attachment_urls][], note[attachments][N].</summary>
        public static IReadOnlyList<FormField> NewNoteForm(OmnideskNewMessage n) => ApiJsonContract.Form(NoteRoot, NoteMembers(n), n.Attachments);

        /// <summary>PUT …/messages/{id}.json and …/note/{id}.json: {"message"|"note":{content, content_html}}.</summary>
        public static byte[] Edit(string root, string content, string contentHtml) =>
            ApiJsonContract.Body(root, new TextChange { Content = content, ContentHtml = contentHtml });

        /// <summary>What a note has of a message: no user, no e-mail flag, no delayed sending.</summary>
        private static OmnideskNewMessage NoteMembers(OmnideskNewMessage n) => new OmnideskNewMessage
        {
            Content = n.Content, ContentHtml = n.ContentHtml, StaffId = n.StaffId, AttachmentUrls = n.AttachmentUrls,
        };
    }

    /// <summary>The body of the edits that carry only text: messages, notes, an idea's official response.</summary>
    internal sealed class TextChange
    {
        public string Content { get; set; }
        public string ContentHtml { get; set; }
    }
}

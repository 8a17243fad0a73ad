using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading.Tasks;
using Omnidesk.Engine.Http;
using Omnidesk.Engine.Json;

namespace Omnidesk.Engine
{
    /// <summary>Messages (responses) and notes of a case (deskie-cases-api.txt). Bodies are re-created per attempt.</summary>
    internal sealed partial class OmnideskClient
    {
        public async Task<OmnideskPage<OmnideskMessage>> GetMessagesAsync(string idOrNumber, long caseId, string order, int page, int limit,
            OmnideskCallContext context)
        {
            if (string.IsNullOrWhiteSpace(idOrNumber)) throw new ArgumentException("A case id or number is required.", nameof(idOrNumber));
            var parameters = new List<KeyValuePair<string, string>>();
            if (page > 0) parameters.Add(new KeyValuePair<string, string>("page", page.ToString(CultureInfo.InvariantCulture)));
            if (limit > 0) parameters.Add(new KeyValuePair<string, string>("limit", limit.ToString(CultureInfo.InvariantCulture)));
            if (order != null) parameters.Add(new KeyValuePair<string, string>("order", order));
            var path = "api/cases/" + Uri.EscapeDataString(idOrNumber.Trim()) + "/messages.json";
            var response = await SendAsync(HttpMethod.Get, path, parameters, (HttpContent)null, context).ConfigureAwait(false);
            var result = Read(response, OmnideskJson.ParseMessageList);
            foreach (var message in result.Items) message.CaseId = caseId;
            return result;
        }

        public async Task<OmnideskMessagesResult> AddMessagesAsync(IReadOnlyList<long> caseIds, OmnideskNewMessage message, OmnideskCallContext context)
        {
            var ids = CheckIds(caseIds);
            if (message == null) throw new ArgumentNullException(nameof(message));
            if (message.UserId.HasValue && message.StaffId.HasValue)
                throw new ArgumentException("A response has one author: give UserId or StaffId, not both.", nameof(message));
            var body = JsonOrMultipart(message.Attachments, () => MessageBodies.NewMessageJson(message), () => MessageBodies.NewMessageForm(message));
            return await PostToCasesAsync(ids, "messages.json", body, context).ConfigureAwait(false);
        }

        public async Task<OmnideskMessagesResult> AddNotesAsync(IReadOnlyList<long> caseIds, OmnideskNewMessage note, OmnideskCallContext context)
        {
            var ids = CheckIds(caseIds);
            if (note == null) throw new ArgumentNullException(nameof(note));
            // Not silently dropped: these mean something for a response only.
            if (note.UserId.HasValue) throw new ArgumentException("A note is written by a staff member: UserId does not apply.", nameof(note));
            if (note.DoNotSendEmail.HasValue) throw new ArgumentException("A note is never e-mailed: DoNotSendEmail does not apply.", nameof(note));
            if (note.SendAt.HasValue) throw new ArgumentException("A note cannot be scheduled: SendAt does not apply.", nameof(note));
            var body = JsonOrMultipart(note.Attachments, () => MessageBodies.NewNoteJson(note), () => MessageBodies.NewNoteForm(note));
            return await PostToCasesAsync(ids, "note.json", body, context).ConfigureAwait(false);
        }

        /// <summary>POST /api/cases/{ids}/{endpoint}: a message or note for one or several cases.</summary>
        private async Task<OmnideskMessagesResult> PostToCasesAsync(IReadOnlyList<long> ids, string endpoint, Func<HttpContent> body,
            OmnideskCallContext context)
        {
            var response = await SendAsync(HttpMethod.Post, "api/cases/" + JoinIds(ids) + "/" + endpoint, null, body, context).ConfigureAwait(false);
            return Read(response, b => OmnideskJson.ParseMessagesResult(b, ids));
        }

        public Task<OmnideskMessage> UpdateMessageAsync(long caseId, long messageId, string content, string contentHtml, OmnideskCallContext context) =>
            EditMessageAsync(caseId, messageId, "messages", MessageBodies.MessageRoot, content, contentHtml, context);

        public Task<OmnideskMessage> UpdateNoteAsync(long caseId, long messageId, string content, string contentHtml, OmnideskCallContext context) =>
            EditMessageAsync(caseId, messageId, "note", MessageBodies.NoteRoot, content, contentHtml, context);

        public Task DeleteMessageAsync(long caseId, long messageId, OmnideskCallContext context) =>
            DeleteMessageCoreAsync(caseId, messageId, "messages", context);

        public Task DeleteNoteAsync(long caseId, long messageId, OmnideskCallContext context) =>
            DeleteMessageCoreAsync(caseId, messageId, "note", context);

        private async Task<OmnideskMessage> EditMessageAsync(long caseId, long messageId, string segment, string root,
            string content, string contentHtml, OmnideskCallContext context)
        {
            CheckId(caseId, nameof(caseId));
            CheckId(messageId, nameof(messageId));
            if (content == null && contentHtml == null)
                throw new ArgumentException("Give the new content, the new content_html, or both.", nameof(content));
            var path = "api/cases/" + Id(caseId) + "/" + segment + "/" + Id(messageId) + ".json";
            var response = await SendAsync(Put, path, null, RequestContent.Json(MessageBodies.Edit(root, content, contentHtml)), context)
                .ConfigureAwait(false);
            var message = Read(response, OmnideskJson.ParseMessage); // the answer's key is "message" for notes too
            message.CaseId = caseId;
            return message;
        }

        private async Task DeleteMessageCoreAsync(long caseId, long messageId, string segment, OmnideskCallContext context)
        {
            CheckId(caseId, nameof(caseId));
            CheckId(messageId, nameof(messageId));
            var path = "api/cases/" + Id(caseId) + "/" + segment + "/" + Id(messageId) + ".json";
            await SendAsync(Delete, path, null, (Func<HttpContent>)null, context).ConfigureAwait(false); // any 2xx body
        }
    }
}

using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// The omnidesk.ru (Deskie) calls the cmdlets make, each one line over the engine's generic verbs and the
    /// resource descriptions of <see cref="OmnideskResources"/>. Rules of one endpoint that the API itself does not
    /// enforce clearly (who may author a note, ...) are checked here, before anything is sent.
    /// </summary>
    public static class OmnideskEndpoints
    {
        private static readonly KeyValuePair<string, string>[] NoQuery = Array.Empty<KeyValuePair<string, string>>();

        /// <summary>GET /api/cases.json with the query's filters and page/limit.</summary>
        public static Task<OmnideskPage<OmnideskCase>> GetCasesAsync(this IOmnideskClient client, OmnideskCaseQuery query, int page, int limit,
            OmnideskCallContext context) =>
            client.GetPageAsync(OmnideskResources.Case, null, query?.ToQueryParameters() ?? NoQuery, page, limit, context);

        /// <summary>GET /api/cases/{idOrNumber}.json; a case number (NNN-NNNNNN) works in place of the id.</summary>
        public static Task<OmnideskCase> GetCaseAsync(this IOmnideskClient client, string idOrNumber, OmnideskCallContext context) =>
            client.GetAsync(OmnideskResources.Case, null, idOrNumber, null, context);

        /// <summary>GET /api/filters.json.</summary>
        public static Task<OmnideskPage<OmnideskFilter>> GetFiltersAsync(this IOmnideskClient client, OmnideskCallContext context) =>
            client.GetPageAsync(OmnideskResources.Filter, null, NoQuery, 0, 0, context);

        /// <summary>POST /api/cases.json: JSON, or multipart case[...] when the case has attachments.</summary>
        public static async Task<OmnideskCase> CreateCaseAsync(this IOmnideskClient client, OmnideskNewCase newCase, OmnideskCallContext context)
        {
            if (newCase == null) throw new ArgumentNullException(nameof(newCase));
            var result = await client.CreateAsync(OmnideskResources.Case, null, newCase, context).ConfigureAwait(false);
            return result.Items[0];
        }

        /// <summary>PUT /api/cases/{id}.json, or /api/cases/{id1},{id2},….json for several.</summary>
        public static async Task<OmnideskBulkResult> UpdateCasesAsync(this IOmnideskClient client, IReadOnlyList<long> caseIds,
            OmnideskCaseChange change, OmnideskCallContext context)
        {
            if (change == null) throw new ArgumentNullException(nameof(change));
            return AsCases(await client.UpdateAsync(OmnideskResources.Case, null, caseIds, change, context).ConfigureAwait(false));
        }

        /// <summary>PUT /api/cases/{ids}/trash|spam|restore.json, or DELETE /api/cases/{ids}.json.</summary>
        public static async Task<OmnideskBulkResult> ChangeCaseStateAsync(this IOmnideskClient client, IReadOnlyList<long> caseIds,
            OmnideskCaseAction action, OmnideskCallContext context)
        {
            string name;
            switch (action)
            {
                case OmnideskCaseAction.Trash: name = "trash"; break;
                case OmnideskCaseAction.Spam: name = "spam"; break;
                case OmnideskCaseAction.Restore: name = "restore"; break;
                case OmnideskCaseAction.Delete: name = "delete"; break;
                default: throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown case action.");
            }
            return AsCases(await client.InvokeAsync(OmnideskResources.Case, name, null, caseIds, null, context).ConfigureAwait(false));
        }

        /// <summary>PUT /api/cases/{id}/rate.json.</summary>
        public static Task<OmnideskCase> RateCaseAsync(this IOmnideskClient client, long caseId, OmnideskRatingChange rating,
            OmnideskCallContext context)
        {
            if (rating == null) throw new ArgumentNullException(nameof(rating));
            return Single(client.InvokeAsync(OmnideskResources.Case, "rate", null, new[] { caseId }, rating, context));
        }

        /// <summary>PUT /api/cases/{id}/rate/{messageId}.json.</summary>
        public static Task<OmnideskMessage> RateMessageAsync(this IOmnideskClient client, long caseId, long messageId,
            OmnideskRatingChange rating, OmnideskCallContext context)
        {
            if (rating == null) throw new ArgumentNullException(nameof(rating));
            return Single(client.InvokeAsync(OmnideskResources.Message, "rate", Parent(caseId), new[] { messageId },
                new OmnideskRatingChange { Rating = rating.Rating, Comment = rating.Comment }, context)); // a message's rating names no staff
        }

        /// <summary>GET /api/cases/{idOrNumber}/changelog.json; entries carry <paramref name="caseId"/>.</summary>
        public static Task<OmnideskPage<OmnideskChangelogEntry>> GetChangelogAsync(this IOmnideskClient client, string idOrNumber, long caseId,
            OmnideskChangelogQuery query, int page, int limit, OmnideskCallContext context) =>
            client.GetPageAsync(OmnideskResources.Changelog, new OmnideskParentKey(idOrNumber, caseId),
                query?.ToQueryParameters() ?? NoQuery, page, limit, context);

        /// <summary>PUT /api/cases/{id}/idea.json.</summary>
        public static Task<OmnideskCase> UpdateIdeaAsync(this IOmnideskClient client, long caseId, OmnideskIdeaChange change,
            OmnideskCallContext context)
        {
            if (change == null) throw new ArgumentNullException(nameof(change));
            return Single(client.InvokeAsync(OmnideskResources.Case, "idea", null, new[] { caseId }, change, context));
        }

        /// <summary>PUT /api/cases/{id}/idea_official_response.json.</summary>
        public static Task<OmnideskCase> SetIdeaResponseAsync(this IOmnideskClient client, long caseId, string content,
            OmnideskCallContext context)
        {
            if (content == null) throw new ArgumentNullException(nameof(content));
            return Single(client.InvokeAsync(OmnideskResources.Case, "idea_official_response", null, new[] { caseId },
                new OmnideskIdeaResponse(content), context));
        }

        /// <summary>DELETE /api/cases/{id}/idea_official_response.json.</summary>
        public static Task DeleteIdeaResponseAsync(this IOmnideskClient client, long caseId, OmnideskCallContext context) =>
            client.InvokeAsync(OmnideskResources.Case, "delete_idea_official_response", null, new[] { caseId }, null, context);

        /// <summary>GET /api/cases/{idOrNumber}/messages.json?page=&amp;limit=&amp;order=asc|desc; messages carry <paramref name="caseId"/>.</summary>
        public static Task<OmnideskPage<OmnideskMessage>> GetMessagesAsync(this IOmnideskClient client, string idOrNumber, long caseId,
            string order, int page, int limit, OmnideskCallContext context) =>
            client.GetPageAsync(OmnideskResources.Message, new OmnideskParentKey(idOrNumber, caseId),
                order == null ? NoQuery : new[] { new KeyValuePair<string, string>("order", order) }, page, limit, context);

        /// <summary>POST /api/cases/{id}/messages.json, or /api/cases/{id1},{id2},…/messages.json.</summary>
        public static async Task<OmnideskMessagesResult> AddMessagesAsync(this IOmnideskClient client, IReadOnlyList<long> caseIds,
            OmnideskNewMessage message, OmnideskCallContext context)
        {
            if (message == null) throw new ArgumentNullException(nameof(message));
            if (message.UserId.HasValue && message.StaffId.HasValue)
                throw new ArgumentException("A response has one author: give UserId or StaffId, not both.", nameof(message));
            return AsMessages(await client.CreateAsync(OmnideskResources.Message, caseIds, message, context).ConfigureAwait(false));
        }

        /// <summary>POST /api/cases/{id}/note.json, or /api/cases/{id1},{id2},…/note.json.</summary>
        public static async Task<OmnideskMessagesResult> AddNotesAsync(this IOmnideskClient client, IReadOnlyList<long> caseIds,
            OmnideskNewMessage note, OmnideskCallContext context)
        {
            if (note == null) throw new ArgumentNullException(nameof(note));
            // Not silently dropped: these mean something for a response only.
            if (note.UserId.HasValue) throw new ArgumentException("A note is written by a staff member: UserId does not apply.", nameof(note));
            if (note.DoNotSendEmail.HasValue) throw new ArgumentException("A note is never e-mailed: DoNotSendEmail does not apply.", nameof(note));
            if (note.SendAt.HasValue) throw new ArgumentException("A note cannot be scheduled: SendAt does not apply.", nameof(note));
            return AsMessages(await client.CreateAsync(OmnideskResources.Note, caseIds, note, context).ConfigureAwait(false));
        }

        /// <summary>PUT /api/cases/{caseId}/messages/{messageId}.json.</summary>
        public static Task<OmnideskMessage> UpdateMessageAsync(this IOmnideskClient client, long caseId, long messageId, string content,
            string contentHtml, OmnideskCallContext context) =>
            EditAsync(client, OmnideskResources.Message, caseId, messageId, content, contentHtml, context);

        /// <summary>PUT /api/cases/{caseId}/note/{messageId}.json.</summary>
        public static Task<OmnideskMessage> UpdateNoteAsync(this IOmnideskClient client, long caseId, long messageId, string content,
            string contentHtml, OmnideskCallContext context) =>
            EditAsync(client, OmnideskResources.Note, caseId, messageId, content, contentHtml, context);

        /// <summary>DELETE /api/cases/{caseId}/messages/{messageId}.json.</summary>
        public static Task DeleteMessageAsync(this IOmnideskClient client, long caseId, long messageId, OmnideskCallContext context) =>
            client.InvokeAsync(OmnideskResources.Message, "delete", Parent(caseId), new[] { messageId }, null, context);

        /// <summary>DELETE /api/cases/{caseId}/note/{messageId}.json.</summary>
        public static Task DeleteNoteAsync(this IOmnideskClient client, long caseId, long messageId, OmnideskCallContext context) =>
            client.InvokeAsync(OmnideskResources.Note, "delete", Parent(caseId), new[] { messageId }, null, context);

        /// <summary>GET /api/languages.json.</summary>
        public static Task<OmnideskPage<OmnideskLanguage>> GetLanguagesAsync(this IOmnideskClient client, int page, int limit,
            OmnideskCallContext context) =>
            client.GetPageAsync(OmnideskResources.Language, null, NoQuery, page, limit, context);

        private static Task<OmnideskMessage> EditAsync(IOmnideskClient client, OmnideskResource<OmnideskMessage> resource, long caseId,
            long messageId, string content, string contentHtml, OmnideskCallContext context)
        {
            if (content == null && contentHtml == null)
                throw new ArgumentException("Give the new content, the new content_html, or both.", nameof(content));
            return Single(client.UpdateAsync(resource, Parent(caseId), new[] { messageId },
                new OmnideskMessageEdit { Content = content, ContentHtml = contentHtml }, context));
        }

        private static OmnideskParentKey Parent(long caseId)
        {
            if (caseId <= 0) throw new ArgumentOutOfRangeException(nameof(caseId), caseId, "An id must be a positive number.");
            return new OmnideskParentKey(caseId);
        }

        private static async Task<T> Single<T>(Task<OmnideskBulkResult<T>> request)
        {
            var result = await request.ConfigureAwait(false);
            return result.Items.Count > 0 ? result.Items[0] : default(T);
        }

        private static OmnideskBulkResult AsCases(OmnideskBulkResult<OmnideskCase> result) =>
            result as OmnideskBulkResult ?? new OmnideskBulkResult(result.SucceededIds, result.Items);

        private static OmnideskMessagesResult AsMessages(OmnideskBulkResult<OmnideskMessage> result) =>
            result as OmnideskMessagesResult ?? new OmnideskMessagesResult(result.SucceededIds, result.Items);
    }
}

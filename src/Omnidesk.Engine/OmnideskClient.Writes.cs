using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Omnidesk.Engine.Http;
using Omnidesk.Engine.Json;

namespace Omnidesk.Engine
{
    /// <summary>The case writes, the changelog and ideas (deskie-cases-api.txt). Bodies are re-created per attempt.</summary>
    internal sealed partial class OmnideskClient
    {
        /// <summary>The API's limit of case ids in one bulk request.</summary>
        internal const int MaxBulkIds = 10;

        private static readonly HttpMethod Put = new HttpMethod("PUT");
        private static readonly HttpMethod Delete = new HttpMethod("DELETE");

        public async Task<OmnideskCase> CreateCaseAsync(OmnideskNewCase newCase, OmnideskCallContext context)
        {
            if (newCase == null) throw new ArgumentNullException(nameof(newCase));
            var body = JsonOrMultipart(newCase.Attachments, () => CaseBodies.NewCaseJson(newCase), () => CaseBodies.NewCaseForm(newCase));
            var response = await SendAsync(HttpMethod.Post, "api/cases.json", null, body, context).ConfigureAwait(false);
            return Read(response, OmnideskJson.ParseCase);
        }

        public async Task<OmnideskBulkResult> UpdateCasesAsync(IReadOnlyList<long> caseIds, OmnideskCaseChange change, OmnideskCallContext context)
        {
            var ids = CheckIds(caseIds);
            if (change == null) throw new ArgumentNullException(nameof(change));
            var path = "api/cases/" + JoinIds(ids) + ".json";
            var response = await SendAsync(Put, path, null, RequestContent.Json(CaseBodies.CaseChange(change)), context).ConfigureAwait(false);
            return Read(response, b => OmnideskJson.ParseBulkResult(b, ids, bodilessMeansAll: false));
        }

        public async Task<OmnideskBulkResult> ChangeCaseStateAsync(IReadOnlyList<long> caseIds, OmnideskCaseAction action, OmnideskCallContext context)
        {
            var ids = CheckIds(caseIds);
            RawResponse response;
            switch (action)
            {
                case OmnideskCaseAction.Trash:
                case OmnideskCaseAction.Spam:
                case OmnideskCaseAction.Restore:
                    var verb = action == OmnideskCaseAction.Trash ? "trash" : action == OmnideskCaseAction.Spam ? "spam" : "restore";
                    response = await SendAsync(Put, "api/cases/" + JoinIds(ids) + "/" + verb + ".json", null, RequestContent.Empty(), context)
                        .ConfigureAwait(false);
                    return Read(response, b => OmnideskJson.ParseBulkResult(b, ids, bodilessMeansAll: false));
                case OmnideskCaseAction.Delete:
                    response = await SendAsync(Delete, "api/cases/" + JoinIds(ids) + ".json", null, (Func<HttpContent>)null, context)
                        .ConfigureAwait(false);
                    return Read(response, b => OmnideskJson.ParseBulkResult(b, ids, bodilessMeansAll: true));
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown case action.");
            }
        }

        public async Task<OmnideskCase> RateCaseAsync(long caseId, OmnideskRatingChange rating, OmnideskCallContext context)
        {
            CheckId(caseId, nameof(caseId));
            if (rating == null) throw new ArgumentNullException(nameof(rating));
            var path = "api/cases/" + Id(caseId) + "/rate.json";
            var response = await SendAsync(Put, path, null, RequestContent.Json(CaseBodies.Rate(rating, withStaff: true)), context).ConfigureAwait(false);
            return Read(response, OmnideskJson.ParseCase);
        }

        public async Task<OmnideskMessage> RateMessageAsync(long caseId, long messageId, OmnideskRatingChange rating, OmnideskCallContext context)
        {
            CheckId(caseId, nameof(caseId));
            CheckId(messageId, nameof(messageId));
            if (rating == null) throw new ArgumentNullException(nameof(rating));
            var path = "api/cases/" + Id(caseId) + "/rate/" + Id(messageId) + ".json";
            var response = await SendAsync(Put, path, null, RequestContent.Json(CaseBodies.Rate(rating, withStaff: false)), context).ConfigureAwait(false);
            var message = Read(response, OmnideskJson.ParseMessage);
            message.CaseId = caseId;
            return message;
        }

        public async Task<OmnideskPage<OmnideskChangelogEntry>> GetChangelogAsync(string idOrNumber, long caseId, OmnideskChangelogQuery query,
            int page, int limit, OmnideskCallContext context)
        {
            if (string.IsNullOrWhiteSpace(idOrNumber)) throw new ArgumentException("A case id or number is required.", nameof(idOrNumber));
            var parameters = new List<KeyValuePair<string, string>>();
            if (query != null) parameters.AddRange(query.ToQueryParameters());
            if (page > 0) parameters.Add(new KeyValuePair<string, string>("page", page.ToString(CultureInfo.InvariantCulture)));
            if (limit > 0) parameters.Add(new KeyValuePair<string, string>("limit", limit.ToString(CultureInfo.InvariantCulture)));
            var path = "api/cases/" + Uri.EscapeDataString(idOrNumber.Trim()) + "/changelog.json";
            var response = await SendAsync(HttpMethod.Get, path, parameters, (HttpContent)null, context).ConfigureAwait(false);
            return Read(response, b => OmnideskJson.ParseChangelog(b, caseId));
        }

        public async Task<OmnideskCase> UpdateIdeaAsync(long caseId, OmnideskIdeaChange change, OmnideskCallContext context)
        {
            CheckId(caseId, nameof(caseId));
            if (change == null) throw new ArgumentNullException(nameof(change));
            var path = "api/cases/" + Id(caseId) + "/idea.json";
            var response = await SendAsync(Put, path, null, RequestContent.Json(CaseBodies.IdeaChange(change)), context).ConfigureAwait(false);
            return Read(response, OmnideskJson.ParseCase);
        }

        public async Task<OmnideskCase> SetIdeaResponseAsync(long caseId, string content, OmnideskCallContext context)
        {
            CheckId(caseId, nameof(caseId));
            if (content == null) throw new ArgumentNullException(nameof(content));
            var path = "api/cases/" + Id(caseId) + "/idea_official_response.json";
            var response = await SendAsync(Put, path, null, RequestContent.Json(CaseBodies.IdeaResponse(content)), context).ConfigureAwait(false);
            return Read(response, OmnideskJson.ParseCase);
        }

        public async Task DeleteIdeaResponseAsync(long caseId, OmnideskCallContext context)
        {
            CheckId(caseId, nameof(caseId));
            var path = "api/cases/" + Id(caseId) + "/idea_official_response.json";
            await SendAsync(Delete, path, null, (Func<HttpContent>)null, context).ConfigureAwait(false); // any 2xx body
        }

        private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

        /// <summary>"1,2,3" for the bulk path form /api/cases/{id},{id}.json.</summary>
        internal static string JoinIds(IReadOnlyList<long> ids) => string.Join(",", ids.Select(Id));

        private static void CheckId(long id, string name)
        {
            if (id <= 0) throw new ArgumentOutOfRangeException(name, id, "An id must be a positive number.");
        }

        /// <summary>1..10 positive ids (the API's bulk limit).</summary>
        internal static long[] CheckIds(IReadOnlyList<long> caseIds)
        {
            if (caseIds == null) throw new ArgumentNullException(nameof(caseIds));
            if (caseIds.Count == 0) throw new ArgumentException("At least one case id is required.", nameof(caseIds));
            if (caseIds.Count > MaxBulkIds)
                throw new ArgumentException($"At most {MaxBulkIds} case ids can go in one request; got {caseIds.Count}.", nameof(caseIds));
            foreach (var id in caseIds)
                if (id <= 0) throw new ArgumentException($"Case ids must be positive numbers; got {id}.", nameof(caseIds));
            return caseIds.ToArray();
        }

        /// <summary>
        /// Before anything is sent: every file exists and the API's limits hold (25 MB per file, 50 MB in all).
        /// Throws FileNotFoundException or ArgumentException.
        /// </summary>
        /// <summary>JSON, or multipart form fields when there are files to upload (checked against the limits first).</summary>
        private static Func<HttpContent> JsonOrMultipart(IReadOnlyList<OmnideskUpload> uploads, Func<byte[]> json, Func<IReadOnlyList<FormField>> form)
        {
            if (uploads == null || !uploads.Any(u => u != null)) return RequestContent.Json(json());
            CheckUploads(uploads);
            return RequestContent.Multipart(form());
        }

        internal static void CheckUploads(IEnumerable<OmnideskUpload> uploads)
        {
            long total = 0;
            foreach (var upload in uploads)
            {
                if (upload == null) continue;
                if (string.IsNullOrWhiteSpace(upload.Path)) throw new ArgumentException("An attachment has no file path.", nameof(uploads));
                var info = new FileInfo(upload.Path);
                if (!info.Exists) throw new FileNotFoundException("The file to attach was not found: " + upload.Path, upload.Path);
                if (info.Length > OmnideskUpload.MaxFileBytes)
                    throw new ArgumentException($"The file '{upload.Path}' is {info.Length} bytes; the API accepts at most {OmnideskUpload.MaxFileBytes} bytes per file.", nameof(uploads));
                total += info.Length;
            }
            if (total > OmnideskUpload.MaxTotalBytes)
                throw new ArgumentException($"The files to attach are {total} bytes in all; the API accepts at most {OmnideskUpload.MaxTotalBytes} bytes per request.", nameof(uploads));
        }
    }
}

using System;
using System.Collections.Generic;

namespace Omnidesk
{
    /// <summary>A file to upload: read from disk by the engine when the request is sent (and again on a retry).</summary>
    public sealed class OmnideskUpload
    {
        public OmnideskUpload(string path, string fileName, long length)
        {
            Path = path;
            FileName = fileName;
            Length = length;
        }

        /// <summary>The full path of the file on disk.</summary>
        public string Path { get; }
        /// <summary>The name the server is told.</summary>
        public string FileName { get; }
        public long Length { get; }

        /// <summary>The API's limits: 25 MB per file, 50 MB for all files of one request.</summary>
        public const long MaxFileBytes = 25L * 1024 * 1024;
        public const long MaxTotalBytes = 50L * 1024 * 1024;
    }

    /// <summary>A draft that may carry files: the request is multipart when it does.</summary>
    public interface IOmnideskUploads
    {
        IReadOnlyList<OmnideskUpload> Attachments { get; }
    }

    /// <summary>The body of POST /api/cases.json ("case"); null members are not sent.</summary>
    public sealed class OmnideskNewCase : IOmnideskUploads
    {
        public string UserEmail { get; set; }
        public string UserPhone { get; set; }
        /// <summary>The user's id in a custom channel; goes with <see cref="Channel"/> (cchN).</summary>
        public string UserCustomId { get; set; }
        public string Channel { get; set; }
        public string UserFullName { get; set; }
        public string Subject { get; set; }
        public string Content { get; set; }
        public string ContentHtml { get; set; }
        public long? LanguageId { get; set; }
        /// <summary>cf_N → a string, number, boolean or array of them.</summary>
        public Dictionary<string, object> CustomFields { get; set; }
        public long[] Labels { get; set; }
        /// <summary>Files the server downloads itself (attachment_urls).</summary>
        public string[] AttachmentUrls { get; set; }
        /// <summary>Files sent in the request; when there are any the request is multipart case[...].</summary>
        public IReadOnlyList<OmnideskUpload> Attachments { get; set; }
    }

    /// <summary>
    /// The body of PUT /api/cases/{ids}.json ("case"); null members are not sent. Two changes with the same
    /// <see cref="Key"/> can share one bulk request.
    /// </summary>
    public sealed class OmnideskCaseChange
    {
        public string Subject { get; set; }
        public string Status { get; set; }
        public string Priority { get; set; }
        public long? StaffId { get; set; }
        public long? GroupId { get; set; }
        public long? LanguageId { get; set; }
        public Dictionary<string, object> CustomFields { get; set; }
        public long[] AddLabels { get; set; }
        /// <summary>Sent as delete_labels.</summary>
        public long[] RemoveLabels { get; set; }

        public bool IsEmpty =>
            Subject == null && Status == null && Priority == null && StaffId == null && GroupId == null && LanguageId == null &&
            (CustomFields == null || CustomFields.Count == 0) && (AddLabels == null || AddLabels.Length == 0) &&
            (RemoveLabels == null || RemoveLabels.Length == 0);

        /// <summary>A stable text of the whole change, for grouping equal changes into bulk requests.</summary>
        public string Key
        {
            get
            {
                var parts = new List<string>
                {
                    "subject=" + Subject, "status=" + Status, "priority=" + Priority, "staff=" + StaffId, "group=" + GroupId,
                    "language=" + LanguageId, "add=" + Join(AddLabels), "remove=" + Join(RemoveLabels),
                };
                if (CustomFields != null)
                {
                    var keys = new List<string>(CustomFields.Keys);
                    keys.Sort(StringComparer.OrdinalIgnoreCase);
                    foreach (var k in keys) parts.Add(k + "=" + Describe(CustomFields[k]));
                }
                return string.Join("\u001f", parts);
            }
        }

        private static string Join(long[] values) => values == null ? "" : string.Join(",", values);

        private static string Describe(object value) =>
            value is System.Collections.IEnumerable many && !(value is string)
                ? "[" + string.Join(",", System.Linq.Enumerable.Cast<object>(many)) + "]"
                : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The state changes of cases that share the bulk form /api/cases/{ids}/{action}.json.</summary>
    public enum OmnideskCaseAction
    {
        /// <summary>PUT trash.json: to the trash, recoverable.</summary>
        Trash,
        /// <summary>PUT spam.json.</summary>
        Spam,
        /// <summary>PUT restore.json: back from trash or spam.</summary>
        Restore,
        /// <summary>DELETE /api/cases/{ids}.json: gone for good.</summary>
        Delete,
    }

    /// <summary>
    /// The answer to a request on one or several items. Several ids: the API lists those it changed (case_success_id).
    /// One id: it sends the item itself (<see cref="Items"/>), or nothing for a delete.
    /// </summary>
    public class OmnideskBulkResult<T>
    {
        public OmnideskBulkResult(IReadOnlyList<long> succeededIds, IReadOnlyList<T> items)
        {
            SucceededIds = succeededIds;
            Items = items;
        }

        public IReadOnlyList<long> SucceededIds { get; }
        public IReadOnlyList<T> Items { get; }
    }

    /// <summary>The answer to a change of cases.</summary>
    public sealed class OmnideskBulkResult : OmnideskBulkResult<OmnideskCase>
    {
        public OmnideskBulkResult(IReadOnlyList<long> succeededIds, IReadOnlyList<OmnideskCase> cases) : base(succeededIds, cases)
        {
        }

        public IReadOnlyList<OmnideskCase> Cases => Items;
    }

    /// <summary>The body of PUT .../rate.json ("rate").</summary>
    public sealed class OmnideskRatingChange
    {
        /// <summary>low, middle or high.</summary>
        public string Rating { get; set; }
        public string Comment { get; set; }
        public long? RatedStaffId { get; set; }
    }

    /// <summary>The body of PUT /api/cases/{id}/idea.json ("message"); null members are not sent.</summary>
    public sealed class OmnideskIdeaChange
    {
        public string Content { get; set; }
        /// <summary>waiting, planned, in_progress or finished.</summary>
        public string Stage { get; set; }
        public long? CategoryId { get; set; }
    }

    /// <summary>The body of PUT /api/cases/{id}/idea_official_response.json ("message").</summary>
    public sealed class OmnideskIdeaResponse
    {
        public OmnideskIdeaResponse(string content) => Content = content;

        public string Content { get; set; }
    }

    /// <summary>
    /// Filters of the changelog. Each change filter is a pair (old value, new value) where either may be "any"
    /// or "empty"; it is sent as "old,new".
    /// </summary>
    public sealed class OmnideskChangelogQuery
    {
        public string[] Staff { get; set; }
        public string[] Status { get; set; }
        public string[] Group { get; set; }
        public string[] Priority { get; set; }
        public string[] Subject { get; set; }
        public string[] CustomFields { get; set; }
        public string[] Labels { get; set; }
        public string[] FixedChatStaff { get; set; }
        public long[] Rules { get; set; }
        public bool ShowChatActivation { get; set; }
        public bool ShowChatCompletion { get; set; }

        public IList<KeyValuePair<string, string>> ToQueryParameters()
        {
            var p = new List<KeyValuePair<string, string>>();
            AddPair(p, "staff", Staff);
            AddPair(p, "status", Status);
            AddPair(p, "group", Group);
            AddPair(p, "priority", Priority);
            AddPair(p, "subject", Subject);
            AddPair(p, "custom_fields", CustomFields);
            AddPair(p, "labels", Labels);
            AddPair(p, "fixed_chat_staff", FixedChatStaff);
            if (Rules != null)
                foreach (var rule in Rules)
                    p.Add(new KeyValuePair<string, string>("rules[]", rule.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (ShowChatActivation) p.Add(new KeyValuePair<string, string>("show_chat_activation", "true"));
            if (ShowChatCompletion) p.Add(new KeyValuePair<string, string>("show_chat_completion", "true"));
            return p;
        }

        private static void AddPair(List<KeyValuePair<string, string>> p, string name, string[] pair)
        {
            if (pair != null && pair.Length > 0) p.Add(new KeyValuePair<string, string>(name, string.Join(",", pair)));
        }
    }
}

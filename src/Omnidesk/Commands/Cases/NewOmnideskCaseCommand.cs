using System.Collections;
using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>
    /// Creates a case for a user named by e-mail, phone, or id in a custom channel. Rows of Import-Csv with the
    /// API's column names (user_email, subject, content, ...) pipe in by property name.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OmnideskCase", DefaultParameterSetName = EmailSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskCase))]
    public sealed class NewOmnideskCaseCommand : OmnideskConnectedCmdlet
    {
        private const string EmailSet = "Email";
        private const string PhoneSet = "Phone";
        private const string CustomChannelSet = "CustomChannel";

        [Parameter(Mandatory = true, ParameterSetName = EmailSet, ValueFromPipelineByPropertyName = true)]
        [Alias("user_email")]
        [ValidateNotNullOrEmpty]
        public string UserEmail { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = PhoneSet, ValueFromPipelineByPropertyName = true)]
        [Alias("user_phone")]
        [ValidateNotNullOrEmpty]
        public string UserPhone { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CustomChannelSet, ValueFromPipelineByPropertyName = true)]
        [Alias("user_custom_id")]
        [ValidateNotNullOrEmpty]
        public string UserCustomId { get; set; }

        /// <summary>The custom channel (cchN) the user's id belongs to.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CustomChannelSet, ValueFromPipelineByPropertyName = true)]
        [ValidateCustomChannel]
        public string Channel { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Subject { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Content { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("content_html")]
        public string ContentHtml { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("user_full_name")]
        public string UserFullName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        /// <summary>0 (an empty CSV cell binds as 0): the account's default language.</summary>
        [Alias("language_id")]
        [ValidateRange(0, long.MaxValue)]
        public long? LanguageId { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Hashtable CustomField { get; set; }

        [Parameter]
        [Alias("labels")]
        [ValidateNotNullOrEmpty]
        public long[] Label { get; set; }

        /// <summary>Files to upload (at most 25 MB each, 50 MB in all).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Attachment { get; set; }

        /// <summary>Addresses of files the server downloads itself.</summary>
        [Parameter]
        [Alias("attachment_urls")]
        [ValidateNotNullOrEmpty]
        public string[] AttachmentUrl { get; set; }

        protected override void ProcessRecord()
        {
            // An empty CSV cell says "no value": the same as leaving the column out.
            Content = NullIfEmpty(Content);
            ContentHtml = NullIfEmpty(ContentHtml);
            UserFullName = NullIfEmpty(UserFullName);
            if (LanguageId == 0) LanguageId = null;
            if (Content == null && ContentHtml == null)
            {
                WriteError(OmnideskErrors.InvalidArgument("OmnideskContentMissing",
                    $"The case '{Subject}' needs its first message: give -Content or -ContentHtml.", Subject));
                return;
            }
            // Attachments are checked before anything is sent or asked, so a bad file creates nothing.
            var uploads = AttachmentFiles.Resolve(this, Attachment, out var attachmentError);
            if (attachmentError != null)
            {
                WriteError(attachmentError);
                return;
            }

            var customFields = CustomField == null ? null : CustomFields.Convert(this, CustomField, CustomFields.WriteValue);
            var user = UserEmail ?? UserPhone ?? $"{UserCustomId} ({Channel})";
            var files = uploads.Count == 0 ? "" : $" with {uploads.Count} attachment(s)";
            if (!Approve($"Case '{Subject}' for {user}{files}", "Create", force: false)) return;

            var newCase = new OmnideskNewCase
            {
                UserEmail = UserEmail,
                UserPhone = UserPhone,
                UserCustomId = UserCustomId,
                Channel = Channel,
                UserFullName = UserFullName,
                Subject = Subject,
                Content = Content,
                ContentHtml = ContentHtml,
                LanguageId = LanguageId,
                CustomFields = customFields,
                Labels = Label,
                AttachmentUrls = AttachmentUrl,
                Attachments = uploads,
            };
            try
            {
                WriteObject(Await(context => Client.CreateCaseAsync(newCase, context)));
            }
            catch (OmnideskApiException e)
            {
                WriteApiError(e, newCase.Subject);
            }
        }

        private static string NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}

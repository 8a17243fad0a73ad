using System.Collections.Generic;
using Omnidesk.Engine.Dialects;
using Omnidesk.Engine.Http;
using Omnidesk.Engine.Json;

namespace Omnidesk.Engine.Tests
{
    /// <summary>
    /// The request bodies as the engine sends them: each draft through the omnidesk.ru JSON contract with the key its resource or
    /// action describes (see <see cref="OmnideskResources"/>), the same call the generic verbs make.
    /// </summary>
    internal static class CaseBodies
    {

        public static byte[] NewCaseJson(OmnideskNewCase c) => ApiJsonContract.Body(OmnideskResources.Case.BodyKey, c);

        public static IReadOnlyList<FormField> NewCaseForm(OmnideskNewCase c) => ApiJsonContract.Form(OmnideskResources.Case.BodyKey, c, c.Attachments);

        public static byte[] CaseChange(OmnideskCaseChange c) => ApiJsonContract.Body(OmnideskResources.Case.BodyKey, c);

        /// <summary>A message's rating names no staff member (as OmnideskEndpoints.RateMessageAsync sends it).</summary>
        public static byte[] Rate(OmnideskRatingChange r, bool withStaff) =>
            ApiJsonContract.Body(OmnideskResources.Case.Action("rate").BodyKey,
                withStaff ? r : new OmnideskRatingChange { Rating = r.Rating, Comment = r.Comment });

        public static byte[] IdeaChange(OmnideskIdeaChange c) => ApiJsonContract.Body(OmnideskResources.Case.Action("idea").BodyKey, c);

        public static byte[] IdeaResponse(string content) =>
            ApiJsonContract.Body(OmnideskResources.Case.Action("idea_official_response").BodyKey, new OmnideskIdeaResponse(content));
    }

    internal static class MessageBodies
    {
        internal static readonly string MessageRoot = OmnideskResources.Message.BodyKey;
        internal static readonly string NoteRoot = OmnideskResources.Note.BodyKey;

        public static byte[] NewMessageJson(OmnideskNewMessage m) => ApiJsonContract.Body(MessageRoot, m);

        public static IReadOnlyList<FormField> NewMessageForm(OmnideskNewMessage m) => ApiJsonContract.Form(MessageRoot, m, m.Attachments);

        public static byte[] NewNoteJson(OmnideskNewMessage n) => ApiJsonContract.Body(NoteRoot, n);

        public static IReadOnlyList<FormField> NewNoteForm(OmnideskNewMessage n) => ApiJsonContract.Form(NoteRoot, n, n.Attachments);

        public static byte[] Edit(string root, string content, string contentHtml) =>
            ApiJsonContract.Body(root, new OmnideskMessageEdit { Content = content, ContentHtml = contentHtml });
    }

    /// <summary>The answers as the engine reads them: the Deskie envelopes and the JSON contract.</summary>
    internal static class Wire
    {
        private static IApiDialect Dialect => DeskieDialect.Instance;

        public static OmnideskCase Case(byte[] body) => Dialect.ReadItem(body, OmnideskResources.Case, Dialect.Read<OmnideskCase>);

        public static OmnideskPage<OmnideskCase> CaseList(byte[] body) => Dialect.ReadPage(body, OmnideskResources.Case, Dialect.Read<OmnideskCase>);

        public static OmnideskPage<OmnideskFilter> FilterList(byte[] body) => Dialect.ReadPage(body, OmnideskResources.Filter, Dialect.Read<OmnideskFilter>);

        public static OmnideskMessage Message(byte[] body) => Dialect.ReadItem(body, OmnideskResources.Message, Dialect.Read<OmnideskMessage>);

        public static OmnideskPage<OmnideskMessage> MessageList(byte[] body) =>
            Dialect.ReadPage(body, OmnideskResources.Message, Dialect.Read<OmnideskMessage>);

        public static OmnideskPage<OmnideskChangelogEntry> Changelog(byte[] body, long caseId)
        {
            var page = Dialect.ReadPage(body, OmnideskResources.Changelog, Dialect.Read<OmnideskChangelogEntry>);
            foreach (var entry in page.Items) entry.CaseId = caseId;
            return page;
        }

        public static OmnideskCase MapCase(System.Text.Json.JsonElement e) => Dialect.Read<OmnideskCase>(e);

        public static OmnideskMessage MapMessage(System.Text.Json.JsonElement e) => Dialect.Read<OmnideskMessage>(e);
    }
}

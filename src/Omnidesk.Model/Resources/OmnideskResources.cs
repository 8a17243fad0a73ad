namespace Omnidesk
{
    /// <summary>
    /// The resources of the omnidesk.ru (Deskie) API, each described once (docs/emulator.md lists what is assumed beyond the documents).
    /// Adding a resource the module can read is one line here, a model type, and a thin cmdlet.
    /// </summary>
    public static class OmnideskResources
    {
        /// <summary>The API's limit of ids in one bulk request (/api/cases/1,2,3.json).</summary>
        public const int CaseBulkSize = 10;

        /// <summary>/api/cases.json, {"case":{…}}; a case number (NNN-NNNNNN) works wherever the id does.</summary>
        public static readonly OmnideskResource<OmnideskCase> Case =
            new OmnideskResource<OmnideskCase>("case", "cases", "cases", "case", "case_id")
                .WithNumber("case_number")
                .WithBulk(CaseBulkSize)
                .With(new OmnideskAction("trash", "PUT", "trash", bulk: true))
                .With(new OmnideskAction("spam", "PUT", "spam", bulk: true))
                .With(new OmnideskAction("restore", "PUT", "restore", bulk: true))
                .With(new OmnideskAction("delete", "DELETE", null, bulk: true))
                .With(new OmnideskAction("rate", "PUT", "rate", "rate"))
                .With(new OmnideskAction("idea", "PUT", "idea", "message"))
                .With(new OmnideskAction("idea_official_response", "PUT", "idea_official_response", "message"))
                .With(new OmnideskAction("delete_idea_official_response", "DELETE", "idea_official_response"));

        /// <summary>/api/cases/{case}/messages.json, {"message":{…}}; new messages go to up to 10 cases at once.</summary>
        public static readonly OmnideskResource<OmnideskMessage> Message =
            new OmnideskResource<OmnideskMessage>("message", "messages", "messages", "message", "message_id")
                .Under(Case, (m, caseId) => m.CaseId = caseId)
                .WithBulk(CaseBulkSize)
                .With(new OmnideskAction("rate", "PUT", "rate/{id}", "rate", onParent: true))
                .With(new OmnideskAction("delete", "DELETE", null));

        /// <summary>/api/cases/{case}/note.json: notes are messages, wrapped "note" in bodies and "message" in answers.</summary>
        public static readonly OmnideskResource<OmnideskMessage> Note =
            new OmnideskResource<OmnideskMessage>("note", "notes", "note", "message", "message_id")
                .WithBodyKey("note")
                .Under(Case, (m, caseId) => m.CaseId = caseId)
                .WithBulk(CaseBulkSize)
                .WithoutList()
                .With(new OmnideskAction("delete", "DELETE", null));

        /// <summary>/api/cases/{case}/changelog.json, {"changelog":[…]}.</summary>
        public static readonly OmnideskResource<OmnideskChangelogEntry> Changelog =
            new OmnideskResource<OmnideskChangelogEntry>("changelog entry", "changelog entries", "changelog", "changelog", "id")
                .Under(Case, (e, caseId) => e.CaseId = caseId);

        /// <summary>/api/filters.json, {"filter":{…}}: the case filters of the staff member.</summary>
        public static readonly OmnideskResource<OmnideskFilter> Filter =
            new OmnideskResource<OmnideskFilter>("filter", "filters", "filters", "filter", "filter_id");

        /// <summary>/api/languages.json, {"language":{…}}.</summary>
        public static readonly OmnideskResource<OmnideskLanguage> Language =
            new OmnideskResource<OmnideskLanguage>("language", "languages", "languages", "language", "language_id");
    }
}

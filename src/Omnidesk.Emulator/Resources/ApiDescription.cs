namespace Omnidesk.Emulator
{
    /// <summary>
    /// The emulator's description of the API: one entry per resource it serves, with the endpoints the API documents
    /// (labels, custom fields and languages have no GET by id). The behaviour of each resource is in its folder under
    /// Resources/.
    /// </summary>
    public static class ApiDescription
    {
        public static readonly ResourceDescription Cases = new()
        {
            Path = "cases", ItemKey = "case", IdField = "case_id", NotFound = "case_not_found",
            Verbs = ResourceVerbs.Read | ResourceVerbs.Create | ResourceVerbs.Update | ResourceVerbs.Delete,
            States = new[] { "trash", "spam", "restore" },
            BulkSize = 10,
        };

        /// <summary>Responses and notes of a case; notes are written through <see cref="Notes"/>.</summary>
        public static readonly ResourceDescription Messages = new()
        {
            Path = "messages", ItemKey = "message", IdField = "message_id", NotFound = "message_not_found", Parent = Cases,
            Verbs = ResourceVerbs.List | ResourceVerbs.Create | ResourceVerbs.Update | ResourceVerbs.Delete,
            // pages count on without end: an empty page past the last
            MaxPage = int.MaxValue,
            BulkSize = 10,
        };

        /// <summary>The note writes: the body is {"note":{…}}, the answer {"message":{…}}.</summary>
        public static readonly ResourceDescription Notes = new()
        {
            Path = "note", ItemKey = "message", BodyKey = "note", IdField = "message_id", NotFound = "message_not_found", Parent = Cases,
            Verbs = ResourceVerbs.Create | ResourceVerbs.Update | ResourceVerbs.Delete,
            BulkSize = 10,
        };

        public static readonly ResourceDescription Changelog = new()
        {
            Path = "changelog", ItemKey = "changelog", Parent = Cases, Envelope = ListEnvelope.Array,
            Verbs = ResourceVerbs.List,
        };

        public static readonly ResourceDescription Filters = new()
        {
            Path = "filters", ItemKey = "filter", IdField = "filter_id", NotFound = "filter_not_found",
            Verbs = ResourceVerbs.List, Paged = false,
        };

        public static readonly ResourceDescription Staff = new()
        {
            Path = "staff", ItemKey = "staff", IdField = "staff_id", NotFound = "staff_not_found",
            Verbs = ResourceVerbs.Read,
        };

        public static readonly ResourceDescription Groups = new()
        {
            Path = "groups", ItemKey = "group", IdField = "group_id", NotFound = "group_not_found",
            Verbs = ResourceVerbs.Read,
        };

        public static readonly ResourceDescription Labels = new()
        {
            Path = "labels", ItemKey = "label", IdField = "label_id", NotFound = "label_not_found",
            Verbs = ResourceVerbs.List | ResourceVerbs.Create | ResourceVerbs.Update | ResourceVerbs.Delete,
        };

        public static readonly ResourceDescription CustomFields = new()
        {
            Path = "custom_fields", ItemKey = "custom_field", IdField = "field_id", NotFound = "custom_field_not_found",
            Verbs = ResourceVerbs.List,
        };

        public static readonly ResourceDescription Languages = new()
        {
            Path = "languages", ItemKey = "language", IdField = "language_id",
            Verbs = ResourceVerbs.List,
        };
    }
}

using System.Collections.Generic;

namespace Omnidesk.Emulator
{
    /// <summary>A custom field definition.</summary>
    public sealed record EmuCustomField : IResourceItem
    {
        public int FieldId { get; init; }
        public string Title { get; init; }
        /// <summary>text, select or checkbox.</summary>
        public string FieldType { get; init; }
        /// <summary>case or user: which objects carry the field.</summary>
        public string FieldLevel { get; init; } = "case";
        public bool Active { get; init; } = true;
        /// <summary>For select fields: option key → title.</summary>
        public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
        public string Key => "cf_" + FieldId;

        long IResourceItem.Id => FieldId;
    }
}

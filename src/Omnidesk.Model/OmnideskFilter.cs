namespace Omnidesk
{
    /// <summary>A saved case filter of the authenticated staff member. Pipe it to Get-OmnideskCase.</summary>
    public sealed class OmnideskFilter
    {
        /// <summary>A number for custom filters, a word (such as "unassigned") for built-in ones.</summary>
        public string FilterId { get; set; }
        public string FilterName { get; set; }
        public bool IsSelected { get; set; }
        public bool IsCustom { get; set; }

        public override string ToString() => $"Filter {FilterId} '{FilterName}'";
    }
}

namespace Omnidesk
{
    /// <summary>The part of a list a caller wants: a paging cmdlet's -Skip, -First and -IncludeTotalCount, and its page size.</summary>
    public sealed class OmnideskListWindow
    {
        /// <summary>Items to leave out at the start.</summary>
        public ulong Skip { get; set; }

        /// <summary>The most items to return after <see cref="Skip"/>; ulong.MaxValue for all of them.</summary>
        public ulong First { get; set; } = ulong.MaxValue;

        /// <summary>Whether the caller wants the total: a reader then knows it once it returned its first page.</summary>
        public bool IncludeTotalCount { get; set; }

        /// <summary>The items one request asks for (the API's limit), at most the resource's largest page.</summary>
        public int PageSize { get; set; } = 100;
    }
}

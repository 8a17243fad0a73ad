using System.Collections.Generic;

namespace Omnidesk
{
    /// <summary>One page of a list endpoint.</summary>
    public sealed class OmnideskPage<T>
    {
        public OmnideskPage(IReadOnlyList<T> items, long? totalCount)
        {
            Items = items;
            TotalCount = totalCount;
        }

        public IReadOnlyList<T> Items { get; }

        /// <summary>The total across all pages (total_count, or count), when the server sent one.</summary>
        public long? TotalCount { get; }
    }
}

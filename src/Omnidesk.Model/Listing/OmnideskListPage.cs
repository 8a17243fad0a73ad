using System.Collections.Generic;

namespace Omnidesk
{
    /// <summary>One answer an <see cref="IOmnideskListReader{T}"/> read, and the items of it that the caller gets.</summary>
    public sealed class OmnideskListPage<T>
    {
        public OmnideskListPage(long number, int limit, OmnideskPage<T> answer, IReadOnlyList<T> items,
            bool cutAtPageLimit = false, long? unreachedCount = null)
        {
            Number = number;
            Limit = limit;
            Answer = answer;
            Items = items;
            CutAtPageLimit = cutAtPageLimit;
            UnreachedCount = unreachedCount;
        }

        /// <summary>The page number; for a walk by creation time, the count of answers so far.</summary>
        public long Number { get; }

        /// <summary>The page size it was asked with.</summary>
        public int Limit { get; }

        /// <summary>The answer as read, with the total of what it counts: progress is measured on it.</summary>
        public OmnideskPage<T> Answer { get; }

        /// <summary>The items the caller gets: the answer's, less those outside -Skip/-First and those already returned.</summary>
        public IReadOnlyList<T> Items { get; }

        /// <summary>
        /// The list ends here because the API serves no later page for one query, while more items match and the
        /// caller wanted them.
        /// </summary>
        public bool CutAtPageLimit { get; }

        /// <summary>With <see cref="CutAtPageLimit"/>: how many matching items were not reached, when the API told the total.</summary>
        public long? UnreachedCount { get; }
    }
}

using System;

namespace Omnidesk.Engine.Listing
{
    /// <summary>The page and limit that serve -Skip/-First with the fewest requests and bytes.</summary>
    internal struct PageWindow
    {
        public long Page;
        public int Limit;
        /// <summary>The items of the first page before the window.</summary>
        public int Offset;

        public static PageWindow Choose(ulong skip, ulong first, int pageSize, long maxPage)
        {
            // Everything wanted fits in one page: take the smallest limit whose page boundaries hold the whole range.
            var wanted = Math.Max(first, 1UL);
            if (wanted <= (ulong)pageSize)
            {
                for (var limit = (int)wanted; limit <= pageSize; limit++)
                {
                    var firstIndex = skip / (ulong)limit;
                    var lastIndex = (skip + wanted - 1) / (ulong)limit;
                    if (firstIndex == lastIndex && firstIndex + 1 <= (ulong)maxPage)
                        return new PageWindow { Page = (long)firstIndex + 1, Limit = limit, Offset = (int)(skip % (ulong)limit) };
                }
            }
            return new PageWindow
            {
                Page = (long)Math.Min(skip / (ulong)pageSize + 1, (ulong)maxPage + 1),
                Limit = pageSize,
                Offset = (int)(skip % (ulong)pageSize),
            };
        }
    }
}

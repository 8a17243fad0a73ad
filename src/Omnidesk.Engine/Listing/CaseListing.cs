using System.Linq;

namespace Omnidesk.Engine.Listing
{
    /// <summary>How the cases a query matches are read (see <see cref="IOmnideskClient.ReadCases"/>).</summary>
    internal static class CaseListing
    {
        public static IOmnideskListReader<OmnideskCase> Read(CaseFetch fetch, OmnideskCaseQuery query, OmnideskListWindow window,
            int concurrency, OmnideskCallContext context)
        {
            var parts = CaseQuerySplit.Split(query, OmnideskCaseQuery.MaxArrayValues, out var disjoint);
            var byCreation = WalksByCreationTime(query, window);
            if (parts.Count == 1 && !byCreation)
            {
                var only = parts[0];
                return new PageReader<OmnideskCase>((page, limit, c) => fetch(only, (int)page, limit, c), window,
                    OmnideskResources.Case.MaxPage, concurrency, context);
            }
            var whole = new OmnideskListWindow { PageSize = window.PageSize };
            return new MergedCaseReader(parts.Select(part => byCreation
                ? (IOmnideskListReader<OmnideskCase>)new CreationWalk(fetch, part, window.PageSize, concurrency, context)
                : new PageReader<OmnideskCase>((page, limit, c) => fetch(part, (int)page, limit, c), whole,
                    OmnideskResources.Case.MaxPage, concurrency, context)).ToList(), disjoint, window);
        }

        /// <summary>
        /// A whole listing (no -First) in creation order, which is also the order when no sort is given, is read as a
        /// walk by creation time: it reaches every match however many, and each case exactly once however the cases
        /// change meanwhile. -First and other orders read pages by number.
        /// </summary>
        public static bool WalksByCreationTime(OmnideskCaseQuery query, OmnideskListWindow window) =>
            window.First == ulong.MaxValue && (query.Sort == null || query.Sort == "created_at_asc" || query.Sort == "created_at_desc");
    }
}

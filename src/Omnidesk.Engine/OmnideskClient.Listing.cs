using System;
using System.Threading.Tasks;
using Omnidesk.Engine.Listing;

namespace Omnidesk.Engine
{
    internal sealed partial class OmnideskClient
    {
        public IOmnideskListReader<T> ReadPages<T>(Func<long, int, OmnideskCallContext, Task<OmnideskPage<T>>> fetch,
            OmnideskListWindow window, long maxPage, OmnideskCallContext context) =>
            new PageReader<T>(fetch, window ?? throw new ArgumentNullException(nameof(window)), maxPage, Concurrency, context);

        public IOmnideskListReader<OmnideskCase> ReadCases(OmnideskCaseQuery query, OmnideskListWindow window, OmnideskCallContext context) =>
            CaseListing.Read((q, page, limit, c) => this.GetCasesAsync(q, page, limit, c), query ?? throw new ArgumentNullException(nameof(query)),
                window ?? throw new ArgumentNullException(nameof(window)), Concurrency, context);

        /// <summary>How many requests one listing may have under way at once (Connect-Omnidesk -MaxConcurrency).</summary>
        private int Concurrency => Math.Max(1, _settings.MaxConcurrency);
    }
}

using System;
using System.Threading.Tasks;

namespace Omnidesk
{
    public partial interface IOmnideskClient
    {
        /// <summary>
        /// Reads a list page by page for <paramref name="window"/>: only the pages its -Skip/-First need are asked for,
        /// once the first answer gives the total up to Settings.MaxConcurrency later pages are read ahead at once (and
        /// only that many are held), and nothing past <paramref name="maxPage"/> is asked for.
        /// </summary>
        /// <param name="fetch">Starts reading one page (page, limit); failures surface as OmnideskApiException.</param>
        /// <param name="maxPage">The last page the API serves for one query (<see cref="OmnideskResource.MaxPage"/>).</param>
        /// <param name="context">Used for every request; disposing the reader cancels those still under way.</param>
        IOmnideskListReader<T> ReadPages<T>(Func<long, int, OmnideskCallContext, Task<OmnideskPage<T>>> fetch,
            OmnideskListWindow window, long maxPage, OmnideskCallContext context);

        /// <summary>
        /// Reads the cases <paramref name="query"/> matches for <paramref name="window"/>. A whole listing (no -First)
        /// in creation order, the order when the query has no Sort, walks creation time: it reaches every match however
        /// many, each exactly once however the cases change meanwhile, up to Settings.MaxConcurrency slices at once. An
        /// array filter over the API's 20 values is split into several queries whose results come one after another,
        /// each case once. Anything else is read by page numbers, as <see cref="ReadPages{T}"/> does.
        /// </summary>
        IOmnideskListReader<OmnideskCase> ReadCases(OmnideskCaseQuery query, OmnideskListWindow window, OmnideskCallContext context);
    }
}

using System.Threading.Tasks;

namespace Omnidesk.Engine.Listing
{
    /// <summary>Reads one page of the cases list (GET /api/cases.json) for a query.</summary>
    internal delegate Task<OmnideskPage<OmnideskCase>> CaseFetch(OmnideskCaseQuery query, int page, int limit, OmnideskCallContext context);
}

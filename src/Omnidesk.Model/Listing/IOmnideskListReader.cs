using System;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// A list being read, page by page, in order. Call <see cref="NextAsync"/> until it returns null, one call at a
    /// time; disposing the reader (also before the end, when the caller stops early) cancels the requests under way.
    /// </summary>
    public interface IOmnideskListReader<T> : IDisposable
    {
        /// <summary>The next page, or null when the list is done; a failed request surfaces here as OmnideskApiException.</summary>
        Task<OmnideskListPage<T>> NextAsync();

        /// <summary>
        /// The list's total when the API told it, known once the first page was returned; for a query read in several
        /// parts, only when the window asked for it (IncludeTotalCount), since every part's first page is read for it.
        /// </summary>
        long? TotalCount { get; }

        /// <summary>How exact <see cref="TotalCount"/> is: 1.0, or 0.5 when it adds up queries whose matches may overlap.</summary>
        double TotalAccuracy { get; }
    }
}

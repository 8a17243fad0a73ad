using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// How a SupportsPaging cmdlet writes a resource's list: through <see cref="ListPager{T}"/> (the fewest pages for
    /// -Skip/-First, each written as it arrives), or, with a client-side filter (-Name), the whole list read and
    /// -Skip/-First/-IncludeTotalCount applied to the matches, so they count what is written (such lists are small:
    /// agents and views).
    /// </summary>
    internal static class ListReading
    {
        /// <summary>
        /// Writes the list; a failed page stops the command (a silently short list would mislead), with
        /// <paramref name="errorTarget"/> as the error's target (the filter that may be at fault).
        /// </summary>
        public static void Write<T>(OmnideskConnectedCmdlet cmdlet, OmnideskResource resource, int pageSize,
            Func<long, int, OmnideskCallContext, Task<OmnideskPage<T>>> fetch, Func<T, bool> keep = null, object errorTarget = null)
        {
            var paging = cmdlet.PagingParameters;
            var size = Math.Min(pageSize, resource.MaxPageSize);
            var name = cmdlet.MyInvocation.MyCommand.Name;
            var progress = keep == null ? new ListProgress(cmdlet, name, resource.Plural, paging) : new ListProgress(cmdlet, name, resource.Plural);
            try
            {
                if (keep == null) new ListPager<T>(cmdlet, progress, resource, fetch).WriteWindow(size);
                else WriteMatches(cmdlet, resource, size, fetch, keep, progress);
            }
            catch (OmnideskApiException e)
            {
                cmdlet.ThrowTerminatingError(OmnideskErrors.ToErrorRecord(e, errorTarget));
            }
            finally
            {
                progress.Complete();
            }
        }

        private static void WriteMatches<T>(OmnideskConnectedCmdlet cmdlet, OmnideskResource resource, int size,
            Func<long, int, OmnideskCallContext, Task<OmnideskPage<T>>> fetch, Func<T, bool> keep, ListProgress progress)
        {
            var paging = cmdlet.PagingParameters;
            if (paging.First == 0 && !paging.IncludeTotalCount) return;
            var matches = new List<T>();
            using (var reader = cmdlet.Client.ReadPages(fetch, new OmnideskListWindow { PageSize = size }, resource.MaxPage, cmdlet.NewCallContext()))
            {
                OmnideskListPage<T> page;
                while ((page = cmdlet.Await(reader.NextAsync())) != null)
                {
                    progress.PageRead(page.Number, page.Limit, page.Answer);
                    matches.AddRange(page.Items.Where(keep));
                }
            }
            if (paging.IncludeTotalCount) cmdlet.WriteObject(paging.NewTotalCount((ulong)matches.Count, 1.0));
            var skip = (int)Math.Min(paging.Skip, int.MaxValue);
            var first = (int)Math.Min(paging.First, int.MaxValue);
            foreach (var item in matches.Skip(skip).Take(first)) cmdlet.WriteObject(item);
        }

        /// <summary>Whether a name matches any of the wildcard patterns (no patterns: every name).</summary>
        public static Func<T, bool> NameFilter<T>(string[] patterns, Func<T, string> nameOf)
        {
            if (patterns == null || patterns.Length == 0) return null;
            var wildcards = patterns.Select(p => new WildcardPattern(p, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToList();
            return item => wildcards.Any(w => w.IsMatch(nameOf(item) ?? ""));
        }

        /// <summary>
        /// A -Query the API's pattern refuses is refused here, before anything is sent: a terminating InvalidArgument
        /// error (OmnideskInvalidQuery) whose message says what the API accepts.
        /// </summary>
        public static void CheckQuery(PSCmdlet cmdlet, string query, Regex pattern, string message)
        {
            if (query == null || pattern.IsMatch(query)) return;
            cmdlet.ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskInvalidQuery", $"-Query '{query}' cannot be sent: {message}", query));
        }

    }
}

using System.Collections.Generic;
using System.Management.Automation;

namespace Omnidesk
{
    /// <summary>
    /// A Get cmdlet for a resource's list: -First/-Skip/-IncludeTotalCount become the fewest pages, read as they are
    /// needed, each item written as its page arrives; a failed page stops the command (a silently short list would
    /// mislead). A derived cmdlet names its resource and, when it has filters, adds them to <see cref="Query"/>; it
    /// declares its -PageSize (each endpoint has its own maximum) and SupportsPaging.
    /// </summary>
    public abstract class ResourceListCmdlet<T> : OmnideskConnectedCmdlet where T : class
    {
        private protected abstract OmnideskResource<T> Resource { get; }

        /// <summary>The cmdlet's -PageSize: the items asked for in one request.</summary>
        private protected abstract int RequestedPageSize { get; }

        /// <summary>The list's filters as query parameters.</summary>
        private protected virtual IEnumerable<KeyValuePair<string, string>> Query => System.Array.Empty<KeyValuePair<string, string>>();

        protected override void EndProcessing()
        {
            base.EndProcessing();
            var resource = Resource;
            var query = new List<KeyValuePair<string, string>>(Query);
            ListReading.Write(this, resource, RequestedPageSize, (page, limit, context) => Client.GetPageAsync(resource, null, query, page, limit, context));
        }
    }
}

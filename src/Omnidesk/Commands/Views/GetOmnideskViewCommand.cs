using System.Management.Automation;
using System.Text.RegularExpressions;

namespace Omnidesk.Commands
{
    /// <summary>Get-OmnideskView: the saved ticket views of an Omnidesk.com account (GET /api/v2/view).</summary>
    [Cmdlet(VerbsCommon.Get, "OmnideskView", SupportsPaging = true)]
    [OutputType(typeof(OmnideskView))]
    public sealed class GetOmnideskViewCommand : ComConnectedCmdlet
    {
        /// <summary>The API documents the view search as ^[0-9a-zA-Z \-\_]+.</summary>
        private static readonly Regex QueryPattern = new Regex("^[0-9a-zA-Z _-]+$", RegexOptions.CultureInvariant);

        /// <summary>The API's search: a part of the view's name or slug.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Query { get; set; }

        /// <summary>A client-side filter on the name, with wildcards: the API is asked for the whole (queried) list.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; }

        [Parameter]
        [ValidateRange(1, 9999)]
        public int PageSize { get; set; } = 100;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            ListReading.CheckQuery(this, Query, QueryPattern,
                "the API's view search accepts only letters, digits, spaces, '-' and '_'. Use -Name for wildcards.");
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            ListReading.Write(this, OmnideskComResources.View, PageSize,
                (page, limit, context) => Client.GetViewsAsync(Query, page, limit, context),
                ListReading.NameFilter<OmnideskView>(Name, v => v.Name));
        }
    }
}

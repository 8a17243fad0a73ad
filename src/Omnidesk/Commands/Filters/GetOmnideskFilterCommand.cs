using System.Management.Automation;

namespace Omnidesk.Commands
{
    [Cmdlet(VerbsCommon.Get, "OmnideskFilter")]
    [OutputType(typeof(OmnideskFilter))]
    public sealed class GetOmnideskFilterCommand : OmnideskConnectedCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        protected override void EndProcessing()
        {
            var pattern = Name == null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            OmnideskPage<OmnideskFilter> page;
            try
            {
                page = Await(context => Client.GetFiltersAsync(context));
            }
            catch (OmnideskApiException e)
            {
                ThrowTerminatingError(OmnideskErrors.ToErrorRecord(e, null));
                return;
            }
            foreach (var filter in page.Items)
            {
                if (pattern == null || pattern.IsMatch(filter.FilterName ?? "")) WriteObject(filter);
            }
        }
    }
}

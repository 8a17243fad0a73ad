using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>Get-OmnideskAgent: the agents of an Omnidesk.com account (GET /api/v2/user).</summary>
    [Cmdlet(VerbsCommon.Get, "OmnideskAgent", SupportsPaging = true)]
    [OutputType(typeof(OmnideskAgent))]
    public sealed class GetOmnideskAgentCommand : ComConnectedCmdlet
    {
        /// <summary>The API's search: a part of the name, e-mail address or phone number.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Query { get; set; }

        /// <summary>Only the active agents (activeOnly=1).</summary>
        [Parameter]
        public SwitchParameter ActiveOnly { get; set; }

        /// <summary>A client-side filter on the name, with wildcards: the API is asked for the whole (queried) list.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; }

        [Parameter]
        [ValidateRange(1, 999)]
        public int PageSize { get; set; } = 999;

        protected override void EndProcessing()
        {
            base.EndProcessing();
            ListReading.Write(this, OmnideskComResources.Agent, PageSize,
                (page, limit, context) => Client.GetAgentsAsync(Query, ActiveOnly.IsPresent, page, limit, context),
                ListReading.NameFilter<OmnideskAgent>(Name, a => a.Name));
        }
    }
}

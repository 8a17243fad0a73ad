using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk.Commands
{
    /// <summary>The messages of a case: users' and staff members' responses, and notes (IsNote).</summary>
    [Cmdlet(VerbsCommon.Get, "OmnideskMessage", DefaultParameterSetName = ByInputObjectSet, SupportsPaging = true)]
    [OutputType(typeof(OmnideskMessage))]
    public sealed class GetOmnideskMessageCommand : CaseItemsCmdlet<OmnideskMessage>
    {
        /// <summary>asc: oldest first (the API's default); desc: newest first.</summary>
        [Parameter]
        [ValidateSet("asc", "desc")]
        public string Order { get; set; }

        protected override OmnideskResource<OmnideskMessage> Listed => OmnideskResources.Message;

        protected override Task<OmnideskPage<OmnideskMessage>> FetchAsync(string key, long caseId, int page, int limit, OmnideskCallContext context) =>
            Client.GetMessagesAsync(key, caseId, Order?.ToLowerInvariant(), page, limit, context);
    }
}

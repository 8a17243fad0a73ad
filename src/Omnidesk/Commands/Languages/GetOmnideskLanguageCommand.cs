using System.Management.Automation;

namespace Omnidesk.Commands
{
    [Cmdlet(VerbsCommon.Get, "OmnideskLanguage", SupportsPaging = true)]
    [OutputType(typeof(OmnideskLanguage))]
    public sealed class GetOmnideskLanguageCommand : ResourceListCmdlet<OmnideskLanguage>
    {
        [Parameter]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 100;

        private protected override OmnideskResource<OmnideskLanguage> Resource => OmnideskResources.Language;

        private protected override int RequestedPageSize => PageSize;
    }
}

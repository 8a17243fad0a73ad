using System.Management.Automation;

namespace Omnidesk.Commands
{
    [Cmdlet(VerbsCommon.Get, "OmnideskLanguage", SupportsPaging = true)]
    [OutputType(typeof(OmnideskLanguage))]
    public sealed class GetOmnideskLanguageCommand : ResourceListCmdlet<OmnideskLanguage>
    {
        private protected override OmnideskResource<OmnideskLanguage> Resource => OmnideskResources.Language;
    }
}

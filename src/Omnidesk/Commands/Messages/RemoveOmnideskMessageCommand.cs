using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>Deletes responses; they cannot be restored. Asks unless -Force.</summary>
    [Cmdlet(VerbsCommon.Remove, "OmnideskMessage", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOmnideskMessageCommand : RemoveMessageCmdletBase
    {
        private protected override MessageKind Kind => MessageKind.Response;
    }
}

using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>Edits the text of staff responses.</summary>
    [Cmdlet(VerbsCommon.Set, "OmnideskMessage", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskMessage))]
    public sealed class SetOmnideskMessageCommand : SetMessageCmdletBase
    {
        private protected override MessageKind Kind => MessageKind.Response;
    }
}

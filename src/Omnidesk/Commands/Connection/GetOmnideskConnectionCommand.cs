using System.Management.Automation;

namespace Omnidesk.Commands
{
    [Cmdlet(VerbsCommon.Get, "OmnideskConnection")]
    [OutputType(typeof(OmnideskConnection))]
    public sealed class GetOmnideskConnectionCommand : OmnideskCmdlet
    {
        protected override void EndProcessing()
        {
            var connection = DefaultConnections.Current;
            if (connection != null) WriteObject(connection);
        }
    }
}

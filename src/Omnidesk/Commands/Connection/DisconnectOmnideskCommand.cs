using System.Management.Automation;

namespace Omnidesk.Commands
{
    [Cmdlet(VerbsCommunications.Disconnect, "Omnidesk")]
    [OutputType(typeof(void))]
    public sealed class DisconnectOmnideskCommand : OmnideskCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public OmnideskConnection Connection { get; set; }

        protected override void ProcessRecord()
        {
            var current = DefaultConnections.Current;
            var connection = Connection ?? current;
            if (connection == null) return;
            if (ReferenceEquals(connection, current)) DefaultConnections.Clear();
            connection.Close();
            WriteVerbose($"Disconnected from {connection.BaseUri}.");
        }
    }
}

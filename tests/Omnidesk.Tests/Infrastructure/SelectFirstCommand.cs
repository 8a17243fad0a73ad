using System.Management.Automation;

namespace Omnidesk.Tests.Infrastructure
{
    /// <summary>
    /// Select-Object -First N, which the hosted engine lacks: after N objects it stops the commands upstream the
    /// way Select-Object does, synchronously, from inside their WriteObject call.
    /// </summary>
    [Cmdlet("Select", "TestFirst")]
    public sealed class SelectFirstCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public int Count { get; set; }

        [Parameter(ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        private int _seen;

        protected override void ProcessRecord()
        {
            WriteObject(InputObject);
            if (++_seen >= Count) throw StopUpstream();
        }

        // The engine's own exception for this is internal; Select-Object throws the same one.
        private Exception StopUpstream() => (Exception)Activator.CreateInstance(
            typeof(PSCmdlet).Assembly.GetType("System.Management.Automation.StopUpstreamCommandsException", true),
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic,
            null, new object[] { this }, null);
    }
}

using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;

namespace Omnidesk.Benchmarks
{
    /// <summary>One hosted PowerShell runspace (the engine pwsh 7.6 runs), as a user's session would be.</summary>
    sealed class Pwsh : IDisposable
    {
        readonly Runspace _runspace;

        public Pwsh()
        {
            _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            _runspace.Open();
        }

        /// <summary>Runs a script with the given variables; any error stops the benchmark, so no figure hides a failure.</summary>
        public Collection<PSObject> Run(string script, params (string Name, object Value)[] variables)
        {
            foreach (var (name, value) in variables) _runspace.SessionStateProxy.SetVariable(name, value);
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            var output = ps.AddScript(script).Invoke();
            if (ps.Streams.Error.Count > 0)
                throw new InvalidOperationException($"'{script}' failed: " + string.Join("; ", ps.Streams.Error.Take(3).Select(e => $"{e.FullyQualifiedErrorId}: {e}")));
            return output;
        }

        /// <summary>Seconds taken by <see cref="Run"/>.</summary>
        public double Time(string script, params (string, object)[] variables)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Run(script, variables);
            return clock.Elapsed.TotalSeconds;
        }

        public void Connect(Emulator emulator) =>
            Run("Connect-Omnidesk -BaseUri $Uri -Credential $Cred", ("Uri", emulator.BaseUri), ("Cred", Credential()));

        /// <summary>Streams a whole listing to a counter, keeping nothing: what `Get-OmnideskCase | ForEach-Object {...}` does.</summary>
        public long CountCases() => (long)Run("$n = 0L; Get-OmnideskCase | ForEach-Object { $n++ }; $n")[0].BaseObject;

        public static PSCredential Credential()
        {
            var key = new SecureString();
            foreach (var c in Emulator.ApiKey) key.AppendChar(c);
            return new PSCredential(Emulator.Email, key);
        }

        public void Dispose() => _runspace.Dispose();
    }
}

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Omnidesk.Tests.Infrastructure
{
    /// <summary>Runs scripts in fresh runspaces that have the built module imported, and returns everything they wrote.</summary>
    public static class Ps
    {
        private static readonly Lazy<InitialSessionState> SessionState = new(() =>
        {
            var iss = InitialSessionState.CreateDefault2();
            iss.ImportPSModule(new[] { ModuleAssemblies.ManifestPath });
            return iss;
        });

        public static Runspace OpenRunspace(TestHost host = null)
        {
            var runspace = host == null
                ? RunspaceFactory.CreateRunspace(SessionState.Value)
                : RunspaceFactory.CreateRunspace(host, SessionState.Value);
            runspace.Open();
            return runspace;
        }

        /// <summary>Runs <paramref name="script"/> in a new runspace. Variables are set first (e.g. $Uri, $Cred).</summary>
        public static PsResult Run(string script, IDictionary<string, object> variables = null, TestHost host = null)
        {
            using var runspace = OpenRunspace(host);
            return Run(runspace, script, variables, host);
        }

        public static PsResult Run(Runspace runspace, string script, IDictionary<string, object> variables = null, TestHost host = null)
        {
            foreach (var variable in variables ?? new Dictionary<string, object>())
                runspace.SessionStateProxy.SetVariable(variable.Key, variable.Value);
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(script);
            var output = ps.Invoke();
            return new PsResult(output, ps.Streams, ps.HadErrors, host);
        }

        /// <summary>Variables for connecting to <paramref name="emulator"/> with the demo account: $Uri and $Cred.</summary>
        public static Dictionary<string, object> DemoVariables(EmulatorFixture emulator) => new()
        {
            ["Uri"] = emulator.BaseUri,
            ["Cred"] = Credential(EmulatorFixture.DemoEmail, EmulatorFixture.DemoApiKey),
        };

        public static PSCredential Credential(string user, string password)
        {
            var secure = new System.Security.SecureString();
            foreach (var c in password) secure.AppendChar(c);
            return new PSCredential(user, secure);
        }

        /// <summary>The connect line tests prepend: fast retries so fault tests take milliseconds, not seconds.</summary>
        public const string Connect = "Connect-Omnidesk -BaseUri $Uri -Credential $Cred -RetryBaseDelaySec 0.01\n";
    }

    public sealed class PsResult
    {
        public PsResult(Collection<PSObject> output, PSDataStreams streams, bool hadErrors, TestHost host)
        {
            Output = output.ToList();
            Errors = streams.Error.ToList();
            Warnings = streams.Warning.Select(w => w.Message).ToList();
            Verbose = streams.Verbose.Select(v => v.Message).ToList();
            Debug = streams.Debug.Select(d => d.Message).ToList();
            Information = streams.Information.ToList();
            Progress = streams.Progress.ToList();
            HadErrors = hadErrors;
            Host = host;
        }

        public List<PSObject> Output { get; }
        public List<ErrorRecord> Errors { get; }
        public List<string> Warnings { get; }
        public List<string> Verbose { get; }
        public List<string> Debug { get; }
        public List<InformationRecord> Information { get; }
        public List<ProgressRecord> Progress { get; }
        public bool HadErrors { get; }
        public TestHost Host { get; }

        public List<T> Objects<T>() => Output.Select(o => o?.BaseObject).OfType<T>().ToList();

        /// <summary>Fails with the errors' text, so a failing test says why.</summary>
        public PsResult AssertNoErrors()
        {
            if (Errors.Count > 0)
                throw new Xunit.Sdk.XunitException("Unexpected errors:\n" + string.Join("\n", Errors.Select(e =>
                    $"{e.FullyQualifiedErrorId}: {e.Exception?.Message} {e.ErrorDetails?.Message}")));
            return this;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Threading;

namespace Omnidesk
{
    /// <summary>
    /// Connect-Omnidesk -Demo: the local emulator with its demo account. The first call in a PowerShell process starts
    /// the emulator from the module's Emulator folder on a free port; later calls, from any runspace of the process,
    /// reuse it while it runs. Only an emulator this process started is ever used, since any fixed port may belong to
    /// another program. It exits with the PowerShell process that started it, and ignores the console's Ctrl+C.
    /// </summary>
    internal static class DemoEmulator
    {
        public const string Email = "demo@omnidesk.test";
        public const string ApiKey = "demo-api-key";

        /// <summary>The demo's Omnidesk.com (API v2) key, with every permission.</summary>
        public const string ComApiKey = "demo-com-api-key";
        private const string ListeningLine = "Omnidesk emulator listening on ";
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

        // One start at a time, so that concurrent runspaces share one emulator; waiting for it can be stopped.
        private static readonly SemaphoreSlim StartGate = new SemaphoreSlim(1, 1);
        private static Process _process;
        private static Uri _address;

        public static Uri EnsureRunning(OmnideskCmdlet cmdlet)
        {
            try
            {
                StartGate.Wait(cmdlet.Cancellation);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            try
            {
                if (_process != null && !_process.HasExited)
                {
                    cmdlet.WriteVerbose($"Using the Omnidesk emulator started earlier (process {_process.Id}) at {_address}.");
                    return _address;
                }
                _process?.Dispose();
                _process = null;
                _address = Start(cmdlet, out _process);
                return _address;
            }
            finally
            {
                StartGate.Release();
            }
        }

        private static Uri Start(OmnideskCmdlet cmdlet, out Process process)
        {
            process = null;
            var dll = Path.Combine(ModuleInitializer.ModuleRoot, "Emulator", "Omnidesk.Emulator.dll");
            if (!File.Exists(dll))
                cmdlet.ThrowTerminatingError(new ErrorRecord(new FileNotFoundException(
                        $"The Omnidesk emulator is not in this copy of the module ({dll}). Build the module from source, or start the emulator yourself and use -BaseUri.", dll),
                    "OmnideskEmulatorMissing", ErrorCategory.ObjectNotFound, dll));

            int parentPid;
            using (var self = Process.GetCurrentProcess()) parentPid = self.Id;
            // Port 0: the emulator takes a free port and reports it on its one stdout line.
            var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:0 --parent-pid {parentPid}")
            {
                UseShellExecute = false,
                CreateNoWindow = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            try
            {
                process = Process.Start(start);
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception || e is InvalidOperationException)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(
                        "Could not start the Omnidesk emulator: the 'dotnet' command (with the ASP.NET Core 10 runtime) is needed. " + e.Message, e),
                    "OmnideskEmulatorStartFailed", ErrorCategory.NotInstalled, dll));
                return null;
            }

            // Both pipes are read for the emulator's whole life, so that it never blocks on a full one.
            var output = new StartupOutput();
            process.OutputDataReceived += output.OnOutput;
            process.ErrorDataReceived += output.OnError;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var signalled = WaitHandle.WaitAny(new[] { output.Settled, cmdlet.Cancellation.WaitHandle }, StartTimeout);
            if (signalled == 0 && output.Address != null)
            {
                cmdlet.WriteVerbose($"Started the Omnidesk emulator (process {process.Id}) at {output.Address}.");
                return output.Address;
            }

            Stop(process);
            if (signalled == 1) throw new PipelineStoppedException();
            if (signalled == WaitHandle.WaitTimeout)
                cmdlet.ThrowTerminatingError(new ErrorRecord(new TimeoutException(
                        $"The Omnidesk emulator did not report its address within {StartTimeout.TotalSeconds} s." + output.ErrorText()),
                    "OmnideskEmulatorStartFailed", ErrorCategory.OperationTimeout, dll));

            var exit = process.HasExited ? $" (exit code {process.ExitCode})" : "";
            var what = output.UnexpectedLine != null ? $"printed '{output.UnexpectedLine}' instead of its address" : "exited at start" + exit;
            cmdlet.ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(
                    $"The Omnidesk emulator {what}." + output.ErrorText()),
                "OmnideskEmulatorStartFailed", ErrorCategory.ResourceUnavailable, dll));
            return null;
        }

        private static void Stop(Process process)
        {
            try
            {
                if (!process.HasExited) process.Kill();
                // Its exit code and the last of its stderr, for the message: only the overload without a timeout waits
                // for the asynchronous readers (on .NET Framework), once the process is known to be gone.
                if (process.WaitForExit(5000)) process.WaitForExit();
            }
            catch (Exception e) when (e is InvalidOperationException || e is System.ComponentModel.Win32Exception)
            {
                // it exited meanwhile
            }
        }

        /// <summary>Watches the emulator's output: its address from the listening line, the last lines of stderr.</summary>
        private sealed class StartupOutput
        {
            private const int ErrorLinesKept = 20;
            private readonly Queue<string> _errors = new Queue<string>();
            private int _settled;

            /// <summary>
            /// Set once: at the first stdout line, or when stdout closes (the emulator exited). Never disposed, because the
            /// handlers may run after the start is over.
            /// </summary>
            public ManualResetEvent Settled { get; } = new ManualResetEvent(false);
            public Uri Address { get; private set; }
            public string UnexpectedLine { get; private set; }

            public void OnOutput(object sender, DataReceivedEventArgs e)
            {
                // Only the first line matters; whatever follows is read and dropped.
                if (Interlocked.Exchange(ref _settled, 1) != 0) return;
                var line = e.Data;
                if (line != null)
                {
                    if (line.StartsWith(ListeningLine, StringComparison.Ordinal) &&
                        Uri.TryCreate(line.Substring(ListeningLine.Length).Trim().TrimEnd('/') + "/", UriKind.Absolute, out var address) &&
                        address.IsLoopback)
                        Address = address;
                    else
                        UnexpectedLine = line;
                }
                Settled.Set();
            }

            public void OnError(object sender, DataReceivedEventArgs e)
            {
                if (e.Data == null) return;
                lock (_errors)
                {
                    _errors.Enqueue(e.Data);
                    if (_errors.Count > ErrorLinesKept) _errors.Dequeue();
                }
            }

            /// <summary>The kept stderr lines, on lines of their own after the message; empty when there were none.</summary>
            public string ErrorText()
            {
                lock (_errors)
                    return _errors.Count == 0 ? "" : Environment.NewLine + string.Join(Environment.NewLine, _errors);
            }
        }
    }
}

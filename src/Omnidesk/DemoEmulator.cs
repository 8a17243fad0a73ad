using System;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using System.Threading;

namespace Omnidesk
{
    /// <summary>
    /// Connect-Omnidesk -Demo: the local emulator with its demo account, started from the module's Emulator folder
    /// when nothing answers on its port. It exits with the PowerShell process that started it.
    /// </summary>
    internal static class DemoEmulator
    {
        public const string Email = "demo@omnidesk.test";
        public const string ApiKey = "demo-api-key";
        public static readonly Uri Address = new Uri("http://127.0.0.1:5080/");
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

        public static Uri EnsureRunning(PSCmdlet cmdlet)
        {
            if (IsHealthy()) return Address;

            var dll = Path.Combine(ModuleInitializer.ModuleRoot, "Emulator", "Omnidesk.Emulator.dll");
            if (!File.Exists(dll))
                cmdlet.ThrowTerminatingError(new ErrorRecord(new FileNotFoundException(
                        $"The Omnidesk emulator is not in this copy of the module ({dll}). Build the module from source, or start the emulator yourself and use -BaseUri.", dll),
                    "OmnideskEmulatorMissing", ErrorCategory.ObjectNotFound, dll));

            var start = new ProcessStartInfo("dotnet",
                $"\"{dll}\" --urls {Address.GetLeftPart(UriPartial.Authority)} --parent-pid {Process.GetCurrentProcess().Id}")
            {
                UseShellExecute = false,
                CreateNoWindow = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            Process process;
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
            // Keep reading so a chatty child never blocks on a full pipe.
            process.OutputDataReceived += (s, e) => { };
            process.ErrorDataReceived += (s, e) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var deadline = DateTime.UtcNow + StartTimeout;
            while (DateTime.UtcNow < deadline)
            {
                if (process.HasExited)
                    cmdlet.ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(
                            $"The Omnidesk emulator exited at start (exit code {process.ExitCode}); is port {Address.Port} taken by another program?"),
                        "OmnideskEmulatorStartFailed", ErrorCategory.ResourceUnavailable, dll));
                if (IsHealthy())
                {
                    cmdlet.WriteVerbose($"Started the Omnidesk emulator (process {process.Id}) at {Address}.");
                    return Address;
                }
                Thread.Sleep(200);
            }
            cmdlet.ThrowTerminatingError(new ErrorRecord(new TimeoutException(
                    $"The Omnidesk emulator did not answer at {Address} within {StartTimeout.TotalSeconds} s."),
                "OmnideskEmulatorStartFailed", ErrorCategory.OperationTimeout, dll));
            return null;
        }

        private static bool IsHealthy()
        {
            try
            {
                using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) })
                using (var response = http.GetAsync(new Uri(Address, "_emulator/health")).GetAwaiter().GetResult())
                    return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException || e is OperationCanceledException)
            {
                return false;
            }
        }
    }
}

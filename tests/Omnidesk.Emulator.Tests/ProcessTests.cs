using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>The emulator as users and the integration tests run it: a separate process, port 0, one stdout line.</summary>
    public class ProcessTests
    {
        /// <summary>The emulator's own build output for this configuration, else the copy next to the tests.</summary>
        static string EmulatorDll()
        {
            string baseDir = AppContext.BaseDirectory; // …/tests/Omnidesk.Emulator.Tests/bin/<Config>/net10.0/
            string config = new DirectoryInfo(baseDir).Parent!.Parent!.Name;
            for (var dir = new DirectoryInfo(baseDir); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "src", "Omnidesk.Emulator", "bin", config, "net10.0", "Omnidesk.Emulator.dll");
                if (File.Exists(candidate)) return candidate;
            }
            return Path.Combine(baseDir, "Omnidesk.Emulator.dll");
        }

        [Fact]
        public async Task RunsAsAProcess_PrintsTheListeningLine_WithTheRealPort_AndServes()
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { EmulatorDll(), "--urls", "http://127.0.0.1:0", "--parent-pid", Environment.ProcessId.ToString(), "--cases", "20" })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            try
            {
                var readLine = p.StandardOutput.ReadLineAsync();
                Assert.Same(readLine, await Task.WhenAny(readLine, Task.Delay(TimeSpan.FromSeconds(15))));
                string line = await readLine;
                var m = Regex.Match(line ?? "", @"^Omnidesk emulator listening on (http://127\.0\.0\.1:(\d+))$");
                Assert.True(m.Success, "stdout line: " + line + " stderr: " + (p.HasExited ? p.StandardError.ReadToEnd() : ""));
                Assert.NotEqual("0", m.Groups[2].Value);

                using var client = new HttpClient { BaseAddress = new Uri(m.Groups[1].Value + "/") };
                client.DefaultRequestHeaders.Authorization = EmulatorFixture.Basic("demo@omnidesk.test", "demo-api-key");
                var body = await client.GetStringAsync("api/cases.json?limit=1&show_merged_cases=1&show_active_chats=1");
                Assert.Contains("\"total_count\":", body);
                Assert.Equal("{\"status\":\"ok\"}", await client.GetStringAsync("_emulator/health"));
            }
            finally
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync();
            }
            Assert.Equal("", (await p.StandardOutput.ReadToEndAsync()).Trim()); // nothing else on stdout
        }

        /// <summary>Starts the emulator on a free port and waits for its listening line; the caller kills it at the end.</summary>
        static async Task<(Process Process, Uri BaseUri)> StartAsync(params string[] switches)
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (SigintIgnoredHere())
            {
                // A runner started as a background job (`cmd &` without job control) ignores SIGINT, its children
                // inherit that, and .NET then leaves it ignored: give the emulator the console's default back.
                psi.FileName = "env";
                psi.ArgumentList.Add("--default-signal=INT");
                psi.ArgumentList.Add("dotnet");
            }
            foreach (var a in new[] { EmulatorDll(), "--urls", "http://127.0.0.1:0", "--cases", "20" }.Concat(switches))
                psi.ArgumentList.Add(a);
            var p = Process.Start(psi)!;
            p.ErrorDataReceived += (_, _) => { }; // read and dropped: a full pipe must not block the emulator
            p.BeginErrorReadLine();
            var readLine = p.StandardOutput.ReadLineAsync();
            if (readLine != await Task.WhenAny(readLine, Task.Delay(TimeSpan.FromSeconds(15))) || await readLine is not string line ||
                !line.StartsWith("Omnidesk emulator listening on ", StringComparison.Ordinal))
            {
                p.Kill(entireProcessTree: true);
                throw new InvalidOperationException("The emulator did not report its address.");
            }
            return (p, new Uri(line.Substring("Omnidesk emulator listening on ".Length) + "/"));
        }

        /// <summary>Whether this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status), as processes of a background job do.</summary>
        static bool SigintIgnoredHere()
        {
            if (!OperatingSystem.IsLinux()) return false;
            string line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
            return line != null && (ulong.Parse(line.Substring(7).Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & 0x2) != 0;
        }

        /// <summary>What the console sends on Ctrl+C (SIGINT) or a service manager on stop (SIGTERM).</summary>
        static async Task SignalAsync(Process target, string signal)
        {
            using var kill = Process.Start("kill", new[] { "-" + signal, target.Id.ToString() })!;
            await kill.WaitForExitAsync();
            Assert.Equal(0, kill.ExitCode);
        }

        static async Task<bool> ExitsWithinAsync(Process p, TimeSpan time)
        {
            using var cts = new CancellationTokenSource(time);
            try
            {
                await p.WaitForExitAsync(cts.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        [UnixFact]
        public async Task WithParentPid_IgnoresSigint_KeepsServing_AndStopsOnSigterm()
        {
            var (p, baseUri) = await StartAsync("--parent-pid", Environment.ProcessId.ToString());
            using var _ = p;
            try
            {
                await SignalAsync(p, "INT");
                Assert.False(await ExitsWithinAsync(p, TimeSpan.FromSeconds(2)), "the emulator exited on SIGINT");
                using var client = new HttpClient { BaseAddress = baseUri };
                Assert.Equal("{\"status\":\"ok\"}", await client.GetStringAsync("_emulator/health"));

                await SignalAsync(p, "TERM");
                Assert.True(await ExitsWithinAsync(p, TimeSpan.FromSeconds(15)), "the emulator did not stop on SIGTERM");
                Assert.Equal(0, p.ExitCode);
            }
            finally
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
            }
        }

        [UnixFact]
        public async Task WithParentPid_StopsWhenTheParentExits()
        {
            using var parent = Process.Start("sleep", "60")!;
            var (p, _) = await StartAsync("--parent-pid", parent.Id.ToString());
            using var __ = p;
            try
            {
                Assert.False(p.HasExited);
                parent.Kill();
                await parent.WaitForExitAsync();
                Assert.True(await ExitsWithinAsync(p, TimeSpan.FromSeconds(15)), "the emulator outlived its parent");
                Assert.Equal(0, p.ExitCode);
            }
            finally
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
                if (!parent.HasExited) parent.Kill();
            }
        }

        [UnixFact]
        public async Task WithoutParentPid_StopsOnSigint()
        {
            var (p, _) = await StartAsync();
            using var __ = p;
            try
            {
                await SignalAsync(p, "INT");
                Assert.True(await ExitsWithinAsync(p, TimeSpan.FromSeconds(15)), "the emulator did not stop on SIGINT");
                Assert.Equal(0, p.ExitCode);
            }
            finally
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
            }
        }

        [Fact]
        public async Task BadSwitch_ExitsWith2_AndAMessageOnStderr()
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(EmulatorDll());
            psi.ArgumentList.Add("--dialect");
            psi.ArgumentList.Add("klingon");
            using var p = Process.Start(psi)!;
            string err = await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.Equal(2, p.ExitCode);
            Assert.Contains("--dialect", err);
            Assert.Equal("", await p.StandardOutput.ReadToEndAsync());
        }
    }

    /// <summary>A fact that sends POSIX signals with kill(1); reported as skipped on Windows.</summary>
    public sealed class UnixFactAttribute : FactAttribute
    {
        public UnixFactAttribute()
        {
            if (OperatingSystem.IsWindows()) Skip = "POSIX signals only";
        }
    }
}

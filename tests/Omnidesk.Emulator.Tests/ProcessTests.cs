using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Omnidesk.Emulator.Tests;

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

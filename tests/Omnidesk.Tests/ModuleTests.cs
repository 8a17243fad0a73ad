using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Omnidesk.Tests.Infrastructure;
using Xunit;

namespace Omnidesk.Tests
{
    /// <summary>
    /// What only a process of the tests' own can check: the module folder's layout, and the load contexts when other
    /// versions of the engine's dependencies were loaded first. Help, manifest and verbs: tests/Module.Tests.ps1.
    /// </summary>
    public sealed class ModuleTests
    {
        [Fact]
        public void The_module_folder_keeps_the_engine_and_its_dependencies_apart()
        {
            var root = ModuleAssemblies.ModuleDirectory;
            Assert.Equal(new[] { "Omnidesk.Model.dll", "Omnidesk.dll" },
                Directory.GetFiles(root, "*.dll").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            foreach (var runtime in new[] { "Core", "Desktop" })
            {
                var dir = Path.Combine(root, "Dependencies", runtime);
                Assert.True(File.Exists(Path.Combine(dir, "Omnidesk.Engine.dll")), runtime);
                Assert.True(File.Exists(Path.Combine(dir, "System.Text.Json.dll")), runtime);
                Assert.False(File.Exists(Path.Combine(dir, "Omnidesk.Model.dll")), runtime);
                Assert.False(File.Exists(Path.Combine(dir, "System.Management.Automation.dll")), runtime);
            }
            Assert.True(File.Exists(Path.Combine(root, "en-US", "Omnidesk.dll-Help.xml")));
            Assert.True(File.Exists(Path.Combine(root, "Omnidesk.Format.ps1xml")));
        }

        [Fact]
        public async Task The_module_works_when_other_versions_of_its_dependencies_were_loaded_first()
        {
            using var emulator = new EmulatorFixture();
            var script = "$c = [pscredential]::new('demo@omnidesk.test', [System.Net.NetworkCredential]::new('', 'demo-api-key').SecurePassword)\n" +
                         $"Connect-Omnidesk -BaseUri '{emulator.BaseUri}' -Credential $c\n" +
                         "Get-OmnideskCase -First 3 | ForEach-Object CaseId";
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(ModuleAssemblies.ConflictHostPath);
            start.ArgumentList.Add(ModuleAssemblies.ManifestPath);
            start.ArgumentList.Add(script);
            using var process = Process.Start(start);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(120_000));
            var output = await stdout;
            var errors = await stderr;
            var lines = output.Split('\n').Select(l => l.Trim()).ToList();

            Assert.True(process.ExitCode == 0, output + errors);
            Assert.Equal(3, lines.Count(l => l.StartsWith("OUT ")));
            // The host's own copies: STJ 11 (higher than the engine's 10) and M.E.Http 8 (lower), in the default context.
            Assert.Contains("ASSEMBLY System.Text.Json 11.0.0.0 Default", lines);
            Assert.Contains("ASSEMBLY Microsoft.Extensions.Http 8.0.0.0 Default", lines);
            // The engine and its own Microsoft.Extensions/Polly stack live in the module's private context.
            Assert.Contains("ASSEMBLY Omnidesk.Engine 0.1.0.0 DependencyLoadContext", lines);
            Assert.Contains(lines, l => l.StartsWith("ASSEMBLY Microsoft.Extensions.Http.Resilience 10.") && l.EndsWith(" DependencyLoadContext"));
            Assert.Contains(lines, l => l.StartsWith("ASSEMBLY Polly.Core ") && l.EndsWith(" DependencyLoadContext"));
            Assert.Single(lines, l => l.StartsWith("ASSEMBLY System.Text.Json "));
            Assert.Contains(lines, l => l.StartsWith("ASSEMBLY Omnidesk.Model ") && l.EndsWith(" Default"));
        }
    }
}

using System.Diagnostics;
using System.Management.Automation;
using Omnidesk.Tests.Infrastructure;
using Xunit;

namespace Omnidesk.Tests
{
    public sealed class ModuleTests
    {
        private static readonly string[] Exported =
        {
            "Connect-Omnidesk", "Disconnect-Omnidesk", "Get-OmnideskCase", "Get-OmnideskCaseChangelog", "Get-OmnideskConnection",
            "Get-OmnideskFilter", "Get-OmnideskMessage", "New-OmnideskCase", "New-OmnideskMessage", "New-OmnideskNote",
            "Remove-OmnideskCase", "Remove-OmnideskIdeaResponse", "Remove-OmnideskMessage", "Remove-OmnideskNote",
            "Restore-OmnideskCase", "Save-OmnideskAttachment", "Set-OmnideskCase", "Set-OmnideskIdea", "Set-OmnideskIdeaResponse",
            "Set-OmnideskMessage", "Set-OmnideskNote", "Set-OmnideskRating",
        };

        [Fact]
        public void The_manifest_is_valid_and_exports_exactly_the_cmdlets()
        {
            var result = Ps.Run($"Test-ModuleManifest -Path '{ModuleAssemblies.ManifestPath}'").AssertNoErrors();
            var module = (PSModuleInfo)result.Output.Single().BaseObject;
            Assert.Equal(new Version(5, 1), module.PowerShellVersion);
            Assert.Equal(new[] { "Core", "Desktop" }, module.CompatiblePSEditions.OrderBy(e => e));
            Assert.Equal(Exported, module.ExportedCmdlets.Keys.OrderBy(k => k, StringComparer.Ordinal));

            var commands = Ps.Run("Get-Command -Module Omnidesk | ForEach-Object Name").AssertNoErrors();
            Assert.Equal(Exported, commands.Output.Select(o => (string)o.BaseObject).OrderBy(n => n, StringComparer.Ordinal));
        }

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

        public static TheoryData<string> Cmdlets() => new(Exported);

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Get_Help_shows_a_synopsis_and_at_least_two_examples(string cmdlet)
        {
            var result = Ps.Run($"$h = Get-Help {cmdlet} -Examples; $h.Synopsis; @($h.examples.example).Count; @($h.examples.example)[0].code").AssertNoErrors();
            var synopsis = (string)result.Output[0].BaseObject;
            Assert.False(string.IsNullOrWhiteSpace(synopsis));
            Assert.DoesNotContain("CommonParameters", synopsis);   // Get-Help's fallback when no help was found
            Assert.True((int)result.Output[1].BaseObject >= 2, $"{cmdlet} has fewer than two examples");
            Assert.Contains("Omnidesk", (string)result.Output[2].BaseObject);
        }

        [Fact]
        public void Every_cmdlet_that_changes_something_supports_WhatIf_and_Confirm_and_uses_an_approved_verb()
        {
            var result = Ps.Run(@"
                $approved = @('Connect','Disconnect','Get','New','Set','Remove','Restore','Save')
                Get-Command -Module Omnidesk | ForEach-Object {
                    '{0}|{1}|{2}' -f $_.Name, ($_.Verb -in $approved), $_.Parameters.ContainsKey('WhatIf') }").AssertNoErrors();
            var rows = result.Output.Select(o => ((string)o.BaseObject).Split('|')).ToList();
            Assert.Equal(Exported.Length, rows.Count);
            Assert.All(rows, r => Assert.Equal("True", r[1]));
            var changing = rows.Where(r => !r[0].StartsWith("Get-") && r[0] != "Connect-Omnidesk" && r[0] != "Disconnect-Omnidesk");
            Assert.All(changing, r => Assert.True(r[2] == "True", r[0] + " lacks -WhatIf"));
        }

        [Fact]
        public void The_about_topic_explains_connections_paging_and_errors()
        {
            var result = Ps.Run("Get-Help about_Omnidesk").AssertNoErrors();
            var text = string.Join("\n", result.Output.Select(o => o.BaseObject.ToString()));
            Assert.Contains("SHORT DESCRIPTION", text);
            Assert.Contains("OmnideskApi404.case_not_found", text);
            Assert.Contains("retry_after", text);
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Every_parameter_is_documented(string cmdlet)
        {
            var result = Ps.Run($@"
                $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
                $documented = @((Get-Help {cmdlet} -Full).parameters.parameter | ForEach-Object {{ $_.name }})
                $visible = (Get-Command {cmdlet}).Parameters.Values | Where-Object {{
                    @($_.Attributes | Where-Object {{ $_ -is [System.Management.Automation.ParameterAttribute] -and -not $_.DontShow }}).Count -gt 0 }}
                $visible.Name | Where-Object {{ $_ -notin $common -and $_ -notin $documented }}").AssertNoErrors();
            Assert.Empty(result.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void The_module_works_when_other_versions_of_its_dependencies_were_loaded_first()
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
            var lines = stdout.Result.Split('\n').Select(l => l.Trim()).ToList();

            Assert.True(process.ExitCode == 0, stdout.Result + stderr.Result);
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

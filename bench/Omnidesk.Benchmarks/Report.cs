using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Omnidesk.Benchmarks
{
    /// <summary>Rewrites the figures section of docs/performance.md (between the markers); the intro is hand-written.</summary>
    static class Report
    {
        const string Begin = "<!-- figures:begin (written by bench/Omnidesk.Benchmarks; do not edit) -->";
        const string End = "<!-- figures:end -->";

        public static void Write(string path, string command, string moduleDll, IEnumerable<(string Figure, string Measure, string Value)> rows)
        {
            var text = new StringBuilder().AppendLine(Begin).AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `{command}`")
                .AppendLine()
                .AppendLine("| machine | |").AppendLine("|---|---|");
            foreach (var (name, value) in Machine()) text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| module measured | out/Omnidesk, Omnidesk.dll built {File.GetLastWriteTimeUtc(moduleDll):yyyy-MM-dd HH:mm} UTC |");
            text.AppendLine().AppendLine("| # | measure | value |").AppendLine("|---|---|---|");
            foreach (var (figure, measure, value) in rows) text.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {measure.Replace("|", "\\|")} | {value} |");
            text.AppendLine().Append(End);

            var old = File.Exists(path) ? File.ReadAllText(path) : "# Performance\n\n";
            int from = old.IndexOf(Begin, StringComparison.Ordinal), to = old.IndexOf(End, StringComparison.Ordinal);
            var updated = from >= 0 && to > from
                ? old[..from] + text + old[(to + End.Length)..]
                : old.TrimEnd() + "\n\n## Figures\n\n" + text + "\n";
            File.WriteAllText(path, updated);
        }

        static IEnumerable<(string, string)> Machine()
        {
            string Field(string file, string key) => File.Exists(file)
                ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(new[] { ':', '=' }, 2)[1].Trim().Trim('"') : null;
            var memKb = long.TryParse(Field("/proc/meminfo", "MemTotal")?.Split(' ')[0], out var kb) ? kb : 0;
            yield return ("CPU", Field("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString());
            yield return ("cores", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
            yield return ("RAM", $"{memKb / 1048576.0:N1} GB");
            var kernel = File.Exists("/proc/sys/kernel/osrelease") ? $", kernel {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()}" : "";
            yield return ("OS", (Field("/etc/os-release", "PRETTY_NAME") ?? RuntimeInformation.OSDescription) + kernel);
            yield return (".NET", RuntimeInformation.FrameworkDescription);
            var engine = typeof(PSObject).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            yield return ("PowerShell engine", "System.Management.Automation " + engine?.Split(' ', '+')[0] + ", hosted in the benchmark process");
        }
    }
}

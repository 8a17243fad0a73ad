using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Omnidesk.HelpBuilder
{
    /// <summary>
    /// Builds the module's help from the docs folder, in one of two modes:
    /// <list type="bullet">
    /// <item><c>dotnet Omnidesk.HelpBuilder.dll &lt;docsDir&gt; &lt;outputMamlPath&gt;</c>: the platyPS-format cmdlet pages into one MAML file;</item>
    /// <item><c>dotnet Omnidesk.HelpBuilder.dll --about &lt;docsDir&gt; &lt;outputDir&gt;</c>: every about_*.md into &lt;outputDir&gt;/about_*.help.txt.</item>
    /// </list>
    /// Exit codes: 0 = written, 1 = the docs have errors (nothing written for them), 2 = bad command line or I/O failure.
    /// </summary>
    internal static class Program
    {
        private const string AboutSwitch = "--about";

        internal static int Main(string[] args)
        {
            if (args.Length == 3 && args[0] == AboutSwitch) return BuildAboutTopics(args[1], args[2]);
            if (args.Length == 2 && !args.Any(a => a is "-h" or "--help" or "/?" or AboutSwitch)) return BuildMaml(args[0], args[1]);

            Console.Error.WriteLine("Usage: dotnet Omnidesk.HelpBuilder.dll <docsDir> <outputMamlPath>");
            Console.Error.WriteLine("         Converts every <docsDir>/*.md whose YAML front matter has 'external help file:' (platyPS schema 2.0.0)");
            Console.Error.WriteLine("         into one MAML file for Get-Help, e.g. out/Omnidesk/en-US/Omnidesk.dll-Help.xml.");
            Console.Error.WriteLine($"       dotnet Omnidesk.HelpBuilder.dll {AboutSwitch} <docsDir> <outputDir>");
            Console.Error.WriteLine("         Converts every <docsDir>/about_*.md into the plain help text <outputDir>/about_*.help.txt.");
            return 2;
        }

        /// <summary>Runs a build over an existing docs folder; a missing folder or an I/O failure is exit code 2.</summary>
        private static int InDocsFolder(string docsDir, Func<Diagnostics, Stopwatch, int> build)
        {
            var watch = Stopwatch.StartNew();
            var diag = new Diagnostics();
            try
            {
                if (Directory.Exists(docsDir)) return build(diag, watch);
                diag.Error($"the docs folder '{docsDir}' does not exist");
                return Report(diag, 2);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diag.Error($"{ex.GetType().Name}: {ex.Message}");
                return Report(diag, 2);
            }
        }

        private static int BuildMaml(string docsDir, string output) => InDocsFolder(docsDir, (diag, watch) =>
        {
            var commands = new List<CommandHelp>();
            int skipped = 0;
            foreach (string file in Directory.GetFiles(docsDir, "*.md").OrderBy(f => f, StringComparer.OrdinalIgnoreCase))
            {
                string display = DisplayPath(file);
                CommandHelp help = MarkdownHelpReader.Read(file, display, diag, out bool isCmdletPage);
                if (!isCmdletPage) { skipped++; continue; }
                if (help == null) continue;
                CommandHelp other = commands.FirstOrDefault(c => string.Equals(c.Name, help.Name, StringComparison.OrdinalIgnoreCase));
                if (other != null)
                {
                    diag.Error(display, 1, $"{help.Name} is also documented in {Path.GetFileName(other.SourceFile)}");
                    continue;
                }
                commands.Add(help);
            }

            if (diag.ErrorCount > 0)
            {
                Report(diag, 1);
                // Never leave a stale help file from an earlier run for the build to ship.
                if (File.Exists(output)) File.Delete(output);
                Console.Error.WriteLine($"Omnidesk.HelpBuilder: {diag.ErrorCount} error(s) in the cmdlet help pages; '{output}' was not written (an earlier copy is removed).");
                return 1;
            }
            if (commands.Count == 0)
            {
                diag.Error($"no cmdlet pages (markdown with 'external help file:' front matter) in '{docsDir}'");
                return Report(diag, 1);
            }

            XDocument maml = MamlWriter.Build(commands);
            MamlWriter.Save(maml, output);
            Console.WriteLine($"Omnidesk.HelpBuilder: {commands.Count} cmdlet(s) -> {output} " +
                $"({string.Join(", ", commands.Select(c => c.Name))}; {skipped} other page(s) skipped; {watch.ElapsedMilliseconds} ms)");
            return 0;
        });

        private static int BuildAboutTopics(string docsDir, string outputDir) => InDocsFolder(docsDir, (diag, watch) =>
        {
            var written = new List<string>();
            var failed = new List<string>();
            foreach (string file in Directory.GetFiles(docsDir, "about_*.md").OrderBy(f => f, StringComparer.OrdinalIgnoreCase))
            {
                string output = Path.Combine(outputDir, AboutTopicConverter.TopicName(file) + ".help.txt");
                string text = AboutTopicConverter.ConvertFile(file, DisplayPath(file), diag);
                if (text == null)
                {
                    // Never leave a stale topic from an earlier run for the build to ship.
                    if (File.Exists(output)) File.Delete(output);
                    failed.Add(output);
                    continue;
                }
                AboutTopicConverter.Save(text, output);
                written.Add(output);
            }

            if (failed.Count > 0)
            {
                Report(diag, 1);
                Console.Error.WriteLine($"Omnidesk.HelpBuilder: {diag.ErrorCount} error(s) in the about topics; not written (earlier copies are removed): {string.Join(", ", failed)}");
                return 1;
            }
            Console.WriteLine($"Omnidesk.HelpBuilder: {written.Count} about topic(s) -> {string.Join(", ", written)} ({watch.ElapsedMilliseconds} ms)");
            return 0;
        });

        /// <summary>Relative to the current folder when inside it, so the build shows short clickable paths; else full.</summary>
        private static string DisplayPath(string file)
        {
            string display = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
            return display.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(file) : display;
        }

        private static int Report(Diagnostics diag, int exitCode)
        {
            foreach (string message in diag.Messages) Console.Error.WriteLine(message);
            return exitCode;
        }
    }
}

using System.Diagnostics;
using System.Xml.Linq;

namespace Omnidesk.HelpBuilder;

/// <summary>
/// Converts the platyPS-format cmdlet pages in a docs folder into one MAML help file.
/// Usage: dotnet Omnidesk.HelpBuilder.dll &lt;docsDir&gt; &lt;outputMamlPath&gt;
/// Exit codes: 0 = written, 1 = the docs have errors (nothing written), 2 = bad command line or I/O failure.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length != 2 || args.Any(a => a is "-h" or "--help" or "/?"))
        {
            Console.Error.WriteLine("Usage: dotnet Omnidesk.HelpBuilder.dll <docsDir> <outputMamlPath>");
            Console.Error.WriteLine("Converts every <docsDir>/*.md whose YAML front matter has 'external help file:' (platyPS schema 2.0.0)");
            Console.Error.WriteLine("into one MAML file for Get-Help, e.g. out/Omnidesk/en-US/Omnidesk.dll-Help.xml.");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        string docsDir = args[0], output = args[1];
        var diag = new Diagnostics();
        try
        {
            if (!Directory.Exists(docsDir))
            {
                diag.Error($"the docs folder '{docsDir}' does not exist");
                return Report(diag, 2);
            }

            var commands = new List<CommandHelp>();
            int skipped = 0;
            foreach (string file in Directory.GetFiles(docsDir, "*.md").OrderBy(f => f, StringComparer.OrdinalIgnoreCase))
            {
                string display = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
                if (display.StartsWith("..", StringComparison.Ordinal)) display = Path.GetFullPath(file);
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
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diag.Error($"{ex.GetType().Name}: {ex.Message}");
            return Report(diag, 2);
        }
    }

    private static int Report(Diagnostics diag, int exitCode)
    {
        foreach (string message in diag.Messages) Console.Error.WriteLine(message);
        return exitCode;
    }
}

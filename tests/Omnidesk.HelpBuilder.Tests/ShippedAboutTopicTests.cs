using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Omnidesk.HelpBuilder.Tests
{
    /// <summary>The repository's own docs/about_*.md pages convert cleanly: what the module ships as Get-Help text.</summary>
    public sealed class ShippedAboutTopicTests
    {
        public static TheoryData<string> AboutPages() => new(AboutPageNames());

        private static IEnumerable<string> AboutPageNames() =>
            Directory.GetFiles(Path.Combine(RepoRoot(), "docs"), "about_*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        [Fact]
        public void The_docs_folder_has_about_Omnidesk()
        {
            Assert.Contains("about_Omnidesk.md", AboutPageNames());
        }

        [Theory]
        [MemberData(nameof(AboutPages))]
        public void The_page_converts_to_plain_text_within_120_columns(string fileName)
        {
            string path = Path.Combine(RepoRoot(), "docs", fileName);
            var diag = new Diagnostics();

            string text = AboutTopicConverter.ConvertFile(path, fileName, diag);

            Assert.Empty(diag.Messages);
            Assert.StartsWith($"TOPIC\n    {Path.GetFileNameWithoutExtension(fileName)}\n\nSHORT DESCRIPTION\n", text);
            Assert.Contains("\nLONG DESCRIPTION\n", text);
            PlainHelpText.AssertNoLineWiderThan(120, text);
            PlainHelpText.AssertNoMarkdown(text, File.ReadAllText(path));
        }

        /// <summary>The folder with OmnideskPS.sln, found upwards from the test binaries (tests/.../bin/Release/net10.0).</summary>
        private static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OmnideskPS.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException($"no OmnideskPS.sln above {AppContext.BaseDirectory}");
        }
    }
}

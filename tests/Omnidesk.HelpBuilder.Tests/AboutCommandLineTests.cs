using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Omnidesk.HelpBuilder.Tests
{
    /// <summary>
    /// "Omnidesk.HelpBuilder --about docsDir outputDir", as the module build runs it: its exit code is what fails the build.
    /// </summary>
    public sealed class AboutCommandLineTests : IDisposable
    {
        private const string GoodPage = "# about_Sample\n\n## SHORT DESCRIPTION\n\nExplains it.\n\n## LONG DESCRIPTION\n\nThe **long** text.\n";

        private readonly string _docs = Directory.CreateTempSubdirectory("helpbuilder-docs-").FullName;
        private readonly string _output = Directory.CreateTempSubdirectory("helpbuilder-out-").FullName;

        public void Dispose()
        {
            Directory.Delete(_docs, recursive: true);
            Directory.Delete(_output, recursive: true);
        }

        private string OutputFile => Path.Combine(_output, "about_Sample.help.txt");

        [Fact]
        public void Every_about_page_is_written_as_help_text_and_other_pages_are_left_alone()
        {
            File.WriteAllText(Path.Combine(_docs, "about_Sample.md"), GoodPage);
            File.WriteAllText(Path.Combine(_docs, "emulator.md"), "# Not an about topic\n");

            Assert.Equal(0, Program.Main(new[] { "--about", _docs, _output }));

            Assert.Equal(new[] { "about_Sample.help.txt" }, Directory.GetFiles(_output).Select(Path.GetFileName));
            Assert.Equal("TOPIC\n    about_Sample\n\nSHORT DESCRIPTION\n    Explains it.\n\nLONG DESCRIPTION\n    The long text.\n",
                File.ReadAllText(OutputFile));
        }

        [Fact]
        public void A_broken_page_fails_with_exit_code_1_and_removes_its_stale_help_text()
        {
            File.WriteAllText(Path.Combine(_docs, "about_Sample.md"), GoodPage.Replace("## LONG DESCRIPTION", "## DETAILS"));
            File.WriteAllText(OutputFile, "from an earlier build");

            Assert.Equal(1, Program.Main(new[] { "--about", _docs, _output }));

            Assert.False(File.Exists(OutputFile));
        }

        [Fact]
        public void A_missing_docs_folder_fails_with_exit_code_2()
        {
            Assert.Equal(2, Program.Main(new[] { "--about", Path.Combine(_docs, "missing"), _output }));
        }
    }
}

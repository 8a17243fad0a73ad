using System;
using System.Linq;
using Xunit;

namespace Omnidesk.HelpBuilder.Tests
{
    /// <summary>An about topic in Markdown through <see cref="AboutTopicConverter"/> into classic help text.</summary>
    public sealed class AboutTopicConversionTests
    {
        private const string LongParagraph =
            "The Sample module talks to the sample service over HTTPS and writes every object as soon as its page arrives, " +
            "so a pipeline that stops early stops the requests too, and memory stays flat however large the result is. " +
            "Each sentence here exists only to make the paragraph long enough to need several lines of wrapped help text.";

        private const string LongCodeLine =
            "Get-Sample -Name first, second, third -Filter 'status -eq \"open\"' -PageSize 100 | Export-Csv -Path ./samples.csv";

        private static readonly string Page = $$"""
            # about_Sample

            ## Short description

            Explains the *Sample* module.

            ## Long description

            {{LongParagraph}}

            ### Connecting

            Call `Connect-Sample -Name acme` first, **then** the other cmdlets; see [the service](https://example.test/api)
            and [Get-Sample](Get-Sample.md).

            - Reads are retried.
            - Writes are retried only when the server surely did not apply them, which is a long enough item to wrap onto a second line.

            1. First step.
            2. Second step.

            ```powershell
            {{LongCodeLine}}
            foreach ($s in $samples) {
                $s.Name
            }
            ```

            | Status | Code | Meaning |
            |--------|-----:|---------|
            | open   | 1    | New     |
            | closed | 20   | Done    |

            | Option | Meaning |
            |--------|---------|
            | -Name | The account name, such as acme, or a host name such as acme.example.test, or the full address of a self-hosted instance. |

            ## See also

            - [Get-Sample](Get-Sample.md)
            - [Sample service](https://example.test/)
            """;

        private static string Convert(string markdown, out Diagnostics diag, string topic = "about_Sample")
        {
            diag = new Diagnostics();
            return AboutTopicConverter.Convert(markdown, topic, "about_Sample.md", diag);
        }

        private static string[] ConvertLines(string markdown)
        {
            string text = Convert(markdown, out Diagnostics diag);
            Assert.Empty(diag.Messages);
            Assert.NotNull(text);
            return PlainHelpText.Lines(text);
        }

        private static int IndexOf(string[] lines, string line)
        {
            int index = Array.IndexOf(lines, line);
            Assert.True(index >= 0, $"no line '{line}' in:\n{string.Join("\n", lines)}");
            return index;
        }

        [Fact]
        public void The_topic_starts_in_the_classic_layout_with_the_short_description_on_line_5()
        {
            string[] lines = ConvertLines(Page);

            // Get-Help about_* shows line 5 as the synopsis.
            Assert.Equal(new[] { "TOPIC", "    about_Sample", "", "SHORT DESCRIPTION", "    Explains the Sample module.", "", "LONG DESCRIPTION" },
                lines.Take(7));
        }

        [Fact]
        public void Sections_are_in_capitals_at_the_margin_and_subheadings_sit_on_their_indented_text()
        {
            string[] lines = ConvertLines(Page);

            int connecting = IndexOf(lines, "  Connecting");
            Assert.Equal("", lines[connecting - 1]);
            Assert.StartsWith("    Call Connect-Sample", lines[connecting + 1]);
            IndexOf(lines, "SEE ALSO");
            Assert.All(lines.Where(l => l.Length > 0 && !char.IsWhiteSpace(l[0])), l => Assert.Equal(l.ToUpperInvariant(), l));
        }

        [Fact]
        public void Prose_is_wrapped_at_80_columns_indented_and_keeps_every_word()
        {
            string[] lines = ConvertLines(Page);

            int first = IndexOf(lines, lines.First(l => l.StartsWith("    The Sample module talks", StringComparison.Ordinal)));
            var paragraph = lines.Skip(first).TakeWhile(l => l.Length > 0).ToList();
            Assert.True(paragraph.Count >= 4, string.Join("\n", paragraph));
            Assert.All(paragraph, l => Assert.True(l.Length <= 80 && l.StartsWith("    ", StringComparison.Ordinal) && l[4] != ' ', l));
            // Lines are filled: the next word would not have fitted.
            for (int i = 0; i < paragraph.Count - 1; i++)
            {
                Assert.True(paragraph[i].Length + 1 + paragraph[i + 1].Trim().Split(' ')[0].Length > 80, paragraph[i]);
            }
            Assert.Equal(LongParagraph, string.Join(" ", paragraph.Select(l => l.Trim())));
        }

        [Fact]
        public void Code_blocks_are_kept_verbatim_and_indented_never_wrapped()
        {
            string[] lines = ConvertLines(Page);

            int first = IndexOf(lines, "        " + LongCodeLine);
            Assert.True(lines[first].Length > 80);
            Assert.Equal("        foreach ($s in $samples) {", lines[first + 1]);
            Assert.Equal("            $s.Name", lines[first + 2]);
            Assert.Equal("        }", lines[first + 3]);
        }

        [Fact]
        public void Markdown_markers_are_removed_and_links_show_their_address()
        {
            string text = Convert(Page, out _);
            string[] lines = PlainHelpText.Lines(text);

            var paragraph = lines.SkipWhile(l => !l.StartsWith("    Call ", StringComparison.Ordinal)).TakeWhile(l => l.Length > 0);
            Assert.Equal("Call Connect-Sample -Name acme first, then the other cmdlets; see the service (https://example.test/api) and Get-Sample.",
                string.Join(" ", paragraph.Select(l => l.Trim())));
            PlainHelpText.AssertNoMarkdown(text);
        }

        [Fact]
        public void Short_code_spans_are_never_split_across_lines()
        {
            // 12 words put "Select-Object" at the end of the first line and "-First" past column 80.
            string page = Page + "\n\n## Notes\n\n" + string.Concat(Enumerable.Repeat("word ", 12)) + "`Select-Object -First 1` stops early.\n";

            string[] lines = ConvertLines(page);

            Assert.Contains(lines, l => l.Contains("Select-Object -First 1"));
        }

        [Fact]
        public void Lists_get_dashes_or_numbers_with_a_hanging_indent()
        {
            string[] lines = ConvertLines(Page);

            int reads = IndexOf(lines, "    - Reads are retried.");
            Assert.StartsWith("    - Writes are retried only", lines[reads + 1]);
            Assert.StartsWith("      ", lines[reads + 2]);
            Assert.NotEqual(' ', lines[reads + 2][6]);
            int steps = IndexOf(lines, "    1. First step.");
            Assert.Equal("    2. Second step.", lines[steps + 1]);
        }

        [Fact]
        public void A_narrow_table_becomes_aligned_columns_under_dashes()
        {
            string[] lines = ConvertLines(Page);

            int header = IndexOf(lines, "    Status  Code  Meaning");
            Assert.Equal(new[]
            {
                "    Status  Code  Meaning",
                "    ------  ----  -------",
                "    open       1  New",
                "    closed    20  Done",
            }, lines.Skip(header).Take(4));
        }

        [Fact]
        public void A_table_too_wide_for_80_columns_becomes_a_list_of_labelled_values()
        {
            string[] lines = ConvertLines(Page);

            int option = IndexOf(lines, "    Option  : -Name");
            Assert.StartsWith("    Meaning : The account name, such as acme,", lines[option + 1]);
            Assert.StartsWith("              ", lines[option + 2]);
            Assert.All(lines.Skip(option).TakeWhile(l => l.Length > 0), l => Assert.True(l.Length <= 80, l));
        }

        [Fact]
        public void See_also_lists_one_entry_per_line_without_bullets()
        {
            string[] lines = ConvertLines(Page);

            int seeAlso = IndexOf(lines, "SEE ALSO");
            Assert.Equal(new[] { "    Get-Sample", "    Sample service (https://example.test/)" }, lines.Skip(seeAlso + 1));
        }

        [Fact]
        public void No_line_is_wider_than_120_columns_and_only_code_is_wider_than_80()
        {
            string text = Convert(Page, out _);

            PlainHelpText.AssertNoLineWiderThan(120, text);
            Assert.Equal(new[] { "        " + LongCodeLine }, PlainHelpText.Lines(text).Where(l => l.Length > 80));
        }

        [Theory]
        [InlineData("# about_Sample", "# about_Other", "the H1 heading 'about_Other' must be the topic name 'about_Sample'")]
        [InlineData("# about_Sample", "", "no H1 heading with the topic name")]
        [InlineData("## Short description", "## Summary", "missing section '## SHORT DESCRIPTION'")]
        [InlineData("## Long description", "## Details", "missing section '## LONG DESCRIPTION'")]
        [InlineData("Explains the *Sample* module.",
            "Explains the Sample module, which talks to the sample service, in far more words than fit on one line.",
            "must be one paragraph that fits on one line")]
        [InlineData("### Connecting", "<div>Connecting</div>", "raw HTML cannot be shown as help text")]
        [InlineData("    $s.Name", "    $s.Name # " + "a comment that makes this code line far too wide for help text, which never wraps code lines at all, not even here", "code is never wrapped")]
        [InlineData("Reads are retried.", "Reads are retried: https://example.test/" + "a-very-long-address-that-cannot-be-broken-anywhere-because-it-has-no-spaces-in-it-at-all-and-goes-on", "a word is too long for help text")]
        public void A_broken_page_gives_no_text_and_a_message_naming_the_problem(string original, string broken, string expectedMessage)
        {
            Assert.Contains(original, Page);

            string text = Convert(Page.Replace(original, broken), out Diagnostics diag);

            Assert.Null(text);
            Assert.Contains(diag.Messages, m => m.StartsWith("about_Sample.md(", StringComparison.Ordinal) && m.Contains(expectedMessage));
        }

        [Fact]
        public void The_short_description_must_come_first()
        {
            string page = Page.Replace("## Short description\n\nExplains the *Sample* module.\n\n", "")
                .Replace("## See also", "## Short description\n\nExplains the Sample module.\n\n## See also");

            Assert.Null(Convert(page, out Diagnostics diag));
            Assert.Contains(diag.Messages, m => m.Contains("'## SHORT DESCRIPTION' must be the first section"));
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Xunit;

namespace Omnidesk.HelpBuilder.Tests
{
    /// <summary>Checks that help text is plain text Get-Help can show: no Markdown syntax left, no line too wide.</summary>
    internal static class PlainHelpText
    {
        private static readonly (Regex Pattern, string What)[] MarkdownSyntax =
        {
            (new Regex(@"^\s*#{1,6}(\s|$)"), "a heading marker"),
            (new Regex(@"\*\*|__"), "bold markers"),
            (new Regex(@"`"), "a backtick"),
            (new Regex(@"\]\(|\]\["), "a Markdown link"),
            (new Regex(@"^\s*\|.*\|\s*$"), "a pipe-table row"),
            (new Regex(@"^\s*\|?\s*:?-{3,}:?\s*\|"), "a pipe-table separator"),
            (new Regex(@"<!--"), "an HTML comment"),
            (new Regex(@"^\s*>\s"), "a block quote marker"),
            (new Regex(@"^\s*[*+]\s"), "a '*' or '+' list marker"),
        };

        public static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

        /// <summary>
        /// Fails on Markdown syntax in any line of <paramref name="text"/> except the code lines of <paramref name="markdownSource"/>,
        /// which are kept verbatim (a PowerShell line may end in a backtick).
        /// </summary>
        public static void AssertNoMarkdown(string text, string markdownSource = null)
        {
            var code = new HashSet<string>(markdownSource == null ? Enumerable.Empty<string>() : CodeLines(markdownSource));
            string[] lines = Lines(text);
            for (int i = 0; i < lines.Length; i++)
            {
                if (code.Contains(lines[i].Trim())) continue;
                foreach (var (pattern, what) in MarkdownSyntax)
                {
                    Assert.False(pattern.IsMatch(lines[i]), $"line {i + 1} has {what}: '{lines[i]}'");
                }
            }
        }

        private static IEnumerable<string> CodeLines(string markdown) =>
            Markdown.Parse(markdown).Descendants<CodeBlock>()
                .SelectMany(block => block.Lines.Lines.Take(block.Lines.Count).Select(line => line.Slice.ToString().Trim()))
                .Where(line => line.Length > 0);

        public static void AssertNoLineWiderThan(int width, string text)
        {
            string[] lines = Lines(text);
            for (int i = 0; i < lines.Length; i++)
            {
                Assert.True(lines[i].Length <= width, $"line {i + 1} is {lines[i].Length} columns wide (at most {width}): '{lines[i]}'");
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace Omnidesk.HelpBuilder
{
    /// <summary>
    /// Converts an about topic written in Markdown (docs/about_*.md) into the plain text Get-Help shows
    /// (en-US/about_*.help.txt), in the classic layout:
    /// <code>
    /// TOPIC
    ///     about_Name
    ///
    /// SHORT DESCRIPTION
    ///     One line.
    ///
    /// LONG DESCRIPTION
    ///     Paragraphs, indented and wrapped at 80 columns.
    ///
    ///   Subheading
    ///     - list items
    ///         code, verbatim
    /// </code>
    /// The page is "# about_Name", then "## " sections (SHORT DESCRIPTION first, LONG DESCRIPTION, then any others such as
    /// SEE ALSO), with "### " subheadings inside them. Problems are reported through <see cref="Diagnostics"/>; a page
    /// with errors gives no text.
    /// </summary>
    internal sealed class AboutTopicConverter
    {
        /// <summary>Prose is wrapped to this many columns, the width of classic help text.</summary>
        public const int WrapWidth = 80;

        /// <summary>No line may be wider: code is never wrapped, and a page whose code or single words need more fails.</summary>
        public const int MaxLineWidth = 120;

        public const string ShortDescription = "SHORT DESCRIPTION";
        public const string LongDescription = "LONG DESCRIPTION";
        private const string SeeAlso = "SEE ALSO";

        private const int TextIndent = 4;
        private const int SubheadingOutdent = 2;
        private const int CodeIndent = 4;
        private const int TabSize = 4;

        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();

        private readonly string _displayPath;
        private readonly Diagnostics _diag;
        private readonly int _errorsAtStart;
        private bool _listsWithoutMarkers;

        private AboutTopicConverter(string displayPath, Diagnostics diag)
        {
            _displayPath = displayPath;
            _diag = diag;
            _errorsAtStart = diag.ErrorCount;
        }

        /// <summary>The help text for the page at <paramref name="path"/>, whose file name gives the topic name; null when the page has errors.</summary>
        public static string ConvertFile(string path, string displayPath, Diagnostics diag) =>
            Convert(File.ReadAllText(path), TopicName(path), displayPath, diag);

        /// <summary>The help text, lines separated by "\n"; null when the page has errors.</summary>
        public static string Convert(string markdown, string topicName, string displayPath, Diagnostics diag)
        {
            var converter = new AboutTopicConverter(displayPath, diag);
            List<string> lines = converter.Render(markdown.Replace("\r\n", "\n"), topicName);
            return converter.HasErrors ? null : string.Join("\n", lines).Replace(MarkdownText.NoBreakSpace, ' ') + "\n";
        }

        /// <summary>about_Name.md gives about_Name.</summary>
        public static string TopicName(string path) => Path.GetFileNameWithoutExtension(path);

        /// <summary>Writes through a temporary file so a failed run never leaves a truncated topic behind.</summary>
        public static void Save(string text, string path)
        {
            string dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            string temp = path + ".tmp";
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            File.Move(temp, path, overwrite: true);
        }

        // ---------------------------------------------------------------- page structure

        private List<string> Render(string source, string topicName)
        {
            MarkdownDocument doc = Markdown.Parse(source, Pipeline);
            HeadingBlock title = null;
            var sections = new List<Section>();
            foreach (Block block in doc)
            {
                if (block is YamlFrontMatterBlock || block is LinkReferenceDefinitionGroup || IsHtmlComment(block)) continue;
                if (block is HeadingBlock { Level: 1 } h1)
                {
                    if (title != null) Error(h1, "a second H1 heading (an about topic has one: '# about_Name')");
                    else title = h1;
                    continue;
                }
                if (block is HeadingBlock { Level: 2 } h2)
                {
                    sections.Add(new Section { Title = Text(h2), Heading = h2 });
                    continue;
                }
                if (sections.Count == 0)
                {
                    Error(block, "text outside a '## ' section: the text of an about topic goes under '## SHORT DESCRIPTION', '## LONG DESCRIPTION' and the like");
                    continue;
                }
                sections[^1].Blocks.Add(block);
            }

            if (title == null) Error(1, $"no H1 heading with the topic name ('# {topicName}')");
            else if (Text(title) != topicName) Error(title, $"the H1 heading '{Text(title)}' must be the topic name '{topicName}', as the file name says");
            CheckSections(sections);

            var lines = new List<string> { "TOPIC", Spaces(TextIndent) + topicName };
            foreach (Section section in sections)
            {
                lines.Add("");
                lines.Add(section.Title.ToUpperInvariant());
                // Classic help lists SEE ALSO entries one per line, without bullets.
                _listsWithoutMarkers = Same(section.Title, SeeAlso);
                lines.AddRange(RenderBlocks(section.Blocks, TextIndent, blankLineBetween: true));
            }
            _listsWithoutMarkers = false;

            int firstLine = lines.FindIndex(l => l.Length > MaxLineWidth);
            if (firstLine >= 0 && !HasErrors)
            {
                // Blocks check their own lines against their source line; this catches the rest (a very long section title).
                Error(1, $"line {firstLine + 1} of the help text is {lines[firstLine].Length} columns wide (at most {MaxLineWidth})");
            }
            return lines;
        }

        private void CheckSections(List<Section> sections)
        {
            foreach (var dup in sections.GroupBy(s => s.Title, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                Error(dup.Skip(1).First().Heading, $"section '## {dup.Key}' appears more than once");
            }
            foreach (Section empty in sections.Where(s => s.Blocks.Count == 0))
            {
                Error(empty.Heading, $"section '## {empty.Title}' is empty");
            }

            Section shortDescription = sections.FirstOrDefault(s => Same(s.Title, ShortDescription));
            if (shortDescription == null) Error(1, $"missing section '## {ShortDescription}'");
            else if (sections[0] != shortDescription) Error(shortDescription.Heading, $"'## {ShortDescription}' must be the first section");
            else if (shortDescription.Blocks.Count > 0
                && (shortDescription.Blocks.Count != 1 || !(shortDescription.Blocks[0] is ParagraphBlock paragraph)
                    || TextIndent + Text(paragraph).Length > WrapWidth || Text(paragraph).Contains('\n')))
            {
                // Get-Help about_* shows line 5 of the file as the topic's synopsis: TOPIC, the name, a blank line, the heading, then this.
                Error(shortDescription.Heading, $"'## {ShortDescription}' must be one paragraph that fits on one line ({WrapWidth - TextIndent} characters): Get-Help shows that line as the synopsis");
            }
            if (!sections.Any(s => Same(s.Title, LongDescription))) Error(1, $"missing section '## {LongDescription}'");
        }

        // ---------------------------------------------------------------- blocks

        private List<string> RenderBlocks(IEnumerable<Block> blocks, int indent, bool blankLineBetween)
        {
            var lines = new List<string>();
            bool afterSubheading = false;
            foreach (Block block in blocks)
            {
                List<string> part = RenderBlock(block, indent);
                if (part.Count == 0) continue;
                // A subheading sits directly on its text, as in classic help.
                if (lines.Count > 0 && blankLineBetween && !afterSubheading) lines.Add("");
                lines.AddRange(part);
                afterSubheading = block is HeadingBlock;
            }
            return lines;
        }

        private List<string> RenderBlock(Block block, int indent)
        {
            switch (block)
            {
                case HeadingBlock heading when heading.Level >= 3:
                    return Checked(block, TextWrapper.Wrap(Text(heading), Spaces(Math.Max(0, indent - SubheadingOutdent)), WrapWidth));
                case HeadingBlock heading:
                    Error(block, $"an H{heading.Level} heading inside a list or quote; sections are '## ' headings at the top level");
                    return new List<string>();
                case ParagraphBlock paragraph:
                    // A hard line break in the source (two trailing spaces or a backslash) starts a new line here too.
                    return Checked(block, Text(paragraph).Split('\n').SelectMany(line => TextWrapper.Wrap(line, Spaces(indent), WrapWidth)).ToList());
                case CodeBlock code:
                    return RenderCode(code, indent);
                case ListBlock list:
                    return RenderList(list, indent);
                case Table table:
                    return RenderTable(table, indent);
                case QuoteBlock quote:
                    return RenderBlocks(quote, indent + TextIndent, blankLineBetween: true);
                case ThematicBreakBlock:
                case LinkReferenceDefinitionGroup:
                    return new List<string>();
                case HtmlBlock when IsHtmlComment(block):
                    return new List<string>();
                case HtmlBlock:
                    Error(block, "raw HTML cannot be shown as help text; write it in Markdown");
                    return new List<string>();
                default:
                    Error(block, $"a {block.GetType().Name} cannot be converted to help text");
                    return new List<string>();
            }
        }

        private List<string> RenderCode(CodeBlock code, int indent)
        {
            var lines = code.Lines.Lines.Take(code.Lines.Count).Select(l => ExpandTabs(l.Slice.ToString()).TrimEnd()).ToList();
            while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
            while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
            string prefix = Spaces(indent + CodeIndent);
            var result = lines.Select(l => l.Length == 0 ? "" : prefix + l).ToList();
            int firstSourceLine = code.Line + 1 + (code is FencedCodeBlock ? 1 : 0);
            for (int i = 0; i < result.Count; i++)
            {
                if (result[i].Length > MaxLineWidth)
                {
                    Error(firstSourceLine + i, $"this code line is {result[i].Length} columns wide as help text (at most {MaxLineWidth}, " +
                        $"{MaxLineWidth - prefix.Length} in the source); code is never wrapped, so break it in the source");
                }
            }
            return result;
        }

        private List<string> RenderList(ListBlock list, int indent)
        {
            var items = list.OfType<ListItemBlock>().ToList();
            int number = list.IsOrdered && int.TryParse(list.OrderedStart, out int start) ? start : 1;
            var markers = items.Select(_ => _listsWithoutMarkers ? "" : list.IsOrdered ? $"{number++}." : "-").ToList();
            // All items' text starts in one column, also when the numbers grow from 9. to 10.
            int markerWidth = _listsWithoutMarkers ? 0 : markers.Max(m => m.Length) + 1;
            int textIndent = indent + markerWidth;

            var lines = new List<string>();
            for (int i = 0; i < items.Count; i++)
            {
                List<string> itemLines = RenderBlocks(items[i], textIndent, blankLineBetween: list.IsLoose);
                if (itemLines.Count == 0) continue;
                if (list.IsLoose && lines.Count > 0) lines.Add("");
                string marker = Spaces(indent) + markers[i].PadRight(markerWidth);
                if (itemLines[0].StartsWith(Spaces(textIndent), StringComparison.Ordinal))
                {
                    itemLines[0] = string.Concat(marker, itemLines[0].AsSpan(textIndent));
                }
                else if (markers[i].Length > 0) itemLines.Insert(0, marker.TrimEnd());
                lines.AddRange(itemLines);
            }
            return lines;
        }

        private List<string> RenderTable(Table table, int indent)
        {
            var rows = table.OfType<TableRow>().ToList();
            if (rows.Count == 0) return new List<string>();
            TableRow headerRow = rows.FirstOrDefault(r => r.IsHeader) ?? rows[0];
            int columns = rows.Max(r => r.Count);
            List<string> header = CellTexts(headerRow, columns);
            var body = rows.Where(r => r != headerRow).Select(r => (IReadOnlyList<string>)CellTexts(r, columns)).ToList();
            var alignments = Enumerable.Range(0, columns).Select(c => c < table.ColumnDefinitions.Count
                ? table.ColumnDefinitions[c].Alignment switch
                {
                    TableColumnAlign.Right => ColumnAlignment.Right,
                    TableColumnAlign.Center => ColumnAlignment.Center,
                    _ => ColumnAlignment.Left,
                }
                : ColumnAlignment.Left).ToList();
            string prefix = Spaces(indent);
            return Checked(table, TextTable.Aligned(header, body, alignments, prefix, WrapWidth)
                ?? TextTable.Records(header, body, prefix, WrapWidth));
        }

        private static List<string> CellTexts(TableRow row, int columns)
        {
            var cells = row.OfType<TableCell>()
                .Select(cell => string.Join(" ", cell.OfType<LeafBlock>().Select(Text)))
                .Select(text => string.Join(" ", text.Split((char[])null, StringSplitOptions.RemoveEmptyEntries)))
                .ToList();
            while (cells.Count < columns) cells.Add("");
            return cells;
        }

        // ---------------------------------------------------------------- helpers

        /// <summary>Reports the first line of <paramref name="lines"/> wider than <see cref="MaxLineWidth"/> at the block's source line.</summary>
        private List<string> Checked(Block block, List<string> lines)
        {
            string wide = lines.FirstOrDefault(l => l.Length > MaxLineWidth);
            if (wide != null)
            {
                Error(block, $"a word is too long for help text: a line would be {wide.Length} columns wide (at most {MaxLineWidth}): '{wide.Trim()}'");
            }
            return lines;
        }

        private bool HasErrors => _diag.ErrorCount > _errorsAtStart;

        private static string Text(LeafBlock block) => MarkdownText.InlineText(block.Inline, unbrokenCodeSpans: true).Trim();

        private static bool IsHtmlComment(Block block) => block is HtmlBlock { Type: HtmlBlockType.Comment };

        private static string Spaces(int count) => new string(' ', count);

        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        private static string ExpandTabs(string line)
        {
            if (!line.Contains('\t')) return line;
            var sb = new StringBuilder();
            foreach (char c in line)
            {
                if (c == '\t') sb.Append(' ', TabSize - sb.Length % TabSize);
                else sb.Append(c);
            }
            return sb.ToString();
        }

        private void Error(Block block, string message) => Error(block.Line + 1, message);

        private void Error(int line, string message) => _diag.Error(_displayPath, line, message);

        private sealed class Section
        {
            public string Title;
            public HeadingBlock Heading;
            public readonly List<Block> Blocks = new();
        }
    }
}

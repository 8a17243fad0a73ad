using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Omnidesk.HelpBuilder
{
    /// <summary>
    /// Reads one platyPS schema 2.0.0 cmdlet page into a <see cref="CommandHelp"/> and validates it.
    /// Problems are reported through <see cref="Diagnostics"/>; the page is unusable when any error was reported.
    /// </summary>
    internal sealed class MarkdownHelpReader
    {
        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

        private static readonly string[] KnownSections =
        {
            "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
        };

        /// <summary>Common parameters: never documented per cmdlet, never in MAML (Get-Help adds [&lt;CommonParameters&gt;]).</summary>
        private static readonly HashSet<string> CommonParameterNames = new(StringComparer.OrdinalIgnoreCase)
        {
            "Debug", "ErrorAction", "ErrorVariable", "InformationAction", "InformationVariable", "OutBuffer", "OutVariable",
            "PipelineVariable", "ProgressAction", "Verbose", "WarningAction", "WarningVariable", "WhatIf", "Confirm",
        };

        private static readonly Regex Placeholder = new(@"\{\{.*?\}\}", RegexOptions.Compiled);
        private static readonly Regex PromptPrefix = new(@"^(PS [A-Za-z]:\\[^>]*> ?|PS> ?|PS > ?|>> ?)", RegexOptions.Compiled);
        private static readonly Regex PipelineInputForm = new(
            @"^(?:False|True(?:\s*\((?<kinds>[^)]*)\))?)$", RegexOptions.Compiled | RegexOptions.IgnoreCase);
        /// <summary>Where the array or generic part of a type name starts: String[], List`1.</summary>
        private static readonly SearchValues<char> TypeSuffixStart = SearchValues.Create("[`");

        private readonly string _path;
        private readonly string _displayPath;
        private readonly string _source;
        private readonly Diagnostics _diag;
        private int _errorsAtStart;

        private MarkdownHelpReader(string path, string displayPath, string source, Diagnostics diag)
        {
            _path = path;
            _displayPath = displayPath;
            _source = source;
            _diag = diag;
        }

        /// <summary>
        /// Returns null with <paramref name="isCmdletPage"/> false for pages without the platyPS front matter
        /// (about_ topics, other documentation), and null with it true when the page has errors.
        /// </summary>
        public static CommandHelp Read(string path, string displayPath, Diagnostics diag, out bool isCmdletPage)
        {
            string source = File.ReadAllText(path).Replace("\r\n", "\n");
            var reader = new MarkdownHelpReader(path, displayPath, source, diag);
            return reader.Read(out isCmdletPage);
        }

        private CommandHelp Read(out bool isCmdletPage)
        {
            MarkdownDocument doc = Markdown.Parse(_source, Pipeline);
            var frontMatter = doc.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
            Dictionary<string, string> fm = frontMatter == null ? new() : ParseKeyValues(frontMatter.Lines.ToString(), out _);
            isCmdletPage = fm.ContainsKey("external help file");
            if (!isCmdletPage) return null;

            _errorsAtStart = _diag.ErrorCount;
            var help = new CommandHelp { SourceFile = _path };
            fm.TryGetValue("online version", out string online);
            help.OnlineVersion = string.IsNullOrWhiteSpace(online) ? null : online.Trim();
            if (fm.TryGetValue("schema", out string schema) && schema.Trim() != "2.0.0")
            {
                Error(1, $"front matter 'schema: {schema.Trim()}' is not supported (expected 2.0.0)");
            }

            // Split the document: H1, then H2 sections each with body blocks and H3 subsections.
            HeadingBlock h1 = null;
            var sections = new List<Section>();
            Section current = null;
            foreach (Block block in doc)
            {
                if (block is YamlFrontMatterBlock) continue;
                if (block is HeadingBlock h)
                {
                    if (h.Level == 1)
                    {
                        if (h1 != null) { Error(h, $"a second H1 heading '# {MarkdownText.InlineText(h.Inline)}' (one cmdlet per page)"); }
                        else h1 = h;
                        current = null;
                        continue;
                    }
                    if (h.Level == 2)
                    {
                        current = new Section { Title = MarkdownText.InlineText(h.Inline).Trim(), Heading = h };
                        sections.Add(current);
                        continue;
                    }
                    if (h.Level == 3 && current != null)
                    {
                        current.Subsections.Add(new Subsection { Title = MarkdownText.InlineText(h.Inline).Trim(), Heading = h });
                        continue;
                    }
                }
                if (current == null)
                {
                    if (h1 != null && !(block is ThematicBreakBlock) && !(block is LinkReferenceDefinitionGroup))
                    {
                        Error(block, "content between the H1 heading and the first '## ' section");
                    }
                    continue;
                }
                if (current.Subsections.Count > 0) current.Subsections[^1].Blocks.Add(block);
                else current.Blocks.Add(block);
            }

            if (h1 == null)
            {
                Error(1, "no H1 heading with the cmdlet name ('# Verb-Noun')");
                return null;
            }
            help.Name = MarkdownText.InlineText(h1.Inline).Trim();
            int dash = help.Name.IndexOf('-');
            if (dash <= 0 || dash == help.Name.Length - 1 || help.Name.Any(char.IsWhiteSpace))
            {
                Error(h1, $"the H1 heading '{help.Name}' is not a Verb-Noun cmdlet name");
                return null;
            }
            help.Verb = help.Name.Substring(0, dash);
            help.Noun = help.Name.Substring(dash + 1);
            string expectedFile = help.Name + ".md";
            if (!string.Equals(Path.GetFileName(_path), expectedFile, StringComparison.OrdinalIgnoreCase))
            {
                Error(h1, $"the page for {help.Name} must be named {expectedFile}");
            }

            foreach (var dup in sections.GroupBy(s => s.Title, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                Error(dup.Skip(1).First().Heading, $"section '## {dup.Key}' appears more than once");
            }
            foreach (Section s in sections.Where(s => !KnownSections.Contains(s.Title, StringComparer.OrdinalIgnoreCase)))
            {
                Error(s.Heading, $"unknown section '## {s.Title}' (expected one of: {string.Join(", ", KnownSections)})");
            }

            Section Get(string title) => sections.FirstOrDefault(s => string.Equals(s.Title, title, StringComparison.OrdinalIgnoreCase));

            ReadSynopsis(help, Get("SYNOPSIS"));
            ReadDescription(help, Get("DESCRIPTION"));
            ReadExamples(help, Get("EXAMPLES"));
            ReadParameters(help, Get("PARAMETERS"));
            ReadSyntax(help, Get("SYNTAX"));
            CrossCheck(help);
            ReadTypes(help.Inputs, Get("INPUTS"));
            ReadTypes(help.Outputs, Get("OUTPUTS"));
            if (Get("NOTES") is Section notes) help.Notes.AddRange(Paragraphs(notes.AllBlocksWithHeadings()));
            ReadLinks(help, Get("RELATED LINKS"));

            foreach (Match m in Placeholder.Matches(_source))
            {
                Error(LineOf(m.Index), $"unfilled platyPS placeholder '{m.Value}'");
            }

            return _diag.ErrorCount == _errorsAtStart ? help : null;
        }

        // ---------------------------------------------------------------- sections

        private void ReadSynopsis(CommandHelp help, Section section)
        {
            if (section == null) { Error(1, "missing section '## SYNOPSIS'"); return; }
            help.Synopsis.AddRange(Paragraphs(section.AllBlocksWithHeadings()));
            if (help.Synopsis.All(string.IsNullOrWhiteSpace)) Error(section.Heading, "the SYNOPSIS section is empty");
        }

        private void ReadDescription(CommandHelp help, Section section)
        {
            if (section == null) { Error(1, "missing section '## DESCRIPTION'"); return; }
            help.Description.AddRange(Paragraphs(section.AllBlocksWithHeadings()));
            if (help.Description.All(string.IsNullOrWhiteSpace)) Error(section.Heading, "the DESCRIPTION section is empty");
        }

        private void ReadExamples(CommandHelp help, Section section)
        {
            if (section == null) { Error(1, "missing section '## EXAMPLES' (at least 2 examples are required)"); return; }
            if (section.Blocks.Count > 0) Error(section.Blocks[0], "text in EXAMPLES before the first '### Example N: title' heading");
            foreach (Subsection sub in section.Subsections)
            {
                var example = new ExampleHelp { Title = sub.Title };
                foreach (Block block in sub.Blocks)
                {
                    if (example.Code == null && block is CodeBlock code)
                    {
                        example.Code = StripPrompt(CodeText(code));
                        continue;
                    }
                    example.Remarks.AddRange(Paragraphs(new[] { block }));
                }
                if (string.IsNullOrWhiteSpace(example.Code))
                {
                    Error(sub.Heading, $"example '{sub.Title}' has no code block");
                }
                help.Examples.Add(example);
            }
            if (help.Examples.Count < 2)
            {
                Error(section.Heading, $"EXAMPLES has {help.Examples.Count} example(s); at least 2 '### Example N: title' subsections with a code block are required");
            }
        }

        private void ReadSyntax(CommandHelp help, Section section)
        {
            if (section == null) { Error(1, "missing section '## SYNTAX'"); return; }
            if (section.Subsections.Count == 0)
            {
                Error(section.Heading, "SYNTAX has no '### ParameterSetName' subsection with a code block");
                return;
            }
            foreach (Subsection sub in section.Subsections)
            {
                string name = sub.Title;
                bool isDefault = false;
                const string defaultSuffix = "(Default)";
                if (name.EndsWith(defaultSuffix, StringComparison.OrdinalIgnoreCase))
                {
                    isDefault = true;
                    name = name.Substring(0, name.Length - defaultSuffix.Length).Trim();
                }
                var set = new SyntaxSet { Name = name, IsDefault = isDefault, Line = sub.Heading.Line + 1 };
                var codes = sub.Blocks.OfType<CodeBlock>().ToList();
                if (codes.Count != 1)
                {
                    Error(sub.Heading, $"syntax set '{name}' must have exactly one code block with the syntax line (found {codes.Count})");
                    continue;
                }
                try
                {
                    set.Parameters.AddRange(SyntaxParser.Parse(help.Name, CodeText(codes[0]), out _)
                        .Where(p => !CommonParameterNames.Contains(p.Name) || help.Parameters.Any(q => Same(q.Name, p.Name))));
                }
                catch (FormatException ex)
                {
                    Error(codes[0], $"syntax set '{name}': {ex.Message}");
                    continue;
                }
                if (help.Syntax.Any(s => Same(s.Name, name)))
                {
                    Error(sub.Heading, $"syntax set '{name}' appears more than once");
                    continue;
                }
                help.Syntax.Add(set);
            }
            if (help.Syntax.Count(s => s.IsDefault) > 1)
            {
                Error(section.Heading, "more than one syntax set is marked (Default)");
            }
        }

        private void ReadParameters(CommandHelp help, Section section)
        {
            if (section == null) { Error(1, "missing section '## PARAMETERS'"); return; }
            if (section.Blocks.Any(b => !(b is ThematicBreakBlock)))
            {
                Error(section.Blocks[0], "text in PARAMETERS before the first '### -Name' heading");
            }
            foreach (Subsection sub in section.Subsections)
            {
                if (Same(sub.Title, "CommonParameters")) continue;
                if (!sub.Title.StartsWith('-') || sub.Title.Length < 2 || sub.Title.Skip(1).Any(c => !(char.IsLetterOrDigit(c) || c == '_')))
                {
                    Error(sub.Heading, $"parameter heading '### {sub.Title}' must be '### -Name' (or '### CommonParameters')");
                    continue;
                }
                var p = new ParameterHelp { Name = sub.Title.Substring(1), Line = sub.Heading.Line + 1 };
                if (CommonParameterNames.Contains(p.Name) && !Same(p.Name, "WhatIf") && !Same(p.Name, "Confirm"))
                {
                    continue; // e.g. -ProgressAction, which some platyPS versions write: a common parameter.
                }
                if (help.Parameters.Any(q => Same(q.Name, p.Name)))
                {
                    Error(sub.Heading, $"parameter -{p.Name} is documented more than once");
                    continue;
                }
                var prose = new List<Block>();
                foreach (Block block in sub.Blocks)
                {
                    if (block is FencedCodeBlock fenced && string.Equals(fenced.Info?.Trim(), "yaml", StringComparison.OrdinalIgnoreCase))
                    {
                        ParameterMetadata meta = ReadMetadata(p, fenced);
                        if (meta != null) p.Metadata.Add(meta);
                    }
                    else prose.Add(block);
                }
                p.Description.AddRange(Paragraphs(prose));
                if (p.Description.All(string.IsNullOrWhiteSpace)) Error(sub.Heading, $"parameter -{p.Name} has no description");
                if (p.Metadata.Count == 0 && sub.Blocks.OfType<FencedCodeBlock>().All(f => !string.Equals(f.Info?.Trim(), "yaml", StringComparison.OrdinalIgnoreCase)))
                {
                    Error(sub.Heading, $"parameter -{p.Name} has no ```yaml block (Type, Parameter Sets, Aliases, Required, Position, ...)");
                }
                help.Parameters.Add(p);
            }
        }

        private ParameterMetadata ReadMetadata(ParameterHelp p, FencedCodeBlock block)
        {
            int line = block.Line + 1;
            Dictionary<string, string> kv = ParseKeyValues(CodeText(block), out List<string> bad);
            foreach (string b in bad) Error(line, $"parameter -{p.Name}: cannot read yaml line '{b}' (expected 'Key: value')");
            var meta = new ParameterMetadata { Line = line };
            bool ok = true;

            string Require(string key)
            {
                if (kv.TryGetValue(key, out string v) && !string.IsNullOrWhiteSpace(v)) return v.Trim();
                Error(line, $"parameter -{p.Name}: the yaml block has no '{key}:' value");
                ok = false;
                return null;
            }
            string Optional(string key) => kv.TryGetValue(key, out string v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            bool? Bool(string key, string value)
            {
                if (value == null) return null;
                if (bool.TryParse(value, out bool b)) return b;
                Error(line, $"parameter -{p.Name}: '{key}: {value}' must be True or False");
                ok = false;
                return null;
            }

            meta.Type = Require("Type");
            string sets = Require("Parameter Sets");
            if (sets != null)
            {
                if (Same(sets, "(All)")) meta.AllSets = true;
                else meta.ParameterSets.AddRange(SplitList(sets));
            }
            meta.Aliases.AddRange(SplitList(Optional("Aliases")));
            meta.AcceptedValues.AddRange(SplitList(Optional("Accepted values")));
            meta.Required = Bool("Required", Require("Required")) ?? false;
            string position = Require("Position");
            if (position != null)
            {
                if (Same(position, "Named")) meta.Position = "named";
                else if (int.TryParse(position, out int n) && n >= 0) meta.Position = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                else { Error(line, $"parameter -{p.Name}: 'Position: {position}' must be Named or a number"); ok = false; }
            }
            meta.DefaultValue = Optional("Default value") ?? "None";
            meta.Globbing = Bool("Accept wildcard characters", Optional("Accept wildcard characters")) ?? false;
            string pipeline = Optional("Accept pipeline input") ?? "False";
            meta.PipelineInput = NormalizePipelineInput(pipeline);
            if (meta.PipelineInput == null)
            {
                Error(line, $"parameter -{p.Name}: 'Accept pipeline input: {pipeline}' must be False, True (ByValue), True (ByPropertyName) or True (ByValue, ByPropertyName)");
                ok = false;
            }
            var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "Type", "Parameter Sets", "Aliases", "Accepted values", "Required", "Position", "Default value",
                "Accept pipeline input", "Accept wildcard characters", "Applicable", "DontShow",
            };
            foreach (string key in kv.Keys.Where(k => !known.Contains(k)))
            {
                Error(line, $"parameter -{p.Name}: unknown yaml key '{key}'");
                ok = false;
            }
            return ok ? meta : null;
        }

        private static string NormalizePipelineInput(string value)
        {
            Match m = PipelineInputForm.Match(value.Trim());
            if (!m.Success) return null;
            if (value.Trim().StartsWith("False", StringComparison.OrdinalIgnoreCase)) return "False";
            if (!m.Groups["kinds"].Success) return null; // bare "True" is ambiguous
            bool byValue = false, byName = false;
            foreach (string kind in m.Groups["kinds"].Value.Split(',').Select(k => k.Trim()).Where(k => k.Length > 0))
            {
                if (Same(kind, "ByValue")) byValue = true;
                else if (Same(kind, "ByPropertyName")) byName = true;
                else return null;
            }
            if (byValue && byName) return "True (ByValue, ByPropertyName)";
            if (byValue) return "True (ByValue)";
            if (byName) return "True (ByPropertyName)";
            return null;
        }

        /// <summary>SYNTAX ↔ PARAMETERS: every parameter in a syntax line is documented, and every documented one is in a syntax line, consistently.</summary>
        private void CrossCheck(CommandHelp help)
        {
            if (help.Syntax.Count == 0) return;
            foreach (SyntaxSet set in help.Syntax)
            {
                foreach (SyntaxParameter sp in set.Parameters)
                {
                    ParameterHelp p = help.Parameters.FirstOrDefault(q => Same(q.Name, sp.Name));
                    if (p == null)
                    {
                        Error(set.Line, $"SYNTAX set '{set.Name}' lists -{sp.Name}, which has no '### -{sp.Name}' section under PARAMETERS");
                        continue;
                    }
                    if (p.Metadata.Count == 0) continue; // already reported
                    var matching = p.Metadata.Where(m => m.AppliesTo(set.Name)).ToList();
                    if (matching.Count == 0)
                    {
                        Error(p.Line, $"parameter -{p.Name} is in SYNTAX set '{set.Name}' but no yaml block of it lists 'Parameter Sets: {set.Name}' (or (All))");
                        continue;
                    }
                    if (matching.Count > 1)
                    {
                        Error(matching[1].Line, $"parameter -{p.Name} has more than one yaml block for parameter set '{set.Name}'");
                        continue;
                    }
                    ParameterMetadata meta = matching[0];
                    if (meta.Required != sp.Required)
                    {
                        Error(meta.Line, $"parameter -{p.Name}: the yaml says 'Required: {meta.Required}' but SYNTAX set '{set.Name}' shows it as {(sp.Required ? "mandatory" : "optional")}");
                    }
                    bool positional = meta.Position != "named";
                    if (positional != sp.Positional)
                    {
                        Error(meta.Line, $"parameter -{p.Name}: the yaml says 'Position: {meta.Position}' but SYNTAX set '{set.Name}' shows it as {(sp.Positional ? "positional ([-Name] <Type>)" : "named")}");
                    }
                    if (meta.IsSwitch != (sp.TypeText == null))
                    {
                        Error(meta.Line, $"parameter -{p.Name}: the yaml says 'Type: {meta.Type}' but SYNTAX set '{set.Name}' shows it {(sp.TypeText == null ? "as a switch (no <Type>)" : $"with a value <{sp.TypeText}>")}");
                    }
                    else if (sp.TypeText != null && !sp.TypeText.StartsWith('{') && !SameType(sp.TypeText, meta.Type))
                    {
                        Error(meta.Line, $"parameter -{p.Name}: the yaml says 'Type: {meta.Type}' but SYNTAX set '{set.Name}' shows <{sp.TypeText}>");
                    }
                }
                var positions = set.Parameters
                    .Select(sp => help.Parameters.FirstOrDefault(q => Same(q.Name, sp.Name))?.Metadata.FirstOrDefault(m => m.AppliesTo(set.Name)))
                    .Where(m => m != null && m.Position != "named")
                    .GroupBy(m => m.Position)
                    .FirstOrDefault(g => g.Count() > 1);
                if (positions != null)
                {
                    Error(set.Line, $"SYNTAX set '{set.Name}' has more than one parameter at position {positions.Key}");
                }
            }

            foreach (ParameterHelp p in help.Parameters)
            {
                var sets = help.Syntax.Where(s => s.Parameters.Any(sp => Same(sp.Name, p.Name))).ToList();
                if (sets.Count == 0)
                {
                    Error(p.Line, $"parameter -{p.Name} is documented under PARAMETERS but does not appear in any SYNTAX set");
                    continue;
                }
                foreach (ParameterMetadata meta in p.Metadata)
                {
                    IEnumerable<string> declared = meta.AllSets ? help.Syntax.Select(s => s.Name) : meta.ParameterSets;
                    foreach (string setName in declared)
                    {
                        SyntaxSet set = help.Syntax.FirstOrDefault(s => Same(s.Name, setName));
                        if (set == null)
                        {
                            Error(meta.Line, $"parameter -{p.Name}: 'Parameter Sets' names '{setName}', which is not a '### {setName}' set under SYNTAX");
                        }
                        else if (!sets.Contains(set))
                        {
                            Error(meta.Line, $"parameter -{p.Name}: 'Parameter Sets' names '{setName}' but the syntax line of that set does not list -{p.Name}");
                        }
                    }
                }
            }
        }

        private static bool SameType(string syntaxType, string yamlType)
        {
            static string Norm(string t)
            {
                t = t.Replace(" ", "");
                int cut = t.AsSpan().IndexOfAny(TypeSuffixStart);
                string head = cut < 0 ? t : t.Substring(0, cut), tail = cut < 0 ? "" : t.Substring(cut);
                int dot = head.LastIndexOf('.');
                return (dot >= 0 ? head.Substring(dot + 1) : head) + tail;
            }
            return string.Equals(Norm(syntaxType), Norm(yamlType), StringComparison.OrdinalIgnoreCase);
        }

        private void ReadTypes(List<TypeHelp> target, Section section)
        {
            if (section == null) return;
            foreach (string p in Paragraphs(section.Blocks))
            {
                // Text without an H3: treat each paragraph as a type name (platyPS writes "### None").
                target.Add(new TypeHelp { TypeName = p.Trim() });
            }
            foreach (Subsection sub in section.Subsections)
            {
                var t = new TypeHelp { TypeName = sub.Title };
                t.Description.AddRange(Paragraphs(sub.Blocks));
                target.Add(t);
            }
        }

        private static void ReadLinks(CommandHelp help, Section section)
        {
            if (help.OnlineVersion != null) help.Links.Add(new LinkHelp { Text = "Online Version:", Uri = help.OnlineVersion });
            if (section == null) return;
            foreach (Block block in section.AllBlocks())
            {
                if (block is LeafBlock leaf && leaf.Inline != null)
                {
                    AddLinks(help, leaf.Inline);
                }
                else if (block is ContainerBlock container)
                {
                    foreach (LeafBlock inner in container.Descendants<LeafBlock>().Where(l => l.Inline != null)) AddLinks(help, inner.Inline);
                }
            }
        }

        private static void AddLinks(CommandHelp help, ContainerInline inline)
        {
            foreach (Inline i in inline.Descendants<Inline>())
            {
                string text, url;
                if (i is LinkInline link && !link.IsImage)
                {
                    url = link.Url ?? "";
                    var sb = new StringBuilder();
                    foreach (Inline child in link) MarkdownText.AppendInline(sb, child);
                    text = sb.ToString().Trim();
                }
                else if (i is AutolinkInline auto)
                {
                    url = auto.Url;
                    text = auto.Url;
                }
                else continue;
                // Links to sibling pages (Get-Foo.md, about_Foo.md) are by name only: Get-Help resolves those.
                bool external = Uri.TryCreate(url, UriKind.Absolute, out Uri u) && (u.Scheme == "http" || u.Scheme == "https");
                if (!external && text.Length == 0) text = Path.GetFileNameWithoutExtension(url);
                if (help.Links.Any(l => l.Text == text && l.Uri == (external ? url : ""))) continue;
                help.Links.Add(new LinkHelp { Text = text, Uri = external ? url : "" });
            }
        }

        // ---------------------------------------------------------------- text

        /// <summary>Converts prose blocks to maml:para strings (lists become one paragraph with one line per item).</summary>
        private List<string> Paragraphs(IEnumerable<Block> blocks)
        {
            var result = new List<string>();
            foreach (Block block in blocks) AppendParagraphs(result, block, "");
            return result.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        }

        private void AppendParagraphs(List<string> result, Block block, string indent)
        {
            switch (block)
            {
                case HeadingBlock h:
                    result.Add(indent + MarkdownText.InlineText(h.Inline).Trim());
                    break;
                case ParagraphBlock p:
                    result.Add(Indent(MarkdownText.InlineText(p.Inline).Trim(), indent));
                    break;
                case CodeBlock code:
                    result.Add(Indent(CodeText(code), indent + "    "));
                    break;
                case ListBlock list:
                    result.Add(string.Join("\n", ListLines(list, indent)));
                    break;
                case QuoteBlock quote:
                    foreach (Block inner in quote) AppendParagraphs(result, inner, indent);
                    break;
                case ThematicBreakBlock:
                case LinkReferenceDefinitionGroup:
                    break;
                case LeafBlock leaf when leaf.Inline != null:
                    result.Add(Indent(MarkdownText.InlineText(leaf.Inline).Trim(), indent));
                    break;
                default:
                    result.Add(Indent(_source.Substring(block.Span.Start, Math.Max(0, Math.Min(block.Span.Length, _source.Length - block.Span.Start))).Trim(), indent));
                    break;
            }
        }

        private IEnumerable<string> ListLines(ListBlock list, string indent)
        {
            int number = 1;
            if (list.IsOrdered && int.TryParse(list.OrderedStart, out int start)) number = start;
            foreach (ListItemBlock item in list.OfType<ListItemBlock>())
            {
                string bullet = list.IsOrdered ? $"{number++}. " : "- ";
                bool first = true;
                foreach (Block child in item)
                {
                    if (child is ListBlock nested)
                    {
                        foreach (string l in ListLines(nested, indent + "  ")) yield return l;
                        continue;
                    }
                    var parts = new List<string>();
                    AppendParagraphs(parts, child, "");
                    foreach (string part in parts)
                    {
                        string pad = indent + new string(' ', bullet.Length);
                        string text = Indent(part, pad).Substring(pad.Length);
                        yield return (first ? indent + bullet : pad) + text;
                        first = false;
                    }
                }
            }
        }

        private static string Indent(string text, string indent) =>
            indent.Length == 0 ? text : string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : indent + l));

        private static string CodeText(CodeBlock code)
        {
            var lines = code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString().TrimEnd()).ToList();
            while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
            while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
            return string.Join("\n", lines);
        }

        private static string StripPrompt(string code) =>
            string.Join("\n", code.Split('\n').Select(l => PromptPrefix.Replace(l, "", 1)));

        /// <summary>"Key: value" lines (front matter and parameter yaml); keys keep their case, lookups ignore it.</summary>
        private static Dictionary<string, string> ParseKeyValues(string text, out List<string> bad)
        {
            bad = new List<string>();
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string raw in text.Split('\n'))
            {
                string line = raw.TrimEnd();
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#') || line.Trim() == "---") continue;
                int colon = line.IndexOf(':');
                if (colon <= 0) { bad.Add(line.Trim()); continue; }
                string value = line.Substring(colon + 1).Trim();
                if (value.Length >= 2 && ((value[0] == '\'' && value[^1] == '\'') || (value[0] == '"' && value[^1] == '"')))
                {
                    value = value.Substring(1, value.Length - 2);
                }
                result[line.Substring(0, colon).Trim()] = value;
            }
            return result;
        }

        private static IEnumerable<string> SplitList(string value) =>
            string.IsNullOrWhiteSpace(value) || Same(value.Trim(), "None")
                ? Enumerable.Empty<string>()
                : value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0);

        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        // ---------------------------------------------------------------- diagnostics

        private int LineOf(int index)
        {
            int line = 1;
            for (int i = 0; i < index && i < _source.Length; i++) if (_source[i] == '\n') line++;
            return line;
        }

        private void Error(Block block, string message) => Error(block.Line + 1, message);

        private void Error(int line, string message) => _diag.Error(_displayPath, line, message);

        private sealed class Section
        {
            public string Title;
            public HeadingBlock Heading;
            public readonly List<Block> Blocks = new();
            public readonly List<Subsection> Subsections = new();

            public IEnumerable<Block> AllBlocks() => Blocks.Concat(Subsections.SelectMany(s => s.Blocks));

            /// <summary>Body and subsections, with the H3 headings kept as paragraphs.</summary>
            public IEnumerable<Block> AllBlocksWithHeadings() =>
                Blocks.Concat(Subsections.SelectMany(s => new Block[] { s.Heading }.Concat(s.Blocks)));
        }

        private sealed class Subsection
        {
            public string Title;
            public HeadingBlock Heading;
            public readonly List<Block> Blocks = new();
        }
    }
}

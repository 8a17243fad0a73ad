using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Omnidesk.HelpBuilder.Tests
{
    /// <summary>A small platyPS cmdlet page through <see cref="MarkdownHelpReader"/> and <see cref="MamlWriter"/>.</summary>
    public sealed class CmdletPageToMamlTests : IDisposable
    {
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        private const string ValidPage = """
            ---
            external help file: Widget.dll-Help.xml
            Module Name: Widget
            online version:
            schema: 2.0.0
            ---

            # Get-Widget

            ## SYNOPSIS
            Gets widgets.

            ## SYNTAX

            ### ByName (Default)
            ```
            Get-Widget [[-Name] <String[]>] [-Force] [<CommonParameters>]
            ```

            ## DESCRIPTION
            The Get-Widget cmdlet gets **widgets** from the `store`.

            ## EXAMPLES

            ### Example 1: Get all widgets
            ```powershell
            PS C:\> Get-Widget
            ```

            Gets every widget.

            ### Example 2: Get a hidden widget
            ```powershell
            Get-Widget -Name gear -Force
            ```

            Gets the gear, even when it is hidden.

            ## PARAMETERS

            ### -Name
            The names of the widgets.

            ```yaml
            Type: String[]
            Parameter Sets: (All)
            Aliases: WidgetName

            Required: False
            Position: 0
            Default value: None
            Accept pipeline input: True (ByValue)
            Accept wildcard characters: True
            ```

            ### -Force
            Includes hidden widgets.

            ```yaml
            Type: SwitchParameter
            Parameter Sets: (All)
            Aliases:

            Required: False
            Position: Named
            Default value: False
            Accept pipeline input: False
            Accept wildcard characters: False
            ```

            ### CommonParameters
            This cmdlet supports the common parameters.

            ## INPUTS

            ### System.String

            ## OUTPUTS

            ### Widget

            ## NOTES

            ## RELATED LINKS

            [Set-Widget](Set-Widget.md)
            """;

        private readonly string _folder = Directory.CreateTempSubdirectory("helpbuilder-maml-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private CommandHelp Read(string page, Diagnostics diag)
        {
            string path = Path.Combine(_folder, "Get-Widget.md");
            File.WriteAllText(path, page);
            CommandHelp help = MarkdownHelpReader.Read(path, "Get-Widget.md", diag, out bool isCmdletPage);
            Assert.True(isCmdletPage);
            return help;
        }

        private XElement Convert(string page)
        {
            var diag = new Diagnostics();
            CommandHelp help = Read(page, diag);
            Assert.Empty(diag.Messages);
            Assert.NotNull(help);
            return MamlWriter.Build(new[] { help }).Root.Element(Command + "command");
        }

        private static XElement Parameter(XElement command, string name) =>
            command.Element(Command + "parameters").Elements(Command + "parameter").Single(p => (string)p.Element(Maml + "name") == name);

        private static string[] Paras(XElement parent) =>
            parent.Element(Maml + "description").Elements(Maml + "para").Select(p => p.Value).ToArray();

        [Fact]
        public void The_name_synopsis_and_description_become_details_without_markdown_markers()
        {
            XElement command = Convert(ValidPage);
            XElement details = command.Element(Command + "details");
            Assert.Equal("Get-Widget", (string)details.Element(Command + "name"));
            Assert.Equal("Get", (string)details.Element(Command + "verb"));
            Assert.Equal("Widget", (string)details.Element(Command + "noun"));
            Assert.Equal(new[] { "Gets widgets." }, Paras(details));
            Assert.Equal(new[] { "The Get-Widget cmdlet gets widgets from the store." }, Paras(command));
        }

        [Fact]
        public void Each_parameter_carries_the_metadata_of_its_yaml_block()
        {
            XElement command = Convert(ValidPage);

            XElement name = Parameter(command, "Name");
            Assert.Equal("false", (string)name.Attribute("required"));
            Assert.Equal("0", (string)name.Attribute("position"));
            Assert.Equal("True (ByValue)", (string)name.Attribute("pipelineInput"));
            Assert.Equal("true", (string)name.Attribute("globbing"));
            Assert.Equal("WidgetName", (string)name.Attribute("aliases"));
            Assert.Equal("true", (string)name.Attribute("variableLength"));
            Assert.Equal("String[]", (string)name.Element(Dev + "type").Element(Maml + "name"));
            Assert.Equal("None", (string)name.Element(Dev + "defaultValue"));
            Assert.Equal(new[] { "The names of the widgets." }, Paras(name));

            XElement force = Parameter(command, "Force");
            Assert.Equal("named", (string)force.Attribute("position"));
            Assert.Equal("none", (string)force.Attribute("aliases"));
            Assert.Equal("SwitchParameter", (string)force.Element(Dev + "type").Element(Maml + "name"));

            // CommonParameters is not a parameter of its own: Get-Help adds [<CommonParameters>].
            Assert.Equal(2, command.Element(Command + "parameters").Elements().Count());
            XElement syntax = command.Element(Command + "syntax").Element(Command + "syntaxItem");
            Assert.Equal(new[] { "Name", "Force" }, syntax.Elements(Command + "parameter").Select(p => (string)p.Element(Maml + "name")));
            // A switch shows no value in the syntax line.
            Assert.Null(syntax.Elements(Command + "parameter").Last().Element(Command + "parameterValue"));
        }

        [Fact]
        public void Examples_keep_their_title_code_without_prompt_and_remarks()
        {
            XElement command = Convert(ValidPage);
            var examples = command.Element(Command + "examples").Elements(Command + "example").ToList();

            Assert.Equal(2, examples.Count);
            Assert.Equal("-------------------------- Example 1: Get all widgets --------------------------", (string)examples[0].Element(Maml + "title"));
            Assert.Equal("Get-Widget", (string)examples[0].Element(Dev + "code"));
            Assert.Equal("Gets every widget.", examples[0].Element(Dev + "remarks").Elements(Maml + "para").First().Value);
            Assert.Equal("Get-Widget -Name gear -Force", (string)examples[1].Element(Dev + "code"));
            Assert.Equal("Gets the gear, even when it is hidden.", examples[1].Element(Dev + "remarks").Elements(Maml + "para").First().Value);
        }

        [Fact]
        public void Inputs_outputs_and_related_links_are_kept()
        {
            XElement command = Convert(ValidPage);
            Assert.Equal("System.String", (string)command.Element(Command + "inputTypes").Descendants(Maml + "name").Single());
            Assert.Equal("Widget", (string)command.Element(Command + "returnValues").Descendants(Maml + "name").Single());
            XElement link = command.Element(Command + "relatedLinks").Element(Maml + "navigationLink");
            Assert.Equal("Set-Widget", (string)link.Element(Maml + "linkText"));
            Assert.Equal("", (string)link.Element(Maml + "uri"));
        }

        [Theory]
        [InlineData("Required: False\nPosition: 0", "Required: Maybe\nPosition: 0", "'Required: Maybe' must be True or False")]
        [InlineData("Position: Named", "", "the yaml block has no 'Position:' value")]
        [InlineData("Accept pipeline input: True (ByValue)", "Accept pipeline input: True", "'Accept pipeline input: True' must be")]
        [InlineData("[-Force] [<CommonParameters>]", "[-Force] [-Color <String>] [<CommonParameters>]", "lists -Color, which has no '### -Color' section")]
        [InlineData("### Example 2: Get a hidden widget", "Example 2, no longer a heading", "EXAMPLES has 1 example(s)")]
        [InlineData("## SYNOPSIS\nGets widgets.", "## SYNOPSIS\n{{ Fill in the Synopsis }}", "unfilled platyPS placeholder")]
        public void A_broken_page_is_rejected_with_a_message_naming_the_problem(string original, string broken, string expectedMessage)
        {
            Assert.Contains(original, ValidPage);
            var diag = new Diagnostics();

            CommandHelp help = Read(ReplaceFirst(ValidPage, original, broken), diag);

            Assert.Null(help);
            Assert.Contains(diag.Messages, m => m.StartsWith("Get-Widget.md(", StringComparison.Ordinal) && m.Contains(expectedMessage));
        }

        private static string ReplaceFirst(string text, string oldValue, string newValue)
        {
            int at = text.IndexOf(oldValue, StringComparison.Ordinal);
            return text.Substring(0, at) + newValue + text.Substring(at + oldValue.Length);
        }
    }
}

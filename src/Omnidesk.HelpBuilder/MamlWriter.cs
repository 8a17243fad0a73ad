using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Omnidesk.HelpBuilder
{
    /// <summary>Writes the MAML that Get-Help reads from &lt;Assembly&gt;.dll-Help.xml (the shape platyPS's New-ExternalHelp writes).</summary>
    internal static class MamlWriter
    {
        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        private static readonly XNamespace MsHelp = "http://msdn.microsoft.com/mshelp";

        public static XDocument Build(IEnumerable<CommandHelp> commands)
        {
            var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"));
            foreach (CommandHelp c in commands) root.Add(BuildCommand(c));
            return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        }

        public static void Save(XDocument doc, string path)
        {
            string dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            var settings = new XmlWriterSettings
            {
                Encoding = new UTF8Encoding(false),
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
                NewLineHandling = NewLineHandling.Replace,
            };
            // Write to a temporary file first so a failed run never leaves a truncated help file behind.
            string temp = path + ".tmp";
            using (var writer = XmlWriter.Create(temp, settings)) doc.Save(writer);
            File.Move(temp, path, overwrite: true);
        }

        private static XElement BuildCommand(CommandHelp c)
        {
            var cmd = new XElement(Command + "command",
                new XAttribute(XNamespace.Xmlns + "maml", Maml),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                new XAttribute(XNamespace.Xmlns + "MSHelp", MsHelp),
                new XElement(Command + "details",
                    new XElement(Command + "name", c.Name),
                    new XElement(Command + "verb", c.Verb),
                    new XElement(Command + "noun", c.Noun),
                    Description(c.Synopsis)),
                Description(c.Description),
                new XElement(Command + "syntax", c.Syntax.Select(s => SyntaxItem(c, s))),
                new XElement(Command + "parameters", c.Parameters.Select(p => Parameter(p, p.Metadata[0], inSyntax: false))),
                new XElement(Command + "inputTypes", c.Inputs.Select(t => TypeElement("inputType", t))),
                new XElement(Command + "returnValues", c.Outputs.Select(t => TypeElement("returnValue", t))));

            if (c.Notes.Count > 0)
            {
                cmd.Add(new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(c.Notes))));
            }
            cmd.Add(new XElement(Command + "examples", c.Examples.Select(Example)));
            cmd.Add(new XElement(Command + "relatedLinks", c.Links.Select(l =>
                new XElement(Maml + "navigationLink",
                    new XElement(Maml + "linkText", l.Text),
                    new XElement(Maml + "uri", l.Uri ?? "")))));
            return cmd;
        }

        private static XElement SyntaxItem(CommandHelp c, SyntaxSet set)
        {
            var item = new XElement(Command + "syntaxItem", new XElement(Maml + "name", c.Name));
            foreach (SyntaxParameter sp in set.Parameters)
            {
                ParameterHelp p = c.Parameters.First(q => string.Equals(q.Name, sp.Name, StringComparison.OrdinalIgnoreCase));
                item.Add(Parameter(p, p.Metadata.First(m => m.AppliesTo(set.Name)), inSyntax: true));
            }
            return item;
        }

        private static XElement Parameter(ParameterHelp p, ParameterMetadata m, bool inSyntax)
        {
            bool isArray = m.Type.EndsWith("[]", StringComparison.Ordinal);
            var e = new XElement(Command + "parameter",
                new XAttribute("required", m.Required ? "true" : "false"),
                new XAttribute("variableLength", isArray ? "true" : "false"),
                new XAttribute("globbing", m.Globbing ? "true" : "false"),
                new XAttribute("pipelineInput", m.PipelineInput),
                new XAttribute("position", m.Position),
                new XAttribute("aliases", m.Aliases.Count == 0 ? "none" : string.Join(", ", m.Aliases)),
                new XElement(Maml + "name", p.Name),
                Description(p.Description));

            if (m.AcceptedValues.Count > 0)
            {
                // Get-Help shows {a | b | c} in the syntax instead of <Type>.
                e.Add(new XElement(Command + "parameterValueGroup", m.AcceptedValues.Select(v =>
                    new XElement(Command + "parameterValue",
                        new XAttribute("required", "false"),
                        new XAttribute(Command + "variableLength", "false"),
                        v))));
            }
            if (!m.IsSwitch)
            {
                e.Add(new XElement(Command + "parameterValue",
                    new XAttribute("required", "true"),
                    new XAttribute("variableLength", isArray ? "true" : "false"),
                    m.Type));
            }
            else if (!inSyntax)
            {
                // A switch has no value in the syntax; in the parameter list Get-Help shows -Name [<SwitchParameter>].
                e.Add(new XElement(Command + "parameterValue",
                    new XAttribute("required", "false"),
                    new XAttribute("variableLength", "false"),
                    m.Type));
            }
            e.Add(new XElement(Dev + "type", new XElement(Maml + "name", m.Type), new XElement(Maml + "uri")));
            e.Add(new XElement(Dev + "defaultValue", m.DefaultValue));
            return e;
        }

        private static XElement TypeElement(string elementName, TypeHelp t) =>
            new XElement(Command + elementName,
                new XElement(Dev + "type", new XElement(Maml + "name", t.TypeName)),
                Description(t.Description));

        private static XElement Example(ExampleHelp ex)
        {
            string title = ex.Title;
            return new XElement(Command + "example",
                new XElement(Maml + "title", $"-------------------------- {title} --------------------------"),
                new XElement(Dev + "code", ex.Code),
                // The trailing empty para makes Get-Help print a blank line before the next example's title.
                new XElement(Dev + "remarks", Paras(ex.Remarks), ex.Remarks.Count > 0 ? new XElement(Maml + "para") : null));
        }

        private static XElement Description(IReadOnlyCollection<string> paragraphs) =>
            new XElement(Maml + "description", Paras(paragraphs));

        private static IEnumerable<XElement> Paras(IReadOnlyCollection<string> paragraphs) =>
            paragraphs.Count == 0
                ? new[] { new XElement(Maml + "para") }
                : paragraphs.Select(p => new XElement(Maml + "para", p));
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace Omnidesk.HelpBuilder
{
    /// <summary>One cmdlet page (platyPS schema 2.0.0 markdown), parsed and validated.</summary>
    internal sealed class CommandHelp
    {
        public string SourceFile { get; set; }
        public string Name { get; set; }
        public string Verb { get; set; }
        public string Noun { get; set; }
        public string OnlineVersion { get; set; }
        public List<string> Synopsis { get; } = new();
        public List<string> Description { get; } = new();
        public List<SyntaxSet> Syntax { get; } = new();
        public List<ParameterHelp> Parameters { get; } = new();
        public List<ExampleHelp> Examples { get; } = new();
        public List<TypeHelp> Inputs { get; } = new();
        public List<TypeHelp> Outputs { get; } = new();
        public List<string> Notes { get; } = new();
        public List<LinkHelp> Links { get; } = new();
    }

    /// <summary>A <c>### SetName</c> subsection of SYNTAX: the parameters named in its syntax line.</summary>
    internal sealed class SyntaxSet
    {
        public string Name { get; set; }
        public bool IsDefault { get; set; }
        public int Line { get; set; }
        public List<SyntaxParameter> Parameters { get; } = new();
    }

    /// <summary>A parameter as the syntax line shows it.</summary>
    internal sealed class SyntaxParameter
    {
        public string Name { get; set; }
        public bool Required { get; set; }
        public bool Positional { get; set; }
        /// <summary>The type text between angle brackets, or null for a switch.</summary>
        public string TypeText { get; set; }
    }

    /// <summary>A <c>### -Name</c> subsection of PARAMETERS.</summary>
    internal sealed class ParameterHelp
    {
        public string Name { get; set; }
        public int Line { get; set; }
        public List<string> Description { get; } = new();
        /// <summary>One or more yaml blocks; platyPS writes one per group of parameter sets with different metadata.</summary>
        public List<ParameterMetadata> Metadata { get; } = new();
    }

    /// <summary>One ```yaml block of a parameter.</summary>
    internal sealed class ParameterMetadata
    {
        public int Line { get; set; }
        public string Type { get; set; }
        /// <summary>Set names; empty means "(All)".</summary>
        public List<string> ParameterSets { get; } = new();
        public bool AllSets { get; set; }
        public List<string> Aliases { get; } = new();
        public List<string> AcceptedValues { get; } = new();
        public bool Required { get; set; }
        /// <summary>"named" or a zero-based number.</summary>
        public string Position { get; set; }
        public string DefaultValue { get; set; }
        /// <summary>Get-Help's display form: "False", "True (ByValue)", "True (ByPropertyName)", "True (ByValue, ByPropertyName)".</summary>
        public string PipelineInput { get; set; }
        public bool Globbing { get; set; }

        public bool IsSwitch => string.Equals(Type, "SwitchParameter", StringComparison.OrdinalIgnoreCase)
            || string.Equals(Type, "System.Management.Automation.SwitchParameter", StringComparison.OrdinalIgnoreCase);

        public bool AppliesTo(string setName) =>
            AllSets || ParameterSets.Any(s => string.Equals(s, setName, StringComparison.OrdinalIgnoreCase));
    }

    internal sealed class ExampleHelp
    {
        public string Title { get; set; }
        public string Code { get; set; }
        public List<string> Remarks { get; } = new();
    }

    internal sealed class TypeHelp
    {
        public string TypeName { get; set; }
        public List<string> Description { get; } = new();
    }

    internal sealed class LinkHelp
    {
        public string Text { get; set; }
        public string Uri { get; set; }
    }
}

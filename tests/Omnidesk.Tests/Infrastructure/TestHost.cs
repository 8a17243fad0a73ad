using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace Omnidesk.Tests.Infrastructure
{
    /// <summary>
    /// A host that keeps what PowerShell shows a user (What if: lines, formatted tables, prompts) and answers
    /// prompts from a queue. Without a host, What-if text is dropped and prompts fail.
    /// </summary>
    public sealed class TestHost : PSHost
    {
        public TestHostUI TestUI { get; } = new();
        public override PSHostUserInterface UI => TestUI;
        public override string Name => "OmnideskTestHost";
        public override Version Version => new(1, 0);
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.GetCultureInfo("en-US");
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }
    }

    public sealed class TestHostUI : PSHostUserInterface
    {
        private readonly TestRawUI _raw = new();
        public StringBuilder Text { get; } = new();
        public List<string> Lines { get; } = new();
        public Queue<int> ChoiceAnswers { get; } = new();
        public List<string> Prompts { get; } = new();

        public override PSHostRawUserInterface RawUI => _raw;
        public override bool SupportsVirtualTerminal => false;

        private string Plain(string value) => GetOutputString(value, SupportsVirtualTerminal);

        public override void Write(string value) => Text.Append(Plain(value));
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);

        public override void WriteLine(string value)
        {
            value = Plain(value);
            Text.AppendLine(value);
            Lines.Add(value);
        }

        public override void WriteErrorLine(string value) => WriteLine("ERROR: " + value);
        public override void WriteWarningLine(string message) => WriteLine("WARNING: " + message);
        public override void WriteVerboseLine(string message) => WriteLine("VERBOSE: " + message);
        public override void WriteDebugLine(string message) => WriteLine("DEBUG: " + message);
        public override void WriteProgress(long sourceId, ProgressRecord record) { }

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Add(caption + " | " + message);
            if (ChoiceAnswers.Count == 0) throw new InvalidOperationException("Unexpected prompt: " + caption + " | " + message);
            return ChoiceAnswers.Dequeue();
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException("Prompt: " + caption + " " + message);
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("PromptForCredential");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException("PromptForCredential");
        public override string ReadLine() => throw new NotSupportedException("ReadLine");
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("ReadLineAsSecureString");
    }

    public sealed class TestRawUI : PSHostRawUserInterface
    {
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
        public override Size BufferSize { get; set; } = new(160, 9999);
        public override Coordinates CursorPosition { get; set; }
        public override int CursorSize { get; set; }
        public override bool KeyAvailable => false;
        public override Size MaxPhysicalWindowSize => new(160, 100);
        public override Size MaxWindowSize => new(160, 100);
        public override Coordinates WindowPosition { get; set; }
        public override Size WindowSize { get; set; } = new(160, 100);
        public override string WindowTitle { get; set; } = "";
        public override void FlushInputBuffer() { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];
        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
    }
}

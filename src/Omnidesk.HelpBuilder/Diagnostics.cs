using System.Collections.Generic;

namespace Omnidesk.HelpBuilder
{
    /// <summary>Collects errors in the MSBuild canonical form "file(line): error: message".</summary>
    internal sealed class Diagnostics
    {
        private readonly List<string> _messages = new();

        public int ErrorCount { get; private set; }

        public IReadOnlyList<string> Messages => _messages;

        public void Error(string file, int line, string message)
        {
            ErrorCount++;
            _messages.Add($"{file}({line}): error HELP: {message}");
        }

        public void Error(string message)
        {
            ErrorCount++;
            _messages.Add($"Omnidesk.HelpBuilder: error HELP: {message}");
        }
    }
}

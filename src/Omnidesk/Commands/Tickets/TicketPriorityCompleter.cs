using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Omnidesk.Commands
{
    /// <summary>
    /// Tab completion for an Omnidesk.com ticket's -Priority: the priorities seen (low, medium, high, urgent). Only
    /// "medium" is documented, so other values are sent as given rather than refused (an open set, not a ValidateSet).
    /// </summary>
    public sealed class TicketPriorityCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return OmnideskTicketValues.Priorities.Where(p => p.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(p => new CompletionResult(p, p, CompletionResultType.ParameterValue, p));
        }
    }
}

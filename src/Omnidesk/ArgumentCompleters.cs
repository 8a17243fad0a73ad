using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Omnidesk
{
    /// <summary>Tab completion for -Channel: the API's channel names.</summary>
    public sealed class ChannelCompleter : IArgumentCompleter
    {
        internal static readonly string[] Known =
        {
            "email", "web", "call", "live_chat", "facebook", "fb_chat", "vkontakte", "vk_chat", "twitter", "instagram_posts",
            "instagram_chat", "ok_chat", "telegram", "skype", "slack", "mattermost", "viber", "line", "zalo", "wa_chat",
            "youscan", "avito", "idea",
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return Known.Where(c => c.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(c => new CompletionResult(c, c, CompletionResultType.ParameterValue, c));
        }
    }

    /// <summary>
    /// Tab completion for -FilterId: the staff member's filters, matched by id or by name ("High" completes the id of
    /// "High priority"). Read from the command's -Connection or the session's, and kept for a minute per connection,
    /// so pressing Tab again costs no request. Nothing is offered when not connected or the account does not answer fast.
    /// </summary>
    public sealed class FilterIdCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
        private static readonly ConditionalWeakTable<OmnideskConnection, Cached> ByConnection = new ConditionalWeakTable<OmnideskConnection, Cached>();

        private sealed class Cached
        {
            public DateTime ReadAt;
            public IReadOnlyList<OmnideskFilter> Filters;
        }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = PipedItem.Unwrap(fakeBoundParameters?["Connection"]) as OmnideskConnection ?? DefaultConnections.Current;
            if (connection == null || connection.IsClosed) return Enumerable.Empty<CompletionResult>();
            var word = (wordToComplete ?? "").Trim('\'', '"');
            return Filters(connection)
                .Where(f => (f.FilterId ?? "").StartsWith(word, StringComparison.OrdinalIgnoreCase) ||
                            (f.FilterName ?? "").IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                .Select(f => new CompletionResult(Quote(f.FilterId), $"{f.FilterId} ({f.FilterName})", CompletionResultType.ParameterValue,
                    string.IsNullOrEmpty(f.FilterName) ? f.FilterId : f.FilterName));
        }

        private static IReadOnlyList<OmnideskFilter> Filters(OmnideskConnection connection)
        {
            lock (ByConnection)
            {
                if (ByConnection.TryGetValue(connection, out var cached) && DateTime.UtcNow - cached.ReadAt < KeptFor) return cached.Filters;
            }
            IReadOnlyList<OmnideskFilter> filters;
            try
            {
                using (var patience = new CancellationTokenSource(Patience))
                    filters = connection.Client.GetFiltersAsync(new OmnideskCallContext(patience.Token)).GetAwaiter().GetResult().Items;
            }
            catch (Exception e) when (e is OmnideskApiException || e is OperationCanceledException)
            {
                return Array.Empty<OmnideskFilter>();
            }
            lock (ByConnection)
            {
                ByConnection.Remove(connection);
                ByConnection.Add(connection, new Cached { ReadAt = DateTime.UtcNow, Filters = filters });
            }
            return filters;
        }

        private static string Quote(string id) =>
            id.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '-') ? id : "'" + id.Replace("'", "''") + "'";
    }
}

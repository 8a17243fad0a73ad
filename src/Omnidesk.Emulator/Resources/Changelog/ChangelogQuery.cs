using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Omnidesk.Emulator
{
    /// <summary>
    /// The parameters of GET /api/cases/{id}/changelog.json. Change filters are "old,new" pairs with the wildcards
    /// any and empty (a value in double quotes is literal); several filters (or several values of one) are OR-ed, and
    /// when any is given only the events they match are returned. Chat activation/completion events are left out
    /// unless show_chat_activation / show_chat_completion is true.
    /// </summary>
    public sealed class ChangelogQuery
    {
        public const string ChatActivation = "chat_activation";
        public const string ChatCompletion = "chat_completion";

        /// <summary>filter parameter → the changelog event it applies to.</summary>
        static readonly Dictionary<string, string> PairFilters = new(StringComparer.OrdinalIgnoreCase)
        {
            ["staff"] = "staff", ["status"] = "status", ["group"] = "group", ["priority"] = "priority",
            ["subject"] = "subject", ["labels"] = "labels", ["fixed_chat_staff"] = "fixed_chat", ["custom_fields"] = "custom_field_",
        };

        readonly record struct Token(string Text, bool Quoted);

        sealed record Pair(string Event, bool EventIsPrefix, Token Old, Token New);

        readonly List<Pair> _pairs = new();
        readonly List<string> _rules = new();
        bool _showActivation, _showCompletion;

        public int Page { get; private set; } = 1;
        public int Limit { get; private set; } = ApiDescription.Changelog.MaxLimit;

        bool HasChangeFilter => _pairs.Count > 0 || _rules.Count > 0;

        public static string TryParse(IQueryCollection query, DataStore store, out ChangelogQuery result)
        {
            result = null;
            var q = new ChangelogQuery();
            foreach (var (rawKey, rawValues) in query)
            {
                string key = rawKey.EndsWith("[]", StringComparison.Ordinal) ? rawKey.Substring(0, rawKey.Length - 2) : rawKey;
                var values = rawValues.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
                if (values.Count == 0) continue;
                string lower = key.ToLowerInvariant();
                switch (lower)
                {
                    case "limit":
                        if (Paging.Limit(values[0], ApiDescription.Changelog, out int limit) is string wrongLimit) return wrongLimit;
                        q.Limit = limit;
                        continue;
                    case "page":
                        if (Paging.Page(values[0], ApiDescription.Changelog, out int page) is string wrongPage) return wrongPage;
                        q.Page = page;
                        continue;
                    case "show_chat_activation":
                        q._showActivation = IsTrue(values[0]);
                        continue;
                    case "show_chat_completion":
                        q._showCompletion = IsTrue(values[0]);
                        continue;
                    case "rules":
                        foreach (string id in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
                        {
                            if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long n)) return "wrong_rules";
                            q._rules.Add("rule_" + n.ToString(CultureInfo.InvariantCulture));
                        }
                        continue;
                }

                string ev;
                bool prefix = false;
                if (lower.StartsWith("custom_fields[", StringComparison.Ordinal))
                {
                    string cf = lower.Substring("custom_fields[".Length).TrimEnd(']');
                    var field = store.FindCustomField(cf);
                    if (field == null) return ApiDescription.CustomFields.NotFound;
                    ev = "custom_field_" + field.FieldId.ToString(CultureInfo.InvariantCulture);
                    lower = "custom_fields";
                }
                else if (PairFilters.TryGetValue(lower, out ev)) prefix = lower == "custom_fields";
                else continue; // unknown parameters are ignored, as by the list

                foreach (string v in values)
                {
                    var tokens = Tokenize(v);
                    if (tokens == null || tokens.Count != 2) return "wrong_" + lower;
                    q._pairs.Add(new Pair(ev, prefix, tokens[0], tokens[1]));
                }
            }
            result = q;
            return null;
        }

        /// <summary>The page of the filtered log, oldest first. Pages count from the newest end: page 1 is the last limit events.</summary>
        public List<EmuChangelogEntry> Apply(IReadOnlyList<EmuChangelogEntry> log)
        {
            var matching = log.Where(Matches).ToList();
            long end = matching.Count - (long)(Page - 1) * Limit;
            if (end <= 0) return new List<EmuChangelogEntry>();
            long start = Math.Max(0, end - Limit);
            return matching.Skip((int)start).Take((int)(end - start)).ToList();
        }

        bool Matches(EmuChangelogEntry e)
        {
            if (e.Event == ChatActivation) return _showActivation;
            if (e.Event == ChatCompletion) return _showCompletion;
            if (!HasChangeFilter) return true;
            if (_rules.Contains(e.DoneBy)) return true;
            foreach (var p in _pairs)
            {
                bool kind = p.EventIsPrefix ? e.Event.StartsWith(p.Event, StringComparison.Ordinal) : e.Event == p.Event;
                if (!kind) continue;
                bool list = e.Event == "labels";
                if (TokenMatches(p.Old, e.OldValue, list) && TokenMatches(p.New, e.Value, list)) return true;
            }
            return false;
        }

        static bool TokenMatches(Token t, string value, bool list)
        {
            value ??= "";
            if (!t.Quoted && t.Text.Equals("any", StringComparison.OrdinalIgnoreCase)) return true;
            if (!t.Quoted && t.Text.Equals("empty", StringComparison.OrdinalIgnoreCase)) return value.Length == 0;
            if (string.Equals(value, t.Text, StringComparison.OrdinalIgnoreCase)) return true;
            // labels events carry comma lists: a label id matches a list that contains it
            return list && value.Split(',').Contains(t.Text);
        }

        /// <summary>Splits "a,b" / "empty,\"x, y\"" at commas outside double quotes; null when a quote is unbalanced.</summary>
        static List<Token> Tokenize(string s)
        {
            var tokens = new List<Token>();
            var current = new StringBuilder();
            bool inQuotes = false, quoted = false;
            foreach (char ch in s)
            {
                if (ch == '"') { inQuotes = !inQuotes; quoted = true; continue; }
                if (ch == ',' && !inQuotes)
                {
                    tokens.Add(new Token(quoted ? current.ToString() : current.ToString().Trim(), quoted));
                    current.Clear();
                    quoted = false;
                    continue;
                }
                current.Append(ch);
            }
            if (inQuotes) return null;
            tokens.Add(new Token(quoted ? current.ToString() : current.ToString().Trim(), quoted));
            return tokens;
        }

        static bool IsTrue(string v) => v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase);
    }
}

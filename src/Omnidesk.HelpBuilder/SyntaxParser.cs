using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Omnidesk.HelpBuilder
{
    /// <summary>
    /// Parses a platyPS syntax line such as
    /// <c>Get-X [-A] &lt;T&gt; [[-B] &lt;T[]&gt;] -C &lt;T&gt; [-D &lt;T&gt;] [-E] -F [&lt;CommonParameters&gt;]</c>.
    /// </summary>
    internal static class SyntaxParser
    {
        private enum Kind { Open, Close, Name, Type }

        private readonly record struct Token(Kind Kind, string Text);

        /// <summary>Returns the parameters, or throws <see cref="FormatException"/> with a readable reason.</summary>
        public static List<SyntaxParameter> Parse(string commandName, string syntaxText, out bool commonParameters)
        {
            commonParameters = false;
            string text = string.Join(" ", syntaxText.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
            if (!text.StartsWith(commandName, StringComparison.OrdinalIgnoreCase)
                || (text.Length > commandName.Length && !char.IsWhiteSpace(text[commandName.Length])))
            {
                throw new FormatException($"the syntax line must start with the command name '{commandName}', found: {Shorten(text)}");
            }

            List<Token> tokens = Tokenize(text.Substring(commandName.Length));
            var result = new List<SyntaxParameter>();
            int i = 0;
            while (i < tokens.Count)
            {
                // [<CommonParameters>]
                if (Is(tokens, i, Kind.Open) && Is(tokens, i + 1, Kind.Type) && Is(tokens, i + 2, Kind.Close)
                    && string.Equals(tokens[i + 1].Text, "CommonParameters", StringComparison.OrdinalIgnoreCase))
                {
                    commonParameters = true;
                    i += 3;
                }
                // [[-B] <T>]  optional positional
                else if (Is(tokens, i, Kind.Open) && Is(tokens, i + 1, Kind.Open) && Is(tokens, i + 2, Kind.Name)
                    && Is(tokens, i + 3, Kind.Close) && Is(tokens, i + 4, Kind.Type) && Is(tokens, i + 5, Kind.Close))
                {
                    result.Add(new SyntaxParameter { Name = tokens[i + 2].Text, Required = false, Positional = true, TypeText = tokens[i + 4].Text });
                    i += 6;
                }
                // [-A] <T>  required positional
                else if (Is(tokens, i, Kind.Open) && Is(tokens, i + 1, Kind.Name) && Is(tokens, i + 2, Kind.Close) && Is(tokens, i + 3, Kind.Type))
                {
                    result.Add(new SyntaxParameter { Name = tokens[i + 1].Text, Required = true, Positional = true, TypeText = tokens[i + 3].Text });
                    i += 4;
                }
                // [-D <T>]  optional named
                else if (Is(tokens, i, Kind.Open) && Is(tokens, i + 1, Kind.Name) && Is(tokens, i + 2, Kind.Type) && Is(tokens, i + 3, Kind.Close))
                {
                    result.Add(new SyntaxParameter { Name = tokens[i + 1].Text, Required = false, Positional = false, TypeText = tokens[i + 2].Text });
                    i += 4;
                }
                // [-E]  optional switch
                else if (Is(tokens, i, Kind.Open) && Is(tokens, i + 1, Kind.Name) && Is(tokens, i + 2, Kind.Close))
                {
                    result.Add(new SyntaxParameter { Name = tokens[i + 1].Text, Required = false, Positional = false, TypeText = null });
                    i += 3;
                }
                // -C <T>  required named
                else if (Is(tokens, i, Kind.Name) && Is(tokens, i + 1, Kind.Type))
                {
                    result.Add(new SyntaxParameter { Name = tokens[i].Text, Required = true, Positional = false, TypeText = tokens[i + 1].Text });
                    i += 2;
                }
                // -F  required switch
                else if (Is(tokens, i, Kind.Name))
                {
                    result.Add(new SyntaxParameter { Name = tokens[i].Text, Required = true, Positional = false, TypeText = null });
                    i += 1;
                }
                else
                {
                    throw new FormatException($"cannot read the syntax near '{Describe(tokens, i)}' (expected -Name, [-Name], -Name <Type>, [-Name <Type>], [-Name] <Type>, [[-Name] <Type>] or [<CommonParameters>])");
                }
            }

            var duplicate = result.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null)
            {
                throw new FormatException($"parameter -{duplicate.Key} appears more than once in the syntax line");
            }
            return result;
        }

        private static bool Is(List<Token> tokens, int index, Kind kind) => index < tokens.Count && tokens[index].Kind == kind;

        private static List<Token> Tokenize(string text)
        {
            var tokens = new List<Token>();
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                if (c == '[') { tokens.Add(new Token(Kind.Open, "[")); i++; continue; }
                if (c == ']') { tokens.Add(new Token(Kind.Close, "]")); i++; continue; }
                if (c == '<' || c == '{')
                {
                    // <Type> (may nest, e.g. <Nullable`1[DateTime]>), or {a | b} for a value set.
                    char open = c, close = c == '<' ? '>' : '}';
                    int depth = 0, start = i;
                    var sb = new StringBuilder();
                    for (; i < text.Length; i++)
                    {
                        if (text[i] == open) depth++;
                        else if (text[i] == close && --depth == 0) break;
                    }
                    if (i >= text.Length)
                    {
                        throw new FormatException($"unterminated '{open}' in the syntax line at '{Shorten(text.Substring(start))}'");
                    }
                    string inner = text.Substring(start + 1, i - start - 1).Trim();
                    i++;
                    if (inner.Length == 0) throw new FormatException("empty type '<>' in the syntax line");
                    tokens.Add(new Token(Kind.Type, inner));
                    continue;
                }
                if (c == '-')
                {
                    int start = ++i;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                    if (i == start) throw new FormatException($"a '-' without a parameter name in the syntax line at '{Shorten(text.Substring(start - 1))}'");
                    tokens.Add(new Token(Kind.Name, text.Substring(start, i - start)));
                    continue;
                }
                throw new FormatException($"unexpected text '{Shorten(text.Substring(i))}' in the syntax line");
            }
            return tokens;
        }

        private static string Describe(List<Token> tokens, int index)
        {
            var sb = new StringBuilder();
            for (int j = index; j < tokens.Count && j < index + 5; j++)
            {
                Token t = tokens[j];
                sb.Append(t.Kind switch
                {
                    Kind.Name => "-" + t.Text,
                    Kind.Type => "<" + t.Text + ">",
                    _ => t.Text,
                });
                sb.Append(' ');
            }
            return sb.ToString().Trim();
        }

        private static string Shorten(string s) => s.Length <= 60 ? s : string.Concat(s.AsSpan(0, 60), "...");
    }
}

using System;
using System.Text;
using Markdig.Syntax.Inlines;

namespace Omnidesk.HelpBuilder
{
    /// <summary>
    /// Markdown inlines as plain text: no emphasis or code markers; a link is its text, followed by " (url)" when the
    /// url is absolute and differs from the text (links to sibling pages are by name, which Get-Help resolves).
    /// </summary>
    internal static class MarkdownText
    {
        /// <summary>Joins the words of a short code span, so text wrapping never splits "Select-Object -First 1"; printed as a space.</summary>
        public const char NoBreakSpace = '\u00A0';

        /// <summary>Code spans up to this long are kept on one line; longer ones may wrap like prose.</summary>
        private const int UnbrokenCodeSpanMax = 40;

        /// <param name="unbrokenCodeSpans">Join the words of short code spans with <see cref="NoBreakSpace"/>.</param>
        public static string InlineText(ContainerInline inline, bool unbrokenCodeSpans = false)
        {
            var sb = new StringBuilder();
            if (inline != null) AppendInline(sb, inline, unbrokenCodeSpans);
            return sb.ToString();
        }

        public static void AppendInline(StringBuilder sb, Inline inline, bool unbrokenCodeSpans = false)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    sb.Append(unbrokenCodeSpans && code.Content.Length <= UnbrokenCodeSpanMax
                        ? code.Content.Replace(' ', NoBreakSpace)
                        : code.Content);
                    break;
                case LineBreakInline br:
                    sb.Append(br.IsHard ? "\n" : " ");
                    break;
                case AutolinkInline auto:
                    sb.Append(auto.Url);
                    break;
                case HtmlEntityInline entity:
                    sb.Append(entity.Transcoded.ToString());
                    break;
                case HtmlInline html:
                    sb.Append(html.Tag);
                    break;
                case LinkInline link:
                    int before = sb.Length;
                    foreach (Inline child in link) AppendInline(sb, child, unbrokenCodeSpans);
                    string shown = sb.ToString(before, sb.Length - before);
                    if (!link.IsImage && !string.IsNullOrEmpty(link.Url)
                        && Uri.TryCreate(link.Url, UriKind.Absolute, out _) && shown != link.Url)
                    {
                        sb.Append(" (").Append(link.Url).Append(')');
                    }
                    break;
                case ContainerInline container:
                    foreach (Inline child in container) AppendInline(sb, child, unbrokenCodeSpans);
                    break;
            }
        }
    }
}

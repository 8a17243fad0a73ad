using System;
using System.Collections.Generic;
using System.Text;

namespace Omnidesk.HelpBuilder
{
    /// <summary>Word wrapping for plain help text: lines break only between words, never inside one.</summary>
    internal static class TextWrapper
    {
        private static readonly char[] Spaces = { ' ', '\t' };

        /// <summary>
        /// Wraps one paragraph (no line breaks in it) into lines of at most <paramref name="width"/> columns: the first
        /// starts with <paramref name="firstPrefix"/>, the others with <paramref name="restPrefix"/>. A word longer than the
        /// room on a line (a long URL) stays whole on a line of its own, so such a line may be wider; callers check.
        /// </summary>
        public static List<string> Wrap(string text, string firstPrefix, string restPrefix, int width)
        {
            var lines = new List<string>();
            var line = new StringBuilder(firstPrefix);
            bool lineHasWord = false;
            foreach (string word in text.Split(Spaces, StringSplitOptions.RemoveEmptyEntries))
            {
                if (lineHasWord && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear().Append(restPrefix);
                    lineHasWord = false;
                }
                if (lineHasWord) line.Append(' ');
                line.Append(word);
                lineHasWord = true;
            }
            if (lineHasWord || lines.Count == 0) lines.Add(line.ToString().TrimEnd());
            return lines;
        }

        public static List<string> Wrap(string text, string prefix, int width) => Wrap(text, prefix, prefix, width);
    }
}

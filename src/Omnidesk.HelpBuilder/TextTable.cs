using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Omnidesk.HelpBuilder
{
    internal enum ColumnAlignment { Left, Center, Right }

    /// <summary>
    /// A table as plain text: aligned columns under a dashed header line, as Format-Table shows them, or, when that is
    /// too wide, one "Header : value" block per row, as Format-List shows them.
    /// </summary>
    internal static class TextTable
    {
        private const string ColumnGap = "  ";

        /// <summary>Aligned columns, or null when they do not fit in <paramref name="width"/> columns.</summary>
        public static List<string> Aligned(
            IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<ColumnAlignment> alignments,
            string indent, int width)
        {
            int columns = header.Count;
            var widths = new int[columns];
            for (int c = 0; c < columns; c++)
            {
                widths[c] = Math.Max(header[c].Length, rows.Select(r => Cell(r, c).Length).DefaultIfEmpty(0).Max());
            }
            if (indent.Length + widths.Sum() + ColumnGap.Length * (columns - 1) > width) return null;

            // Dashes as long as each header, like Format-Table; a column without a header text is underlined in full.
            var dashes = header.Select((h, c) => new string('-', h.Length > 0 ? h.Length : widths[c])).ToList();
            var lines = new List<string>
            {
                Row(header, widths, alignments, indent),
                Row(dashes, widths, alignments, indent),
            };
            lines.AddRange(rows.Select(r => Row(Enumerable.Range(0, columns).Select(c => Cell(r, c)).ToList(), widths, alignments, indent)));
            return lines;
        }

        /// <summary>One block per row, "Header : value" with the value wrapped beside the headers, blocks separated by a blank line.</summary>
        public static List<string> Records(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, string indent, int width)
        {
            int labelWidth = header.Max(h => h.Length);
            string valueIndent = indent + new string(' ', labelWidth + 3);
            var lines = new List<string>();
            foreach (IReadOnlyList<string> row in rows)
            {
                if (lines.Count > 0) lines.Add("");
                for (int c = 0; c < header.Count; c++)
                {
                    string label = indent + header[c].PadRight(labelWidth) + " : ";
                    lines.AddRange(TextWrapper.Wrap(Cell(row, c), label, valueIndent, width));
                }
            }
            return lines;
        }

        private static string Cell(IReadOnlyList<string> row, int column) => column < row.Count ? row[column] ?? "" : "";

        private static string Row(IReadOnlyList<string> cells, int[] widths, IReadOnlyList<ColumnAlignment> alignments, string indent)
        {
            var sb = new StringBuilder(indent);
            for (int c = 0; c < widths.Length; c++)
            {
                if (c > 0) sb.Append(ColumnGap);
                string text = cells[c];
                int pad = widths[c] - text.Length;
                ColumnAlignment alignment = c < alignments.Count ? alignments[c] : ColumnAlignment.Left;
                int left = alignment switch { ColumnAlignment.Right => pad, ColumnAlignment.Center => pad / 2, _ => 0 };
                sb.Append(' ', left).Append(text).Append(' ', pad - left);
            }
            return sb.ToString().TrimEnd();
        }
    }
}

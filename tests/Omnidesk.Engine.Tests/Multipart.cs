using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Omnidesk.Engine.Tests
{
    /// <summary>A small multipart/form-data reader for checking what the engine sends.</summary>
    internal sealed class FormPart
    {
        public string Name;
        public string FileName;
        public string ContentType;
        public string RawDisposition;
        public byte[] Data;
        public string Text => Encoding.UTF8.GetString(Data);
    }

    internal static class Multipart
    {
        public static List<FormPart> Parse(string contentType, byte[] body)
        {
            var m = Regex.Match(contentType ?? "", "boundary=\"?([^\";]+)\"?");
            if (!m.Success) throw new InvalidOperationException("no boundary in " + contentType);
            var boundary = Encoding.UTF8.GetBytes("--" + m.Groups[1].Value);
            var parts = new List<FormPart>();
            var pos = IndexOf(body, boundary, 0);
            if (pos != 0) throw new InvalidOperationException("body does not start with the boundary");
            while (true)
            {
                pos += boundary.Length;
                if (body[pos] == '-' && body[pos + 1] == '-')
                {
                    if (pos + 4 != body.Length || body[pos + 2] != '\r' || body[pos + 3] != '\n')
                        throw new InvalidOperationException("bad closing boundary");
                    return parts;
                }
                Expect(body, pos, "\r\n");
                pos += 2;
                var headerEnd = IndexOf(body, Encoding.ASCII.GetBytes("\r\n\r\n"), pos);
                var headers = Encoding.UTF8.GetString(body, pos, headerEnd - pos).Split(new[] { "\r\n" }, StringSplitOptions.None);
                var dataStart = headerEnd + 4;
                var next = IndexOf(body, Concat(Encoding.ASCII.GetBytes("\r\n"), boundary), dataStart);
                if (next < 0) throw new InvalidOperationException("unterminated part");
                var part = new FormPart { Data = body.Skip(dataStart).Take(next - dataStart).ToArray() };
                foreach (var h in headers)
                {
                    var colon = h.IndexOf(':');
                    var name = h.Substring(0, colon).Trim();
                    var value = h.Substring(colon + 1).Trim();
                    if (name.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
                    {
                        part.RawDisposition = value;
                        part.Name = Param(value, "name");
                        part.FileName = Param(value, "filename");
                    }
                    else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                    {
                        part.ContentType = value;
                    }
                }
                parts.Add(part);
                pos = next + 2;
            }
        }

        private static string Param(string header, string name)
        {
            var m = Regex.Match(header, ";\\s*" + name + "=\"([^\"]*)\"");
            return m.Success ? m.Groups[1].Value : null;
        }

        private static void Expect(byte[] body, int pos, string text)
        {
            var bytes = Encoding.ASCII.GetBytes(text);
            for (var i = 0; i < bytes.Length; i++)
                if (body[pos + i] != bytes[i]) throw new InvalidOperationException("expected " + text + " at " + pos);
        }

        private static byte[] Concat(byte[] a, byte[] b) => a.Concat(b).ToArray();

        private static int IndexOf(byte[] haystack, byte[] needle, int start)
        {
            for (var i = start; i <= haystack.Length - needle.Length; i++)
            {
                var ok = true;
                for (var j = 0; j < needle.Length; j++)
                    if (haystack[i + j] != needle[j]) { ok = false; break; }
                if (ok) return i;
            }
            return -1;
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Omnidesk.Engine.Http
{
    /// <summary>
    /// multipart/form-data written by hand rather than with MultipartFormDataContent, so that part headers are UTF-8
    /// on every framework (Cyrillic file names reach PHP intact, without RFC 2047/5987 encodings PHP does not
    /// decode) and names keep their brackets: Content-Disposition: form-data; name="case[subject]"; filename="…".
    /// Files are opened when the content is created and copied to the wire in chunks, never read whole into memory.
    /// One instance serves one attempt; <see cref="RequestContent.Multipart"/> makes a new one per attempt.
    /// </summary>
    internal sealed class MultipartFormContent : HttpContent
    {
        private const int CopyBufferSize = 81920;
        private static readonly byte[] CrLf = { (byte)'\r', (byte)'\n' };
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        private readonly List<Part> _parts;
        private readonly byte[] _closing;

        private sealed class Part
        {
            public byte[] Header;
            public byte[] Value;
            public Stream File;
            public string Path;
            public long FileStart;
            public long FileLength;
        }

        private MultipartFormContent(string boundary, List<Part> parts)
        {
            Boundary = boundary;
            _parts = parts;
            _closing = Utf8.GetBytes("--" + boundary + "--\r\n");
            var type = new MediaTypeHeaderValue("multipart/form-data");
            type.Parameters.Add(new NameValueHeaderValue("boundary", boundary));
            Headers.ContentType = type;
        }

        public string Boundary { get; }

        /// <summary>Opens every file of <paramref name="fields"/> (shared read) and builds the body around them.</summary>
        public static MultipartFormContent Create(IEnumerable<FormField> fields, string boundary = null)
        {
            boundary = boundary ?? "----OmnideskFormBoundary" + Guid.NewGuid().ToString("N");
            var parts = new List<Part>();
            try
            {
                foreach (var field in fields)
                {
                    var header = new StringBuilder();
                    header.Append("--").Append(boundary).Append("\r\n");
                    header.Append("Content-Disposition: form-data; name=\"").Append(Escape(field.Name)).Append('"');
                    var part = new Part();
                    if (field.File != null)
                    {
                        var fileName = string.IsNullOrEmpty(field.File.FileName) ? System.IO.Path.GetFileName(field.File.Path) : field.File.FileName;
                        header.Append("; filename=\"").Append(Escape(fileName)).Append("\"\r\n");
                        header.Append("Content-Type: ").Append(MimeTypes.Guess(fileName)).Append("\r\n");
                        var stream = new FileStream(field.File.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096,
                            FileOptions.Asynchronous | FileOptions.SequentialScan);
                        part.File = stream;
                        part.Path = field.File.Path;
                        parts.Add(part); // disposed with the others if a later file fails
                        part.FileStart = 0;
                        part.FileLength = stream.Length;
                    }
                    else
                    {
                        header.Append("\r\n");
                        part.Value = Utf8.GetBytes(field.Value ?? "");
                        parts.Add(part);
                    }
                    header.Append("\r\n");
                    part.Header = Utf8.GetBytes(header.ToString());
                }
            }
            catch
            {
                foreach (var part in parts) part.File?.Dispose();
                throw;
            }
            return new MultipartFormContent(boundary, parts);
        }

        /// <summary>As browsers do (HTML form-data encoding): " → %22, CR → %0D, LF → %0A.</summary>
        internal static string Escape(string value) =>
            (value ?? "").Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A");

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext context) =>
            WriteAsync(stream, CancellationToken.None);

#if NET
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext context, CancellationToken cancellationToken) =>
            WriteAsync(stream, cancellationToken);
#endif

        private async Task WriteAsync(Stream stream, CancellationToken cancellationToken)
        {
            var buffer = new byte[CopyBufferSize];
            foreach (var part in _parts)
            {
                await stream.WriteAsync(part.Header, 0, part.Header.Length, cancellationToken).ConfigureAwait(false);
                if (part.File != null)
                {
                    if (part.File.CanSeek) part.File.Position = part.FileStart;
                    var left = part.FileLength;
                    while (left > 0)
                    {
                        var read = await part.File.ReadAsync(buffer, 0, (int)Math.Min(buffer.Length, left), cancellationToken).ConfigureAwait(false);
                        if (read <= 0) throw new IOException("The file '" + part.Path + "' became shorter while it was being sent.");
                        await stream.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                        left -= read;
                    }
                }
                else
                {
                    await stream.WriteAsync(part.Value, 0, part.Value.Length, cancellationToken).ConfigureAwait(false);
                }
                await stream.WriteAsync(CrLf, 0, CrLf.Length, cancellationToken).ConfigureAwait(false);
            }
            await stream.WriteAsync(_closing, 0, _closing.Length, cancellationToken).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            long total = _closing.Length;
            foreach (var part in _parts)
                total += part.Header.Length + (part.File != null ? part.FileLength : part.Value.Length) + CrLf.Length;
            length = total;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                foreach (var part in _parts) part.File?.Dispose();
            base.Dispose(disposing);
        }
    }
}

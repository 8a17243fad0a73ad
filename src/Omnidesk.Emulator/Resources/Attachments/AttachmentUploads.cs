using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.StaticFiles;
using static Omnidesk.Emulator.BodyValues;

namespace Omnidesk.Emulator
{
    /// <summary>An uploaded file to attach to a new message (or case).</summary>
    public sealed record DraftFile(string FileName, string MimeType, byte[] Bytes);

    /// <summary>The attachments of a write: uploaded files (multipart) within the limits, and attachment_urls.</summary>
    public static class AttachmentUploads
    {
        /// <summary>25 MB per file and 50 MB in total (binary megabytes).</summary>
        public const long MaxFileBytes = 25L * 1024 * 1024;
        public const long MaxTotalFileBytes = 50L * 1024 * 1024;

        static readonly FileExtensionContentTypeProvider MimeTypes = new();

        public static string MimeTypeOf(string fileName, string given)
        {
            if (!string.IsNullOrWhiteSpace(given) && !given.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
                return given;
            return MimeTypes.TryGetContentType(fileName, out var t) ? t : "application/octet-stream";
        }

        /// <summary>
        /// The uploaded files under "{prefix}[attachments]…" (any of the prefixes), checked against the limits:
        /// file_too_large / files_too_large (413), or null.
        /// </summary>
        public static string ParseFiles(RequestBody body, List<DraftFile> into, params string[] prefixes)
        {
            long total = 0;
            foreach (var f in body.Files)
            {
                if (!prefixes.Any(p => f.Key.StartsWith(p + "[attachments]", StringComparison.OrdinalIgnoreCase))) continue;
                if (f.Bytes.Length > MaxFileBytes) return "file_too_large";
                total += f.Bytes.Length;
                if (total > MaxTotalFileBytes) return "files_too_large";
                string name = Path.GetFileName((f.FileName ?? "").Replace('\\', '/'));
                if (string.IsNullOrWhiteSpace(name)) name = "file";
                into.Add(new DraftFile(name, MimeTypeOf(name, f.ContentType), f.Bytes));
            }
            return null;
        }

        /// <summary>attachment_urls: an array (or form-indexed object, or comma list) of URLs.</summary>
        public static void AttachmentUrls(JsonElement e, List<string> into)
        {
            foreach (var u in Values(e))
            {
                string url = Str(u)?.Trim();
                if (!string.IsNullOrEmpty(url)) into.Add(url);
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;

namespace Omnidesk.Engine.Http
{
    /// <summary>The Content-Type of an uploaded file, guessed from its extension.</summary>
    internal static class MimeTypes
    {
        internal const string Default = "application/octet-stream";

        private static readonly Dictionary<string, string> ByExtension = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".txt"] = "text/plain", [".log"] = "text/plain", [".csv"] = "text/csv", [".tsv"] = "text/tab-separated-values",
            [".htm"] = "text/html", [".html"] = "text/html", [".css"] = "text/css", [".md"] = "text/markdown",
            [".xml"] = "application/xml", [".json"] = "application/json", [".js"] = "text/javascript",
            [".pdf"] = "application/pdf", [".rtf"] = "application/rtf",
            [".doc"] = "application/msword",
            [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            [".xls"] = "application/vnd.ms-excel",
            [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            [".ppt"] = "application/vnd.ms-powerpoint",
            [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            [".odt"] = "application/vnd.oasis.opendocument.text",
            [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
            [".odp"] = "application/vnd.oasis.opendocument.presentation",
            [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".jpe"] = "image/jpeg",
            [".gif"] = "image/gif", [".bmp"] = "image/bmp", [".webp"] = "image/webp", [".svg"] = "image/svg+xml",
            [".tif"] = "image/tiff", [".tiff"] = "image/tiff", [".ico"] = "image/x-icon", [".heic"] = "image/heic",
            [".zip"] = "application/zip", [".gz"] = "application/gzip", [".tgz"] = "application/gzip",
            [".tar"] = "application/x-tar", [".7z"] = "application/x-7z-compressed", [".rar"] = "application/vnd.rar",
            [".mp3"] = "audio/mpeg", [".wav"] = "audio/wav", [".ogg"] = "audio/ogg", [".oga"] = "audio/ogg",
            [".m4a"] = "audio/mp4", [".mp4"] = "video/mp4", [".mov"] = "video/quicktime", [".avi"] = "video/x-msvideo",
            [".webm"] = "video/webm", [".mkv"] = "video/x-matroska",
            [".eml"] = "message/rfc822", [".msg"] = "application/vnd.ms-outlook", [".ics"] = "text/calendar",
            [".vcf"] = "text/vcard",
        };

        public static string Guess(string fileName)
        {
            if (string.IsNullOrEmpty(fileName)) return Default;
            string extension;
            try { extension = Path.GetExtension(fileName); }
            catch (ArgumentException) { return Default; }
            return !string.IsNullOrEmpty(extension) && ByExtension.TryGetValue(extension, out var type) ? type : Default;
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;

namespace Omnidesk.Engine.Resources
{
    internal static class Uploads
    {
        /// <summary>
        /// Before anything is sent: every file exists and the API's limits hold (25 MB per file, 50 MB in all).
        /// Throws FileNotFoundException or ArgumentException.
        /// </summary>
        public static void Check(IEnumerable<OmnideskUpload> uploads)
        {
            long total = 0;
            foreach (var upload in uploads)
            {
                if (upload == null) continue;
                if (string.IsNullOrWhiteSpace(upload.Path)) throw new ArgumentException("An attachment has no file path.", nameof(uploads));
                var info = new FileInfo(upload.Path);
                if (!info.Exists) throw new FileNotFoundException("The file to attach was not found: " + upload.Path, upload.Path);
                if (info.Length > OmnideskUpload.MaxFileBytes)
                    throw new ArgumentException($"The file '{upload.Path}' is {info.Length} bytes; the API accepts at most {OmnideskUpload.MaxFileBytes} bytes per file.", nameof(uploads));
                total += info.Length;
            }
            if (total > OmnideskUpload.MaxTotalBytes)
                throw new ArgumentException($"The files to attach are {total} bytes in all; the API accepts at most {OmnideskUpload.MaxTotalBytes} bytes per request.", nameof(uploads));
        }
    }
}

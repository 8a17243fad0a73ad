using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace Omnidesk
{
    /// <summary>
    /// Checks files to attach before anything is sent: they exist, can be read, and keep within the API's limits
    /// (25 MB a file, 50 MB a request). A failure is an ErrorRecord naming the file, so nothing is half-created.
    /// </summary>
    internal static class AttachmentFiles
    {
        public static IReadOnlyList<OmnideskUpload> Resolve(PSCmdlet cmdlet, string[] paths, out ErrorRecord error)
        {
            error = null;
            var uploads = new List<OmnideskUpload>();
            if (paths == null) return uploads;
            long total = 0;
            foreach (var path in paths)
            {
                var file = ResolveOne(cmdlet, path, out error);
                if (error != null) return null;
                if (file.Length > OmnideskUpload.MaxFileBytes)
                {
                    error = Error("OmnideskAttachmentTooLarge", ErrorCategory.LimitsExceeded, file.FullName,
                        $"'{file.FullName}' is {Megabytes(file.Length)}: the API takes at most {Megabytes(OmnideskUpload.MaxFileBytes)} per file.");
                    return null;
                }
                total += file.Length;
                if (total > OmnideskUpload.MaxTotalBytes)
                {
                    error = Error("OmnideskAttachmentsTooLarge", ErrorCategory.LimitsExceeded, paths,
                        $"The attachments add up to more than {Megabytes(OmnideskUpload.MaxTotalBytes)}, the most the API takes in one request.");
                    return null;
                }
                uploads.Add(new OmnideskUpload(file.FullName, file.Name, file.Length));
            }
            return uploads;
        }

        private static FileInfo ResolveOne(PSCmdlet cmdlet, string path, out ErrorRecord error)
        {
            error = null;
            string resolved;
            try
            {
                resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
                if (provider.ImplementingType != typeof(FileSystemProvider))
                {
                    error = Error("OmnideskAttachmentNotAFile", ErrorCategory.InvalidArgument, path, $"'{path}' is not a file-system path.");
                    return null;
                }
            }
            catch (Exception e) when (e is ItemNotFoundException || e is System.Management.Automation.DriveNotFoundException || e is ProviderNotFoundException || e is NotSupportedException)
            {
                error = Error("OmnideskAttachmentNotFound", ErrorCategory.ObjectNotFound, path, $"Cannot attach '{path}': {e.Message}");
                return null;
            }

            if (Directory.Exists(resolved))
            {
                error = Error("OmnideskAttachmentIsAFolder", ErrorCategory.InvalidArgument, path,
                    $"Cannot attach '{path}': it is a folder, and only files can be attached. To attach the files in it, " +
                    $"give them one by one, for example -Attachment (Get-ChildItem -LiteralPath '{path}' -File).FullName.");
                return null;
            }
            var file = new FileInfo(resolved);
            if (!file.Exists)
            {
                error = Error("OmnideskAttachmentNotFound", ErrorCategory.ObjectNotFound, path, $"Cannot attach '{path}': there is no such file.");
                return null;
            }
            try
            {
                // Open it now: an unreadable file must fail here, not half-way through the upload.
                using (file.Open(FileMode.Open, FileAccess.Read, FileShare.ReadWrite)) { }
            }
            catch (Exception e) when (e is UnauthorizedAccessException || e is IOException)
            {
                error = Error("OmnideskAttachmentUnreadable", ErrorCategory.PermissionDenied, path, $"Cannot read '{file.FullName}': {e.Message}");
                return null;
            }
            return file;
        }

        private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";

        private static ErrorRecord Error(string id, ErrorCategory category, object target, string message) =>
            new ErrorRecord(new ArgumentException(message), id, category, target);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;

namespace Omnidesk.Commands
{
    /// <summary>
    /// Downloads the attachments of piped messages into a folder. Files of messages older than 30 days need the API
    /// credentials, which are sent only to the account's own address. An existing file is kept unless -Force, and a
    /// download that fails leaves no partial file.
    /// </summary>
    [Cmdlet(VerbsData.Save, "OmnideskAttachment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveOmnideskAttachmentCommand : OmnideskConnectedCmdlet
    {
        /// <summary>Files larger than this show a progress bar while they download.</summary>
        private const long ProgressThreshold = 1024 * 1024;

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public OmnideskMessage InputObject { get; set; }

        /// <summary>The folder to save into; created when missing. The current folder by default.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = ".";

        /// <summary>Overwrite files that exist.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private string _folder;
        private readonly Dictionary<string, long> _namesUsed = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);

        protected override void BeginProcessing()
        {
            _folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path, out var provider, out _);
            if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskPathNotAFolder",
                    $"-Path '{Path}' is not a file-system folder.", Path));
        }

        protected override void ProcessRecord()
        {
            foreach (var attachment in InputObject.Attachments ?? new OmnideskAttachment[0])
                Save(attachment);
        }

        private void Save(OmnideskAttachment attachment)
        {
            if (!Uri.TryCreate(attachment.Url, UriKind.Absolute, out var url))
            {
                WriteError(OmnideskErrors.InvalidArgument("OmnideskAttachmentWithoutUrl",
                    $"Attachment {attachment.FileId} ('{attachment.FileName}') of message {InputObject.MessageId} has no address to download it from.", attachment));
                return;
            }
            var destination = System.IO.Path.Combine(_folder, UniqueName(attachment));
            if (File.Exists(destination) && !Force)
            {
                WriteError(new ErrorRecord(new IOException($"'{destination}' exists; use -Force to overwrite it."),
                    "OmnideskFileExists", ErrorCategory.ResourceExists, destination));
                return;
            }
            if (!ShouldProcess(destination, $"Save attachment '{attachment.FileName}' of message {InputObject.MessageId}")) return;

            // Written beside the target under a name of its own, and moved into place only when complete.
            var partial = destination + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial";
            var progressId = (int)(attachment.FileId & 0x7FFFFFFF);
            var showProgress = attachment.FileSize > ProgressThreshold;
            try
            {
                Directory.CreateDirectory(_folder);
                using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    Await(context => Client.DownloadAsync(url, file, (done, total) =>
                    {
                        if (showProgress) Post(() => WriteProgress(Progress(progressId, attachment, done, total ?? attachment.FileSize)));
                    }, context));
                }
                // Replace keeps the old file whole until the new one is in place.
                if (File.Exists(destination)) File.Replace(partial, destination, null);
                else File.Move(partial, destination);
            }
            catch (OmnideskApiException e)
            {
                WriteApiError(e, attachment);
                return;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(e, "OmnideskFileWriteFailed", ErrorCategory.WriteError, destination));
                return;
            }
            finally
            {
                if (File.Exists(partial)) File.Delete(partial);
                if (showProgress)
                    WriteProgress(new ProgressRecord(progressId, "Save-OmnideskAttachment", attachment.FileName) { RecordType = ProgressRecordType.Completed });
            }
            WriteObject(new FileInfo(destination));
        }

        private static ProgressRecord Progress(int id, OmnideskAttachment attachment, long done, long total) =>
            new ProgressRecord(id, "Save-OmnideskAttachment", $"{attachment.FileName}: {done / 1024:N0} of {total / 1024:N0} KB")
            {
                PercentComplete = total > 0 ? (int)Math.Min(100, done * 100 / total) : -1,
            };

        /// <summary>A safe name, made unique in this run when two attachments share one (the file id is added).</summary>
        private string UniqueName(OmnideskAttachment attachment)
        {
            var name = SafeFileName(attachment.FileName, attachment.FileId);
            if (_namesUsed.TryGetValue(name, out var owner) && owner != attachment.FileId)
            {
                var extension = System.IO.Path.GetExtension(name);
                name = System.IO.Path.GetFileNameWithoutExtension(name) + " (" + attachment.FileId + ")" + extension;
            }
            _namesUsed[name] = attachment.FileId;
            return name;
        }

        private static readonly HashSet<string> ReservedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
        };

        /// <summary>
        /// A file name that stays inside the folder on every OS: no directory parts ("../", "C:\"), no characters
        /// Windows forbids, no reserved device names, no trailing dots or spaces, at most 150 characters.
        /// </summary>
        internal static string SafeFileName(string name, long fileId)
        {
            name = (name ?? "").Replace('\\', '/');
            name = name.Substring(name.LastIndexOf('/') + 1);
            var invalid = new HashSet<char>(System.IO.Path.GetInvalidFileNameChars().Concat(new[] { '<', '>', ':', '"', '|', '?', '*' }));
            var safe = new StringBuilder(name.Length);
            foreach (var c in name) safe.Append(invalid.Contains(c) || char.IsControl(c) ? '_' : c);
            var result = safe.ToString().Trim().TrimEnd('.', ' ');
            if (result.Length == 0 || result.Trim('.').Length == 0) result = "attachment-" + fileId;
            // Windows reserves the device name before the first dot: "con.tar.gz" as much as "con.txt".
            if (ReservedNames.Contains(result.Split('.')[0].TrimEnd(' '))) result = "_" + result;
            if (result.Length > 150)
            {
                var extension = System.IO.Path.GetExtension(result);
                if (extension.Length > 20) extension = "";
                result = result.Substring(0, 150 - extension.Length) + extension;
            }
            return result;
        }
    }
}

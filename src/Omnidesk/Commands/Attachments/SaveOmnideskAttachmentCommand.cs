using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;

namespace Omnidesk.Commands
{
    /// <summary>
    /// Downloads attachments into a folder: those of piped messages (typed, deserialized, or rows with CaseId and
    /// MessageId, which are read again), piped attachment objects, or every message of piped cases (cases, case ids,
    /// case numbers). Files of messages older than 30 days need the API
    /// credentials, which are sent only to the account's own address. An existing file is kept unless -Force, and a
    /// download that fails leaves no partial file.
    /// </summary>
    [Cmdlet(VerbsData.Save, "OmnideskAttachment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveOmnideskAttachmentCommand : OmnideskConnectedCmdlet
    {
        private static readonly string[] AttachmentListProperties = { "Attachments", "attachments" };
        /// <summary>Files larger than this show a progress bar while they download.</summary>
        private const long ProgressThreshold = 1024 * 1024;

        /// <summary>Messages, attachments, or cases (objects, ids, numbers) whose messages' attachments are saved.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

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
            base.BeginProcessing();
            _folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path, out var provider, out _);
            if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskPathNotAFolder",
                    $"-Path '{Path}' is not a file-system folder.", Path));
        }

        protected override void ProcessRecord()
        {
            foreach (var item in PipedItem.Expand(InputObject)) SaveFrom(item);
        }

        private void SaveFrom(object item)
        {
            var value = PipedItem.Unwrap(item);
            if (value is OmnideskMessage message)
            {
                SaveAll(message.Attachments, message.MessageId);
                return;
            }
            var single = AttachmentOf(item);
            if (single != null)
            {
                Save(single, null);
                return;
            }
            if (!Identities.Message.IsNamedBy(item))
            {
                // A case: the attachments of all its messages.
                var target = Identities.Case.Read(item, null, out var caseError);
                if (caseError != null) WriteErrorInTurn(caseError);
                else ReadMessages(target, null, messages =>
                {
                    foreach (var m in messages) SaveAll(m.Attachments, m.MessageId);
                });
                return;
            }
            // A deserialized message keeps its attachments; a CSV row only names them, so the message is read again.
            if (PipedItem.TryGet(item, AttachmentListProperties, out var list, out _) && list is IEnumerable many && !(list is string))
            {
                PipedItem.TryGet(item, Identities.Message.IdProperties, out var idValue, out _);
                // A message id only names the message in messages; without one the attachments are still saved.
                _ = PipedItem.TryParseId(idValue, out var messageId);
                SaveAll(many.Cast<object>().Select(AttachmentOf).Where(a => a != null), messageId);
                return;
            }
            var named = Identities.Message.Read(item, null, out var error);
            if (error != null)
            {
                WriteErrorInTurn(error);
                return;
            }
            ReadMessages(Identities.Case.FromId(named.CaseId), named.MessageId, messages =>
            {
                var found = messages.FirstOrDefault();
                if (found != null) SaveAll(found.Attachments, found.MessageId);
                else WriteError(new ErrorRecord(new ItemNotFoundException($"Case {named.CaseId} has no message {named.MessageId}."),
                    "OmnideskMessageNotFound", ErrorCategory.ObjectNotFound, named.Item));
            });
        }

        private void SaveAll(IEnumerable<OmnideskAttachment> attachments, long? messageId)
        {
            foreach (var attachment in attachments ?? Enumerable.Empty<OmnideskAttachment>()) Save(attachment, messageId);
        }

        /// <summary>An attachment object, typed or not (deserialized, or any object with Url and FileName); else null.</summary>
        private static OmnideskAttachment AttachmentOf(object item)
        {
            if (PipedItem.Unwrap(item) is OmnideskAttachment known) return known;
            if (PipedItem.IsScalar(item) || !PipedItem.TryGet(item, new[] { "Url", "url" }, out var url, out _) ||
                !PipedItem.TryGet(item, new[] { "FileName", "file_name" }, out var name, out _)) return null;
            PipedItem.TryGet(item, new[] { "FileId", "file_id" }, out var id, out _);
            PipedItem.TryGet(item, new[] { "FileSize", "file_size" }, out var size, out _);
            // Id and size are for display only: a file is fetched by its url, so their absence is no error.
            _ = PipedItem.TryParseId(id, out var fileId);
            _ = PipedItem.TryParseId(size, out var fileSize);
            return new OmnideskAttachment
            {
                Url = Convert.ToString(url, CultureInfo.InvariantCulture),
                FileName = Convert.ToString(name, CultureInfo.InvariantCulture),
                FileId = fileId,
                FileSize = fileSize,
            };
        }

        /// <summary>
        /// Reads the messages of a case (or just <paramref name="messageId"/>), all pages, as one of the command's per-item
        /// requests; <paramref name="then"/> saves from them in the case's turn. A failure is an error on the case.
        /// </summary>
        private void ReadMessages(CaseRef target, long? messageId, Action<List<OmnideskMessage>> then)
        {
            // Shown once a case has more than one page of messages; the pages are reported as they are read.
            var progress = new ListProgress(this, "Save-OmnideskAttachment", "messages");
            Items.Add(async context =>
            {
                var caseId = await IdOf(target, context).ConfigureAwait(false);
                var found = new List<OmnideskMessage>();
                using (var reader = Client.ReadPages((page, limit, c) => Client.GetMessagesAsync(target.Key, caseId, "asc", (int)page, limit, c),
                           new OmnideskListWindow(), OmnideskResources.Message.MaxPage, context))
                {
                    OmnideskListPage<OmnideskMessage> page;
                    while ((page = await reader.NextAsync().ConfigureAwait(false)) != null)
                    {
                        var read = page;
                        Post(() => progress.PageRead(read.Number, read.Limit, read.Answer));
                        found.AddRange(page.Items.Where(m => messageId == null || m.MessageId == messageId));
                    }
                }
                return found;
            }, messages =>
            {
                progress.Complete();
                then(messages);
            }, e =>
            {
                progress.Complete();
                WriteApiError(e, target.IdOrNumber);
            });
        }

        /// <summary>
        /// Saves one attachment: checked and asked about in its turn, then downloaded as one of the command's per-item
        /// requests, into a file of its own beside the target that is moved into place only when complete.
        /// </summary>
        private void Save(OmnideskAttachment attachment, long? messageId)
        {
            var of = messageId > 0 ? $" of message {messageId}" : "";
            if (!Uri.TryCreate(attachment.Url, UriKind.Absolute, out var url))
            {
                WriteErrorInTurn(OmnideskErrors.InvalidArgument("OmnideskAttachmentWithoutUrl",
                    $"Attachment {attachment.FileId} ('{attachment.FileName}'){of} has no address to download it from.", attachment));
                return;
            }
            var destination = System.IO.Path.Combine(_folder, UniqueName(attachment));
            if (File.Exists(destination) && !Force)
            {
                WriteErrorInTurn(new ErrorRecord(new IOException($"'{destination}' exists; use -Force to overwrite it."),
                    "OmnideskFileExists", ErrorCategory.ResourceExists, destination));
                return;
            }
            if (!Approve(destination, $"Save attachment '{attachment.FileName}'{of}", force: false)) return;

            var progressId = (int)(attachment.FileId & 0x7FFFFFFF);
            var showProgress = attachment.FileSize > ProgressThreshold;
            Action<long, long?> onProgress = (done, total) =>
            {
                if (showProgress) Post(() => WriteProgress(Progress(progressId, attachment, done, total ?? attachment.FileSize)));
            };
            Items.Add(context => DownloadAsync(url, destination, onProgress, context), writeFailure =>
            {
                EndProgress(showProgress, progressId, attachment);
                if (writeFailure != null)
                    WriteError(new ErrorRecord(writeFailure, "OmnideskFileWriteFailed", ErrorCategory.WriteError, destination));
                // As Get-Item writes it: with PSPath and the provider's properties, so it shows and pipes like any file.
                else WriteObject(SessionState.InvokeProvider.Item.Get(new[] { destination }, false, true), true);
            }, e =>
            {
                EndProgress(showProgress, progressId, attachment);
                WriteApiError(e, attachment);
            });
        }

        /// <summary>Downloads into the destination's folder; null when saved, else the file system's exception.</summary>
        private async Task<Exception> DownloadAsync(Uri url, string destination, Action<long, long?> onProgress, OmnideskCallContext context)
        {
            var partial = destination + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial";
            try
            {
                Directory.CreateDirectory(_folder);
                using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                    await Client.DownloadAsync(url, file, onProgress, context).ConfigureAwait(false);
                // Replace keeps the old file whole until the new one is in place.
                if (File.Exists(destination)) File.Replace(partial, destination, null);
                else File.Move(partial, destination);
                return null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return e;
            }
            finally
            {
                if (File.Exists(partial)) File.Delete(partial);
            }
        }

        private void EndProgress(bool shown, int progressId, OmnideskAttachment attachment)
        {
            if (shown) WriteProgress(new ProgressRecord(progressId, "Save-OmnideskAttachment", attachment.FileName) { RecordType = ProgressRecordType.Completed });
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

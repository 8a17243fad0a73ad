using System;
using System.Collections.Generic;
using System.Linq;

namespace Omnidesk.Emulator
{
    /// <summary>An uploaded file's bytes, kept in memory so GET /files/{id}/{name} can serve them.</summary>
    public sealed class StoredFile
    {
        public long FileId { get; init; }
        public string FileName { get; init; }
        public string MimeType { get; init; }
        public byte[] Bytes { get; init; }
    }

    /// <summary>An attachment found by its file id: its metadata, when its message was created, and its bytes.</summary>
    /// <param name="Bytes">The uploaded bytes, or null for a generated file (seeded, attachment_urls).</param>
    public sealed record AttachmentFile(EmuAttachment Attachment, DateTimeOffset MessageCreatedAt, byte[] Bytes);

    /// <summary>The attachments of the store: new ones for a message, uploaded bytes (capped), and the lookup of GET /files.</summary>
    public sealed partial class DataStore
    {
        /// <summary>Uploaded bytes kept at most; past it the oldest files' bytes are dropped (their URLs then 404).</summary>
        public const long MaxStoredFileBytes = 512L * 1024 * 1024;

        readonly Dictionary<long, StoredFile> _files = new();
        readonly Queue<long> _fileOrder = new();
        long _fileBytes;
        long _nextFileId;

        static string FileNameOfUrl(string url)
        {
            string path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url.Split('?', '#')[0];
            string name = Uri.UnescapeDataString(path.TrimEnd('/').Split('/').LastOrDefault() ?? "");
            return name.Length == 0 ? "file" : name;
        }

        void StoreFile(StoredFile f)
        {
            _files[f.FileId] = f;
            _fileOrder.Enqueue(f.FileId);
            _fileBytes += f.Bytes.Length;
            while (_fileBytes > MaxStoredFileBytes && _fileOrder.Count > 1)
                if (_files.Remove(_fileOrder.Dequeue(), out var old)) _fileBytes -= old.Bytes.Length;
        }

        /// <summary>Forgets the uploaded bytes of a file whose message or case is gone. Under the lock.</summary>
        void DropFile(long fileId)
        {
            if (_files.Remove(fileId, out var f)) _fileBytes -= f.Bytes.Length;
        }

        /// <summary>An uploaded file, or null (unknown id, or its bytes were dropped).</summary>
        public StoredFile FindFile(long fileId)
        {
            lock (_lock) return _files.GetValueOrDefault(fileId);
        }

        /// <summary>
        /// The attachment with this file id in any case, with its message's created_at and its bytes; null when there is
        /// none, or when it was uploaded and its bytes were dropped (the 512 MB cap).
        /// </summary>
        public AttachmentFile FindAttachment(long fileId)
        {
            lock (_lock)
            {
                foreach (var c in _cases)
                    foreach (var m in c.Messages)
                        foreach (var a in m.Attachments)
                        {
                            if (a.FileId != fileId) continue;
                            byte[] bytes = null;
                            if (a.Uploaded)
                            {
                                bytes = _files.GetValueOrDefault(fileId)?.Bytes;
                                if (bytes == null) return null;
                            }
                            return new AttachmentFile(a.Clone(), m.CreatedAt, bytes);
                        }
                return null;
            }
        }

        /// <summary>Adds the uploaded files (stored) and the attachment_urls (generated, size 0) to a new message. Under the lock.</summary>
        void AddAttachments(EmuMessage message, IEnumerable<DraftFile> files, IEnumerable<string> urls)
        {
            foreach (var f in files)
            {
                long id = _nextFileId++;
                message.Attachments.Add(new EmuAttachment
                {
                    FileId = id, FileName = f.FileName, FileSize = f.Bytes.Length, MimeType = f.MimeType,
                    Url = Seeder.FileUrl(id, f.FileName), Uploaded = true,
                });
                StoreFile(new StoredFile { FileId = id, FileName = f.FileName, MimeType = f.MimeType, Bytes = f.Bytes });
            }
            foreach (string url in urls)
            {
                long id = _nextFileId++;
                string name = FileNameOfUrl(url);
                message.Attachments.Add(new EmuAttachment
                {
                    FileId = id, FileName = name, FileSize = 0, MimeType = AttachmentUploads.MimeTypeOf(name, null),
                    Url = Seeder.FileUrl(id, name),
                });
            }
        }
    }
}

using System.Globalization;

namespace Omnidesk.Emulator;

/// <summary>An attachment found by its file id: its metadata, when its message was created, and its bytes.</summary>
/// <param name="Bytes">The uploaded bytes, or null for a generated file (seeded, attachment_urls).</param>
public sealed record AttachmentFile(EmuAttachment Attachment, DateTimeOffset MessageCreatedAt, byte[] Bytes);

/// <summary>The message and note writes, and the attachment lookup of GET /files.</summary>
public sealed partial class DataStore
{
    /// <summary>
    /// Adds the draft as a new message to each existing case of <paramref name="keys"/> except those in
    /// <paramref name="fail"/> (each case once, in request order). Returns the cases and their new messages (copies).
    /// </summary>
    public List<(long CaseId, EmuMessage Message)> AddMessages(IEnumerable<string> keys, IReadOnlyCollection<long> fail, MessageDraft d)
    {
        var done = new List<(long, EmuMessage)>();
        lock (_lock)
        {
            var now = Now;
            foreach (string key in keys)
            {
                var c = Live(key);
                if (c == null || fail.Contains(c.CaseId) || done.Any(x => x.Item1 == c.CaseId)) continue;
                var m = new EmuMessage
                {
                    MessageId = _nextMessageId++,
                    UserId = d.UserId,
                    StaffId = d.StaffId,
                    Note = d.Note,
                    Content = d.Content ?? "",
                    ContentHtml = d.ContentHtml ?? "",
                    CreatedAt = now,
                    // a send_at in the future makes a delayed message
                    SentAt = d.SendAt is DateTimeOffset at && at > now ? at.ToOffset(now.Offset) : now,
                };
                AddAttachments(m, d.Files, d.AttachmentUrls);
                c.Messages.Add(m);
                c.UpdatedAt = now;
                string id = m.MessageId.ToString(CultureInfo.InvariantCulture);
                if (d.Note) Log(c, now, "staff_" + m.StaffId, "note", id);
                else if (m.StaffId != 0)
                {
                    c.LastResponseAt = now;
                    Log(c, now, "staff_" + m.StaffId, "staff_response", id);
                }
                else Log(c, now, "user_" + m.UserId, "user_response", id);
                MarkDirty(c.CaseId);
                done.Add((c.CaseId, m.Clone()));
            }
        }
        return done;
    }

    /// <summary>Deletes a message of a case (and its uploaded bytes); false when the case or message is missing.</summary>
    public bool RemoveMessage(string caseKey, long messageId, string doneBy)
    {
        lock (_lock)
        {
            var c = Live(caseKey);
            var m = c?.Messages.FirstOrDefault(x => x.MessageId == messageId);
            if (m == null) return false;
            c.Messages.Remove(m);
            foreach (var a in m.Attachments)
                if (_files.Remove(a.FileId, out var f)) _fileBytes -= f.Bytes.Length;
            var now = Now;
            c.UpdatedAt = now;
            Log(c, now, doneBy, m.Note ? "note_deleted" : "response_deleted", messageId.ToString(CultureInfo.InvariantCulture));
            MarkDirty(c.CaseId);
            return true;
        }
    }

    static void Log(EmuCase c, DateTimeOffset now, string doneBy, string ev, string value) =>
        c.Changelog.Add(new EmuChangelogEntry { CreatedAt = now, Event = ev, DoneBy = doneBy, OldValue = "", Value = value });

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
                FileId = id, FileName = name, FileSize = 0, MimeType = CaseWrites.MimeTypeOf(name, null),
                Url = Seeder.FileUrl(id, name),
            });
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Omnidesk.Emulator
{
    /// <summary>The messages and notes of the store's cases: add (to several cases at once), change, remove.</summary>
    public sealed partial class DataStore
    {
        long _nextMessageId;

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
                foreach (var a in m.Attachments) DropFile(a.FileId);
                var now = Now;
                c.UpdatedAt = now;
                Log(c, now, doneBy, m.Note ? "note_deleted" : "response_deleted", messageId.ToString(CultureInfo.InvariantCulture));
                MarkDirty(c.CaseId);
                return true;
            }
        }

        static void Log(EmuCase c, DateTimeOffset now, string doneBy, string ev, string value) =>
            c.Changelog.Add(new EmuChangelogEntry { CreatedAt = now, Event = ev, DoneBy = doneBy, OldValue = "", Value = value });

        /// <summary>A message of a case, changed under the lock; null when the case or message is missing.</summary>
        public (EmuCase Case, EmuMessage Message) ChangeMessage(string caseKey, long messageId, Action<EmuCase, EmuMessage, DateTimeOffset> change)
        {
            lock (_lock)
            {
                var c = Live(caseKey);
                if (c == null) return (null, null);
                var m = c.Messages.FirstOrDefault(x => x.MessageId == messageId);
                if (m == null) return (c.Clone(), null);
                change(c, m, Now);
                MarkDirty(c.CaseId);
                return (c.Clone(), m.Clone());
            }
        }
    }
}

using static Omnidesk.Emulator.AttachmentUploads;
using static Omnidesk.Emulator.BodyValues;
using static Omnidesk.Emulator.MessageWrites;

namespace Omnidesk.Emulator
{
    /// <summary>Parsing and validation of a new note (its edit is a message edit: <see cref="MessageWrites.ParseEdit"/>).</summary>
    public static class NoteWrites
    {
        /// <summary>
        /// POST …/note.json {"note":{content, content_html, staff_id|note_staff_id, attachment_urls}} (a "message" wrapper
        /// is accepted too, as the docs' curl sends it). The author defaults to the authenticated staff member.
        /// </summary>
        public static (int Status, string Error) Parse(RequestBody body, DataStore store, EmuStaff me, out MessageDraft draft)
        {
            draft = null;
            var n = Wrapper(body);
            var d = new MessageDraft { Note = true, StaffId = me.StaffId };
            string fileError = ParseFiles(body, d.Files, "note", "message");
            if (fileError != null) return (413, fileError);

            var staff = Prop(n, "staff_id");
            if (IsAbsent(staff) || Str(staff) == "") staff = Prop(n, "note_staff_id");
            var (hasStaff, staffOk, staffId) = Id(staff);
            if (hasStaff)
            {
                string error = StaffError(store, staffOk, staffId);
                if (error != null) return (400, error);
                d.StaffId = staffId;
            }
            d.Content = Text(n, "content");
            d.ContentHtml = Text(n, "content_html");
            if (d.Content == null && d.ContentHtml == null) return (400, "content_not_specified");
            AttachmentUrls(Prop(n, "attachment_urls"), d.AttachmentUrls);
            draft = d;
            return (0, null);
        }
    }
}

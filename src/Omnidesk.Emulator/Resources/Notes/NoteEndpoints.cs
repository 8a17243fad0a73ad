namespace Omnidesk.Emulator
{
    /// <summary>
    /// The notes of a case: add (to one case or several), edit and delete, as messages with note: true. They are listed
    /// with the messages.
    /// </summary>
    public sealed class NoteEndpoints : MessageEndpoints
    {
        public NoteEndpoints() : base(ApiDescription.Notes, note: true)
        {
        }

        protected override (int Status, string Error) Parse(ApiRequest r, out MessageDraft draft) =>
            NoteWrites.Parse(r.Body, r.Store, r.Staff, out draft);
    }
}

namespace Omnidesk
{
    /// <summary>
    /// A message or note as the user named it (see <see cref="Identities.Message"/>): its case and its id, and its kind
    /// when the item says (a message object, or an IsNote/note column).
    /// </summary>
    internal sealed class MessageRef : ItemRef
    {
        private static readonly string[] NoteProperties = { "IsNote", "note" };

        internal MessageRef(ItemRef read) : base(read)
        {
            if (!PipedItem.IsScalar(read.Item) && PipedItem.TryGet(read.Item, NoteProperties, out var note, out _))
            {
                var isNote = PipedItem.AsBool(note);
                if (isNote.HasValue) Kind = isNote.Value ? MessageKind.Note : MessageKind.Response;
            }
        }

        public long CaseId => ParentId.Value;
        public long MessageId => Id.Value;

        /// <summary>A note or a response, or null when the item does not say.</summary>
        public MessageKind? Kind { get; }
    }
}

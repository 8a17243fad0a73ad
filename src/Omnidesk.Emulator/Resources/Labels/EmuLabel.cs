namespace Omnidesk.Emulator
{
    /// <summary>A label cases can carry.</summary>
    public sealed record EmuLabel : IResourceItem
    {
        public long LabelId { get; init; }
        public string Title { get; init; }

        long IResourceItem.Id => LabelId;
    }
}

using System;

namespace Omnidesk.Emulator
{
    /// <summary>A group of staff members; every case belongs to one.</summary>
    public sealed record EmuGroup : IResourceItem
    {
        public long GroupId { get; init; }
        public string Title { get; init; }
        /// <summary>The sender name of e-mails sent from the group.</summary>
        public string FromName { get; init; } = "";
        public string Signature { get; init; } = "";
        public bool Active { get; init; } = true;
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        long IResourceItem.Id => GroupId;
    }
}

using System;

namespace Omnidesk.Emulator
{
    /// <summary>A staff member (agent); every active seeded staff member is a valid API login.</summary>
    public sealed record EmuStaff : IResourceItem
    {
        public long StaffId { get; init; }
        public string Email { get; init; }
        /// <summary>The login's key: never sent in an answer.</summary>
        public string ApiKey { get; init; }
        public string FullName { get; init; }
        public string Signature { get; init; } = "";
        public string SignatureChat { get; init; } = "";
        /// <summary>An inactive (disabled) staff member cannot log in or author messages (staff_not_active).</summary>
        public bool Active { get; init; } = true;
        /// <summary>The presence status: 1 online, 2 offline, 3 no chats.</summary>
        public int StatusId { get; init; } = 2;
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        long IResourceItem.Id => StaffId;
    }
}

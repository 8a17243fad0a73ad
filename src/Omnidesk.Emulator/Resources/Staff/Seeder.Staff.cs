using System.Collections.Generic;

namespace Omnidesk.Emulator
{
    /// <summary>The seeded staff members: every active one is a login (staff_email:api_key).</summary>
    public static partial class Seeder
    {
        public static readonly EmuStaff DemoStaff = new()
        {
            StaffId = 15, Email = "demo@omnidesk.test", ApiKey = "demo-api-key", FullName = "Demo Agent",
            Signature = "<p>Best regards,<br>Demo Agent</p>", SignatureChat = "Demo Agent", StatusId = 1,
            CreatedAt = Anchor.AddDays(-900), UpdatedAt = Anchor.AddDays(-12),
        };

        public static IReadOnlyList<EmuStaff> Staff { get; } = new[]
        {
            DemoStaff,
            new EmuStaff
            {
                StaffId = 22, Email = "anna.petrova@omnidesk.test", ApiKey = "anna-api-key", FullName = "Anna Petrova", StatusId = 1,
                CreatedAt = Anchor.AddDays(-850), UpdatedAt = Anchor.AddDays(-40),
            },
            new EmuStaff
            {
                StaffId = 41, Email = "boris.ivanov@omnidesk.test", ApiKey = "boris-api-key", FullName = "Boris Ivanov", StatusId = 3,
                CreatedAt = Anchor.AddDays(-700), UpdatedAt = Anchor.AddDays(-95),
            },
            new EmuStaff
            {
                StaffId = 57, Email = "clara.smith@omnidesk.test", ApiKey = "clara-api-key", FullName = "Clara Smith",
                CreatedAt = Anchor.AddDays(-610), UpdatedAt = Anchor.AddDays(-7),
            },
            new EmuStaff
            {
                StaffId = 63, Email = "dmitry.orlov@omnidesk.test", ApiKey = "dmitry-api-key", FullName = "Dmitry Orlov",
                CreatedAt = Anchor.AddDays(-480), UpdatedAt = Anchor.AddDays(-150),
            },
            new EmuStaff
            {
                StaffId = 88, Email = "elena.kuznetsova@omnidesk.test", ApiKey = "elena-api-key", FullName = "Elena Kuznetsova", StatusId = 1,
                CreatedAt = Anchor.AddDays(-400), UpdatedAt = Anchor.AddDays(-20),
            },
            // a disabled account: not a login, not an author of seeded data; messages by it → staff_not_active
            new EmuStaff
            {
                StaffId = 99, Email = "former.agent@omnidesk.test", ApiKey = "former-api-key", FullName = "Former Agent", Active = false,
                CreatedAt = Anchor.AddDays(-1000), UpdatedAt = Anchor.AddDays(-380),
            },
        };
    }
}

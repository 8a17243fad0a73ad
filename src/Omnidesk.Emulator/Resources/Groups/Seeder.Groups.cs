using System.Collections.Generic;

namespace Omnidesk.Emulator
{
    /// <summary>The seeded groups.</summary>
    public static partial class Seeder
    {
        /// <summary>The group new cases land in.</summary>
        public const long DefaultGroupId = 44;

        public static IReadOnlyList<EmuGroup> Groups { get; } = new[]
        {
            new EmuGroup
            {
                GroupId = 44, Title = "Support", FromName = "Demo Support", Signature = "<p>Demo Support team</p>",
                CreatedAt = Anchor.AddDays(-900), UpdatedAt = Anchor.AddDays(-60),
            },
            new EmuGroup { GroupId = 45, Title = "Billing", FromName = "Demo Billing", CreatedAt = Anchor.AddDays(-880), UpdatedAt = Anchor.AddDays(-200) },
            new EmuGroup { GroupId = 46, Title = "Sales", FromName = "Demo Sales", CreatedAt = Anchor.AddDays(-500), UpdatedAt = Anchor.AddDays(-33) },
        };
    }
}

using System.Collections.Generic;

namespace Omnidesk.Emulator
{
    /// <summary>The seeded labels.</summary>
    public static partial class Seeder
    {
        public static IReadOnlyList<EmuLabel> Labels { get; } = new[]
        {
            new EmuLabel { LabelId = 101, Title = "urgent" },
            new EmuLabel { LabelId = 102, Title = "vip" },
            new EmuLabel { LabelId = 103, Title = "refund" },
            new EmuLabel { LabelId = 104, Title = "bug" },
            new EmuLabel { LabelId = 105, Title = "feature request" },
            new EmuLabel { LabelId = 106, Title = "callback" },
        };
    }
}

using System.Collections.Generic;

namespace Omnidesk.Emulator
{
    /// <summary>The seeded case filters.</summary>
    public static partial class Seeder
    {
        /// <summary>The saved filters every staff member sees (the real API's are per staff; ours are shared).</summary>
        public static IReadOnlyList<EmuFilter> Filters { get; } = new[]
        {
            new EmuFilter { FilterId = "unassigned", FilterName = "Unassigned", IsSelected = true, Predicate = (c, _) => c.StaffId == 0 && c.Status != "closed" },
            new EmuFilter { FilterId = "my", FilterName = "My cases", Predicate = (c, me) => c.StaffId == me.StaffId && c.Status != "closed" },
            new EmuFilter { FilterId = "open", FilterName = "Open", Predicate = (c, _) => c.Status == "open" },
            new EmuFilter { FilterId = "waiting", FilterName = "Waiting", Predicate = (c, _) => c.Status == "waiting" },
            new EmuFilter { FilterId = "closed", FilterName = "Closed", Predicate = (c, _) => c.Status == "closed" },
            new EmuFilter { FilterId = "all", FilterName = "All cases", Predicate = (_, _) => true },
            new EmuFilter { FilterId = "234", FilterName = "High priority open", IsCustom = true, Predicate = (c, _) => c.Status == "open" && c.Priority is "high" or "critical" },
            new EmuFilter { FilterId = "235", FilterName = "Telegram waiting", IsCustom = true, Predicate = (c, _) => c.Channel == "telegram" && c.Status == "waiting" },
            new EmuFilter { FilterId = "236", FilterName = "Billing group, not closed", IsCustom = true, Predicate = (c, _) => c.GroupId == 45 && c.Status != "closed" },
        };
    }
}

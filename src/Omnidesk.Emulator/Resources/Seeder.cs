using System;
using System.Linq;

namespace Omnidesk.Emulator
{
    /// <summary>
    /// Builds the demo account; each resource's part is in its folder (Seeder.Cases.cs, Seeder.Staff.cs, …). Deterministic:
    /// a fixed generator seed and a fixed anchor date (not the clock), so every start and every reset yields byte-identical
    /// data.
    /// </summary>
    public static partial class Seeder
    {
        /// <summary>"Now" of the seeded data: every date lies in the year before it (the account's zone is its +03:00).</summary>
        /// <remarks>
        /// A property, not a field: the seeds of the other parts use it in their initializers, and C# does not order the
        /// field initializers of the parts of a partial class.
        /// </remarks>
        public static DateTimeOffset Anchor => new(2026, 6, 30, 12, 0, 0, TimeSpan.FromHours(3));

        const int DataSeed = 20260630;

        static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

        static string Pick(Random rng, (string Value, int Weight)[] items) => Weighted(rng, items);

        static string Weighted(Random rng, params (string Value, int Weight)[] items)
        {
            int total = items.Sum(x => x.Weight), r = rng.Next(total);
            foreach (var (value, weight) in items)
            {
                if (r < weight) return value;
                r -= weight;
            }
            return items[^1].Value;
        }
    }
}

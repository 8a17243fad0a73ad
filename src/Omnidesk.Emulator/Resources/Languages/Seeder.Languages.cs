using System.Collections.Generic;

namespace Omnidesk.Emulator
{
    /// <summary>The seeded languages: two active ones, which cases use, and an inactive one.</summary>
    public static partial class Seeder
    {
        public static IReadOnlyList<EmuLanguage> Languages { get; } = new[]
        {
            new EmuLanguage { LanguageId = 1, Code = "RUS", Title = "Русский" },
            new EmuLanguage { LanguageId = 2, Code = "ENG", Title = "English" },
            new EmuLanguage { LanguageId = 3, Code = "DEU", Title = "Deutsch", Active = false },
        };
    }
}

using System.Collections.Generic;

namespace Omnidesk.Emulator
{
    /// <summary>The seeded custom fields of cases.</summary>
    public static partial class Seeder
    {
        public static IReadOnlyList<EmuCustomField> CustomFields { get; } = new[]
        {
            new EmuCustomField { FieldId = 25, Title = "Order number", FieldType = "text" },
            new EmuCustomField
            {
                FieldId = 30, Title = "Topic", FieldType = "select",
                Options = new Dictionary<string, string> { ["1"] = "Billing", ["2"] = "Technical", ["3"] = "Sales", ["4"] = "Other" },
            },
            new EmuCustomField { FieldId = 44, Title = "VIP customer", FieldType = "checkbox" },
        };
    }
}

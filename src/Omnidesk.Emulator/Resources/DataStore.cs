using System;
using System.Collections.Generic;
using System.Linq;

namespace Omnidesk.Emulator
{
    /// <summary>
    /// The account's data. The small resources (staff, groups, labels, custom fields, languages) are tables of their own
    /// (<see cref="ResourceTable{T}"/>); the cases with their users, messages, changelogs and uploaded files are in the
    /// other parts of this class (DataStore.Cases.cs, …), where all access goes through the store lock and readers get
    /// deep copies, so JSON is written outside it.
    /// </summary>
    public sealed partial class DataStore
    {
        readonly object _lock = new();
        readonly TimeProvider _clock;

        public DataStore(int caseCount, TimeProvider clock = null)
        {
            _caseCount = caseCount;
            _clock = clock ?? TimeProvider.System;
            Staff = new ResourceTable<EmuStaff>(Seeder.Staff);
            Groups = new ResourceTable<EmuGroup>(Seeder.Groups);
            Labels = new ResourceTable<EmuLabel>(Seeder.Labels);
            CustomFields = new ResourceTable<EmuCustomField>(Seeder.CustomFields);
            Languages = new ResourceTable<EmuLanguage>(Seeder.Languages);
            ResetCases();
        }

        public ResourceTable<EmuStaff> Staff { get; }
        public ResourceTable<EmuGroup> Groups { get; }
        public ResourceTable<EmuLabel> Labels { get; }
        public ResourceTable<EmuCustomField> CustomFields { get; }
        public ResourceTable<EmuLanguage> Languages { get; }
        /// <summary>The saved filters (fixed: the seeded ones).</summary>
        public IReadOnlyList<EmuFilter> Filters => Seeder.Filters;

        /// <summary>The state's clock, in the account's zone (+03:00), to whole seconds (what the API can show).</summary>
        public DateTimeOffset Now
        {
            get
            {
                var utc = _clock.GetUtcNow();
                utc = new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
                return utc.ToOffset(Seeder.Anchor.Offset);
            }
        }

        /// <summary>Back to the seeded data (uploaded files are dropped too).</summary>
        public void Reset()
        {
            Staff.Reset();
            Groups.Reset();
            Labels.Reset();
            CustomFields.Reset();
            Languages.Reset();
            ResetCases();
        }

        /// <summary>The login of this e-mail (case-insensitive), or null.</summary>
        public EmuStaff FindStaffByEmail(string email) =>
            Staff.All.FirstOrDefault(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase));

        /// <summary>A custom field by its key "cf_N" (case-insensitive), or null.</summary>
        public EmuCustomField FindCustomField(string key) =>
            CustomFields.All.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));

        public EmuFilter FindFilter(string id) =>
            Filters.FirstOrDefault(f => string.Equals(f.FilterId, id, StringComparison.OrdinalIgnoreCase));
    }
}

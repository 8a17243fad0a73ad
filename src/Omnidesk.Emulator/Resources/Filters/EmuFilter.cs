using System;

namespace Omnidesk.Emulator
{
    /// <summary>A saved case filter. Built-in ones have word ids, custom ones numeric ids.</summary>
    public sealed class EmuFilter
    {
        public string FilterId { get; init; }
        public string FilterName { get; init; }
        public bool IsSelected { get; init; }
        public bool IsCustom { get; init; }
        /// <summary>(case, authenticated staff) → whether the case is in the filter.</summary>
        public Func<EmuCase, EmuStaff, bool> Predicate { get; init; }
    }
}

using System;

namespace Omnidesk.Emulator
{
    /// <summary>The idea part of a case of the "idea" channel.</summary>
    public sealed class EmuIdea
    {
        public string Content { get; set; } = "";
        /// <summary>waiting, planned, in_progress or finished.</summary>
        public string Stage { get; set; } = "waiting";
        public long Category { get; set; }
        /// <summary>null while there is no official response.</summary>
        public string OfficialResponse { get; set; }
        public DateTimeOffset? OfficialResponseAt { get; set; }

        public EmuIdea Clone() => (EmuIdea)MemberwiseClone();
    }
}

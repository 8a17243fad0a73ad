using System;

namespace Omnidesk
{
    /// <summary>The idea part of a case of the "idea" channel.</summary>
    public sealed class OmnideskIdea
    {
        public string Content { get; set; }
        /// <summary>waiting, planned, in_progress or finished.</summary>
        public string Stage { get; set; }
        public long? CategoryId { get; set; }
        public string OfficialResponse { get; set; }
        public DateTimeOffset? OfficialResponseAt { get; set; }

        public override string ToString() => $"{Stage}: {Content}";
    }
}

namespace Omnidesk
{
    /// <summary>An Omnidesk.com agent (GET /api/v2/user).</summary>
    public sealed class OmnideskAgent
    {
        /// <summary>The API's id: a ticket's AssignedUserId, a timeline entry's UserId.</summary>
        public long AgentId { get; set; }
        public string Name { get; set; }
        public string Email { get; set; }
        public string Phone { get; set; }
        public bool Active { get; set; }
        public OmnideskList<long> GroupIds { get; set; } = OmnideskList<long>.Empty;
        public OmnideskList<OmnideskNamedItem> Groups { get; set; } = OmnideskList<OmnideskNamedItem>.Empty;

        public override string ToString() => $"Agent {AgentId} '{Name}'";
    }
}

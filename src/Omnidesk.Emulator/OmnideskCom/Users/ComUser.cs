using System.Collections.Generic;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>An agent (GET /api/v2/user). The object is undocumented; its shape is the reference's proposal (§7.1).</summary>
    public sealed record ComUser(long Id, string Name, string Email, string Phone, bool Active, IReadOnlyList<long> GroupIds, string Language = "nl");
}

using System.Collections.Generic;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>An API key of the account and the permissions granted to it (§2).</summary>
    public sealed record ComApiKey(string Key, string Name, IReadOnlySet<string> Permissions)
    {
        public bool Can(string permission) => Permissions.Contains(permission);
    }
}

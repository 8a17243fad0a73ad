namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>A brand, a group or a channel: the account's fixed lookups, referenced by id from tickets and customers.</summary>
    public sealed record ComNamed(long Id, string Name, string Icon = null);
}

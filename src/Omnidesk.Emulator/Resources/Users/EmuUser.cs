namespace Omnidesk.Emulator
{
    /// <summary>An end user (the customer side of a case).</summary>
    public sealed class EmuUser
    {
        public long UserId { get; init; }
        public string FullName { get; init; }
        public string Email { get; init; }
        public string Phone { get; init; }
        public string CustomId { get; init; }
    }
}

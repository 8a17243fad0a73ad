namespace Omnidesk.Emulator
{
    /// <summary>A language of the account; cases and users carry one (language_id).</summary>
    public sealed record EmuLanguage : IResourceItem
    {
        public long LanguageId { get; init; }
        /// <summary>A three-letter code: RUS, ENG, …</summary>
        public string Code { get; init; }
        public string Title { get; init; }
        /// <summary>Only active languages can be given to a case.</summary>
        public bool Active { get; init; } = true;

        long IResourceItem.Id => LanguageId;
    }
}

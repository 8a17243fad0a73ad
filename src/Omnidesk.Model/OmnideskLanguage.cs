namespace Omnidesk
{
    /// <summary>A language of the account (/api/languages.json): what language_id means on cases, users and staff.</summary>
    public sealed class OmnideskLanguage
    {
        public long LanguageId { get; set; }

        /// <summary>The short code the account shows, such as "ENG" or "RUS".</summary>
        public string Code { get; set; }

        public string Title { get; set; }

        public bool Active { get; set; }

        public override string ToString() => Title ?? Code ?? LanguageId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>GET /api/languages.json.</summary>
    public sealed class LanguageResource : StoredResource<EmuLanguage>
    {
        public LanguageResource() : base(ApiDescription.Languages)
        {
        }

        protected override ResourceTable<EmuLanguage> Table(DataStore store) => store.Languages;

        protected override void WriteFields(Utf8JsonWriter w, EmuLanguage l)
        {
            w.WriteString("code", l.Code);
            w.WriteString("title", l.Title);
            w.WriteBoolean("active", l.Active);
        }
    }
}

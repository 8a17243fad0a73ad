using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>GET /api/groups.json and /api/groups/{id}.json.</summary>
    public sealed class GroupResource : StoredResource<EmuGroup>
    {
        public GroupResource() : base(ApiDescription.Groups)
        {
        }

        protected override ResourceTable<EmuGroup> Table(DataStore store) => store.Groups;

        protected override void WriteFields(Utf8JsonWriter w, EmuGroup g)
        {
            w.WriteString("group_title", g.Title);
            w.WriteString("group_from_name", g.FromName);
            w.WriteString("group_signature", g.Signature);
            w.WriteBoolean("active", g.Active);
            w.WriteString("created_at", JsonOutput.FormatDate(g.CreatedAt));
            w.WriteString("updated_at", JsonOutput.FormatDate(g.UpdatedAt));
        }
    }
}

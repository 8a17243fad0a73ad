using System.Text.Json;

namespace Omnidesk.Emulator;

/// <summary>GET /api/labels.json.</summary>
public sealed class LabelResource : StoredResource<EmuLabel>
{
    public LabelResource() : base(ApiDescription.Labels)
    {
    }

    protected override ResourceTable<EmuLabel> Table(DataStore store) => store.Labels;

    protected override void WriteFields(Utf8JsonWriter w, EmuLabel l) => w.WriteString("label_title", l.Title);
}

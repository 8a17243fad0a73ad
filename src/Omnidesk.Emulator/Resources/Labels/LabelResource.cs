using System;
using System.Text.Json;
using static Omnidesk.Emulator.BodyValues;

namespace Omnidesk.Emulator
{
    /// <summary>
    /// The labels: GET /api/labels.json, POST it {"label":{"label_title":…}} (201), PUT /api/labels/{id}.json the same,
    /// DELETE /api/labels/{id}.json (200 []; the label is taken off every case).
    /// </summary>
    public sealed class LabelResource : StoredResource<EmuLabel>
    {
        public LabelResource() : base(ApiDescription.Labels)
        {
        }

        protected override ResourceTable<EmuLabel> Table(DataStore store) => store.Labels;

        protected override void WriteFields(Utf8JsonWriter w, EmuLabel l) => w.WriteString("label_title", l.Title);

        /// <summary>label_title: required, non-blank (else label_title_not_specified).</summary>
        static string Title(JsonElement body, out string title)
        {
            title = Text(body, "label_title");
            return title == null ? "label_title_not_specified" : null;
        }

        protected override string TryCreate(JsonElement body, DataStore store, out Func<long, EmuLabel> create)
        {
            string error = Title(body, out string title);
            create = id => new EmuLabel { LabelId = id, Title = title };
            return error;
        }

        protected override string TryUpdate(JsonElement body, DataStore store, out Func<EmuLabel, EmuLabel> change)
        {
            string error = Title(body, out string title);
            change = label => label with { Title = title };
            return error;
        }

        protected override void Deleted(DataStore store, long id) => store.RemoveLabelFromCases(id);
    }
}

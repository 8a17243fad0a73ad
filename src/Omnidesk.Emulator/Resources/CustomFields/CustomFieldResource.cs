using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>GET /api/custom_fields.json.</summary>
    public sealed class CustomFieldResource : StoredResource<EmuCustomField>
    {
        public CustomFieldResource() : base(ApiDescription.CustomFields)
        {
        }

        protected override ResourceTable<EmuCustomField> Table(DataStore store) => store.CustomFields;

        /// <summary>field_data is "" but for select fields: then their options, {"1":"Billing",…}.</summary>
        protected override void WriteFields(Utf8JsonWriter w, EmuCustomField f)
        {
            w.WriteString("title", f.Title);
            w.WriteString("field_type", f.FieldType);
            w.WriteString("field_level", f.FieldLevel);
            w.WriteBoolean("active", f.Active);
            if (f.FieldType != "select")
            {
                w.WriteString("field_data", "");
                return;
            }
            w.WriteStartObject("field_data");
            foreach (var (key, title) in f.Options) w.WriteString(key, title);
            w.WriteEndObject();
        }
    }
}

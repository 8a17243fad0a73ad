using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>GET /api/staff.json and /api/staff/{id}.json (the API key is never sent).</summary>
    public sealed class StaffResource : StoredResource<EmuStaff>
    {
        public StaffResource() : base(ApiDescription.Staff)
        {
        }

        protected override ResourceTable<EmuStaff> Table(DataStore store) => store.Staff;

        protected override void WriteFields(Utf8JsonWriter w, EmuStaff s)
        {
            w.WriteString("staff_email", s.Email);
            w.WriteString("staff_full_name", s.FullName);
            w.WriteString("staff_signature", s.Signature);
            w.WriteString("staff_signature_chat", s.SignatureChat);
            w.WriteString("thumbnail", "");
            w.WriteBoolean("active", s.Active);
            // "status" is deprecated in favour of status_id, but still sent
            w.WriteString("status", s.StatusId == 1 ? "online" : "offline");
            w.WriteNumber("status_id", s.StatusId);
            w.WriteString("created_at", JsonOutput.FormatDate(s.CreatedAt));
            w.WriteString("updated_at", JsonOutput.FormatDate(s.UpdatedAt));
        }
    }
}

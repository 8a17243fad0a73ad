using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// GET /api/v2/user: the agents (query by name, phone or e-mail; activeOnly, default false; extended, default true;
    /// itemLimit ≤ 999). The user object is undocumented: {id, name, email, phone, active 0/1, group_ids}, and with
    /// extended its groups and settings (the reference's proposal).
    /// </summary>
    public static class UserEndpoints
    {
        public const int MaxLimit = 999;

        public static IEnumerable<ComRoute> Routes() => new[]
        {
            new ComRoute("GET", "user", null, false, ComPermissions.UserRead, List),
        };

        static ComResult List(ComRequest r)
        {
            bool activeOnly = false, extended = true;
            var error = ComPage.TryParse(r, MaxLimit, out var page) ?? r.Flag("activeOnly", false, out activeOnly) ?? r.Flag("extended", true, out extended);
            if (error != null) return error;
            string query = r.Text("query");
            bool Has(string s) => !string.IsNullOrEmpty(s) && s.Contains(query, StringComparison.OrdinalIgnoreCase);
            var matches = r.Store.Users
                .Where(u => !activeOnly || u.Active)
                .Where(u => query == null || Has(u.Name) || Has(u.Email) || Has(u.Phone))
                .ToList();
            return ComResult.Ok(ComJson.List(matches, page, (w, u) => Write(w, u, extended)));
        }

        static void Write(Utf8JsonWriter w, ComUser u, bool extended)
        {
            w.WriteStartObject();
            w.WriteNumber("id", u.Id);
            w.WriteString("name", u.Name);
            w.WriteString("email", u.Email);
            w.WriteString("phone", u.Phone);
            w.WriteNumber("active", u.Active ? 1 : 0);
            w.WriteStartArray("group_ids");
            foreach (long g in u.GroupIds) w.WriteNumberValue(g);
            w.WriteEndArray();
            if (extended)
            {
                w.WriteStartArray("groups");
                foreach (long g in u.GroupIds)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", g);
                    w.WriteString("name", ComAccount.Group(g)?.Name ?? "");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartObject("settings");
                w.WriteString("language", u.Language);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
    }
}

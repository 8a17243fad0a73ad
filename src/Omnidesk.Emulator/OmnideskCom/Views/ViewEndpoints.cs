using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// GET /api/v2/view: the saved views (query of letters, digits, spaces, '-' and '_'; itemLimit ≤ 9999). A view's id
    /// or slug is what applyView on GET ticket takes (a guess). The view object is ours: {id, name, slug, conditions}.
    /// </summary>
    public static class ViewEndpoints
    {
        public const int MaxLimit = 9999;
        static readonly Regex QueryPattern = new(@"^[0-9a-zA-Z \-_]+$", RegexOptions.CultureInvariant);

        public static IEnumerable<ComRoute> Routes() => new[]
        {
            new ComRoute("GET", "view", null, false, ComPermissions.ViewRead, List),
        };

        static ComResult List(ComRequest r)
        {
            var error = ComPage.TryParse(r, MaxLimit, out var page);
            if (error != null) return error;
            string query = r.Text("query");
            if (query != null && !QueryPattern.IsMatch(query)) return ComResult.Invalid("query");
            var matches = r.Store.Views
                .Where(v => query == null || v.Name.Contains(query, StringComparison.OrdinalIgnoreCase) || v.Slug.Contains(query, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return ComResult.Ok(ComJson.List(matches, page, Write));
        }

        static void Write(Utf8JsonWriter w, ComView v)
        {
            w.WriteStartObject();
            w.WriteNumber("id", v.Id);
            w.WriteString("name", v.Name);
            w.WriteString("slug", v.Slug);
            w.WriteStartObject("conditions");
            w.WriteStartArray("status");
            foreach (string s in v.Statuses) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteNumber("assigned_group_id", v.GroupId);
            w.WriteBoolean("unassigned_only", v.UnassignedOnly);
            w.WriteEndObject();
            w.WriteEndObject();
        }
    }
}

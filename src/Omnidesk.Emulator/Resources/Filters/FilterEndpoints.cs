using System.Globalization;
using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>GET /api/filters.json: the saved case filters (the same for every staff member), unpaged.</summary>
    public sealed class FilterEndpoints : ResourceEndpoints
    {
        public FilterEndpoints() : base(ApiDescription.Filters)
        {
        }

        public override ApiResult List(ApiRequest r) => ApiResult.Ok(ListOf(r.Store.Filters, r.Store.Filters.Count, WriteFilter));

        /// <summary>Built-in filters have word ids (strings), custom ones numeric ids (numbers), as in the docs.</summary>
        void WriteFilter(Utf8JsonWriter w, EmuFilter f)
        {
            w.WriteStartObject();
            if (f.IsCustom) w.WriteNumber(Description.IdField, long.Parse(f.FilterId, CultureInfo.InvariantCulture));
            else w.WriteString(Description.IdField, f.FilterId);
            w.WriteString("filter_name", f.FilterName);
            w.WriteBoolean("isSelected", f.IsSelected);
            w.WriteBoolean("isCustom", f.IsCustom);
            w.WriteEndObject();
        }
    }
}

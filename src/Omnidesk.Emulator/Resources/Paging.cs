using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Omnidesk.Emulator
{
    /// <summary>The page and limit of a list, checked against its description's bounds with the API's error codes.</summary>
    public static class Paging
    {
        /// <summary>limit: 1..MaxLimit, else wrong_limit.</summary>
        public static string Limit(string value, ResourceDescription d, out int limit) =>
            TryBounded(value, d.MaxLimit, out limit) ? null : "wrong_limit";

        /// <summary>page: 1..MaxPage, else wrong_page.</summary>
        public static string Page(string value, ResourceDescription d, out int page) =>
            TryBounded(value, d.MaxPage, out page) ? null : "wrong_page";

        /// <summary>
        /// The page and limit of a plain list (page 1 and MaxLimit items when absent; empty values count as absent, and
        /// "limit[]" as "limit"); returns the error code of a 400, or null.
        /// </summary>
        public static string TryParse(IQueryCollection query, ResourceDescription d, out int page, out int limit)
        {
            page = 1;
            limit = d.MaxLimit;
            string value;
            if ((value = First(query, "limit")) != null && Limit(value, d, out limit) != null) return "wrong_limit";
            if ((value = First(query, "page")) != null && Page(value, d, out page) != null) return "wrong_page";
            return null;
        }

        static string First(IQueryCollection query, string name)
        {
            foreach (string key in new[] { name, name + "[]" })
                if (query.TryGetValue(key, out var values))
                    foreach (string v in values)
                        if (!string.IsNullOrWhiteSpace(v)) return v.Trim();
            return null;
        }

        static bool TryBounded(string s, int max, out int n) =>
            int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out n) && n >= 1 && n <= max;
    }
}

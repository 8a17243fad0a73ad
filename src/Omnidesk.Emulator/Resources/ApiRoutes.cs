using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Omnidesk.Emulator
{
    /// <summary>The /api route table, made from the resources' descriptions. A new resource is added to <see cref="Resources"/>.</summary>
    public static class ApiRoutes
    {
        /// <summary>Every resource the emulator serves.</summary>
        public static IReadOnlyList<ResourceEndpoints> Resources { get; } = new ResourceEndpoints[]
        {
            new CaseEndpoints(), new MessageEndpoints(), new NoteEndpoints(), new ChangelogEndpoints(), new FilterEndpoints(),
            new StaffResource(), new GroupResource(), new LabelResource(), new CustomFieldResource(), new LanguageResource(),
        };

        /// <summary>
        /// The routes by method and first path segment after /api/ (lower-case): a request tries only its resource's
        /// routes, so the cost of finding one does not grow with the number of resources.
        /// </summary>
        static readonly Dictionary<(string Method, string Root), ApiRoute[]> ByRoot = Resources
            .SelectMany(r => r.Routes().Select(route => (Root: (r.Description.Parent ?? r.Description).Path, Route: route)))
            .GroupBy(x => (x.Route.Method, x.Root))
            .ToDictionary(g => g.Key, g => g.Select(x => x.Route).ToArray());

        /// <summary>The handler and its route match, or null (→ 404 not_found).</summary>
        public static (Func<ApiRequest, ApiResult> Handler, Match Match) Find(string method, string path)
        {
            // HEAD is answered like GET (ASP.NET drops the body)
            string m = HttpMethods.IsHead(method) ? "GET" : method.ToUpperInvariant();
            if (ByRoot.TryGetValue((m, RootOf(path)), out var routes))
                foreach (var route in routes)
                {
                    var match = route.Path.Match(path);
                    if (match.Success) return (route.Handler, match);
                }
            return (null, null);
        }

        /// <summary>"/api/cases/2000.json" → "cases"; "/api/labels.json" → "labels".</summary>
        static string RootOf(string path)
        {
            const int prefix = 5; // "/api/", in any case
            if (path.Length <= prefix) return "";
            int end = path.IndexOf('/', prefix);
            string root = (end < 0 ? path.Substring(prefix) : path.Substring(prefix, end - prefix)).ToLowerInvariant();
            return root.EndsWith(".json", StringComparison.Ordinal) ? root.Substring(0, root.Length - 5) : root;
        }
    }
}

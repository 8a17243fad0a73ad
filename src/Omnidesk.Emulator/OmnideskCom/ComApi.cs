using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// The Omnidesk.com API v2 under /api/v2/ (E1, E2): routes /api/v2/{controller}[/{action}][/{id}] matched
    /// case-insensitively, and the apiKey (the header, else the query parameter). Order: key (401) → route (404) →
    /// permission (403) → body → handler. The request log, latency and faults are the pipeline's, as for omnidesk.ru.
    /// </summary>
    public static class ComApi
    {
        public const string Prefix = "/api/v2";

        static readonly ComRoute[] Routes = TicketEndpoints.Routes()
            .Concat(MessageEndpoints.Routes())
            .Concat(CustomerEndpoints.Routes())
            .Concat(UserEndpoints.Routes())
            .Concat(ViewEndpoints.Routes())
            .ToArray();

        /// <summary>Whether the path belongs to this product: /api/v2 and below, in any case.</summary>
        public static bool Owns(string path) =>
            path.Equals(Prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(Prefix + "/", StringComparison.OrdinalIgnoreCase);

        public static async Task<ComResult> HandleAsync(HttpContext ctx, string path, ComStore store)
        {
            var request = ctx.Request;
            string header = request.Headers["apiKey"].ToString();
            string keyText = !string.IsNullOrEmpty(header) ? header : request.Query["apiKey"].ToString();
            var key = string.IsNullOrEmpty(keyText) ? null : ComAccount.FindKey(keyText);
            if (key == null) return ComResult.Error(401, "Invalid API key.");

            string method = HttpMethods.IsHead(request.Method) ? "GET" : request.Method.ToUpperInvariant();
            var (route, action, id) = Find(method, path);
            if (route == null) return ComResult.Error(404, "Unknown endpoint: " + request.Method.ToUpperInvariant() + " " + path);
            if (!key.Can(route.Permission)) return ComResult.Error(403, "API key lacks permission " + route.Permission + ".");

            var body = RequestBody.Empty;
            if (method is "POST" or "PUT" or "DELETE" or "PATCH")
            {
                var (read, error) = await RequestBody.ReadAsync(ctx);
                if (error != null) return ComResult.Error(error.Status, BodyError(error.Status));
                body = read;
            }
            var r = new ComRequest(method, route.Controller, action, id, request.Query, body, store, key);
            lock (store.Sync) return route.Handler(r);
        }

        static string BodyError(int status) => status == 413 ? "The request body is too large." : "The request body cannot be read.";

        /// <summary>
        /// The route for the segments after /api/v2/: {controller}, {controller}/{id or action}, {controller}/{action}/{id}.
        /// A second segment is an action when the controller has one of that name for the method, else an id.
        /// </summary>
        static (ComRoute Route, string Action, string Id) Find(string method, string path)
        {
            var segments = path.Substring(Prefix.Length).Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length is < 1 or > 3) return (null, null, null);
            string controller = segments[0].ToLowerInvariant();
            var candidates = Routes.Where(r => r.Method == method && r.Controller == controller).ToList();
            string action = null, id = null;
            if (segments.Length == 2)
            {
                string second = segments[1].ToLowerInvariant();
                if (candidates.Any(r => r.Action == second)) action = second;
                else id = segments[1];
            }
            else if (segments.Length == 3)
            {
                action = segments[1].ToLowerInvariant();
                id = segments[2];
            }
            var route = candidates.FirstOrDefault(r => r.Action == action && r.HasId == (id != null));
            return (route, action, id);
        }

        /// <summary>Every route, for the docs and tests: "POST ticket/setstatus (SET_STATUS)".</summary>
        public static IEnumerable<ComRoute> AllRoutes => Routes;
    }
}

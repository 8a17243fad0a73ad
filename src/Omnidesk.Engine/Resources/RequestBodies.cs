using System;
using System.Linq;
using System.Net.Http;
using Omnidesk.Engine.Http;
using Omnidesk.Engine.Json;

namespace Omnidesk.Engine.Resources
{
    /// <summary>
    /// The body of an omnidesk.ru write: the draft's members as JSON, wrapped in the action's or the resource's body key; multipart
    /// form fields instead when the draft carries files to upload (checked against the API's limits first).
    /// </summary>
    internal static class RequestBodies
    {
        /// <summary>A factory of the body (made afresh for every attempt); none for a DELETE without one.</summary>
        public static Func<HttpContent> For(OmnideskResource resource, OmnideskAction action, object draft)
        {
            if (draft == null) return action != null && action.Method == "DELETE" ? null : RequestContent.Empty();
            var key = action?.BodyKey ?? resource.BodyKey;
            var uploads = (draft as IOmnideskUploads)?.Attachments;
            if (uploads == null || !uploads.Any(u => u != null)) return RequestContent.Json(ApiJsonContract.Body(key, draft));
            Uploads.Check(uploads);
            return RequestContent.Multipart(ApiJsonContract.Form(key, draft, uploads));
        }
    }
}

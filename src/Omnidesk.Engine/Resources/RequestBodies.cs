using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Omnidesk.Engine.Http;
using Omnidesk.Engine.Json;

namespace Omnidesk.Engine.Resources
{
    /// <summary>The body of a write: JSON wrapped in the resource's (or the action's) key, or multipart when it carries files.</summary>
    internal static class RequestBodies
    {
        /// <summary>A factory of the body (made afresh for every attempt), or an empty body when there is none.</summary>
        public static Func<HttpContent> For(OmnideskResource resource, OmnideskAction action, object draft)
        {
            switch (draft)
            {
                case null:
                    return action != null && action.Method == "DELETE" ? null : RequestContent.Empty();
                case OmnideskNewCase c:
                    return JsonOrMultipart(c.Attachments, () => CaseBodies.NewCaseJson(c), () => CaseBodies.NewCaseForm(c));
                case OmnideskCaseChange change:
                    return RequestContent.Json(CaseBodies.CaseChange(change));
                case OmnideskRatingChange rating:
                    return RequestContent.Json(CaseBodies.Rate(rating, withStaff: resource == OmnideskResources.Case));
                case OmnideskIdeaChange idea:
                    return RequestContent.Json(CaseBodies.IdeaChange(idea));
                case OmnideskIdeaResponse response:
                    return RequestContent.Json(CaseBodies.IdeaResponse(response.Content));
                case OmnideskMessageEdit edit:
                    return RequestContent.Json(MessageBodies.Edit(resource.BodyKey, edit.Content, edit.ContentHtml));
                case OmnideskNewMessage m when resource.BodyKey == MessageBodies.NoteRoot:
                    return JsonOrMultipart(m.Attachments, () => MessageBodies.NewNoteJson(m), () => MessageBodies.NewNoteForm(m));
                case OmnideskNewMessage m:
                    return JsonOrMultipart(m.Attachments, () => MessageBodies.NewMessageJson(m), () => MessageBodies.NewMessageForm(m));
                default:
                    throw new NotSupportedException($"The engine cannot send a {draft.GetType().Name}.");
            }
        }

        /// <summary>JSON, or multipart form fields when there are files to upload (checked against the limits first).</summary>
        private static Func<HttpContent> JsonOrMultipart(IReadOnlyList<OmnideskUpload> uploads, Func<byte[]> json, Func<IReadOnlyList<FormField>> form)
        {
            if (uploads == null || !uploads.Any(u => u != null)) return RequestContent.Json(json());
            Uploads.Check(uploads);
            return RequestContent.Multipart(form());
        }
    }
}

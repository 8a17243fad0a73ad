using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Omnidesk.Engine.Http
{
    /// <summary>
    /// Factories of request bodies: each call returns a new <see cref="HttpContent"/>, so that every attempt of a
    /// retried request sends the whole body (see <see cref="RequestState.ContentFactory"/>).
    /// </summary>
    internal static class RequestContent
    {
        internal const string JsonMediaType = "application/json";

        /// <summary>application/json; charset=utf-8 with these bytes.</summary>
        public static Func<HttpContent> Json(byte[] body)
        {
            if (body == null) throw new ArgumentNullException(nameof(body));
            return () =>
            {
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType) { CharSet = "utf-8" };
                return content;
            };
        }

        /// <summary>An empty body (Content-Length: 0), typed application/json like the docs' curl -d ''.</summary>
        public static Func<HttpContent> Empty() => Json(Array.Empty<byte>());

        /// <summary>application/x-www-form-urlencoded text fields (lists as repeated name[] fields).</summary>
        public static Func<HttpContent> UrlEncoded(IReadOnlyList<FormField> fields)
        {
            if (fields == null) throw new ArgumentNullException(nameof(fields));
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var field in fields)
            {
                if (field.File != null) throw new ArgumentException("A urlencoded body cannot carry files.", nameof(fields));
                pairs.Add(new KeyValuePair<string, string>(field.Name, field.Value));
            }
            return () => new FormUrlEncodedContent(pairs);
        }

        /// <summary>multipart/form-data; files are opened anew for every attempt.</summary>
        public static Func<HttpContent> Multipart(IReadOnlyList<FormField> fields)
        {
            if (fields == null) throw new ArgumentNullException(nameof(fields));
            var copy = new List<FormField>(fields);
            return () => MultipartFormContent.Create(copy);
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Omnidesk.Emulator
{
    /// <summary>An uploaded file of a multipart request: its form key ("case[attachments][1]") and bytes.</summary>
    public sealed record UploadedFile(string Key, string FileName, string ContentType, byte[] Bytes);

    /// <summary>
    /// The body of a write request, read before the handler runs. A JSON body is parsed as is. A form body
    /// (multipart/form-data or urlencoded) is turned into the same JSON tree: "case[custom_fields][cf_25]=x" becomes
    /// {"case":{"custom_fields":{"cf_25":"x"}}} and "case[labels][]=101" an array; its files are kept aside.
    /// </summary>
    public sealed class RequestBody
    {
        /// <summary>The most one request body may carry: 50 MB of files plus room for the form's other fields.</summary>
        public const long MaxBodyBytes = AttachmentUploads.MaxTotalFileBytes + 1024 * 1024;

        /// <summary>
        /// Kestrel's limit. A body between <see cref="MaxBodyBytes"/> and this is read to its end and discarded, so the
        /// client gets a clean 413; past this the server answers 413 and closes the connection.
        /// </summary>
        public const long HardMaxBodyBytes = 256L * 1024 * 1024;

        static readonly FormOptions FormLimits = new()
        {
            MultipartBodyLengthLimit = MaxBodyBytes,
            ValueLengthLimit = 8 * 1024 * 1024,
            BufferBodyLengthLimit = MaxBodyBytes,
        };

        public static readonly RequestBody Empty = new() { Json = default, HasJson = false };

        /// <summary>The root object (undefined when the body was empty).</summary>
        public JsonElement Json { get; init; }
        public bool HasJson { get; init; }
        public bool IsForm { get; init; }
        public IReadOnlyList<UploadedFile> Files { get; init; } = Array.Empty<UploadedFile>();

        /// <summary>The property of the root object, or an undefined element.</summary>
        public JsonElement Get(string name) =>
            HasJson && Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var v) ? v : default;

        /// <summary>Reads the body; on a bad or oversized body returns the error to answer instead.</summary>
        public static async Task<(RequestBody Body, ApiResult Error)> ReadAsync(HttpContext ctx)
        {
            var request = ctx.Request;
            string tooLarge = request.HasFormContentType ? "files_too_large" : "request_too_large";
            try
            {
                if (request.ContentLength > MaxBodyBytes)
                {
                    await DrainAsync(ctx);
                    return (null, ApiResult.Error(413, tooLarge));
                }
                if (request.HasFormContentType)
                {
                    var form = await request.ReadFormAsync(FormLimits, ctx.RequestAborted);
                    var root = new JsonObject();
                    foreach (var (key, values) in form)
                        foreach (string value in values)
                            Insert(root, key, value);
                    var files = new List<UploadedFile>();
                    foreach (var f in form.Files)
                    {
                        using var ms = new MemoryStream((int)Math.Min(f.Length, int.MaxValue));
                        await f.CopyToAsync(ms, ctx.RequestAborted);
                        files.Add(new UploadedFile(f.Name, f.FileName, f.ContentType, ms.ToArray()));
                    }
                    return (new RequestBody { Json = JsonSerializer.SerializeToElement(root), HasJson = true, IsForm = true, Files = files }, null);
                }

                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await request.Body.ReadAsync(chunk, ctx.RequestAborted)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    if (buffer.Length > MaxBodyBytes)
                    {
                        await DrainAsync(ctx);
                        return (null, ApiResult.Error(413, tooLarge));
                    }
                }
                if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                    return (Empty, null);
                using var doc = JsonDocument.Parse(buffer.ToArray());
                return (new RequestBody { Json = doc.RootElement.Clone(), HasJson = true }, null);
            }
            catch (JsonException)
            {
                return (null, ApiResult.Error(400, "invalid_json"));
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return (null, ApiResult.Error(413, tooLarge)); // past Kestrel's limit: the connection is closed after the answer
            }
            catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
            {
                await DrainAsync(ctx);
                return (null, ApiResult.Error(413, tooLarge));
            }
            catch (InvalidDataException)
            {
                return (null, ApiResult.Error(400, "invalid_form_data"));
            }
        }

        /// <summary>Reads the rest of a refused body, so the client (still sending) can read the answer.</summary>
        static async Task DrainAsync(HttpContext ctx)
        {
            try
            {
                await ctx.Request.Body.CopyToAsync(Stream.Null, ctx.RequestAborted);
            }
            catch (BadHttpRequestException)
            {
            }
            catch (IOException)
            {
            }
        }

        /// <summary>Puts one form value at its bracket path: a[b][c] → {"a":{"b":{"c":v}}}, a[b][] → {"a":{"b":[v]}}.</summary>
        static void Insert(JsonObject root, string key, string value)
        {
            var parts = SplitKey(key);
            JsonNode node = root;
            for (int i = 0; i < parts.Count; i++)
            {
                bool last = i == parts.Count - 1;
                string part = parts[i];
                bool nextIsAppend = !last && parts[i + 1].Length == 0;
                if (node is JsonArray array)
                {
                    if (last) { array.Add(value); return; }
                    var child = nextIsAppend ? (JsonNode)new JsonArray() : new JsonObject();
                    array.Add(child);
                    node = child;
                    continue;
                }
                var obj = (JsonObject)node;
                if (last)
                {
                    if (obj[part] is JsonArray existing) existing.Add(value);
                    else if (obj.ContainsKey(part) && obj[part] is JsonValue prev)
                        obj[part] = new JsonArray(prev.DeepClone(), value); // repeated scalar key: keep all values
                    else obj[part] = value;
                    return;
                }
                var next = obj[part];
                if (next == null || (nextIsAppend ? next is not JsonArray : next is not JsonObject))
                {
                    next = nextIsAppend ? new JsonArray() : new JsonObject();
                    obj[part] = next;
                }
                node = next;
            }
        }

        /// <summary>"case[custom_fields][cf_25][]" → case, custom_fields, cf_25, "" (an empty part means append).</summary>
        static List<string> SplitKey(string key)
        {
            var parts = new List<string>();
            int open = key.IndexOf('[');
            if (open < 0) { parts.Add(key); return parts; }
            parts.Add(key.Substring(0, open));
            while (open >= 0 && open < key.Length)
            {
                int close = key.IndexOf(']', open);
                if (close < 0) { parts.Add(key.Substring(open + 1)); break; }
                parts.Add(key.Substring(open + 1, close - open - 1));
                open = key.IndexOf('[', close);
            }
            return parts;
        }
    }
}

using System;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Omnidesk.Emulator.OmnideskCom;

namespace Omnidesk.Emulator
{
    /// <summary>
    /// Serves every HTTP request. /api/* goes through: log → latency → rate limit → faults → auth → handler.
    /// /api/v2/* is the other product, Omnidesk.com (<see cref="ComApi"/>): log → latency → faults → its own key auth and
    /// handlers; it has no rate limit (E12), so it neither charges nor reads the omnidesk.ru budget.
    /// /files/* (attachments): log → scripted faults with a matching path → file → auth for old files.
    /// /_emulator/* is the admin API (no auth, no rate limit, not logged).
    /// </summary>
    public sealed class RequestPipeline
    {
        const string JsonContentType = "application/json; charset=utf-8";
        readonly EmulatorState _state;

        public RequestPipeline(EmulatorState state) => _state = state;

        public Task HandleAsync(HttpContext ctx)
        {
            string path = ctx.Request.Path.Value ?? "/";
            if (ComApi.Owns(path))
                return HandleComAsync(ctx, path);
            if (path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || path.Equals("/api", StringComparison.OrdinalIgnoreCase))
                return HandleApiAsync(ctx, path);
            if (path.StartsWith("/_emulator/", StringComparison.OrdinalIgnoreCase))
                return AdminApi.HandleAsync(ctx, path, _state);
            if (path.StartsWith("/files/", StringComparison.OrdinalIgnoreCase) && (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)))
                return ServeFileAsync(ctx, path);
            return WriteAsync(ctx, 404, JsonOutput.Error("not_found"));
        }

        Task HandleApiAsync(HttpContext ctx, string path) => LoggedAsync(ctx, path, JsonOutput.Error("internal_server_error"), async method =>
        {
            var config = _state.Config;
            var rate = _state.RateLimiter.TryConsume(RateLimiter.CostOf(method), config.RateLimitPerMinute);
            var headers = ctx.Response.Headers;
            headers["rate_limit_per_minute"] = rate.Budget.ToString(CultureInfo.InvariantCulture);
            headers["api_calls_left"] = rate.CallsLeft.ToString(CultureInfo.InvariantCulture);
            if (!rate.Allowed)
            {
                headers["retry_after"] = rate.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await WriteAsync(ctx, 429, JsonOutput.Error("too_many_requests"));
                return 429;
            }

            var faulted = await AnswerFaultAsync(ctx, _state.Faults.Next(method, path, config), JsonOutput.Error, "retry_after");
            if (faulted.HasValue) return faulted.Value;

            var (staff, authError, authStatus) = Authenticate(ctx.Request);
            if (staff == null)
            {
                await WriteAsync(ctx, authStatus, JsonOutput.Error(authError));
                return authStatus;
            }

            var (handler, match) = ApiRoutes.Find(method, path);
            ApiResult result;
            if (handler == null) result = ApiResult.Error(404, "not_found");
            else
            {
                // a write's body is read (and size-checked) before its handler runs
                var (body, bodyError) = RateLimiter.CostOf(method) > 1 ? await RequestBody.ReadAsync(ctx) : (RequestBody.Empty, null);
                result = bodyError ?? handler(new ApiRequest { Http = ctx, Staff = staff, Config = config, Store = _state.Store, Route = match, Body = body });
            }
            await WriteAsync(ctx, result.Status, result.Body);
            return result.Status;
        });

        /// <summary>
        /// An Omnidesk.com request: logged, delayed and faulted like an omnidesk.ru one, but a fault answers in that API's
        /// error envelope ({"status":"error","message":…}, the message the fault's error or derived from the status) with
        /// a standard Retry-After header.
        /// </summary>
        Task HandleComAsync(HttpContext ctx, string path) => LoggedAsync(ctx, path, ComJson.Error("Internal server error."), async method =>
        {
            var faulted = await AnswerFaultAsync(ctx, _state.Faults.Next(method, path, _state.Config), ComJson.Error, "Retry-After");
            if (faulted.HasValue) return faulted.Value;
            var result = await ComApi.HandleAsync(ctx, path, _state.Com);
            await WriteAsync(ctx, result.Status, result.Body);
            return result.Status;
        });

        /// <summary>
        /// Serves an API request after the API's latency, logging it with the status <paramref name="serve"/> answered
        /// (0: no answer, when the connection was dropped or the client went away). A failure before the answer began is a
        /// 500 with <paramref name="internalError"/>.
        /// </summary>
        async Task LoggedAsync(HttpContext ctx, string path, byte[] internalError, Func<string, Task<int>> serve)
        {
            string method = ctx.Request.Method;
            var entry = _state.Log.Add(method, path, ctx.Request.QueryString.Value ?? "");
            int status = 0;
            try
            {
                int delay = _state.NextLatencyMs();
                if (delay > 0) await Task.Delay(delay, ctx.RequestAborted);
                status = await serve(method);
            }
            catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
            {
                status = 0; // the client went away
            }
            catch (Exception) when (!ctx.Response.HasStarted)
            {
                await WriteAsync(ctx, status = 500, internalError);
            }
            finally
            {
                _state.Log.Complete(entry, status);
            }
        }

        /// <summary>
        /// Answers a fault in the API's error body (<paramref name="errorBody"/> of the fault's error) with its wait in
        /// <paramref name="retryHeader"/>; the status answered, 0 for a dropped connection, null when there is no fault.
        /// </summary>
        static async Task<int?> AnswerFaultAsync(HttpContext ctx, FaultAction fault, Func<string, byte[]> errorBody, string retryHeader)
        {
            if (fault == null) return null;
            if (fault.Drop)
            {
                ctx.Abort(); // the client sees a reset connection and no response
                return 0;
            }
            if (fault.RetryAfter.HasValue) ctx.Response.Headers[retryHeader] = fault.RetryAfter.Value.ToString(CultureInfo.InvariantCulture);
            await WriteAsync(ctx, fault.Status, errorBody(fault.Error ?? FaultInjector.DefaultError(fault.Status)));
            return fault.Status;
        }

        /// <summary>
        /// HTTP Basic staff_email:api_key. The real API answers 401 for a wrong key and 403 for an unknown e-mail;
        /// the error codes are our assumption.
        /// </summary>
        (EmuStaff Staff, string Error, int Status) Authenticate(HttpRequest request)
        {
            string header = request.Headers.Authorization.ToString();
            if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return (null, "wrong_api_key", 401);
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6).Trim()));
            }
            catch (FormatException)
            {
                return (null, "wrong_api_key", 401);
            }
            int colon = decoded.IndexOf(':');
            if (colon < 0) return (null, "wrong_api_key", 401);
            var staff = _state.Store.FindStaffByEmail(decoded.Substring(0, colon));
            if (staff == null) return (null, "wrong_staff_email", 403);
            if (decoded.Substring(colon + 1) != staff.ApiKey) return (null, "wrong_api_key", 401);
            if (!staff.Active) return (null, "staff_not_active", 403);
            return (staff, null, 0);
        }

        /// <summary>Files of messages created longer ago than this need the API's authentication.</summary>
        public static readonly TimeSpan FreshFileAge = TimeSpan.FromDays(30);

        /// <summary>
        /// GET /files/{file_id}/{file_name}: an attachment's bytes (uploaded ones as stored, the others generated, always
        /// exactly file_size bytes). Logged, and subject to scripted faults whose path matches; not rate-limited. Files of
        /// messages created more than 30 days before "now" need HTTP Basic staff credentials (else 401 wrong_api_key).
        /// Unknown id or a wrong name → 404 file_not_found.
        /// </summary>
        async Task ServeFileAsync(HttpContext ctx, string path)
        {
            string method = ctx.Request.Method;
            var entry = _state.Log.Add(method, path, ctx.Request.QueryString.Value ?? "");
            int status = 0;
            try
            {
                var faulted = await AnswerFaultAsync(ctx, _state.Faults.NextScripted(method, path), JsonOutput.Error, "retry_after");
                if (faulted.HasValue)
                {
                    status = faulted.Value;
                    return;
                }

                var parts = path.Substring("/files/".Length).Split('/', 2);
                AttachmentFile file = null;
                if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long id))
                {
                    file = _state.Store.FindAttachment(id);
                    if (file != null && !string.Equals(Uri.UnescapeDataString(parts[1]), file.Attachment.FileName, StringComparison.OrdinalIgnoreCase)) file = null;
                }
                if (file == null)
                {
                    await WriteAsync(ctx, status = 404, JsonOutput.Error("file_not_found"));
                    return;
                }
                if (file.MessageCreatedAt < _state.Store.Now - FreshFileAge && Authenticate(ctx.Request).Staff == null)
                {
                    await WriteAsync(ctx, status = 401, JsonOutput.Error("wrong_api_key"));
                    return;
                }

                var a = file.Attachment;
                long length = file.Bytes?.Length ?? a.FileSize;
                var response = ctx.Response;
                response.StatusCode = status = 200;
                response.ContentType = string.IsNullOrEmpty(a.MimeType) ? "application/octet-stream" : a.MimeType;
                response.ContentLength = length;
                response.Headers.ContentDisposition = "attachment; filename*=UTF-8''" + Uri.EscapeDataString(a.FileName);
                if (HttpMethods.IsHead(method)) return;
                if (file.Bytes != null)
                {
                    await response.Body.WriteAsync(file.Bytes, ctx.RequestAborted);
                    return;
                }
                var buffer = new byte[Math.Min(length, 64 * 1024)];
                for (long offset = 0; offset < length; offset += buffer.Length)
                {
                    int n = (int)Math.Min(buffer.Length, length - offset);
                    Seeder.FillFileBytes(a.FileId, offset, buffer.AsSpan(0, n));
                    await response.Body.WriteAsync(buffer.AsMemory(0, n), ctx.RequestAborted);
                }
            }
            catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
            {
                status = 0;
            }
            finally
            {
                _state.Log.Complete(entry, status);
            }
        }

        internal static async Task WriteAsync(HttpContext ctx, int status, byte[] body)
        {
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = JsonContentType;
            ctx.Response.ContentLength = body.Length;
            if (!HttpMethods.IsHead(ctx.Request.Method)) await ctx.Response.Body.WriteAsync(body);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Omnidesk.Emulator
{
    /// <summary>The /_emulator admin API used by tests, benchmarks and demos.</summary>
    public static class AdminApi
    {
        public static async Task HandleAsync(HttpContext ctx, string path, EmulatorState state)
        {
            string method = ctx.Request.Method.ToUpperInvariant();
            string route = path.TrimEnd('/').ToLowerInvariant();
            switch (method, route)
            {
                case ("GET", "/_emulator/health"):
                    await Ok(ctx, w => { w.WriteStartObject(); w.WriteString("status", "ok"); w.WriteEndObject(); });
                    return;
                case ("POST", "/_emulator/reset"):
                    state.Reset();
                    await Ok(ctx, w => { w.WriteStartObject(); w.WriteString("status", "reset"); w.WriteEndObject(); });
                    return;
                case ("GET", "/_emulator/requests"):
                    await Ok(ctx, state.Log.WriteJson);
                    return;
                case ("DELETE", "/_emulator/requests"):
                    state.Log.Clear();
                    await Ok(ctx, state.Log.WriteJson);
                    return;
                case ("GET", "/_emulator/config"):
                    await Ok(ctx, state.Config.WriteJson);
                    return;
                case ("PUT", "/_emulator/config"):
                case ("POST", "/_emulator/config"):
                {
                    var (json, bad) = await ReadJsonAsync(ctx);
                    if (bad) return;
                    string error = state.UpdateConfig(json.RootElement);
                    if (error != null) await RequestPipeline.WriteAsync(ctx, 400, JsonOutput.Error(error));
                    else await Ok(ctx, state.Config.WriteJson);
                    json.Dispose();
                    return;
                }
                case ("POST", "/_emulator/faults"):
                {
                    var (json, bad) = await ReadJsonAsync(ctx);
                    if (bad) return;
                    using (json)
                    {
                        var root = json.RootElement;
                        var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : new List<JsonElement> { root };
                        var faults = new List<ScriptedFault>();
                        foreach (var item in items)
                        {
                            string error = ScriptedFault.TryParse(item, out var fault);
                            if (error != null)
                            {
                                await RequestPipeline.WriteAsync(ctx, 400, JsonOutput.Error(error));
                                return;
                            }
                            faults.Add(fault);
                        }
                        state.Faults.Enqueue(faults);
                    }
                    await WriteFaults(ctx, state);
                    return;
                }
                case ("GET", "/_emulator/churn"):
                    await Ok(ctx, state.Store.WriteChurnJson);
                    return;
                case ("DELETE", "/_emulator/churn"):
                    state.Store.ClearChurn();
                    await Ok(ctx, state.Store.WriteChurnJson);
                    return;
                case ("GET", "/_emulator/faults"):
                    await WriteFaults(ctx, state);
                    return;
                case ("DELETE", "/_emulator/faults"):
                    state.Faults.Clear();
                    await WriteFaults(ctx, state);
                    return;
                default:
                    await RequestPipeline.WriteAsync(ctx, 404, JsonOutput.Error("not_found"));
                    return;
            }
        }

        static Task WriteFaults(HttpContext ctx, EmulatorState state)
        {
            var pending = state.Faults.Pending();
            return Ok(ctx, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("count", pending.Count);
                w.WriteStartArray("faults");
                foreach (var f in pending) f.WriteJson(w);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        static Task Ok(HttpContext ctx, Action<Utf8JsonWriter> body) => RequestPipeline.WriteAsync(ctx, 200, JsonOutput.Write(body));

        /// <summary>The request body as JSON; on failure a 400 has already been written.</summary>
        static async Task<(JsonDocument Json, bool Bad)> ReadJsonAsync(HttpContext ctx)
        {
            try
            {
                return (await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted), false);
            }
            catch (JsonException)
            {
                await RequestPipeline.WriteAsync(ctx, 400, JsonOutput.Error("invalid_json"));
                return (null, true);
            }
        }
    }
}

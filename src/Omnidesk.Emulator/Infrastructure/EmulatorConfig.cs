using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>The behaviour switches that can change at runtime (PUT /_emulator/config). Guarded by the state lock.</summary>
    public sealed class EmulatorConfig
    {
        public int RateLimitPerMinute { get; set; } = 1500;
        public int LatencyMs { get; set; }
        public int LatencyJitterMs { get; set; }
        public double Fault5xxRate { get; set; }
        public double Fault429Rate { get; set; }
        public double FaultDropRate { get; set; }
        public int Seed { get; set; } = 1;
        public string Dialect { get; set; } = "omnidesk";
        public bool NumbersAsStrings { get; set; }
        public bool EmptyPageQuirk { get; set; }
        /// <summary>Test hook: these case ids fail in bulk writes (left out of case_success_id) and get 403 alone.</summary>
        public long[] BulkFailIds { get; set; } = Array.Empty<long>();
        /// <summary>Random changes by "other clients" applied before each GET /api/cases.json answer (0 = none).</summary>
        public int ChurnPerListRequest { get; set; }

        public bool IsDeskie => Dialect == "deskie";

        /// <summary>The most churn changes per list request.</summary>
        public const int MaxChurn = 10_000;

        public EmulatorConfig Clone()
        {
            var c = (EmulatorConfig)MemberwiseClone();
            c.BulkFailIds = (long[])BulkFailIds.Clone();
            return c;
        }

        public void WriteJson(Utf8JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteNumber("rate_limit_per_minute", RateLimitPerMinute);
            w.WriteNumber("latency_ms", LatencyMs);
            w.WriteNumber("latency_jitter_ms", LatencyJitterMs);
            w.WriteNumber("fault_5xx_rate", Fault5xxRate);
            w.WriteNumber("fault_429_rate", Fault429Rate);
            w.WriteNumber("fault_drop_rate", FaultDropRate);
            w.WriteNumber("seed", Seed);
            w.WriteString("dialect", Dialect);
            w.WriteBoolean("numbers_as_strings", NumbersAsStrings);
            w.WriteBoolean("empty_page_quirk", EmptyPageQuirk);
            w.WriteStartArray("bulk_fail_ids");
            foreach (long id in BulkFailIds) w.WriteNumberValue(id);
            w.WriteEndArray();
            w.WriteNumber("churn_per_list_request", ChurnPerListRequest);
            w.WriteEndObject();
        }

        /// <summary>
        /// Applies the keys present in <paramref name="json"/> to a copy; returns null and the copy, or an error code
        /// (and nothing is changed) when a key is unknown or a value is out of range.
        /// </summary>
        public string TryApply(JsonElement json, out EmulatorConfig updated)
        {
            updated = null;
            if (json.ValueKind != JsonValueKind.Object) return "config_must_be_an_object";
            var c = Clone();
            foreach (var p in json.EnumerateObject())
            {
                var v = p.Value;
                switch (p.Name)
                {
                    case "rate_limit_per_minute":
                        if (!TryInt(v, 1, int.MaxValue, out int rl)) return "wrong_rate_limit_per_minute";
                        c.RateLimitPerMinute = rl; break;
                    case "latency_ms":
                        if (!TryInt(v, 0, 600_000, out int lat)) return "wrong_latency_ms";
                        c.LatencyMs = lat; break;
                    case "latency_jitter_ms":
                        if (!TryInt(v, 0, 600_000, out int jit)) return "wrong_latency_jitter_ms";
                        c.LatencyJitterMs = jit; break;
                    case "fault_5xx_rate":
                        if (!TryRate(v, out double f5)) return "wrong_fault_5xx_rate";
                        c.Fault5xxRate = f5; break;
                    case "fault_429_rate":
                        if (!TryRate(v, out double f4)) return "wrong_fault_429_rate";
                        c.Fault429Rate = f4; break;
                    case "fault_drop_rate":
                        if (!TryRate(v, out double fd)) return "wrong_fault_drop_rate";
                        c.FaultDropRate = fd; break;
                    case "seed":
                        if (!TryInt(v, int.MinValue, int.MaxValue, out int seed)) return "wrong_seed";
                        c.Seed = seed; break;
                    case "dialect":
                        string d = v.ValueKind == JsonValueKind.String ? v.GetString().ToLowerInvariant() : null;
                        if (d is not ("omnidesk" or "deskie")) return "wrong_dialect";
                        c.Dialect = d; break;
                    case "numbers_as_strings":
                        if (!TryBool(v, out bool nas)) return "wrong_numbers_as_strings";
                        c.NumbersAsStrings = nas; break;
                    case "empty_page_quirk":
                        if (!TryBool(v, out bool epq)) return "wrong_empty_page_quirk";
                        c.EmptyPageQuirk = epq; break;
                    case "bulk_fail_ids":
                        if (v.ValueKind != JsonValueKind.Array) return "wrong_bulk_fail_ids";
                        var ids = new List<long>();
                        foreach (var item in v.EnumerateArray())
                        {
                            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long id) || id < 0) return "wrong_bulk_fail_ids";
                            ids.Add(id);
                        }
                        c.BulkFailIds = ids.Distinct().ToArray();
                        break;
                    case "churn_per_list_request":
                        if (!TryInt(v, 0, MaxChurn, out int churn)) return "wrong_churn_per_list_request";
                        c.ChurnPerListRequest = churn; break;
                    default:
                        return "unknown_config_key";
                }
            }
            updated = c;
            return null;
        }

        static bool TryInt(JsonElement v, int min, int max, out int n)
        {
            n = 0;
            return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out n) && n >= min && n <= max;
        }

        static bool TryRate(JsonElement v, out double d)
        {
            d = 0;
            return v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out d) && d >= 0 && d <= 1;
        }

        static bool TryBool(JsonElement v, out bool b)
        {
            b = v.ValueKind == JsonValueKind.True;
            return v.ValueKind is JsonValueKind.True or JsonValueKind.False;
        }
    }
}

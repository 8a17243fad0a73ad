using System;
using System.Globalization;
using Omnidesk.Emulator.OmnideskCom;

namespace Omnidesk.Emulator
{
    /// <summary>Startup options (command-line switches). The runtime-changeable part is copied into <see cref="EmulatorConfig"/>.</summary>
    public sealed class EmulatorOptions
    {
        public const string DefaultUrl = "http://127.0.0.1:5080";

        public string Urls { get; set; } = DefaultUrl;
        public int Cases { get; set; } = 300;
        /// <summary>How many Omnidesk.com (API v2) tickets to seed.</summary>
        public int ComTickets { get; set; } = 300;
        /// <summary>The zone of the Omnidesk.com API's zone-less dates (IANA id).</summary>
        public string ComTimeZone { get; set; } = ComTime.DefaultZone;
        /// <summary>The startup values of the switches that can also change at runtime; a reset restores them.</summary>
        public EmulatorConfig Config { get; set; } = new();
        /// <summary>Exit when this process exits (used when the module starts the emulator for a demo).</summary>
        public int? ParentPid { get; set; }
        /// <summary>The clock of the rate limiter; tests inject a manual one instead of sleeping through a window.</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        public EmulatorConfig ToConfig() => Config.Clone();

        public const string Usage =
            "Usage: Omnidesk.Emulator [--urls <url>] [--parent-pid <pid>] [--rate-limit <per minute>]\n" +
            "       [--latency-ms <n>] [--latency-jitter-ms <n>] [--fault-5xx <0..1>] [--fault-429 <0..1>]\n" +
            "       [--fault-drop <0..1>] [--seed <n>] [--cases <n>] [--dialect omnidesk|deskie]\n" +
            "       [--numbers-as-strings] [--empty-page-quirk] [--churn <changes per list request>]\n" +
            "       [--com-tickets <n>] [--com-time-zone <IANA zone>]";

        /// <summary>Parses "--name value" and "--name=value" switches. Throws <see cref="ArgumentException"/> with a readable message.</summary>
        public static EmulatorOptions Parse(string[] args)
        {
            var o = new EmulatorOptions();
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i];
                if (!arg.StartsWith("--", StringComparison.Ordinal))
                    throw new ArgumentException("Unexpected argument '" + arg + "'.");
                string name = arg.Substring(2), value = null;
                int eq = name.IndexOf('=');
                if (eq >= 0) { value = name.Substring(eq + 1); name = name.Substring(0, eq); }
                name = name.ToLowerInvariant();

                // flags without a value
                if (name is "numbers-as-strings" or "empty-page-quirk")
                {
                    bool on = value == null || ParseBool(name, value);
                    if (name == "numbers-as-strings") o.Config.NumbersAsStrings = on; else o.Config.EmptyPageQuirk = on;
                    continue;
                }
                if (name is "help" or "h") throw new ArgumentException(Usage);

                if (value == null)
                {
                    if (i + 1 >= args.Length) throw new ArgumentException("Switch --" + name + " needs a value.");
                    value = args[++i];
                }
                switch (name)
                {
                    case "urls": o.Urls = value; break;
                    case "parent-pid": o.ParentPid = ParseInt(name, value, 1, int.MaxValue); break;
                    case "rate-limit": o.Config.RateLimitPerMinute = ParseInt(name, value, 1, int.MaxValue); break;
                    case "latency-ms": o.Config.LatencyMs = ParseInt(name, value, 0, 600_000); break;
                    case "latency-jitter-ms": o.Config.LatencyJitterMs = ParseInt(name, value, 0, 600_000); break;
                    case "fault-5xx": o.Config.Fault5xxRate = ParseRate(name, value); break;
                    case "fault-429": o.Config.Fault429Rate = ParseRate(name, value); break;
                    case "fault-drop": o.Config.FaultDropRate = ParseRate(name, value); break;
                    case "seed": o.Config.Seed = ParseInt(name, value, int.MinValue, int.MaxValue); break;
                    case "churn": o.Config.ChurnPerListRequest = ParseInt(name, value, 0, EmulatorConfig.MaxChurn); break;
                    case "cases": o.Cases = ParseInt(name, value, 0, 1_000_000); break;
                    case "com-tickets": o.ComTickets = ParseInt(name, value, 0, 100_000); break;
                    case "com-time-zone":
                        if (ComTime.TryCreate(value) == null) throw new ArgumentException("--com-time-zone: unknown time zone '" + value + "'.");
                        o.ComTimeZone = value.Trim();
                        break;
                    case "dialect":
                        value = value.ToLowerInvariant();
                        if (value is not ("omnidesk" or "deskie")) throw new ArgumentException("--dialect must be omnidesk or deskie.");
                        o.Config.Dialect = value;
                        break;
                    default: throw new ArgumentException("Unknown switch --" + name + ".\n" + Usage);
                }
            }
            return o;
        }

        static int ParseInt(string name, string value, int min, int max)
        {
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
                throw new ArgumentException($"--{name} must be an integer in {min}..{max}, got '{value}'.");
            return n;
        }

        static double ParseRate(string name, string value)
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || d < 0 || d > 1)
                throw new ArgumentException($"--{name} must be a number in 0..1, got '{value}'.");
            return d;
        }

        static bool ParseBool(string name, string value) => value.ToLowerInvariant() switch
        {
            "true" or "1" or "on" or "yes" => true,
            "false" or "0" or "off" or "no" => false,
            _ => throw new ArgumentException($"--{name} takes true or false, got '{value}'."),
        };
    }
}

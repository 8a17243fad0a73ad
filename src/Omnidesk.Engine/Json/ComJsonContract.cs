using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Omnidesk.Engine.Json
{
    /// <summary>
    /// How the Omnidesk.com API's objects map to the model: the same snake_case convention, tolerant converters and
    /// exceptions table as omnidesk.ru (<see cref="ApiJsonContract"/>, <see cref="ContractExceptions"/>), but its dates
    /// are zone-less wall-clock text ("2026-06-28 21:07:00") in the account's time zone, which the connection names. One
    /// contract per time zone, built once: a contract builds its members' metadata on first use.
    /// </summary>
    internal static class ComJsonContract
    {
        private static readonly ConcurrentDictionary<string, JsonSerializerOptions> ByZone =
            new ConcurrentDictionary<string, JsonSerializerOptions>(StringComparer.Ordinal);

        /// <summary>The contract for dates in <paramref name="zone"/>.</summary>
        public static JsonSerializerOptions For(TimeZoneInfo zone) => ByZone.GetOrAdd(zone.Id, _ => CreateOptions(zone));

        private static JsonSerializerOptions CreateOptions(TimeZoneInfo zone)
        {
            var options = new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                PropertyNameCaseInsensitive = true,
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                AllowTrailingCommas = true,
                ReadCommentHandling = JsonCommentHandling.Skip,
                TypeInfoResolver = JsonTypeInfoResolver.Combine(ApiJsonMetadata.Default, new DefaultJsonTypeInfoResolver())
                    .WithAddedModifier(ContractExceptions.Apply),
            };
            options.Converters.Add(new TolerantConverter<DateTimeOffset?>((ref Utf8JsonReader r) => WallClock(ref r, zone),
                (w, v) => w.WriteStringValue(v.Value.ToString(WallClockFormat, CultureInfo.InvariantCulture))));
            foreach (var converter in QuirkConverters.All)
                if (!(converter is JsonConverter<DateTimeOffset?>)) options.Converters.Add(converter);
            options.MakeReadOnly();
            return options;
        }

        internal const string WallClockFormat = "yyyy-MM-dd HH:mm:ss";

        /// <summary>An object of the API as <typeparamref name="T"/>.</summary>
        public static T Read<T>(JsonElement element, JsonSerializerOptions options) =>
            (T)element.Deserialize(options.GetTypeInfo(typeof(T)));

        /// <summary>
        /// "YYYY-MM-DD HH:MM:SS" as that wall-clock time in <paramref name="zone"/> (an offset the zone had then, never the
        /// machine's); a time the zone skipped (the spring-forward hour) keeps the offset before the change. Text with an
        /// offset of its own keeps it; unix seconds are read as such; null, "" and PHP's zero date are none.
        /// </summary>
        internal static DateTimeOffset? WallClock(ref Utf8JsonReader r, TimeZoneInfo zone)
        {
            if (r.TokenType != JsonTokenType.String) return JsonValues.Date(ref r);
            var text = r.GetString()?.Trim();
            if (JsonValues.IsNone(text) || (text != null && text.StartsWith("0000-00-00", StringComparison.Ordinal))) return null;
            if (DateTime.TryParseExact(text, new[] { WallClockFormat, "yyyy-MM-dd HH:mm", "yyyy-MM-dd" }, CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var local))
                return InZone(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
            return JsonValues.ParseDate(text);
        }

        internal static DateTimeOffset InZone(DateTime wallClock, TimeZoneInfo zone)
        {
            var offset = zone.IsInvalidTime(wallClock) ? zone.GetUtcOffset(wallClock.AddHours(-1)) : zone.GetUtcOffset(wallClock);
            return new DateTimeOffset(wallClock, offset);
        }

        /// <summary>
        /// The time zone of an id: IANA ("Europe/Amsterdam") or Windows ("W. Europe Standard Time"). Windows PowerShell 5.1
        /// knows only Windows ids, so the default zone and UTC are also found by their Windows names there.
        /// </summary>
        public static TimeZoneInfo FindZone(string id)
        {
            if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("A time zone id is required.", nameof(id));
            id = id.Trim();
            foreach (var candidate in new[] { id }.Concat(WindowsNames.Where(p => string.Equals(p.Key, id, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value)))
            {
                try
                {
                    return TimeZoneInfo.FindSystemTimeZoneById(candidate);
                }
                catch (TimeZoneNotFoundException)
                {
                }
                catch (InvalidTimeZoneException)
                {
                }
            }
            if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase) || string.Equals(id, "Etc/UTC", StringComparison.OrdinalIgnoreCase))
                return TimeZoneInfo.Utc;
            throw new ArgumentException($"'{id}' is not a time zone this computer knows. Use an id such as Europe/Amsterdam or UTC " +
                                        "(Windows PowerShell 5.1: a Windows id, such as W. Europe Standard Time).", nameof(id));
        }

        private static readonly KeyValuePair<string, string>[] WindowsNames =
        {
            new KeyValuePair<string, string>("Europe/Amsterdam", "W. Europe Standard Time"),
            new KeyValuePair<string, string>("Europe/Brussels", "Romance Standard Time"),
            new KeyValuePair<string, string>("Europe/London", "GMT Standard Time"),
        };
    }
}

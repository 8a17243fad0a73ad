using System;
using System.Globalization;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// The zone-less "YYYY-MM-DD HH:MM:SS" dates of the Omnidesk.com API (E11), as wall-clock time in the account's zone
    /// (Europe/Amsterdam by default: the zone is not documented, that is a guess).
    /// </summary>
    public sealed class ComTime
    {
        public const string DefaultZone = "Europe/Amsterdam";
        const string Format = "yyyy-MM-dd HH:mm:ss";

        readonly TimeZoneInfo _zone;

        ComTime(TimeZoneInfo zone) => _zone = zone;

        public string ZoneId => _zone.Id;

        /// <summary>The zone by its IANA (or Windows) id, or null when this machine does not know it.</summary>
        public static ComTime TryCreate(string zoneId)
        {
            if (string.IsNullOrWhiteSpace(zoneId)) return null;
            try
            {
                return new ComTime(TimeZoneInfo.FindSystemTimeZoneById(zoneId.Trim()));
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                // Windows in invariant-globalization mode cannot map IANA ids; the default zone must always work.
                return string.Equals(zoneId.Trim(), DefaultZone, StringComparison.OrdinalIgnoreCase) ? new ComTime(CentralEuropean()) : null;
            }
        }

        public static ComTime Default => TryCreate(DefaultZone);

        public string Write(DateTimeOffset t) =>
            TimeZoneInfo.ConvertTime(t, _zone).ToString(Format, CultureInfo.InvariantCulture);

        /// <summary>Parses a wall-clock time of the account's zone (sendAt); false when it does not match the pattern.</summary>
        public bool TryParse(string s, out DateTimeOffset t)
        {
            t = default;
            if (s == null || !DateTime.TryParseExact(s.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
            t = new DateTimeOffset(local, _zone.GetUtcOffset(local));
            return true;
        }

        /// <summary>CET/CEST with the EU rules (last Sunday of March 02:00 to last Sunday of October 03:00).</summary>
        static TimeZoneInfo CentralEuropean()
        {
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday));
            return TimeZoneInfo.CreateCustomTimeZone(DefaultZone, TimeSpan.FromHours(1), DefaultZone, "CET", "CEST", new[] { rule });
        }
    }
}

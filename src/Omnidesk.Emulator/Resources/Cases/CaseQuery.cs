using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Omnidesk.Emulator
{
    /// <summary>
    /// The parsed parameters of GET /api/cases.json: validation (with the API's error codes), matching and ordering.
    /// Every filter parameter takes one value (name=v) or several (name[]=v&amp;name[]=w, OR-ed).
    /// </summary>
    public sealed class CaseQuery
    {
        public const int MaxArrayValues = 20;
        public const int MinTextLength = 4;

        static readonly string[] Statuses = CaseWrites.Statuses;
        static readonly string[] Priorities = CaseWrites.Priorities;
        public static readonly string[] Sorts =
        {
            "updated_at_desc", "updated_at_asc", "created_at_desc", "created_at_asc", "response_desc", "response_asc",
            "priority_desc", "priority_asc", "status_asc", "status_desc",
        };

        public int Page { get; private set; } = 1;
        public int Limit { get; private set; } = ApiDescription.Cases.MaxLimit;
        public string Sort { get; private set; } = "updated_at_desc";
        public Comparison<EmuCase> Comparer { get; private set; }
        /// <summary>The sort without its direction: updated_at, created_at, response, priority or status.</summary>
        public string SortFamily => Sort.Substring(0, Sort.LastIndexOf('_'));
        public bool Descending => Sort.EndsWith("_desc", StringComparison.Ordinal);

        List<string> _status, _priority, _channel, _userEmail, _userPhone, _userCustomId, _subject;
        List<long> _userId, _staffId, _groupId, _labels;
        readonly List<(EmuCustomField Field, List<string> Values)> _customFields = new();
        EmuFilter _filter;
        // time filters in whole unix seconds (inclusive); the case's date is compared by its second too
        long? _from, _to, _fromUpdated, _toUpdated;

        /// <summary>from_time/to_time (or the updated_at pair) as inclusive unix seconds, for narrowing a sorted scan.</summary>
        public (long? From, long? To) CreatedWindow => (_from, _to);
        public (long? From, long? To) UpdatedWindow => (_fromUpdated, _toUpdated);
        bool _showMerged, _showActiveChats;

        /// <summary>Parses the query string; returns null and the query, or the error code of a 400 answer.</summary>
        public static string TryParse(IQueryCollection query, DataStore store, out CaseQuery result)
        {
            result = null;
            var p = Normalize(query);
            var q = new CaseQuery();

            string error;
            if (p.TryGetValue("limit", out var limit))
            {
                if ((error = Paging.Limit(limit[0], ApiDescription.Cases, out int l)) != null) return error;
                q.Limit = l;
            }
            if (p.TryGetValue("page", out var page))
            {
                if ((error = Paging.Page(page[0], ApiDescription.Cases, out int pg)) != null) return error;
                q.Page = pg;
            }
            if (p.TryGetValue("sort", out var sort))
            {
                string s = sort[0].ToLowerInvariant();
                if (Array.IndexOf(Sorts, s) < 0) return "wrong_sort";
                q.Sort = s;
            }
            q.Comparer = ComparerFor(q.Sort);

            if (p.Values.Any(v => v.Count > MaxArrayValues)) return "too_many_values";

            if ((error = Enumerated(p, "status", Statuses, out q._status)) != null) return error;
            if ((error = Enumerated(p, "priority", Priorities, out q._priority)) != null) return error;
            if (p.TryGetValue("channel", out var channel)) q._channel = channel.Select(c => c.ToLowerInvariant()).ToList();
            if ((error = Numbers(p, "user_id", out q._userId)) != null) return error;
            if ((error = Numbers(p, "staff_id", out q._staffId)) != null) return error;
            if ((error = Numbers(p, "group_id", out q._groupId)) != null) return error;
            if ((error = Numbers(p, "labels", out q._labels)) != null) return error;
            if ((error = Texts(p, "user_email", out q._userEmail)) != null) return error;
            if ((error = Texts(p, "user_phone", out q._userPhone)) != null) return error;
            if ((error = Texts(p, "subject", out q._subject)) != null) return error;
            if (p.TryGetValue("user_custom_id", out var customId)) q._userCustomId = customId;

            foreach (var (key, values) in p)
            {
                if (!key.StartsWith("custom_fields[", StringComparison.Ordinal)) continue;
                string cf = key.Substring("custom_fields[".Length).TrimEnd(']');
                var field = store.FindCustomField(cf);
                if (field == null) return ApiDescription.CustomFields.NotFound;
                if (field.FieldType == "checkbox" && values.Any(v => ParseCheckbox(v) == null)) return "wrong_custom_fields";
                q._customFields.Add((field, values));
            }

            if (p.TryGetValue("filter", out var filter))
            {
                q._filter = store.FindFilter(filter[0]);
                if (q._filter == null) return ApiDescription.Filters.NotFound;
            }

            if ((error = Time(p, "from_time", out q._from)) != null) return error;
            if ((error = Time(p, "to_time", out q._to)) != null) return error;
            if ((error = Time(p, "from_updated_time", out q._fromUpdated)) != null) return error;
            if ((error = Time(p, "to_updated_time", out q._toUpdated)) != null) return error;
            q._showMerged = Flag(p, "show_merged_cases");
            q._showActiveChats = Flag(p, "show_active_chats");

            result = q;
            return null;
        }

        // ---- the packed attributes of a case (hidden flags, status, priority), kept in the sorted orders ----

        const int DeletedBit = 1, SpamBit = 2, MergedBit = 4, ActiveChatBit = 8;

        /// <summary>Bits 0–3 the hidden flags, 4–7 the status (one bit each), 8–11 the priority (one bit each).</summary>
        public static int BitsOf(EmuCase c)
        {
            int bits = (c.Deleted ? DeletedBit : 0) | (c.Spam ? SpamBit : 0) | (c.IsMerged ? MergedBit : 0) | (c.IsActiveChat ? ActiveChatBit : 0);
            int status = Array.IndexOf(Statuses, c.Status), priority = Array.IndexOf(Priorities, c.Priority);
            if (status >= 0) bits |= 1 << (4 + status);
            if (priority >= 0) bits |= 1 << (8 + priority);
            return bits;
        }

        int _rejectBits = -1, _statusBits, _priorityBits;

        /// <summary>The part of <see cref="Matches"/> that needs only <see cref="BitsOf"/> (trash/spam/merged/active chats, status, priority).</summary>
        public bool MatchesBits(int bits)
        {
            if (_rejectBits < 0)
            {
                _rejectBits = DeletedBit | SpamBit | (_showMerged ? 0 : MergedBit) | (_showActiveChats ? 0 : ActiveChatBit);
                _statusBits = _status == null ? 0 : _status.Aggregate(0, (m, s) => m | 1 << (4 + Array.IndexOf(Statuses, s)));
                _priorityBits = _priority == null ? 0 : _priority.Aggregate(0, (m, p) => m | 1 << (8 + Array.IndexOf(Priorities, p)));
            }
            if ((bits & _rejectBits) != 0) return false;
            if (_statusBits != 0 && (bits & _statusBits) == 0) return false;
            if (_priorityBits != 0 && (bits & _priorityBits) == 0) return false;
            return true;
        }

        /// <summary>Whether the query has filters beyond <see cref="MatchesBits"/>, so <see cref="Matches"/> must see the case.</summary>
        /// <param name="windowFamily">The sort family whose time window the caller already applied (by binary search on
        /// that order): created_at covers from_time/to_time, updated_at the updated pair.</param>
        public bool NeedsCase(string windowFamily) =>
            _channel != null || _userId != null || _staffId != null || _groupId != null || _labels != null || _subject != null ||
            _userEmail != null || _userPhone != null || _userCustomId != null || _customFields.Count > 0 || _filter != null ||
            (windowFamily != "created_at" && (_from.HasValue || _to.HasValue)) ||
            (windowFamily != "updated_at" && (_fromUpdated.HasValue || _toUpdated.HasValue));

        public bool Matches(EmuCase c, EmuStaff me, DataStore store)
        {
            // trash and spam have their own views in the agent UI; the list never shows them
            if (c.Deleted || c.Spam) return false;
            if (c.IsMerged && !_showMerged) return false;
            if (c.IsActiveChat && !_showActiveChats) return false;

            if (_status != null && !_status.Contains(c.Status)) return false;
            if (_priority != null && !_priority.Contains(c.Priority)) return false;
            if (_channel != null && !_channel.Contains(c.Channel)) return false;
            if (_userId != null && !_userId.Contains(c.UserId)) return false;
            if (_staffId != null && !_staffId.Contains(c.StaffId)) return false;
            if (_groupId != null && !_groupId.Contains(c.GroupId)) return false;
            // plain loops, no lambdas: this runs for every case on every list request (100 000+ at scale)
            if (_labels != null && !AnyLabel(c.Labels, _labels)) return false;
            if (_subject != null && !AnyText(c.Subject, _subject)) return false;

            if (_userEmail != null || _userPhone != null || _userCustomId != null)
            {
                var user = store.UserById(c.UserId);
                if (_userEmail != null && !AnyText(user?.Email, _userEmail)) return false;
                if (_userPhone != null && !AnyText(user?.Phone, _userPhone)) return false;
                if (_userCustomId != null && !AnyEqual(user?.CustomId, _userCustomId)) return false;
            }

            for (int i = 0; i < _customFields.Count; i++)
            {
                var (field, values) = _customFields[i];
                var value = c.CustomFields.GetValueOrDefault(field.Key);
                bool any = false;
                for (int j = 0; j < values.Count && !any; j++) any = CustomFieldMatch(field, value, values[j]);
                if (!any) return false;
            }

            if (_from.HasValue || _to.HasValue)
            {
                long created = UnixSeconds(c.CreatedAt);
                if (created < _from || created > _to) return false;
            }
            if (_fromUpdated.HasValue || _toUpdated.HasValue)
            {
                long updated = UnixSeconds(c.UpdatedAt);
                if (updated < _fromUpdated || updated > _toUpdated) return false;
            }

            if (_filter != null && !_filter.Predicate(c, me)) return false;
            return true;
        }

        static bool AnyLabel(List<long> labels, List<long> wanted)
        {
            for (int i = 0; i < labels.Count; i++)
                if (wanted.Contains(labels[i])) return true;
            return false;
        }

        static bool AnyText(string value, List<string> patterns)
        {
            for (int i = 0; i < patterns.Count; i++)
                if (TextMatch(value, patterns[i])) return true;
            return false;
        }

        static bool AnyEqual(string value, List<string> wanted)
        {
            for (int i = 0; i < wanted.Count; i++)
                if (string.Equals(value, wanted[i], StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>Substring search, case-insensitive, with the API's anchors: ^x^ exact, ^x starts with, x^ ends with.</summary>
        public static bool TextMatch(string value, string pattern)
        {
            if (value == null) return false;
            var (core, start, end) = SplitAnchors(pattern);
            const StringComparison ci = StringComparison.OrdinalIgnoreCase;
            if (start && end) return string.Equals(value, core, ci);
            if (start) return value.StartsWith(core, ci);
            if (end) return value.EndsWith(core, ci);
            return value.Contains(core, ci);
        }

        static (string Core, bool Start, bool End) SplitAnchors(string pattern)
        {
            bool start = pattern.StartsWith('^');
            if (start) pattern = pattern.Substring(1);
            bool end = pattern.EndsWith('^');
            if (end) pattern = pattern.Substring(0, pattern.Length - 1);
            return (pattern, start, end);
        }

        static bool CustomFieldMatch(EmuCustomField field, object value, string wanted)
        {
            switch (field.FieldType)
            {
                case "checkbox":
                    return (value is true) == ParseCheckbox(wanted);
                case "select":
                    // the option's key or its title
                    if (value is not string title) return false;
                    if (string.Equals(title, wanted, StringComparison.OrdinalIgnoreCase)) return true;
                    return field.Options.TryGetValue(wanted, out var byKey) && byKey == title;
                default:
                    return value is string s && TextMatch(s, wanted);
            }
        }

        static bool? ParseCheckbox(string v) => v.ToLowerInvariant() switch
        {
            "1" or "true" => true,
            "0" or "false" => false,
            _ => null,
        };

        static Comparison<EmuCase> ComparerFor(string sort)
        {
            static int PriorityRank(EmuCase c) => Array.IndexOf(Priorities, c.Priority);
            static int StatusRank(EmuCase c) => Array.IndexOf(Statuses, c.Status);
            // cases without a response sort as the oldest
            static DateTimeOffset Response(EmuCase c) => c.LastResponseAt ?? DateTimeOffset.MinValue;

            Comparison<EmuCase> primary = sort switch
            {
                "updated_at_asc" or "updated_at_desc" => (a, b) => a.UpdatedAt.CompareTo(b.UpdatedAt),
                "created_at_asc" or "created_at_desc" => (a, b) => a.CreatedAt.CompareTo(b.CreatedAt),
                "response_asc" or "response_desc" => (a, b) => Response(a).CompareTo(Response(b)),
                "priority_asc" or "priority_desc" => (a, b) => PriorityRank(a).CompareTo(PriorityRank(b)),
                _ => (a, b) => StatusRank(a).CompareTo(StatusRank(b)),
            };
            int sign = sort.EndsWith("_desc", StringComparison.Ordinal) ? -1 : 1;
            // ties broken by case_id in the same direction, so the order is total and pages never overlap
            return (a, b) =>
            {
                int r = primary(a, b);
                if (r == 0) r = a.CaseId.CompareTo(b.CaseId);
                return sign * r;
            };
        }

        /// <summary>name → values; "name[]" (also URL-encoded) folds into "name", empty values are dropped.</summary>
        static Dictionary<string, List<string>> Normalize(IQueryCollection query)
        {
            var p = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var (rawKey, values) in query)
            {
                string key = rawKey.EndsWith("[]", StringComparison.Ordinal) ? rawKey.Substring(0, rawKey.Length - 2) : rawKey;
                var list = values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v.Trim()).ToList();
                if (list.Count == 0) continue;
                if (p.TryGetValue(key, out var existing)) existing.AddRange(list); else p[key] = list;
            }
            return p;
        }

        static string Enumerated(Dictionary<string, List<string>> p, string name, string[] allowed, out List<string> values)
        {
            values = null;
            if (!p.TryGetValue(name, out var raw)) return null;
            values = raw.Select(v => v.ToLowerInvariant()).ToList();
            return values.All(v => allowed.Contains(v)) ? null : "wrong_" + name;
        }

        static string Numbers(Dictionary<string, List<string>> p, string name, out List<long> values)
        {
            values = null;
            if (!p.TryGetValue(name, out var raw)) return null;
            values = new List<long>();
            foreach (var v in raw)
            {
                if (!long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out long n)) return "wrong_" + name;
                values.Add(n);
            }
            return null;
        }

        static string Texts(Dictionary<string, List<string>> p, string name, out List<string> values)
        {
            values = null;
            if (!p.TryGetValue(name, out var raw)) return null;
            if (raw.Any(v => SplitAnchors(v).Core.Length < MinTextLength)) return name + "_too_short";
            values = raw;
            return null;
        }

        static bool Flag(Dictionary<string, List<string>> p, string name) =>
            p.TryGetValue(name, out var v) && (v[0] == "1" || v[0].Equals("true", StringComparison.OrdinalIgnoreCase));

        static string Time(Dictionary<string, List<string>> p, string name, out long? value)
        {
            value = null;
            if (!p.TryGetValue(name, out var raw)) return null;
            if (!TryParseTime(raw[0], out var t)) return "wrong_" + name;
            value = UnixSeconds(t);
            return null;
        }

        /// <summary>The whole unix second a time falls in (floor, also before 1970).</summary>
        public static long UnixSeconds(DateTimeOffset t) =>
            Math.DivRem(t.UtcTicks - DateTime.UnixEpoch.Ticks, TimeSpan.TicksPerSecond, out long rem) - (rem < 0 ? 1 : 0);

        static readonly Regex OffsetSuffix = new(@"(?:Z|GMT|UTC|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        static readonly Regex CompactOffset = new(@"([+-]\d{2})(\d{2})$", RegexOptions.CultureInvariant);

        /// <summary>Unix seconds, or a date string; a string without an offset is in the account's time zone (+03:00).</summary>
        public static bool TryParseTime(string s, out DateTimeOffset value)
        {
            value = default;
            s = s.Trim();
            if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long unix))
            {
                if (unix < -62135596800L || unix > 253402300799L) return false;
                value = DateTimeOffset.FromUnixTimeSeconds(unix);
                return true;
            }
            if (OffsetSuffix.IsMatch(s))
                return DateTimeOffset.TryParse(CompactOffset.Replace(s, "$1:$2"), CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
            if (!DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
            value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Seeder.Anchor.Offset);
            return true;
        }
    }
}

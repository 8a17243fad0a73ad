using System.Globalization;
using System.Text.RegularExpressions;

namespace Omnidesk.Emulator;

/// <summary>
/// The parsed parameters of GET /api/cases.json: validation (with the API's error codes), matching and ordering.
/// Every filter parameter takes one value (name=v) or several (name[]=v&amp;name[]=w, OR-ed).
/// </summary>
public sealed class CaseQuery
{
    public const int MaxArrayValues = 20;
    public const int MaxLimit = 100;
    public const int MaxPage = 500;
    public const int MinTextLength = 4;

    static readonly string[] Statuses = { "open", "waiting", "closed" };
    static readonly string[] Priorities = { "low", "normal", "high", "critical" };
    public static readonly string[] Sorts =
    {
        "updated_at_desc", "updated_at_asc", "created_at_desc", "created_at_asc", "response_desc", "response_asc",
        "priority_desc", "priority_asc", "status_asc", "status_desc",
    };

    public int Page { get; private set; } = 1;
    public int Limit { get; private set; } = MaxLimit;
    public string Sort { get; private set; } = "updated_at_desc";
    public Comparison<EmuCase> Comparer { get; private set; }

    List<string> _status, _priority, _channel, _userEmail, _userPhone, _userCustomId, _subject;
    List<long> _userId, _staffId, _groupId, _labels;
    readonly List<(EmuCustomField Field, List<string> Values)> _customFields = new();
    EmuFilter _filter;
    DateTimeOffset? _from, _to, _fromUpdated, _toUpdated;
    bool _showMerged, _showActiveChats;

    /// <summary>Parses the query string; returns null and the query, or the error code of a 400 answer.</summary>
    public static string TryParse(IQueryCollection query, DataStore store, out CaseQuery result)
    {
        result = null;
        var p = Normalize(query);
        var q = new CaseQuery();

        if (p.TryGetValue("limit", out var limit))
        {
            if (!TryBounded(limit[0], MaxLimit, out int l)) return "wrong_limit";
            q.Limit = l;
        }
        if (p.TryGetValue("page", out var page))
        {
            if (!TryBounded(page[0], MaxPage, out int pg)) return "wrong_page";
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

        string error;
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
            var field = store.CustomFields.FirstOrDefault(f => string.Equals(f.Key, cf, StringComparison.OrdinalIgnoreCase));
            if (field == null) return "custom_field_not_found";
            if (field.FieldType == "checkbox" && values.Any(v => ParseCheckbox(v) == null)) return "wrong_custom_fields";
            q._customFields.Add((field, values));
        }

        if (p.TryGetValue("filter", out var filter))
        {
            q._filter = store.FindFilter(filter[0]);
            if (q._filter == null) return "filter_not_found";
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
        if (_labels != null && !c.Labels.Any(_labels.Contains)) return false;
        if (_subject != null && !_subject.Any(s => TextMatch(c.Subject, s))) return false;

        if (_userEmail != null || _userPhone != null || _userCustomId != null)
        {
            var user = store.UserById(c.UserId);
            if (_userEmail != null && !_userEmail.Any(e => TextMatch(user?.Email, e))) return false;
            if (_userPhone != null && !_userPhone.Any(ph => TextMatch(user?.Phone, ph))) return false;
            if (_userCustomId != null && !_userCustomId.Any(id => string.Equals(user?.CustomId, id, StringComparison.OrdinalIgnoreCase))) return false;
        }

        foreach (var (field, values) in _customFields)
            if (!values.Any(v => CustomFieldMatch(field, c.CustomFields.GetValueOrDefault(field.Key), v))) return false;

        if (_from.HasValue && c.CreatedAt < _from.Value) return false;
        if (_to.HasValue && c.CreatedAt > _to.Value) return false;
        if (_fromUpdated.HasValue && c.UpdatedAt < _fromUpdated.Value) return false;
        if (_toUpdated.HasValue && c.UpdatedAt > _toUpdated.Value) return false;

        if (_filter != null && !_filter.Predicate(c, me)) return false;
        return true;
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

    static bool TryBounded(string s, int max, out int n) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out n) && n >= 1 && n <= max;

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

    static string Time(Dictionary<string, List<string>> p, string name, out DateTimeOffset? value)
    {
        value = null;
        if (!p.TryGetValue(name, out var raw)) return null;
        if (!TryParseTime(raw[0], out var t)) return "wrong_" + name;
        value = t;
        return null;
    }

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

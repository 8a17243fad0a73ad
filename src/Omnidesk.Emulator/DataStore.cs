namespace Omnidesk.Emulator;

/// <summary>
/// The account's data: staff, users, cases (with their messages) and filters. All access goes through the store lock;
/// readers get deep copies so JSON is written outside it. Write operations of later issues belong here too.
/// </summary>
public sealed class DataStore
{
    readonly object _lock = new();
    readonly int _caseCount;
    List<EmuCase> _cases;
    Dictionary<long, EmuCase> _byId;
    Dictionary<string, EmuCase> _byNumber;

    public DataStore(int caseCount)
    {
        _caseCount = caseCount;
        Users = Seeder.BuildUsers();
        UsersById = Users.ToDictionary(u => u.UserId);
        Reset();
    }

    public IReadOnlyList<EmuStaff> Staff => Seeder.Staff;
    public IReadOnlyList<EmuUser> Users { get; }
    public IReadOnlyDictionary<long, EmuUser> UsersById { get; }
    public IReadOnlyList<EmuFilter> Filters => Seeder.Filters;
    public IReadOnlyList<EmuCustomField> CustomFields => Seeder.CustomFields;

    /// <summary>Back to the seeded data.</summary>
    public void Reset()
    {
        var cases = Seeder.BuildCases(_caseCount, Users);
        lock (_lock)
        {
            _cases = cases;
            _byId = cases.ToDictionary(c => c.CaseId);
            _byNumber = cases.ToDictionary(c => c.CaseNumber, StringComparer.Ordinal);
        }
    }

    public EmuStaff FindStaffByEmail(string email) =>
        Staff.FirstOrDefault(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase));

    public EmuFilter FindFilter(string id) =>
        Filters.FirstOrDefault(f => string.Equals(f.FilterId, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>A case by id ("2000") or number ("664-245651"), or null.</summary>
    public EmuCase FindCase(string idOrNumber)
    {
        lock (_lock)
        {
            if (long.TryParse(idOrNumber, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long id))
                return _byId.TryGetValue(id, out var c) ? c.Clone() : null;
            return _byNumber.TryGetValue(idOrNumber, out var byNumber) ? byNumber.Clone() : null;
        }
    }

    /// <summary>One page of the cases list: the matching total and the page's cases (copies).</summary>
    public (int Total, List<EmuCase> Page) QueryCases(CaseQuery query, EmuStaff me)
    {
        lock (_lock)
        {
            var matches = _cases.Where(c => query.Matches(c, me, this)).ToList();
            matches.Sort(query.Comparer);
            long skip = (long)(query.Page - 1) * query.Limit;
            var page = skip >= matches.Count
                ? new List<EmuCase>()
                : matches.Skip((int)skip).Take(query.Limit).Select(c => c.Clone()).ToList();
            return (matches.Count, page);
        }
    }
}

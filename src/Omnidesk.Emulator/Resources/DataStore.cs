using System.Globalization;

namespace Omnidesk.Emulator;

/// <summary>An uploaded file's bytes, kept in memory so GET /files/{id}/{name} can serve them.</summary>
public sealed class StoredFile
{
    public long FileId { get; init; }
    public string FileName { get; init; }
    public string MimeType { get; init; }
    public byte[] Bytes { get; init; }
}

/// <summary>
/// The account's data: staff, users, cases (with their messages and changelogs), filters and uploaded files. All
/// access goes through the store lock; readers get deep copies so JSON is written outside it.
/// </summary>
public sealed partial class DataStore
{
    /// <summary>Uploaded bytes kept at most; past it the oldest files' bytes are dropped (their URLs then 404).</summary>
    public const long MaxStoredFileBytes = 512L * 1024 * 1024;

    readonly object _lock = new();
    readonly int _caseCount;
    readonly TimeProvider _clock;
    List<EmuCase> _cases;
    Dictionary<long, EmuCase> _byId;
    Dictionary<string, EmuCase> _byNumber;
    List<EmuUser> _users;
    Dictionary<long, EmuUser> _usersById;
    readonly Dictionary<long, StoredFile> _files = new();
    readonly Queue<long> _fileOrder = new();
    long _fileBytes;
    long _nextCaseId, _nextMessageId, _nextFileId, _nextUserId;
    Random _numberRng;

    public DataStore(int caseCount, TimeProvider clock = null)
    {
        _caseCount = caseCount;
        _clock = clock ?? TimeProvider.System;
        Reset();
    }

    public IReadOnlyList<EmuStaff> Staff => Seeder.Staff;
    public IReadOnlyList<EmuUser> Users
    {
        get { lock (_lock) return _users.ToList(); }
    }
    /// <summary>A snapshot of the users by id (new users are added by case creation).</summary>
    public IReadOnlyDictionary<long, EmuUser> UsersById
    {
        get { lock (_lock) return new Dictionary<long, EmuUser>(_usersById); }
    }
    public IReadOnlyList<EmuFilter> Filters => Seeder.Filters;
    public IReadOnlyList<EmuCustomField> CustomFields => Seeder.CustomFields;

    /// <summary>The state's clock, in the account's zone (+03:00), to whole seconds (what the API can show).</summary>
    public DateTimeOffset Now
    {
        get
        {
            var utc = _clock.GetUtcNow();
            utc = new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            return utc.ToOffset(Seeder.Anchor.Offset);
        }
    }

    /// <summary>Back to the seeded data (uploaded files are dropped too).</summary>
    public void Reset()
    {
        var users = Seeder.BuildUsers();
        var cases = Seeder.BuildCases(_caseCount, users);
        lock (_lock)
        {
            _users = users;
            _usersById = users.ToDictionary(u => u.UserId);
            _cases = cases;
            _byId = cases.ToDictionary(c => c.CaseId);
            _byNumber = cases.ToDictionary(c => c.CaseNumber, StringComparer.Ordinal);
            _files.Clear();
            _fileOrder.Clear();
            _fileBytes = 0;
            _nextCaseId = cases.Count == 0 ? Seeder.FirstCaseId : cases.Max(c => c.CaseId) + 1;
            var messages = cases.SelectMany(c => c.Messages).ToList();
            _nextMessageId = messages.Count == 0 ? 500_000 : messages.Max(m => m.MessageId) + 1;
            var files = messages.SelectMany(m => m.Attachments).ToList();
            _nextFileId = files.Count == 0 ? 9_000 : files.Max(a => a.FileId) + 1;
            _nextUserId = users.Max(u => u.UserId) + 17;
            _numberRng = new Random(20260707);
            InvalidateIndexes();
            ClearChurn();
        }
    }

    public EmuStaff FindStaffByEmail(string email) =>
        Staff.FirstOrDefault(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase));

    public EmuStaff FindStaff(long id) => Staff.FirstOrDefault(s => s.StaffId == id);

    public EmuFilter FindFilter(string id) =>
        Filters.FirstOrDefault(f => string.Equals(f.FilterId, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>A case by id ("2000") or number ("664-245651"), or null.</summary>
    public EmuCase FindCase(string idOrNumber)
    {
        lock (_lock)
        {
            var c = Live(idOrNumber);
            return c?.Clone();
        }
    }

    /// <summary>How many cases exist (any state).</summary>
    public int CaseCount
    {
        get { lock (_lock) return _cases.Count; }
    }

    EmuCase Live(string idOrNumber)
    {
        if (long.TryParse(idOrNumber, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
            return _byId.GetValueOrDefault(id);
        return _byNumber.GetValueOrDefault(idOrNumber);
    }

    /// <summary>One page of the cases list: the matching total and the page's cases (copies).</summary>
    public (int Total, List<EmuCase> Page) QueryCases(CaseQuery query, EmuStaff me)
    {
        lock (_lock)
        {
            return QueryIndexed(query, me);
        }
    }

    /// <summary>Used by the list filters (under the store lock already when called from <see cref="QueryCases"/>).</summary>
    internal EmuUser UserById(long id)
    {
        lock (_lock) return _usersById.GetValueOrDefault(id);
    }

    // ---- writes ----

    /// <summary>
    /// Runs <paramref name="change"/> on the live case under the lock (with "now") and returns a copy afterwards,
    /// or null when there is no such case.
    /// </summary>
    public EmuCase Change(string idOrNumber, Action<EmuCase, DateTimeOffset> change)
    {
        lock (_lock)
        {
            var c = Live(idOrNumber);
            if (c == null) return null;
            change(c, Now);
            MarkDirty(c.CaseId);
            return c.Clone();
        }
    }

    /// <summary>
    /// The bulk form of <see cref="Change"/>: applies to every existing case except those in <paramref name="fail"/>;
    /// returns the ids changed, in request order, each once.
    /// </summary>
    public List<long> ChangeMany(IEnumerable<string> keys, IReadOnlyCollection<long> fail, Action<EmuCase, DateTimeOffset> change)
    {
        var done = new List<long>();
        lock (_lock)
        {
            var now = Now;
            foreach (string key in keys)
            {
                var c = Live(key);
                if (c == null || fail.Contains(c.CaseId) || done.Contains(c.CaseId)) continue;
                change(c, now);
                MarkDirty(c.CaseId);
                done.Add(c.CaseId);
            }
        }
        return done;
    }

    /// <summary>Deletes cases permanently (and their uploaded files); returns the ids deleted.</summary>
    public List<long> RemoveMany(IEnumerable<string> keys, IReadOnlyCollection<long> fail)
    {
        var done = new List<long>();
        lock (_lock)
        {
            foreach (string key in keys)
            {
                var c = Live(key);
                if (c == null || fail.Contains(c.CaseId)) continue;
                _cases.Remove(c);
                _byId.Remove(c.CaseId);
                _byNumber.Remove(c.CaseNumber);
                MarkDirty(c.CaseId);
                foreach (var a in c.Messages.SelectMany(m => m.Attachments))
                    if (_files.Remove(a.FileId, out var f)) _fileBytes -= f.Bytes.Length;
                done.Add(c.CaseId);
            }
        }
        return done;
    }

    /// <summary>A message of a case, changed under the lock; null when the case or message is missing.</summary>
    public (EmuCase Case, EmuMessage Message) ChangeMessage(string caseKey, long messageId, Action<EmuCase, EmuMessage, DateTimeOffset> change)
    {
        lock (_lock)
        {
            var c = Live(caseKey);
            if (c == null) return (null, null);
            var m = c.Messages.FirstOrDefault(x => x.MessageId == messageId);
            if (m == null) return (c.Clone(), null);
            change(c, m, Now);
            MarkDirty(c.CaseId);
            return (c.Clone(), m.Clone());
        }
    }

    /// <summary>
    /// Creates a case: finds or creates the user, stores the uploaded bytes, gives the case the next id and a new
    /// number, and its first message the content and attachments. Returns a copy.
    /// </summary>
    public EmuCase CreateCase(CaseDraft d, EmuStaff by)
    {
        lock (_lock)
        {
            var now = Now;
            var user = FindOrCreateUser(d, now);
            string number;
            do number = _numberRng.Next(100, 1000).ToString(CultureInfo.InvariantCulture) + "-" + _numberRng.Next(100000, 1000000).ToString(CultureInfo.InvariantCulture);
            while (_byNumber.ContainsKey(number));

            var message = new EmuMessage
            {
                MessageId = _nextMessageId++,
                UserId = user.UserId,
                Content = d.Content ?? "",
                ContentHtml = d.ContentHtml ?? "",
                CreatedAt = now,
                SentAt = now,
            };
            AddAttachments(message, d.Files, d.AttachmentUrls);

            var c = new EmuCase
            {
                CaseId = _nextCaseId++,
                CaseNumber = number,
                Subject = d.Subject,
                UserId = user.UserId,
                StaffId = 0,
                GroupId = Seeder.DefaultGroupId,
                Status = "open",
                Priority = "normal",
                Channel = d.Channel,
                Recipient = d.Channel is "email" or "web" ? "support@demo.omnidesk.test" : d.Channel,
                CreatedAt = now,
                UpdatedAt = now,
                LanguageId = d.LanguageId ?? 1,
                CustomFields = new SortedDictionary<string, object>(d.CustomFields, StringComparer.Ordinal),
                Labels = d.Labels.Distinct().OrderBy(l => l).ToList(),
            };
            c.Messages.Add(message);
            c.Changelog.Add(new EmuChangelogEntry { CreatedAt = now, Event = "created", DoneBy = "staff_" + by.StaffId, OldValue = "", Value = c.Channel });
            _cases.Add(c);
            _byId[c.CaseId] = c;
            _byNumber[c.CaseNumber] = c;
            MarkDirty(c.CaseId);
            return c.Clone();
        }
    }

    EmuUser FindOrCreateUser(CaseDraft d, DateTimeOffset now)
    {
        EmuUser user = null;
        if (d.UserEmail != null)
            user = _users.FirstOrDefault(u => string.Equals(u.Email, d.UserEmail, StringComparison.OrdinalIgnoreCase));
        else if (d.UserPhone != null)
        {
            string digits = CaseWrites.Digits(d.UserPhone);
            user = _users.FirstOrDefault(u => u.Phone != null && CaseWrites.Digits(u.Phone) == digits);
        }
        else if (d.UserCustomId != null)
            user = _users.FirstOrDefault(u => string.Equals(u.CustomId, d.UserCustomId, StringComparison.OrdinalIgnoreCase));
        if (user != null) return user;

        string name = d.UserFullName;
        if (string.IsNullOrWhiteSpace(name))
            name = d.UserEmail != null ? d.UserEmail.Substring(0, d.UserEmail.IndexOf('@')) : d.UserPhone ?? d.UserCustomId;
        user = new EmuUser { UserId = _nextUserId, FullName = name, Email = d.UserEmail, Phone = d.UserPhone, CustomId = d.UserCustomId };
        _nextUserId += 17;
        _users.Add(user);
        _usersById[user.UserId] = user;
        return user;
    }

    static string FileNameOfUrl(string url)
    {
        string path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url.Split('?', '#')[0];
        string name = Uri.UnescapeDataString(path.TrimEnd('/').Split('/').LastOrDefault() ?? "");
        return name.Length == 0 ? "file" : name;
    }

    void StoreFile(StoredFile f)
    {
        _files[f.FileId] = f;
        _fileOrder.Enqueue(f.FileId);
        _fileBytes += f.Bytes.Length;
        while (_fileBytes > MaxStoredFileBytes && _fileOrder.Count > 1)
            if (_files.Remove(_fileOrder.Dequeue(), out var old)) _fileBytes -= old.Bytes.Length;
    }

    /// <summary>An uploaded file, or null (unknown id, or its bytes were dropped).</summary>
    public StoredFile FindFile(long fileId)
    {
        lock (_lock) return _files.GetValueOrDefault(fileId);
    }
}

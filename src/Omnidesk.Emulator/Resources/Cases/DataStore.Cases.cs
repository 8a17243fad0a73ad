using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Omnidesk.Emulator
{
    /// <summary>The cases of the store: lookup by id or number, the list query, and the writes (under the store lock).</summary>
    public sealed partial class DataStore
    {
        readonly int _caseCount;
        List<EmuCase> _cases;
        Dictionary<long, EmuCase> _byId;
        Dictionary<string, EmuCase> _byNumber;
        long _nextCaseId;
        Random _numberRng;

        /// <summary>The seeded cases and users again; no uploaded files, no churn, fresh sorted orders.</summary>
        void ResetCases()
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
                    foreach (var a in c.Messages.SelectMany(m => m.Attachments)) DropFile(a.FileId);
                    done.Add(c.CaseId);
                }
            }
            return done;
        }

        /// <summary>
        /// Takes a deleted label off every case (locked or not), without a changelog event or a new updated_at: the cases
        /// did not change, the account's labels did.
        /// </summary>
        public void RemoveLabelFromCases(long labelId)
        {
            lock (_lock)
            {
                foreach (var c in _cases)
                {
                    c.Labels.Remove(labelId);
                    c.LockedLabels.Remove(labelId);
                }
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
                var user = FindOrCreateUser(d);
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
    }
}

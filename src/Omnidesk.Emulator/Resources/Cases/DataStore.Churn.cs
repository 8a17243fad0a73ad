using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>
    /// Churn: other clients changing cases while someone pages through the list (config churn_per_list_request).
    /// Before answering a list request the emulator applies that many random changes, each one of: touch (updated_at =
    /// now and another priority, so the case moves in the updated_at order), create (a new case, created now) or trash
    /// (a listed case goes to the trash). The three are equally likely; the generator is seeded from the config seed.
    /// Every change is recorded for GET /_emulator/churn.
    /// </summary>
    public sealed partial class DataStore
    {
        Random _churnRng = new(1);
        readonly List<long> _churnTouched = new(), _churnCreated = new(), _churnTrashed = new();

        /// <summary>Restarts the churn generator (at start, on reset and when the config seed changes).</summary>
        public void ReseedChurn(int seed)
        {
            lock (_lock) _churnRng = new Random(seed);
        }

        /// <summary>Forgets the recorded churn (DELETE /_emulator/churn; a reset does it too).</summary>
        public void ClearChurn()
        {
            lock (_lock)
            {
                _churnTouched.Clear();
                _churnCreated.Clear();
                _churnTrashed.Clear();
            }
        }

        /// <summary>The recorded churn, in the order applied: {"touched":[ids],"created":[ids],"trashed":[ids]}.</summary>
        public (List<long> Touched, List<long> Created, List<long> Trashed) Churn
        {
            get { lock (_lock) return (_churnTouched.ToList(), _churnCreated.ToList(), _churnTrashed.ToList()); }
        }

        public void WriteChurnJson(Utf8JsonWriter w)
        {
            var (touched, created, trashed) = Churn;
            w.WriteStartObject();
            foreach (var (name, ids) in new[] { ("touched", touched), ("created", created), ("trashed", trashed) })
            {
                w.WriteStartArray(name);
                foreach (long id in ids) w.WriteNumberValue(id);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }

        /// <summary>Applies <paramref name="count"/> random changes (see the class summary) and records them.</summary>
        public void ApplyChurn(int count)
        {
            lock (_lock)
            {
                var staff = Staff.All.Where(s => s.Active).ToArray();
                for (int i = 0; i < count; i++)
                {
                    int kind = _churnRng.Next(3);
                    var by = staff[_churnRng.Next(staff.Length)];
                    string doneBy = "staff_" + by.StaffId;
                    if (kind == 1)
                    {
                        var user = _users[_churnRng.Next(_users.Count)];
                        var draft = new CaseDraft
                        {
                            Subject = Seeder.Subjects[_churnRng.Next(Seeder.Subjects.Length)],
                            Content = "A new case from another client.",
                            Channel = "email",
                        };
                        if (user.Email != null) draft.UserEmail = user.Email;
                        else if (user.Phone != null) draft.UserPhone = user.Phone;
                        else draft.UserCustomId = user.CustomId;
                        _churnCreated.Add(CreateCase(draft, by).CaseId);
                        continue;
                    }
                    var c = RandomListedCase();
                    if (c == null) continue; // nothing listed to change
                    var now = Now;
                    if (kind == 0)
                    {
                        var others = CaseWrites.Priorities.Where(p => p != c.Priority).ToArray();
                        var update = new CaseUpdate { Priority = others[_churnRng.Next(others.Length)] };
                        CaseWrites.ApplyUpdate(update, c, now, doneBy);
                        _churnTouched.Add(c.CaseId);
                    }
                    else
                    {
                        CaseWrites.ApplyMove("trash", c, now, doneBy);
                        _churnTrashed.Add(c.CaseId);
                    }
                    MarkDirty(c.CaseId);
                }
            }
        }

        /// <summary>A random case the default list shows (not trash, spam, merged or an active chat), or null.</summary>
        EmuCase RandomListedCase()
        {
            static bool Listed(EmuCase c) => !c.Deleted && !c.Spam && !c.IsMerged && !c.IsActiveChat;
            if (_cases.Count == 0) return null;
            for (int tries = 0; tries < 64; tries++)
            {
                var c = _cases[_churnRng.Next(_cases.Count)];
                if (Listed(c)) return c;
            }
            var listed = _cases.Where(Listed).ToList();
            return listed.Count == 0 ? null : listed[_churnRng.Next(listed.Count)];
        }
    }
}

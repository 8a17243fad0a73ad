using System;
using System.Collections.Generic;
using System.Linq;

namespace Omnidesk.Emulator
{
    /// <summary>The end users of the store: the seeded ones and those case creation adds.</summary>
    public sealed partial class DataStore
    {
        List<EmuUser> _users;
        Dictionary<long, EmuUser> _usersById;
        long _nextUserId;

        public IReadOnlyList<EmuUser> Users
        {
            get { lock (_lock) return _users.ToList(); }
        }

        /// <summary>A snapshot of the users by id (new users are added by case creation).</summary>
        public IReadOnlyDictionary<long, EmuUser> UsersById
        {
            get { lock (_lock) return new Dictionary<long, EmuUser>(_usersById); }
        }

        /// <summary>Used by the list filters (under the store lock already when called from <see cref="QueryCases"/>).</summary>
        internal EmuUser UserById(long id)
        {
            lock (_lock) return _usersById.GetValueOrDefault(id);
        }

        /// <summary>The user a new case names (by e-mail, else phone digits, else custom id), made when there is none. Under the lock.</summary>
        EmuUser FindOrCreateUser(CaseDraft d)
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
    }
}

using System;
using System.Collections.Generic;

namespace Omnidesk.Emulator
{
    /// <summary>The seeded end users: 30 of them, user_id 123, 140, 157, …</summary>
    public static partial class Seeder
    {
        static readonly string[] FirstNames = { "Maria", "Ivan", "Olga", "Peter", "Sofia", "Alexei", "Nina", "John", "Emma", "Lucas", "Yulia", "Omar", "Hanna", "Mikhail", "Laura" };
        static readonly string[] LastNames = { "Lopez", "Sokolov", "Novak", "Brown", "Fischer", "Volkova", "Garcia", "Kowalski", "Martin", "Smirnova" };
        static readonly string[] Domains = { "example.com", "mail.example.org", "shop.example.net", "corp.example.io" };

        public static List<EmuUser> BuildUsers()
        {
            var rng = new Random(DataSeed + 1);
            var users = new List<EmuUser>();
            for (int i = 0; i < 30; i++)
            {
                string first = FirstNames[i % FirstNames.Length], last = LastNames[(i * 7) % LastNames.Length];
                users.Add(new EmuUser
                {
                    UserId = 123 + i * 17,
                    FullName = first + " " + last,
                    Email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{(i >= 15 ? i.ToString() : "")}@{Domains[i % Domains.Length]}",
                    Phone = "+7916" + rng.Next(1000000, 9999999),
                    CustomId = i % 3 == 0 ? "ext-" + (1000 + i) : null,
                });
            }
            return users;
        }
    }
}

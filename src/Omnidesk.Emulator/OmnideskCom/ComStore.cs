using System;
using System.Collections.Generic;
using System.Linq;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// The Omnidesk.com demo account's data: tickets with timelines, customers, agents and views. Every handler works
    /// under <see cref="Sync"/> (the data is small, and a handler writes its JSON while it holds the lock). It shares
    /// nothing with the omnidesk.ru store.
    /// </summary>
    public sealed class ComStore
    {
        readonly int _ticketCount;
        readonly TimeProvider _clock;
        long _nextTicketId, _nextCustomerId, _nextChannelId, _nextEventId, _nextEntryId;

        public ComStore(int ticketCount, ComTime time, TimeProvider clock = null)
        {
            _ticketCount = ticketCount;
            Time = time ?? ComTime.Default;
            _clock = clock ?? TimeProvider.System;
            Reset();
        }

        /// <summary>Held by every handler for its whole work.</summary>
        public object Sync { get; } = new();

        public ComTime Time { get; }

        public List<ComTicket> Tickets { get; private set; }
        public Dictionary<long, ComTicket> TicketsById { get; private set; }
        public List<ComCustomer> Customers { get; private set; }
        public IReadOnlyList<ComUser> Users => ComSeeder.Users;
        public IReadOnlyList<ComView> Views => ComSeeder.Views;

        /// <summary>The clock, to whole seconds (what the API can show).</summary>
        public DateTimeOffset Now
        {
            get
            {
                var utc = _clock.GetUtcNow();
                return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            }
        }

        /// <summary>Back to the seeded account.</summary>
        public void Reset()
        {
            lock (Sync)
            {
                var (customers, tickets) = ComSeeder.Build(_ticketCount);
                Customers = customers;
                Tickets = tickets;
                TicketsById = tickets.ToDictionary(t => t.Id);
                _nextTicketId = tickets.Count == 0 ? ComSeeder.FirstTicketId : tickets.Max(t => t.Id) + 1;
                _nextCustomerId = customers.Max(c => c.Id) + 1;
                _nextChannelId = customers.SelectMany(c => c.Channels).Max(c => c.Id) + 1;
                var entries = tickets.SelectMany(t => t.Timeline).ToList();
                _nextEventId = entries.Where(e => e.Kind == ComEntryKind.Event).Select(e => e.Id).DefaultIfEmpty(ComSeeder.FirstEventId).Max() + 1;
                _nextEntryId = entries.Where(e => e.Kind != ComEntryKind.Event).Select(e => e.Id).DefaultIfEmpty(ComSeeder.FirstEntryId).Max() + 1;
            }
        }

        public ComTicket FindTicket(long id) => TicketsById.GetValueOrDefault(id);

        /// <summary>The ticket whose id is this text, or null (also for anything but a whole number).</summary>
        public ComTicket FindTicket(string id) =>
            long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n) ? FindTicket(n) : null;

        public ComCustomer FindCustomer(long id) => Customers.FirstOrDefault(c => c.Id == id);

        /// <summary>The customer with this primary id (and brand, when given), or null.</summary>
        public ComCustomer FindCustomerByPrimaryId(string primaryId, long? brandId) =>
            Customers.FirstOrDefault(c => c.ExternalPrimaryId == primaryId && (brandId == null || c.BrandId == brandId));

        /// <summary>The customer of the brand with this contact address (case-insensitive), or null.</summary>
        public ComCustomer FindCustomerByAddress(long brandId, string address) =>
            Customers.FirstOrDefault(c => c.BrandId == brandId &&
                c.Channels.Any(ch => string.Equals(ch.UniqueReference, address, StringComparison.OrdinalIgnoreCase)));

        public ComUser FindUser(long id) => Users.FirstOrDefault(u => u.Id == id);

        public ComTicket AddTicket(Func<long, ComTicket> create)
        {
            var t = create(_nextTicketId++);
            Tickets.Add(t);
            TicketsById[t.Id] = t;
            return t;
        }

        public bool RemoveTicket(long id)
        {
            if (!TicketsById.Remove(id)) return false;
            Tickets.RemoveAll(t => t.Id == id);
            return true;
        }

        public ComCustomer AddCustomer(Func<long, ComCustomer> create)
        {
            var c = create(_nextCustomerId++);
            Customers.Add(c);
            return c;
        }

        public ComCustomerChannel AddChannel(ComCustomer c, long channelId, string reference)
        {
            var ch = new ComCustomerChannel(_nextChannelId++, c.BrandId, c.Id, channelId, reference);
            c.Channels.Add(ch);
            return ch;
        }

        public long NextEventId() => _nextEventId++;
        public long NextEntryId() => _nextEntryId++;

        /// <summary>
        /// Sets the status and records it in the history (E9: an event of item_type "status", shown with getTicketHistory).
        /// Solved and closed set closed_at; reopening clears it. The same status again records nothing.
        /// </summary>
        public void SetStatus(ComTicket t, string status, string initiatedBy)
        {
            if (t.Status == status) return;
            var now = Now;
            t.Timeline.Add(new ComTimelineEntry
            {
                Id = NextEventId(), Kind = ComEntryKind.Event, TicketId = t.Id, CreatedAt = now, ItemType = "status", ItemTypeId = status,
                Description = "Status changed from " + t.Status + " to " + status, InitiatedBy = initiatedBy,
            });
            t.Status = status;
            t.ClosedAt = t.IsFinished ? now : null;
            t.LastUpdate = now;
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Omnidesk.Engine.Tests
{
    /// <summary>
    /// An in-memory cases list that answers as GET /api/cases.json does for what the listing algorithms ask: the
    /// created_at sorts (ties by id in the same direction), from_time/to_time by whole seconds (inclusive), user_id,
    /// page and limit, and the total. It can change between requests, as an account in use does.
    /// </summary>
    internal sealed class FakeCaseList
    {
        private readonly object _gate = new object();
        private readonly Dictionary<long, OmnideskCase> _cases = new Dictionary<long, OmnideskCase>();
        private int _requests;

        /// <summary>Runs before each answer (under the list's lock) with the request's number: the place for changes.</summary>
        public Action<FakeCaseList, int> BeforeAnswer { get; set; }

        /// <summary>How long each answer takes; cancellation ends the wait.</summary>
        public TimeSpan Latency { get; set; }

        public int Requests => Volatile.Read(ref _requests);

        /// <summary>Each request as "page/limit sort from..to", in the order they were sent.</summary>
        public ConcurrentQueue<string> Sent { get; } = new ConcurrentQueue<string>();

        /// <summary>The cancellation each request was given.</summary>
        public ConcurrentQueue<CancellationToken> Tokens { get; } = new ConcurrentQueue<CancellationToken>();

        /// <summary>The queries the requests carried.</summary>
        public ConcurrentQueue<OmnideskCaseQuery> Queries { get; } = new ConcurrentQueue<OmnideskCaseQuery>();

        public void Add(long id, long second, long userId = 0)
        {
            lock (_gate)
                _cases[id] = new OmnideskCase { CaseId = id, UserId = userId, CreatedAt = DateTimeOffset.FromUnixTimeSeconds(second) };
        }

        public bool Remove(long id)
        {
            lock (_gate) return _cases.Remove(id);
        }

        public IReadOnlyList<long> Ids()
        {
            lock (_gate) return _cases.Keys.ToList();
        }

        /// <summary>The ids in the order of the sort (created_at_asc when null).</summary>
        public IReadOnlyList<long> Sorted(string sort = "created_at_asc")
        {
            lock (_gate) return Order(_cases.Values, sort).Select(c => c.CaseId).ToList();
        }

        public async Task<OmnideskPage<OmnideskCase>> Fetch(OmnideskCaseQuery query, int page, int limit, OmnideskCallContext context)
        {
            // A cancelled request is never sent.
            context.Cancellation.ThrowIfCancellationRequested();
            var n = Interlocked.Increment(ref _requests);
            Queries.Enqueue(query.Clone());
            Tokens.Enqueue(context.Cancellation);
            Sent.Enqueue($"{page}/{limit} {query.Sort} {query.CreatedAfter?.ToUnixTimeSeconds()}..{query.CreatedBefore?.ToUnixTimeSeconds()}");
            if (Latency > TimeSpan.Zero) await Task.Delay(Latency, context.Cancellation).ConfigureAwait(false);
            else await Task.Yield();
            lock (_gate)
            {
                BeforeAnswer?.Invoke(this, n);
                var from = query.CreatedAfter?.ToUnixTimeSeconds() ?? long.MinValue;
                var to = query.CreatedBefore?.ToUnixTimeSeconds() ?? long.MaxValue;
                var matching = _cases.Values.Where(c => Second(c) >= from && Second(c) <= to &&
                                                        (query.UserId == null || query.UserId.Contains(c.UserId))).ToList();
                var items = Order(matching, query.Sort).Skip((page - 1) * limit).Take(limit).ToList();
                return new OmnideskPage<OmnideskCase>(items, matching.Count);
            }
        }

        private static long Second(OmnideskCase c) => c.CreatedAt.Value.ToUnixTimeSeconds();

        private static IEnumerable<OmnideskCase> Order(IEnumerable<OmnideskCase> cases, string sort) => sort == "created_at_desc"
            ? cases.OrderByDescending(Second).ThenByDescending(c => c.CaseId)
            : cases.OrderBy(Second).ThenBy(c => c.CaseId);
    }

    /// <summary>A list reader over pages given in advance, counting how it is read.</summary>
    internal sealed class ScriptedReader : IOmnideskListReader<OmnideskCase>
    {
        private readonly Queue<IReadOnlyList<long>> _pages;
        private long _number;

        public ScriptedReader(long? total, params long[][] pages)
        {
            TotalCount = total;
            _pages = new Queue<IReadOnlyList<long>>(pages);
        }

        public int Reads { get; private set; }
        public bool Disposed { get; private set; }
        public long? TotalCount { get; }
        public double TotalAccuracy => 1.0;

        public Task<OmnideskListPage<OmnideskCase>> NextAsync()
        {
            Reads++;
            if (_pages.Count == 0) return Task.FromResult<OmnideskListPage<OmnideskCase>>(null);
            var cases = _pages.Dequeue().Select(id => new OmnideskCase { CaseId = id }).ToList();
            return Task.FromResult(new OmnideskListPage<OmnideskCase>(++_number, 10, new OmnideskPage<OmnideskCase>(cases, TotalCount), cases));
        }

        public void Dispose() => Disposed = true;
    }
}

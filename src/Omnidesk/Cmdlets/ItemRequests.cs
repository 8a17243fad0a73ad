using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// The requests a command makes for its piped items, sent the way a listing reads its pages: each item's work starts
    /// as the item comes, up to the connection's -MaxConcurrency at once (the engine holds the command's request slots,
    /// inside the account's rate limiter), and each outcome (its objects, or its one error) is written on the pipeline
    /// thread in the order the items came, as soon as those before it are written: whenever an item comes, and at the end.
    /// <para>
    /// No more items wait than requests may be in flight, and only the first of those have their work started, so memory
    /// stays flat however many are piped, and when a downstream Select-Object -First has enough, at most that many
    /// requests were sent beyond what it took.
    /// </para>
    /// <para>
    /// An outcome may start more work (a bulk request's read-backs, a case's pages, a message's downloads): what it adds
    /// takes its place right after it, before the items that came later.
    /// </para>
    /// </summary>
    internal sealed class ItemRequests
    {
        private readonly OmnideskConnectedCmdlet _cmdlet;
        private readonly LinkedList<Outcome> _waiting = new LinkedList<Outcome>();
        private bool _writing;
        private LinkedListNode<Outcome> _insertBefore;
        private bool _insertedWhileWriting;

        public ItemRequests(OmnideskConnectedCmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>
        /// Starts an item's work, after writing the outcomes at the head while as many items as requests may be in flight
        /// wait. <paramref name="written"/> or <paramref name="failed"/> runs on the pipeline thread in the item's turn;
        /// any other exception of the work stops the command, and Ctrl+C stops it as PowerShell expects.
        /// </summary>
        public void Add<T>(Func<OmnideskCallContext, Task<T>> work, Action<T> written, Action<OmnideskApiException> failed)
        {
            Admit();
            Task<T> task = null;
            Enqueue(new Outcome(() => task = work(_cmdlet.NewCallContext()), () =>
            {
                T result;
                try
                {
                    result = _cmdlet.Await(task);
                }
                catch (OmnideskApiException e)
                {
                    failed(e);
                    return;
                }
                written(result);
            }));
            StartFirst();
            if (!_writing) WriteReady();
        }

        /// <summary>An outcome known already (an item that names nothing, a part of an outcome), written in its turn.</summary>
        public void Deliver(Action write)
        {
            Admit();
            var isNext = _writing ? !_insertedWhileWriting : _waiting.Count == 0;
            if (isNext) write();
            else Enqueue(new Outcome(null, write));
        }

        /// <summary>
        /// A new item waits for room: no more items wait than requests may be in flight. What an outcome adds while it is
        /// written is part of that outcome, and takes no room of its own.
        /// </summary>
        private void Admit()
        {
            if (_writing) return;
            while (_waiting.Count >= _cmdlet.Concurrency) WriteFirst();
        }

        /// <summary>Writes the outcomes at the head that are ready, without waiting.</summary>
        public void WriteReady()
        {
            while (_waiting.Count > 0 && _waiting.First.Value.IsReady) WriteFirst();
        }

        /// <summary>Waits for and writes every outcome (at the end of the command).</summary>
        public void WriteAll()
        {
            while (_waiting.Count > 0) WriteFirst();
        }

        private void Enqueue(Outcome outcome)
        {
            if (!_writing) _waiting.AddLast(outcome);
            else
            {
                if (_insertBefore == null) _waiting.AddLast(outcome);
                else _waiting.AddBefore(_insertBefore, outcome);
                _insertedWhileWriting = true;
            }
        }

        /// <summary>
        /// Starts the work of the first -MaxConcurrency outcomes, on the pipeline thread: work further back (a case's many
        /// read-backs or downloads) starts only as its turn nears, so it holds no file open and no answer early.
        /// </summary>
        private void StartFirst()
        {
            var node = _waiting.First;
            for (var i = 0; node != null && i < _cmdlet.Concurrency; i++, node = node.Next) node.Value.Start();
        }

        private void WriteFirst()
        {
            var outcome = _waiting.First.Value;
            _waiting.RemoveFirst();
            outcome.Start();
            StartFirst();
            _writing = true;
            _insertBefore = _waiting.First;
            _insertedWhileWriting = false;
            try
            {
                outcome.Write();
            }
            catch (PipelineStoppedException)
            {
                // Ctrl+C, or a downstream Select-Object -First that has enough: what waits for a slot is never sent.
                _cmdlet.CancelRequests();
                throw;
            }
            finally
            {
                _writing = false;
                _insertBefore = null;
            }
        }

        /// <summary>An item's work, started in its time (none when its outcome is known), and how its outcome is written.</summary>
        private sealed class Outcome
        {
            private readonly Func<Task> _start;
            private Task _work;

            public Outcome(Func<Task> start, Action write)
            {
                _start = start;
                Write = write;
            }

            public Action Write { get; }

            public void Start()
            {
                if (_start != null && _work == null) _work = _start();
            }

            public bool IsReady => _start == null || (_work != null && _work.IsCompleted);
        }
    }
}

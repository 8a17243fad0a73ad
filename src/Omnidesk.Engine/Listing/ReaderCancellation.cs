using System;
using System.Threading;

namespace Omnidesk.Engine.Listing
{
    /// <summary>
    /// A reader's requests stop when the caller's do (Ctrl+C) or when the reader is disposed: a pipeline that stops
    /// early (Select-Object -First) must not leave read-ahead or walks running.
    /// </summary>
    internal sealed class ReaderCancellation : IDisposable
    {
        private readonly CancellationTokenSource _source;
        private int _disposed;

        public ReaderCancellation(OmnideskCallContext caller)
        {
            _source = CancellationTokenSource.CreateLinkedTokenSource(caller.Cancellation);
            Context = caller.WithCancellation(_source.Token);
        }

        /// <summary>The caller's context (its logging, its request slots) with the reader's cancellation.</summary>
        public OmnideskCallContext Context { get; }

        public CancellationToken Token => Context.Cancellation;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _source.Cancel();
            _source.Dispose();
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Omnidesk.Emulator
{
    /// <summary>
    /// The host lifetime of an emulator started by another process (--parent-pid), in place of ConsoleLifetime.
    /// Such a child shares its parent's console (on Unix its process group), so a Ctrl+C the user meant for the parent's
    /// current command reaches the child too, and ConsoleLifetime would stop it under the parent's feet. This lifetime
    /// ignores the keyboard signals (SIGINT and SIGQUIT; on Windows Ctrl+C and Ctrl+Break), stops on SIGTERM, and
    /// stops when the parent process exits (checked every second), so the child never outlives it.
    /// </summary>
    sealed class ChildProcessLifetime : IHostLifetime, IDisposable
    {
        static readonly TimeSpan ParentCheckInterval = TimeSpan.FromSeconds(1);

        readonly int _parentPid;
        readonly IHostApplicationLifetime _application;
        readonly CancellationTokenSource _stopWatching = new();
        readonly List<PosixSignalRegistration> _signals = new();

        public ChildProcessLifetime(int parentPid, IHostApplicationLifetime application)
        {
            _parentPid = parentPid;
            _application = application;
        }

        public Task WaitForStartAsync(CancellationToken cancellationToken)
        {
            _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, Ignore));
            _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Ignore));
            _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop));
            _ = WatchParentAsync(_stopWatching.Token);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _stopWatching.Cancel();
            return Task.CompletedTask;
        }

        // Cancel = true: the runtime's default handling of these signals would end the process at once.
        static void Ignore(PosixSignalContext context) => context.Cancel = true;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // a graceful stop, as ConsoleLifetime does
            _application.StopApplication();
        }

        async Task WatchParentAsync(CancellationToken ct)
        {
            try
            {
                while (IsRunning(_parentPid))
                    await Task.Delay(ParentCheckInterval, ct);
                _application.StopApplication();
            }
            catch (OperationCanceledException)
            {
            }
        }

        static bool IsRunning(int pid)
        {
            try
            {
                using var p = Process.GetProcessById(pid);
                return !p.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            foreach (var signal in _signals) signal.Dispose();
            _signals.Clear();
            _stopWatching.Cancel();
            _stopWatching.Dispose();
        }
    }
}

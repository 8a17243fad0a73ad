using System;
using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Threading;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// Base of every Omnidesk cmdlet: cancels engine work on Ctrl+C (StopProcessing), and carries the engine's
    /// per-request logging back to the pipeline thread, the only thread allowed to write to PowerShell's streams.
    /// </summary>
    public abstract class OmnideskCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly ConcurrentQueue<Action> _writes = new ConcurrentQueue<Action>();
        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0);
        private bool? _verbose;
        private bool? _debug;

        protected internal CancellationToken Cancellation => _stopping.Token;

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Cancels the command's engine work: a downstream Select-Object -First had enough, or the command ends.</summary>
        internal void CancelRequests() => _stopping.Cancel();

        // The semaphores are left to the GC: they never allocate a wait handle, and a late release must not throw.
        public void Dispose()
        {
            _stopping.Cancel(); // work still under way when the pipeline ends early (Select-Object -First) stops here
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>How many requests the command may have under way at once; 0: no limit of its own.</summary>
        private protected virtual int RequestLimit => 0;

        private SemaphoreSlim _requestSlots;

        /// <summary>A call context whose callbacks queue writes for the pipeline thread; streams nobody reads cost nothing.</summary>
        protected internal OmnideskCallContext NewCallContext() => NewCallContext(_stopping.Token);

        /// <summary>A call context with a cancellation of the caller's, which must include this command's stop.</summary>
        protected internal OmnideskCallContext NewCallContext(CancellationToken cancellation)
        {
            // Session state may be read only on the pipeline thread, and the preferences hold for the whole command.
            if (_verbose == null) _verbose = IsEnabled("Verbose", "VerbosePreference");
            if (_debug == null) _debug = IsEnabled("Debug", "DebugPreference");
            if (_requestSlots == null && RequestLimit > 0) _requestSlots = new SemaphoreSlim(RequestLimit);
            Action<OmnideskRequestLog> onRequest = null;
            Action<string> onDebug = null;
            if (_verbose.Value) onRequest = log => Post(() => WriteVerbose(log.ToString()));
            if (_debug.Value) onDebug = text => Post(() => WriteDebug(text));
            // Retries after a failure are warnings (runbook logs show them); pacing to the budget is routine: verbose.
            return new OmnideskCallContext(cancellation, onRequest, onDebug, notice => Post(() =>
            {
                if (notice.IsPacing) WriteVerbose("Omnidesk: " + notice);
                else WriteWarning("Omnidesk: " + notice);
            }), _requestSlots);
        }

        /// <summary>
        /// Waits for engine work on the pipeline thread, writing what the engine reported meanwhile.
        /// A stop (Ctrl+C) surfaces as PipelineStoppedException, which PowerShell expects.
        /// </summary>
        protected T Await<T>(Func<OmnideskCallContext, Task<T>> call) => Await(call(NewCallContext()));

        /// <summary>Waits for work started earlier (read-ahead pages, bulk requests in flight), as above.</summary>
        protected internal T Await<T>(Task<T> task)
        {
            task.ContinueWith(_ => _signal.Release(), TaskContinuationOptions.ExecuteSynchronously);
            while (!task.IsCompleted)
            {
                _signal.Wait();
                DrainWrites();
            }
            DrainWrites();
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Queues a write for the pipeline thread; callable from any thread while <see cref="Await"/> waits.</summary>
        protected void Post(Action write)
        {
            _writes.Enqueue(write);
            _signal.Release();
        }

        private void DrainWrites()
        {
            while (_writes.TryDequeue(out var write)) write();
        }

        private bool IsEnabled(string switchName, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(switchName, out var value))
                return value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value);
            var preference = GetVariableValue(preferenceVariable);
            if (preference is ActionPreference p) return p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore;
            return LanguagePrimitives.IsTrue(preference);
        }

        protected void WriteApiError(Exception exception, object target) =>
            WriteError(OmnideskErrors.ToErrorRecord(exception, target));

        private bool _yesToAll;
        private bool _noToAll;

        /// <summary>-WhatIf, given or from $WhatIfPreference.</summary>
        protected bool WhatIfRequested => IsEnabled("WhatIf", "WhatIfPreference");

        /// <summary>
        /// May this change go ahead? -WhatIf writes its "What if:" line and says no. A change that can be undone asks
        /// PowerShell's usual question (ShouldProcess) when -Confirm or the ConfirmImpact asks for it, unless -Force.
        /// A change that cannot be undone (<paramref name="irreversibleQuery"/>) asks a question of its own whose
        /// default answer, Enter, is No, unless -Force, -Confirm:$false or $ConfirmPreference = 'None'. Where nobody can
        /// answer (pwsh -NonInteractive, a runbook), a needed question is a terminating error saying what to add.
        /// </summary>
        protected bool Approve(string target, string action, bool force, string irreversibleQuery = null)
        {
            if (WhatIfRequested) return ShouldProcess(target, action);
            var confirm = MyInvocation.BoundParameters.TryGetValue("Confirm", out var given) ? LanguagePrimitives.IsTrue(given) : (bool?)null;
            if (force && confirm != true) return Proceed(target, action);
            if (irreversibleQuery == null) return Ask(target, action, () => ShouldProcess(target, action));

            if (confirm == false || (confirm == null && IsConfirmPreferenceNone())) return Proceed(target, action);
            if (_yesToAll) return Proceed(target, action);
            if (_noToAll) return false;
            return Ask(target, action, () => AskIrreversible(irreversibleQuery)) && Proceed(target, action);
        }

        private bool Proceed(string target, string action)
        {
            WriteVerbose($"Performing the operation \"{action}\" on target \"{target}\".");
            return true;
        }

        private bool IsConfirmPreferenceNone() =>
            GetVariableValue("ConfirmPreference") is ConfirmImpact impact ? impact == ConfirmImpact.None
                : string.Equals(System.Convert.ToString(GetVariableValue("ConfirmPreference"), System.Globalization.CultureInfo.InvariantCulture), "None", StringComparison.OrdinalIgnoreCase);

        private bool AskIrreversible(string query)
        {
            var ui = Host?.UI ?? throw new PSInvalidOperationException("This host has no user interface.");
            var choices = new Collection<ChoiceDescription>
            {
                new ChoiceDescription("&Yes", "Do it; it cannot be undone."),
                new ChoiceDescription("Yes to &All", "Do it, and the same for the rest of this command."),
                new ChoiceDescription("&No", "Skip this one (the default)."),
                new ChoiceDescription("No to A&ll", "Skip this one and the rest of this command."),
            };
            switch (ui.PromptForChoice("Confirm", query, choices, 2))
            {
                case 0: return true;
                case 1: _yesToAll = true; return true;
                case 3: _noToAll = true; return false;
                default: return false;
            }
        }

        /// <summary>Asks; where no one can answer, stops the command with an error that says how to run it unattended.</summary>
        private bool Ask(string target, string action, Func<bool> question)
        {
            try
            {
                return question();
            }
            catch (Exception e) when (e is PSInvalidOperationException || e is HostException ||
                                      e is NotImplementedException || e is InvalidOperationException)
            {
                var unattended = MyInvocation.MyCommand.Parameters.ContainsKey("Force") ? "-Force (or -Confirm:$false)" : "-Confirm:$false";
                var message = $"{MyInvocation.MyCommand.Name} needs a confirmation to {action.ToLowerInvariant()} on \"{target}\", and this session cannot ask " +
                              $"(it is non-interactive, as a runbook or scheduled task is). Nothing was changed. Add {unattended} to go ahead " +
                              "without asking, or -WhatIf to see what would be done.";
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message, e), "OmnideskConfirmationUnavailable",
                    ErrorCategory.InvalidOperation, target)
                {
                    ErrorDetails = new ErrorDetails(message) { RecommendedAction = $"Add {unattended} to run it unattended." },
                });
                return false;
            }
        }
    }
}

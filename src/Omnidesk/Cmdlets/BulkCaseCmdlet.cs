using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// A change applied to many cases: each approved case joins a batch (<see cref="BulkBatcher{TChange}"/>), and every
    /// <see cref="OmnideskResource.BulkSize"/> cases (the API's limit) go in one bulk request (/api/cases/1,2,3...).
    /// Cases the API leaves out of its answer, or a batch that fails, are reported one error per case with the case id
    /// as target; the others are applied.
    /// </summary>
    public abstract class BulkCaseCmdlet<TResult> : CaseTargetCmdlet
    {
        /// <summary>Cases waiting for a request, per change (one bulk request carries one change for all its cases).</summary>
        private readonly BulkBatcher<object> _batches = new BulkBatcher<object>(OmnideskResources.Case.BulkSize);
        private readonly HashSet<string> _seen = new HashSet<string>();
        private int _requests;
        private int _processed;
        private bool _progressShown;

        /// <summary>The ShouldProcess action, e.g. "Move to the trash".</summary>
        protected abstract string Action { get; }

        /// <summary>What happened to a case, for the error when it did not: e.g. "moved to the trash".</summary>
        protected abstract string Outcome { get; }

        /// <summary>A question to confirm an irreversible change (null: ShouldProcess is enough).</summary>
        protected virtual string IrreversibleQuery(string target) => null;

        /// <summary>-Force: no confirmation prompts (never overrides -WhatIf).</summary>
        protected virtual bool SkipConfirmation => false;

        /// <summary>Sends one request for at most <see cref="OmnideskResource.BulkSize"/> ids, with the change they were queued with.</summary>
        protected abstract Task<TResult> SendAsync(IReadOnlyList<long> caseIds, object change, OmnideskCallContext context);

        /// <summary>The cases the API says it changed.</summary>
        protected abstract IEnumerable<long> Succeeded(TResult result);

        /// <summary>
        /// What the caller gets for a changed case, if anything, written through <see cref="ItemRequests"/> (Deliver, or
        /// Add for a read-back) so it keeps its place among the other cases' outcomes.
        /// </summary>
        protected abstract void WriteSucceeded(long caseId, TResult result);

        protected override void ProcessRecord()
        {
            foreach (var target in CasesOfRecord()) ProcessCase(target);
        }

        /// <summary>Asks with the command's action, then queues the case for the command's one change.</summary>
        private protected virtual void ProcessCase(CaseRef target)
        {
            if (IsRepeat(target)) return;
            if (!Approve(target.ToString(), Action, SkipConfirmation, IrreversibleQuery(target.ToString()))) return;
            Seen(target);
            if (target.Id.HasValue) Items.Deliver(() => Enqueue(target.Id.Value, target, null, ""));
            else Items.Add(context => IdOf(target, context), id => Enqueue(id, target, null, ""), e => WriteApiError(e, target.Item));
        }

        protected override void EndProcessing()
        {
            // Cases whose numbers are still being read may fill batches; then the partly filled batches go.
            Items.WriteAll();
            foreach (var batch in _batches.TakeRest()) Send(batch);
            Items.WriteAll();
            if (_progressShown)
                WriteProgress(new ProgressRecord(ProgressId, MyInvocation.MyCommand.Name, "Done") { RecordType = ProgressRecordType.Completed });
        }

        private const int ProgressId = 0x0B0C;

        /// <summary>
        /// Once per command: a case that comes again (a message would reach the user twice) is not asked about or sent
        /// again. Checked before asking; a case is marked <see cref="Seen"/> once approved.
        /// </summary>
        private protected bool IsRepeat(CaseRef target)
        {
            if (!_seen.Contains(target.Key)) return false;
            WriteVerbose($"{target} came again; it is handled once.");
            return true;
        }

        private protected void Seen(CaseRef target) => _seen.Add(target.Key);

        /// <summary>
        /// Queues an approved case with its change; <paramref name="changeKey"/> tells equal changes, which share bulk
        /// requests. A case already queued (the same case by id and by number) is not queued again.
        /// </summary>
        private protected void Enqueue(long id, CaseRef target, object change, string changeKey)
        {
            if (!_batches.Add(id, changeKey, change, out var full))
            {
                WriteVerbose($"{target} came again; it is handled once.");
                return;
            }
            if (full != null) Send(full);
        }

        /// <summary>Sends the batch as one of the command's per-item requests, so its outcome keeps the cases' order.</summary>
        private void Send(BulkBatch<object> batch)
        {
            var ids = batch.Ids;
            Items.Add(context => SendAsync(ids, batch.Change, context), result =>
            {
                Counted(ids);
                var succeeded = new HashSet<long>(Succeeded(result));
                foreach (var id in ids)
                {
                    if (succeeded.Contains(id)) WriteSucceeded(id, result);
                    else Items.Deliver(() => WriteError(OmnideskErrors.NotApplied(id, Outcome)));
                }
            }, e =>
            {
                Counted(ids);
                foreach (var id in ids) WriteApiError(e, id);
            });
        }

        private void Counted(IReadOnlyList<long> ids)
        {
            _requests++;
            _processed += ids.Count;
            if (_requests < 2) return;
            WriteProgress(new ProgressRecord(ProgressId, MyInvocation.MyCommand.Name, $"{_processed} cases in {_requests} requests"));
            _progressShown = true;
        }
    }

    /// <summary>A change of the cases themselves (Set, Remove, Restore): -PassThru writes the changed cases.</summary>
    public abstract class CaseChangeCmdlet : BulkCaseCmdlet<OmnideskBulkResult>
    {
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>No confirmation prompts (never overrides -WhatIf).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override bool SkipConfirmation => Force;

        /// <summary>Whether -PassThru can write the cases after the change (not after a permanent delete).</summary>
        protected virtual bool CasesRemainAfterwards => true;

        protected override IEnumerable<long> Succeeded(OmnideskBulkResult result) => result.SucceededIds;

        protected override void WriteSucceeded(long caseId, OmnideskBulkResult result)
        {
            if (PassThru && CasesRemainAfterwards) WriteCase(caseId, result);
        }

        /// <summary>-PassThru: the case as the API returned it, or read again when a bulk answer held only ids.</summary>
        private void WriteCase(long id, OmnideskBulkResult result)
        {
            var returned = result.Cases?.FirstOrDefault(c => c.CaseId == id);
            if (returned != null) Items.Deliver(() => WriteObject(returned));
            else Items.Add(context => Client.GetCaseAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), context),
                WriteObject, e => WriteApiError(e, id));
        }
    }
}

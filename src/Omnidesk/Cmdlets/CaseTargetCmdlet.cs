using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// A cmdlet that acts on cases: named by -CaseId or -CaseNumber, or piped in any form (-InputObject), all read by
    /// <see cref="CaseRef.Read"/>. An item that names no case is one error with the item as its target; the items
    /// around it go on.
    /// </summary>
    public abstract class CaseTargetCmdlet : OmnideskConnectedCmdlet
    {
        protected const string ByIdSet = "ById";
        protected const string ByNumberSet = "ByNumber";
        protected const string ByInputObjectSet = "ByInputObject";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("Id", "case_id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] CaseId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByNumberSet)]
        [Alias("case_number")]
        [ValidateNotNullOrEmpty]
        public string[] CaseNumber { get; set; }

        /// <summary>
        /// Whatever names cases: case (or message) objects, [pscustomobject]s, Import-Csv rows, deserialized objects,
        /// ids, case numbers. A PSObject, so PowerShell never converts a piped object into an empty case.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByInputObjectSet, ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        /// <summary>The cases of the current record, in order; items that name none are written as errors and skipped.</summary>
        private protected IEnumerable<CaseRef> CasesOfRecord()
        {
            if (CaseId != null)
            {
                foreach (var id in CaseId) yield return CaseRef.FromId(id);
            }
            else if (CaseNumber != null)
            {
                foreach (var number in CaseNumber)
                {
                    if (CaseRef.IsCaseNumber(number)) yield return CaseRef.FromNumber(number);
                    else WriteError(OmnideskErrors.InvalidArgument("OmnideskInvalidCaseNumber",
                        $"'{number}' is not a case number (such as 664-245651).", number));
                }
            }
            else
            {
                foreach (var item in PipedItem.Expand(InputObject))
                {
                    var found = ReadItem(item);
                    if (found != null) yield return found;
                }
            }
        }

        /// <summary>One piped item as a case, or null after writing why it is none.</summary>
        private protected CaseRef ReadItem(object item)
        {
            var found = CaseRef.Read(item, out var error);
            if (error != null) WriteError(error);
            return found;
        }

        /// <summary>
        /// One change to one case: asks, reads a case given by number for its id (only once approved, so -WhatIf sends
        /// nothing), and sends; a failure is an error on the case id.
        /// </summary>
        private protected void ApplyToCase<T>(CaseRef target, string action, Func<long, OmnideskCallContext, Task<T>> change, bool passThru,
            bool force = false, string irreversibleQuery = null)
        {
            if (!Approve(target.ToString(), action, force, irreversibleQuery)) return;
            var id = ResolveId(target);
            if (id.HasValue) Send(context => change(id.Value, context), passThru, id.Value);
        }
    }
}

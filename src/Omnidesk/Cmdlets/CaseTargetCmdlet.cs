using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Omnidesk
{
    /// <summary>
    /// A cmdlet that acts on cases: named by -CaseId or -CaseNumber, or piped in any form (-InputObject), all read by
    /// <see cref="Identities.Case"/>. The case's identity parameters are declared here, once for every such cmdlet.
    /// </summary>
    public abstract class CaseTargetCmdlet : ItemTargetCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("Id", "case_id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] CaseId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByNumberSet)]
        [Alias("case_number")]
        [ValidateNotNullOrEmpty]
        public string[] CaseNumber { get; set; }

        private protected override ItemIdentity Identity => Identities.Case;

        private protected override IEnumerable<ItemRef> Named()
        {
            if (CaseId != null)
            {
                foreach (var id in CaseId) yield return Identities.Case.FromId(id);
            }
            else if (CaseNumber != null)
            {
                foreach (var number in CaseNumber)
                {
                    var found = Identities.Case.FromNumber(number, out var error);
                    if (error != null) WriteErrorInTurn(error);
                    else yield return found;
                }
            }
        }

        /// <summary>The cases of the current record, in order; items that name none are written as errors and skipped.</summary>
        private protected IEnumerable<CaseRef> CasesOfRecord() => ItemsOfRecord().Cast<CaseRef>();

        /// <summary>One piped item as a case, or null after writing why it is none.</summary>
        private protected CaseRef ReadItem(object item) => (CaseRef)ReadPiped(item);
    }
}

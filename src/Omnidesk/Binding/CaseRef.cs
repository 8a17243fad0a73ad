using System.Collections.Generic;

namespace Omnidesk
{
    /// <summary>A case as the user named it (see <see cref="Identities.Case"/>).</summary>
    internal sealed class CaseRef : ItemRef
    {
        internal CaseRef(ItemRef read) : base(read)
        {
        }

        /// <summary>Properties that carry a case id: CaseId, case_id, Id.</summary>
        internal static IReadOnlyList<string> IdProperties => Identities.Case.IdProperties;

        /// <summary>Properties that carry a case number: CaseNumber, case_number.</summary>
        internal static IReadOnlyList<string> NumberProperties => Identities.Case.NumberProperties;
    }
}

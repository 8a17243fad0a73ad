using System.Text.RegularExpressions;

namespace Omnidesk
{
    /// <summary>
    /// The identities of the resources users pipe in, each built from its description in <see cref="OmnideskResources"/>
    /// plus what only the cmdlets need (what a number looks like, examples for messages). A new resource gets the same
    /// binding rules by one entry here.
    /// </summary>
    internal static class Identities
    {
        public static readonly ItemIdentity<CaseRef> Case = new ItemIdentity<CaseRef>(OmnideskResources.Case, read => new CaseRef(read))
        {
            NumberPattern = new Regex(@"^[0-9]+-[0-9]+$", RegexOptions.CultureInvariant),
            IdExample = "2000",
            NumberExample = "664-245651",
            AlsoPiped = "messages",
            IdOfNumber = async (client, number, context) => (await client.GetCaseAsync(number, context).ConfigureAwait(false)).CaseId,
        };

        /// <summary>Messages and notes alike: a note is a message with IsNote (see <see cref="MessageKind"/>).</summary>
        public static readonly ItemIdentity<MessageRef> Message = new ItemIdentity<MessageRef>(OmnideskResources.Message, read => new MessageRef(read));
    }
}

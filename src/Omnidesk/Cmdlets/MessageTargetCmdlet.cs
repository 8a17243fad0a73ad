using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Omnidesk
{
    /// <summary>
    /// A cmdlet that acts on messages or notes of cases: named by -CaseId and -MessageId, or piped: message objects,
    /// objects or CSV rows with CaseId and MessageId, or message ids with -CaseId (see <see cref="Identities.Message"/>).
    /// A piped message of the other kind (a note given to a message cmdlet, or the reverse) is refused before anything
    /// is sent: the API keeps them apart.
    /// </summary>
    public abstract class MessageTargetCmdlet : ItemTargetCmdlet
    {
        /// <summary>The case; with piped message ids, the case they belong to.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Parameter(ParameterSetName = ByInputObjectSet)]
        [Alias("case_id")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet)]
        [Alias("message_id")]
        [ValidateRange(1, long.MaxValue)]
        public long MessageId { get; set; }

        /// <summary>The kind of message the cmdlet acts on.</summary>
        private protected abstract MessageKind Kind { get; }

        private protected override ItemIdentity Identity => Identities.Message;

        private protected override IEnumerable<ItemRef> Named()
        {
            yield return Identities.Message.FromId(MessageId, CaseId);
        }

        private protected override long? GivenParentId => MyInvocation.BoundParameters.ContainsKey(nameof(CaseId)) ? CaseId : (long?)null;

        /// <summary>The messages of the current record, in order; items that name none, or one of the other kind, are written as errors.</summary>
        private protected IEnumerable<MessageRef> MessagesOfRecord() => ItemsOfRecord().Cast<MessageRef>();

        /// <summary>"Message 5 of case 2000", or "Note 5 of case 2000" for the note cmdlets.</summary>
        private protected override string Describe(ItemRef target) => target.LabelAs(Kind.Resource());

        /// <summary>False, with an error, when a piped message is of the other kind.</summary>
        private protected override bool Accepts(ItemRef item)
        {
            var message = (MessageRef)item;
            if (!message.Kind.HasValue || message.Kind == Kind) return true;
            var text = Kind == MessageKind.Note
                ? $"Message {message.MessageId} of case {message.CaseId} is a response, not a note: use the *-OmnideskMessage cmdlets."
                : $"Message {message.MessageId} of case {message.CaseId} is a note: use the *-OmnideskNote cmdlets.";
            WriteErrorInTurn(OmnideskErrors.InvalidArgument(Kind == MessageKind.Note ? "OmnideskNotANote" : "OmnideskMessageIsNote", text, message.Item));
            return false;
        }
    }
}

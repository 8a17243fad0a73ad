using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>
    /// Rates cases, or staff responses (-MessageId, or piped messages), on behalf of the user. A piped item that names a
    /// message (a message object, a row with MessageId) rates that message; anything else names a case.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OmnideskRating", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskCase), typeof(OmnideskMessage))]
    public sealed class SetOmnideskRatingCommand : CaseTargetCmdlet
    {
        /// <summary>Rates this staff response of the -CaseId case instead of the whole case.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [Alias("message_id")]
        [ValidateRange(1, long.MaxValue)]
        public long? MessageId { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateSet("low", "middle", "high")]
        public string Rating { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Comment { get; set; }

        /// <summary>The staff member the case rating is for (case ratings only).</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? RatedStaffId { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private OmnideskRatingChange _rating;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (MessageId.HasValue && CaseId != null && CaseId.Length != 1)
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskConflictingParameters",
                    "-MessageId names a response of one case: give a single -CaseId with it.", MessageId));
            _rating = new OmnideskRatingChange { Rating = Rating, Comment = Comment, RatedStaffId = RatedStaffId };
        }

        protected override void ProcessRecord()
        {
            if (MessageId.HasValue)
            {
                RateMessage(Identities.Message.FromId(MessageId.Value, CaseId[0]));
                return;
            }
            if (ParameterSetName != ByInputObjectSet)
            {
                foreach (var target in CasesOfRecord()) RateCase(target);
                return;
            }
            foreach (var item in PipedItem.Expand(InputObject))
            {
                if (Identities.Message.IsNamedBy(item))
                {
                    var message = Identities.Message.Read(item, null, out var error);
                    if (error != null) WriteErrorInTurn(error);
                    else RateMessage(message);
                    continue;
                }
                var target = ReadItem(item);
                if (target != null) RateCase(target);
            }
        }

        private void RateCase(CaseRef target) =>
            ApplyTo(target, $"Rate '{Rating}'", (id, context) => Client.RateCaseAsync(id, _rating, context), PassThru);

        private void RateMessage(MessageRef message)
        {
            // A message's rating is for the staff member who wrote it.
            if (RatedStaffId.HasValue)
            {
                WriteErrorInTurn(OmnideskErrors.InvalidArgument("OmnideskConflictingParameters",
                    "-RatedStaffId applies to a case rating; a message's rating is for the staff member who wrote it.", message.Item));
                return;
            }
            ApplyTo(message, $"Rate '{Rating}'", (id, context) => Client.RateMessageAsync(message.CaseId, id, _rating, context), PassThru);
        }
    }
}

using System.Globalization;
using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>Rates a case, or one staff response of it (-MessageId), on behalf of the user.</summary>
    [Cmdlet(VerbsCommon.Set, "OmnideskRating", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskCase), typeof(OmnideskMessage))]
    public sealed class SetOmnideskRatingCommand : OmnideskConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "case_id")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseId { get; set; }

        /// <summary>Rates this staff response instead of the whole case.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
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

        protected override void ProcessRecord()
        {
            // Checked per record: -MessageId may come from a piped message.
            if (RatedStaffId.HasValue && MessageId.HasValue)
            {
                WriteError(OmnideskErrors.InvalidArgument("OmnideskConflictingParameters",
                    "-RatedStaffId applies to a case rating; a message's rating is for the staff member who wrote it.", MessageId));
                return;
            }
            var rating = new OmnideskRatingChange { Rating = Rating, Comment = Comment, RatedStaffId = RatedStaffId };
            var target = MessageId.HasValue ? $"Message {MessageId} of case {CaseId}" : "Case " + CaseId.ToString(CultureInfo.InvariantCulture);
            if (MessageId.HasValue)
                ApplyChange(target, $"Rate '{Rating}'", context => Client.RateMessageAsync(CaseId, MessageId.Value, rating, context), PassThru, MessageId.Value);
            else
                ApplyChange(target, $"Rate '{Rating}'", context => Client.RateCaseAsync(CaseId, rating, context), PassThru, CaseId);
        }
    }
}

using System;
using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>A response in cases, from a staff member or on behalf of a user.</summary>
    [Cmdlet(VerbsCommon.New, "OmnideskMessage", DefaultParameterSetName = ByInputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskMessage))]
    public sealed class NewOmnideskMessageCommand : NewMessageCmdletBase
    {
        /// <summary>The staff member who answers (exactly one of -StaffId and -UserId).</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? StaffId { get; set; }

        /// <summary>The user on whose behalf the response is added.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? UserId { get; set; }

        /// <summary>Add the response to the case without e-mailing it.</summary>
        [Parameter]
        public SwitchParameter DoNotSendEmail { get; set; }

        /// <summary>Send it later, at this time.</summary>
        [Parameter]
        public DateTime? SendAt { get; set; }

        private protected override MessageKind Kind => MessageKind.Response;

        protected override string Action => StaffId.HasValue
            ? $"Add a response from staff member {StaffId}{Files}"
            : $"Add a response on behalf of user {UserId}{Files}";

        protected override ErrorRecord Complete(OmnideskNewMessage message)
        {
            if (StaffId.HasValue == UserId.HasValue)
                return OmnideskErrors.InvalidArgument(StaffId.HasValue ? "OmnideskAuthorConflict" : "OmnideskAuthorMissing",
                    "Give exactly one author: -StaffId for a staff member's response, or -UserId for a response on behalf of a user.", null);
            message.StaffId = StaffId;
            message.UserId = UserId;
            message.DoNotSendEmail = DoNotSendEmail ? true : (bool?)null;
            message.SendAt = SendAt.HasValue ? new DateTimeOffset(SendAt.Value) : (DateTimeOffset?)null;
            return null;
        }
    }
}

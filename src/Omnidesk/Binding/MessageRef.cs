using System.Globalization;
using System.Management.Automation;

namespace Omnidesk
{
    /// <summary>
    /// A message or note as the user named it: its case and its id, and its kind when the item says (a message object,
    /// or an IsNote/note column). The one rule for every message cmdlet's input (see <see cref="Read"/>).
    /// </summary>
    internal sealed class MessageRef
    {
        internal static readonly string[] IdProperties = { "MessageId", "message_id" };
        // Not "Id": on a message row it could mean either the message or the case.
        internal static readonly string[] CaseIdProperties = { "CaseId", "case_id" };
        internal static readonly string[] NoteProperties = { "IsNote", "note" };

        private MessageRef(long caseId, long messageId, bool? isNote, object item)
        {
            CaseId = caseId;
            MessageId = messageId;
            IsNote = isNote;
            Item = item;
        }

        public long CaseId { get; }
        public long MessageId { get; }

        /// <summary>True for a note, false for a response, null when the item does not say.</summary>
        public bool? IsNote { get; }

        /// <summary>What the user gave: the target of any error about it.</summary>
        public object Item { get; }

        public static MessageRef FromIds(long caseId, long messageId) => new MessageRef(caseId, messageId, null, messageId);

        /// <summary>
        /// The message an item names: a message object; any object with MessageId (or message_id) and CaseId (or
        /// case_id) properties; or a message id, whose case is <paramref name="caseId"/> (-CaseId). An object that names
        /// no message (a case, say) is an error on the item: its case id is never taken for a message id.
        /// </summary>
        public static MessageRef Read(object item, long? caseId, out ErrorRecord error)
        {
            error = null;
            var value = PipedItem.Unwrap(item);
            if (value is OmnideskMessage known && known.CaseId >= 1 && known.MessageId >= 1)
                return WithCase(known.CaseId, known.MessageId, known.IsNote, item, caseId, out error);

            if (PipedItem.IsScalar(item))
            {
                if (!PipedItem.TryParseId(value, out var messageId))
                {
                    error = OmnideskErrors.InvalidArgument("OmnideskInvalidMessageId",
                        $"{CaseRef.Quote(value)} is not a message id (a whole number from 1).", item);
                    return null;
                }
                if (caseId == null)
                {
                    error = OmnideskErrors.InvalidArgument("OmnideskNoCaseId",
                        $"Message id {messageId} was piped without its case: give -CaseId, or pipe messages (Get-OmnideskMessage) or objects with CaseId and MessageId.", item);
                    return null;
                }
                return new MessageRef(caseId.Value, messageId, null, item);
            }

            if (!PipedItem.TryGet(item, IdProperties, out var idValue, out var idName))
            {
                error = OmnideskErrors.InvalidArgument("OmnideskNoMessageId",
                    $"The piped {PipedItem.TypeName(item)} names no message: it has no MessageId or message_id property. " +
                    "Pipe messages (Get-OmnideskMessage), or objects with CaseId and MessageId.", item);
                return null;
            }
            if (!PipedItem.TryParseId(idValue, out var id))
            {
                error = OmnideskErrors.InvalidArgument("OmnideskInvalidMessageId",
                    $"The piped {PipedItem.TypeName(item)} has {idName} {CaseRef.Quote(idValue)}, which is not a message id (a whole number from 1). Nothing was sent for it.", item);
                return null;
            }
            long? ownCase = null;
            if (PipedItem.TryGet(item, CaseIdProperties, out var caseValue, out var caseName))
            {
                if (!PipedItem.TryParseId(caseValue, out var parsed))
                {
                    error = OmnideskErrors.InvalidArgument("OmnideskInvalidCaseId",
                        $"The piped {PipedItem.TypeName(item)} has {caseName} {CaseRef.Quote(caseValue)}, which is not a case id (a whole number from 1). Nothing was sent for it.", item);
                    return null;
                }
                ownCase = parsed;
            }
            bool? isNote = null;
            if (PipedItem.TryGet(item, NoteProperties, out var noteValue, out _)) isNote = PipedItem.AsBool(noteValue);
            if (ownCase == null && caseId == null)
            {
                error = OmnideskErrors.InvalidArgument("OmnideskNoCaseId",
                    $"The piped {PipedItem.TypeName(item)} names message {id} but not its case: it has no CaseId or case_id property. Give -CaseId, or pipe messages (Get-OmnideskMessage).", item);
                return null;
            }
            return WithCase(ownCase ?? caseId.Value, id, isNote, item, caseId, out error);
        }

        /// <summary>A message whose own case differs from -CaseId is refused: which one was meant cannot be known.</summary>
        private static MessageRef WithCase(long ownCase, long messageId, bool? isNote, object item, long? caseId, out ErrorRecord error)
        {
            error = null;
            if (caseId.HasValue && caseId.Value != ownCase)
            {
                error = OmnideskErrors.InvalidArgument("OmnideskCaseMismatch",
                    $"Message {messageId.ToString(CultureInfo.InvariantCulture)} belongs to case {ownCase.ToString(CultureInfo.InvariantCulture)}, not to -CaseId {caseId.Value.ToString(CultureInfo.InvariantCulture)}. Nothing was sent for it.", item);
                return null;
            }
            return new MessageRef(ownCase, messageId, isNote, item);
        }
    }
}

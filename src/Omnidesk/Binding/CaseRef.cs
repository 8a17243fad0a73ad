using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace Omnidesk
{
    /// <summary>
    /// A case as the user named it: by id, or by number (664-245651), which is read first where an id is needed.
    /// One rule for every way a case arrives (see <see cref="Read"/>), so no cmdlet binds cases differently.
    /// </summary>
    internal sealed class CaseRef
    {
        /// <summary>Properties that carry a case id, looked for in this order: the module's name, the API's, the alias.</summary>
        internal static readonly string[] IdProperties = { "CaseId", "case_id", "Id" };
        internal static readonly string[] NumberProperties = { "CaseNumber", "case_number" };

        private static readonly Regex NumberPattern = new Regex(@"^[0-9]+-[0-9]+$", RegexOptions.CultureInvariant);

        private readonly string _label;

        private CaseRef(long? id, string number, object item, string label)
        {
            Id = id;
            Number = number;
            Item = item;
            _label = label;
        }

        public long? Id { get; }
        public string Number { get; }

        /// <summary>What the user gave: the target of any error about this case's input.</summary>
        public object Item { get; }

        /// <summary>The id, or else the number: the API takes either in a case's path.</summary>
        public string Key => Id?.ToString(CultureInfo.InvariantCulture) ?? Number;

        /// <summary>How -WhatIf, -Confirm and messages name the case: a case object's own text, else "Case 2000".</summary>
        public override string ToString() => _label ?? "Case " + Key;

        public static CaseRef FromId(long id) => new CaseRef(id, null, id, null);

        public static CaseRef FromNumber(string number) => new CaseRef(null, number.Trim(), number, null);

        public static bool IsCaseNumber(string text) => text != null && NumberPattern.IsMatch(text.Trim());

        /// <summary>
        /// The case an item names: a case (or message, or changelog entry) object; any object with a CaseId, case_id or
        /// Id property, else a CaseNumber or case_number one (an empty cell is skipped, as CSV rows have them); an id;
        /// a case number. Anything else (no such property, 0, a text that is neither) is an error on the item, never a
        /// guess at another case.
        /// </summary>
        public static CaseRef Read(object item, out ErrorRecord error)
        {
            error = null;
            var value = PipedItem.Unwrap(item);
            if (value is OmnideskCase known && known.CaseId >= 1) return new CaseRef(known.CaseId, null, item, known.ToString());

            if (PipedItem.IsScalar(item))
            {
                if (PipedItem.TryParseId(value, out var id)) return new CaseRef(id, null, item, null);
                if (value is string text && IsCaseNumber(text)) return new CaseRef(null, text.Trim(), item, null);
                error = OmnideskErrors.InvalidArgument("OmnideskInvalidCaseId",
                    $"{Quote(value)} is not a case: give a case id (a whole number from 1, such as 2000) or a case number (such as 664-245651).", item);
                return null;
            }

            if (PipedItem.TryGet(item, IdProperties, out var idValue, out var idName))
            {
                if (PipedItem.TryParseId(idValue, out var id)) return new CaseRef(id, null, item, null);
                error = OmnideskErrors.InvalidArgument("OmnideskInvalidCaseId",
                    $"The piped {PipedItem.TypeName(item)} has {idName} {Quote(idValue)}, which is not a case id (a whole number from 1). Nothing was sent for it.", item);
                return null;
            }
            if (PipedItem.TryGet(item, NumberProperties, out var numberValue, out var numberName))
            {
                var number = numberValue as string ?? System.Convert.ToString(numberValue, CultureInfo.InvariantCulture);
                if (IsCaseNumber(number)) return new CaseRef(null, number.Trim(), item, null);
                error = OmnideskErrors.InvalidArgument("OmnideskInvalidCaseNumber",
                    $"The piped {PipedItem.TypeName(item)} has {numberName} {Quote(numberValue)}, which is not a case number (such as 664-245651). Nothing was sent for it.", item);
                return null;
            }
            error = OmnideskErrors.InvalidArgument("OmnideskNoCaseId",
                $"The piped {PipedItem.TypeName(item)} names no case: it has no CaseId, case_id, Id, CaseNumber or case_number property. " +
                "Pipe cases (Get-OmnideskCase), messages, case ids or case numbers, or objects with one of those properties.", item);
            return null;
        }

        internal static string Quote(object value) =>
            value is string text ? "'" + text + "'" : System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "$null";
    }
}

using System;
using System.Collections;
using System.Management.Automation;
using Xunit;

namespace Omnidesk.Tests
{
    /// <summary>
    /// The identity binding built from the resource descriptions: the property names, ErrorIds and messages users see
    /// for cases and messages (every way input arrives, end to end: tests/Binding.Tests.ps1), and a resource described
    /// later binding by its description alone.
    /// </summary>
    public sealed class IdentityTests
    {
        private static PSObject Row(params (string Name, object Value)[] properties)
        {
            var row = new PSObject();
            foreach (var (name, value) in properties) row.Properties.Add(new PSNoteProperty(name, value));
            return row;
        }

        [Fact]
        public void Property_names_come_from_the_description()
        {
            Assert.Equal(new[] { "CaseId", "case_id", "Id" }, Identities.Case.IdProperties);
            Assert.Equal(new[] { "CaseNumber", "case_number" }, Identities.Case.NumberProperties);
            Assert.Null(Identities.Case.ParentIdProperties);
            // A message's "Id" could mean the message or its case: only the named properties count.
            Assert.Equal(new[] { "MessageId", "message_id" }, Identities.Message.IdProperties);
            Assert.Empty(Identities.Message.NumberProperties);
            Assert.Equal(new[] { "CaseId", "case_id" }, Identities.Message.ParentIdProperties);
        }

        [Fact]
        public void Cases_are_read_from_every_shape()
        {
            var typed = Identities.Case.Read(new OmnideskCase { CaseId = 2001, CaseNumber = "318-951246", Subject = "Printer" }, null, out var error);
            Assert.Null(error);
            Assert.Equal((2001L, "Case 318-951246 'Printer'"), (typed.Id.Value, typed.ToString()));
            Assert.Equal(2002, Identities.Case.Read(Row(("case_id", "2002")), null, out _).Id);
            Assert.Equal(2003, Identities.Case.Read(new Hashtable { ["Id"] = 2003 }, null, out _).Id);
            // An empty CaseId cell (a CSV row) is skipped for the number.
            var byNumber = Identities.Case.Read(Row(("CaseId", ""), ("CaseNumber", " 664-245651 ")), null, out _);
            Assert.Equal(("664-245651", "Case 664-245651"), (byNumber.Number, byNumber.ToString()));
            Assert.Equal("Case 2004", Identities.Case.Read("2004", null, out _).ToString());
            // A message names its case.
            Assert.Equal(2005, Identities.Case.Read(new OmnideskMessage { CaseId = 2005, MessageId = 500016 }, null, out _).Id);
        }

        public static TheoryData<object, string, string> BadCases => new TheoryData<object, string, string>
        {
            { "abc", "OmnideskInvalidCaseId", "'abc' is not a case: give a case id (a whole number from 1, such as 2000) or a case number (such as 664-245651)." },
            { 0, "OmnideskInvalidCaseId", "0 is not a case: give a case id (a whole number from 1, such as 2000) or a case number (such as 664-245651)." },
            { Row(("case_id", "twenty")), "OmnideskInvalidCaseId",
                "The piped [pscustomobject] has case_id 'twenty', which is not a case id (a whole number from 1). Nothing was sent for it." },
            { Row(("CaseNumber", "12")), "OmnideskInvalidCaseNumber",
                "The piped [pscustomobject] has CaseNumber '12', which is not a case number (such as 664-245651). Nothing was sent for it." },
            { Row(("Subject", "x")), "OmnideskNoCaseId",
                "The piped [pscustomobject] names no case: it has no CaseId, case_id, Id, CaseNumber or case_number property. " +
                "Pipe cases (Get-OmnideskCase), messages, case ids or case numbers, or objects with one of those properties." },
        };

        [Theory]
        [MemberData(nameof(BadCases))]
        public void A_bad_case_is_an_error_on_the_item(object item, string errorId, string message)
        {
            Assert.Null(Identities.Case.Read(item, null, out var error));
            Assert.Equal((errorId, message, ErrorCategory.InvalidArgument), (error.FullyQualifiedErrorId, error.Exception.Message, error.CategoryInfo.Category));
            Assert.Same(item, error.TargetObject);
        }

        [Fact]
        public void A_case_number_parameter_that_is_none_is_an_error()
        {
            Assert.Equal("664-245651", Identities.Case.FromNumber("664-245651", out _).Key);
            Assert.Null(Identities.Case.FromNumber("664", out var error));
            Assert.Equal(("OmnideskInvalidCaseNumber", "'664' is not a case number (such as 664-245651)."), (error.FullyQualifiedErrorId, error.Exception.Message));
        }

        [Fact]
        public void Messages_are_read_with_their_case_and_kind()
        {
            var typed = Identities.Message.Read(new OmnideskMessage { CaseId = 2005, MessageId = 500020, IsNote = true }, null, out var error);
            Assert.Null(error);
            Assert.Equal((2005L, 500020L, MessageKind.Note), (typed.CaseId, typed.MessageId, typed.Kind.Value));
            Assert.Equal("Note 500020 of case 2005", typed.LabelAs(MessageKind.Note.Resource()));
            var row = Identities.Message.Read(Row(("case_id", 2002L), ("message_id", "500011"), ("IsNote", "False")), null, out _);
            Assert.Equal((2002L, 500011L, MessageKind.Response, "Message 500011 of case 2002"), (row.CaseId, row.MessageId, row.Kind.Value, row.ToString()));
            var id = Identities.Message.Read(500011, 2002, out _);
            Assert.Equal((2002L, 500011L, (MessageKind?)null), (id.CaseId, id.MessageId, id.Kind));
        }

        public static TheoryData<object, long?, string, string> BadMessages => new TheoryData<object, long?, string, string>
        {
            { "x", 2002L, "OmnideskInvalidMessageId", "'x' is not a message id (a whole number from 1)." },
            { 500011, null, "OmnideskNoCaseId",
                "Message id 500011 was piped without its case: give -CaseId, or pipe messages (Get-OmnideskMessage) or objects with CaseId and MessageId." },
            { Row(("CaseId", 2002)), null, "OmnideskNoMessageId",
                "The piped [pscustomobject] names no message: it has no MessageId or message_id property. Pipe messages (Get-OmnideskMessage), or objects with CaseId and MessageId." },
            { Row(("MessageId", "five")), 2002L, "OmnideskInvalidMessageId",
                "The piped [pscustomobject] has MessageId 'five', which is not a message id (a whole number from 1). Nothing was sent for it." },
            { Row(("MessageId", 5), ("case_id", "x")), null, "OmnideskInvalidCaseId",
                "The piped [pscustomobject] has case_id 'x', which is not a case id (a whole number from 1). Nothing was sent for it." },
            { Row(("MessageId", 5)), null, "OmnideskNoCaseId",
                "The piped [pscustomobject] names message 5 but not its case: it has no CaseId or case_id property. Give -CaseId, or pipe messages (Get-OmnideskMessage)." },
            { new OmnideskMessage { CaseId = 2005, MessageId = 500016 }, 2002L, "OmnideskCaseMismatch",
                "Message 500016 belongs to case 2005, not to -CaseId 2002. Nothing was sent for it." },
        };

        [Theory]
        [MemberData(nameof(BadMessages))]
        public void A_bad_message_is_an_error_on_the_item(object item, long? caseId, string errorId, string message)
        {
            Assert.Null(Identities.Message.Read(item, caseId, out var error));
            Assert.Equal((errorId, message), (error.FullyQualifiedErrorId, error.Exception.Message));
            Assert.Same(item, error.TargetObject);
        }

        [Fact]
        public void A_resource_described_later_binds_by_its_description()
        {
            var filters = new ItemIdentity<ItemRef>(OmnideskResources.Filter, read => read);

            Assert.Equal(new[] { "FilterId", "filter_id", "Id" }, filters.IdProperties);
            Assert.Equal(7, filters.Read(Row(("filter_id", "7")), null, out _).Id);
            Assert.Equal("Filter 8", filters.Read(8, null, out _).ToString());
            Assert.Null(filters.Read(Row(("Name", "x")), null, out var none));
            Assert.Equal(("OmnideskNoFilterId", "The piped [pscustomobject] names no filter: it has no FilterId, filter_id or Id property. " +
                "Pipe filters (Get-OmnideskFilter), filter ids, or objects with one of those properties."), (none.FullyQualifiedErrorId, none.Exception.Message));
            Assert.Null(filters.Read("664-245651", null, out var invalid));
            Assert.Equal(("OmnideskInvalidFilterId", "'664-245651' is not a filter id (a whole number from 1)."), (invalid.FullyQualifiedErrorId, invalid.Exception.Message));
        }
    }
}

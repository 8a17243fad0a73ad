namespace Omnidesk.Engine.Tests
{
    /// <summary>The response examples of the Deskie cases API documentation, with the // comments removed and `unassigned` quoted.</summary>
    internal static class DocSamples
    {
        public const string CaseList = """
        {
            "0": {
              "case" : {
                "case_id" : 2000,
                "case_number" : "664-245551",
                "subject" : "I need help",
                "user_id" : 123,
                "staff_id" : 22,
                "group_id" : 44,
                "status" : "open",
                "priority" : "low",
                "channel" : "web",
                "recipient" : "[email protected]",
                "recipient_cc" : "[email protected],[email protected]",
                "recipient_bcc" : "[email protected]",
                "deleted" : false,
                "spam" : false,
                "created_at" : "Mon, 05 May 2014 00:15:17 +0300",
                "updated_at" : "Tue, 23 Dec 2014 10:55:23 +0200",
                "language_id" : 2,
                "custom_fields" : {
                  "cf_25" : "some text",
                  "cf_30" : "another field"
                },
                "labels" : [101, 102],
                "closing_speed" : 7
              }
            },
            "1": {
              "case" : {
                "case_id" : 2001,
                "case_number" : "334-245651",
                "subject" : "Oh, help me please",
                "user_id" : 123,
                "staff_id" : 22,
                "group_id" : 44,
                "status" : "waiting",
                "priority" : "normal",
                "channel" : "facebook",
                "recipient" : "facebook",
                "recipient_cc" : "",
                "recipient_bcc" : "",
                "deleted" : false,
                "spam" : false,
                "created_at" : "Mon, 05 May 2014 00:15:17 +0300",
                "updated_at" : "Tue, 23 Dec 2014 10:55:23 +0200",
                "language_id" : 2,
                "custom_fields" : {
                  "cf_25" : "some text",
                  "cf_30" : "another field"
                },
                "labels" : [101, 102],
                "closing_speed" : 0
              }
            },
            "2": {
              "case" : {
                "case_id" : 2002,
                "case_number" : "634-245651",
                "subject" : "Please, help me!",
                "user_id" : 123,
                "staff_id" : 22,
                "group_id" : 44,
                "status" : "closed",
                "priority" : "high",
                "channel" : "email",
                "recipient" : "[email protected]",
                "recipient_cc" : "[email protected],[email protected]",
                "recipient_bcc" : "[email protected]",
                "deleted" : false,
                "spam" : false,
                "created_at" : "Mon, 05 May 2014 00:15:17 +0300",
                "updated_at" : "Tue, 23 Dec 2014 10:55:23 +0200",
                "language_id" : 1,
                "custom_fields" : {
                  "cf_25" : "some text",
                  "cf_30" : "another field"
                },
                "labels" : [101, 102],
                "closing_speed" : "-"
              }
            },
            "3": {
              "case" : {
                "case_id" : 2003,
                "case_number" : "134-245651",
                "subject" : "Help!!!",
                "user_id" : 123,
                "staff_id" : 22,
                "group_id" : 44,
                "status" : "closed",
                "priority" : "critical",
                "channel" : "email",
                "recipient" : "[email protected]",
                "recipient_cc" : "[email protected],[email protected]",
                "recipient_bcc" : "[email protected]",
                "deleted" : false,
                "spam" : false,
                "created_at" : "Mon, 05 May 2014 00:15:17 +0300",
                "updated_at" : "Tue, 23 Dec 2014 10:55:23 +0200",
                "language_id" : 2,
                "custom_fields" : {
                  "cf_25" : "some text",
                  "cf_30" : "another field"
                },
                "labels" : [101, 102]
              }
            },
            "total_count":17
        }
        """;

        public const string ViewCase = """
        {
          "case" : {
            "case_id" : 2000,
            "case_number" : "664-245651",
            "subject" : "I need help",
            "user_id" : 123,
            "staff_id" : 22,
            "group_id" : 44,
            "status" : "closed",
            "priority" : "normal",
            "channel" : "web",
            "recipient" : "[email protected]",
            "cc_emails" : "[email protected],[email protected]",
            "bcc_emails" : "[email protected]",
            "deleted" : false,
            "spam" : false,
            "created_at" : "Mon, 05 May 2014 00:15:17 +0300",
            "closed_at" : "-",
            "updated_at" : "Tue, 23 Dec 2014 10:55:23 +0200",
            "last_response_at" : "Tue, 23 Dec 2014 09:53:14 +0200",
            "closing_speed": 15,
            "language_id" : 2,
            "custom_fields" : {
              "cf_25" : "some text",
              "cf_30" : "another field"
            },
            "labels" : [101, 102, 103, 104, 105],
            "locked_labels" : [104, 105],
            "rating": "high",
            "rating_comment": "cool123",
            "rated_staff_id": 193
          }
        }
        """;

        public const string Filters = """
        {
            "0" : {
              "filter" : {
                "filter_id" : "unassigned",
                "filter_name" : "open",
                "isSelected" : true,
                "isCustom" : false
              }
            },
            "1" : {
              "filter" : {
                "filter_id" : 234,
                "filter_name" : "Test filter",
                "isSelected" : false,
                "isCustom" : true
              }
            },
            "total_count":10
        }
        """;
    }
}

namespace Omnidesk.Engine.Tests
{
    /// <summary>Examples of the write sections of the Deskie cases API documentation (obvious typos fixed where noted).</summary>
    internal static class WriteSamples
    {
        public const string CreatedCase = """
        {
          "case" : {
            "case_id" : 2000,
            "case_number" : "664-245651",
            "subject" : "I need help",
            "user_id" : 123,
            "staff_id" : 22,
            "group_id" : 44,
            "status" : "waiting",
            "priority" : "normal",
            "channel" : "web",
            "recipient" : "[email protected]",
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
            "labels" : [101, 102]
          }
        }
        """;

        public const string BulkSuccess = """
        {
          "case_success_id" : [101, 102, 103, 104]
        }
        """;

        /// <summary>The rate.json answer; the docs miss the comma after "labels".</summary>
        public const string RatedCase = """
        {
          "case" : {
            "case_id" : 47223,
            "case_number" : "664-245651",
            "subject" : "I need help",
            "status" : "waiting",
            "labels" : [101, 102],
            "rating": "high",
            "rating_comment": "cool123",
            "rated_staff_id": 189
          }
        }
        """;

        public const string RatedMessage = """
        {
          "message" : {
            "message_id" : 2001,
            "user_id" : 0,
            "staff_id" : 123,
            "content" : "I need help",
            "content_html" : "",
            "attachments" : [],
            "note" : false,
            "created_at" : "Mon, 06 May 2014 00:15:17 +0300",
            "rating": "low",
            "rating_comment": "cool",
            "rated_staff_id": 0
          }
        }
        """;

        /// <summary>GET …/messages.json with the // comment removed.</summary>
        public const string MessageList = """
        {
          "0": {
              "message" : {
                "message_id" : 2000,
                "user_id" : 123,
                "staff_id" : 0,
                "content" : "",
                "content_html" : "Test response of the user",
                "attachments" : [],
                "note" : false,
                "sent_via_rule" : false,
                "created_at" : "Mon, 05 May 2014 00:15:17 +0300",
                "sent_at" : "Mon, 05 May 2014 00:15:17 +0300",
                "rating": "high",
                "rating_comment": "cool123",
                "rated_staff_id": 0
              }
            },
          "1": {
              "message" : {
                "message_id" : 200198257,
                "user_id" : 0,
                "staff_id" : 41087,
                "content" : "",
                "content_html" : "Test response of the user",
                "attachments" : [
                  {
                      "file_id" : 345,
                      "file_name" : "test.jpg",
                      "file_size" : 40863,
                      "mime_type" : "image/jpeg",
                      "url" : "https://[domain].deskie.io/some_path_here/345"
                  }
                ],
                "note" : false,
                "sent_via_rule" : false,
                "created_at" : "Mon, 15 May 2023 09:28:43 +0300",
                "sent_at" : "Mon, 15 May 2023 10:15:17 +0300"
              }
            },
            "total_count":17
        }
        """;

        /// <summary>The changelog example exactly as documented: note the trailing comma after the last entry.</summary>
        public const string ChangelogAsDocumented = """
        {
            "changelog": [{
                    "created_at": "Fri, 13 Aug 2021 12:57:54 +0300",
                    "event": "rules",
                    "done_by": "rule_1332",
                    "old_value": "Slack Notification (ID - 1332)"
                },
                {
                    "created_at": "Fri, 13 Aug 2021 12:57:54 +0300",
                    "event": "staff",
                    "done_by": "rule_1332",
                    "old_value": "0",
                    "value": "330"
                },
                {
                    "created_at": "Fri, 13 Aug 2021 12:57:54 +0300",
                    "event": "fixed_chat",
                    "done_by": "rule_1332",
                    "old_value": "0",
                    "value": "330"
                },
                {
                    "created_at": "Fri, 13 Aug 2021 12:57:54 +0300",
                    "event": "group",
                    "done_by": "rule_1336",
                    "old_value": "341",
                    "value": "344"
                },
                {
                    "created_at": "Fri, 13 Aug 2021 12:58:07 +0300",
                    "event": "status",
                    "done_by": "staff_330",
                    "old_value": "open",
                    "value": "waiting"
                },
                {
                    "created_at": "Fri, 13 Aug 2021 12:58:13 +0300",
                    "event": "custom_field_94",
                    "done_by": "staff_330",
                    "old_value": "",
                    "value": "1"
                },
            ]
        }
        """;

        /// <summary>The same with the trailing comma fixed (valid strict JSON).</summary>
        public static string Changelog => System.Text.RegularExpressions.Regex.Replace(ChangelogAsDocumented, @"\}\s*,\s*\]", "}]");

        public const string EditedIdea = """
        {
          "case" : {
            "case_id" : 2000,
            "case_number" : "664-245651",
            "subject" : "I need help",
            "user_id" : 123,
            "staff_id" : 22,
            "group_id" : 44,
            "status" : "waiting",
            "priority" : "normal",
            "channel" : "idea",
            "recipient" : "",
            "recipient_cc" : "",
            "recipient_bcc" : "",
            "deleted" : false,
            "spam" : false,
            "created_at" : "Mon, 05 May 2014 00:15:17 +0300",
            "updated_at" : "Tue, 23 Dec 2014 10:55:23 +0200",
            "idea" : {
              "content" : "New content",
              "stage" : "planned",
              "category" : 319
            }
          }
        }
        """;

        public const string IdeaWithResponse = """
        {
          "case" : {
            "case_id" : 2000,
            "case_number" : "664-245651",
            "subject" : "I need help",
            "channel" : "idea",
            "idea" : {
              "official_response" : "New official response",
              "official_response_tstamp" : 1509007649
            }
          }
        }
        """;
    }
}

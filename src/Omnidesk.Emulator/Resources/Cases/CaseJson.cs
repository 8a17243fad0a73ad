using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>The case object as the API sends it (field names and order, date format, type quirks).</summary>
    public static class CaseJson
    {
        /// <summary>The case object (the value of "case").</summary>
        public static void Write(Utf8JsonWriter w, EmuCase c, EmulatorConfig config)
        {
            bool str = config.NumbersAsStrings;
            void Int(string name, long v)
            {
                if (str) w.WriteString(name, v.ToString(CultureInfo.InvariantCulture)); else w.WriteNumber(name, v);
            }
            void IntArray(string name, IEnumerable<long> items)
            {
                w.WriteStartArray(name);
                foreach (long v in items)
                    if (str) w.WriteStringValue(v.ToString(CultureInfo.InvariantCulture)); else w.WriteNumberValue(v);
                w.WriteEndArray();
            }

            w.WriteStartObject();
            Int("case_id", c.CaseId);
            w.WriteString("case_number", c.CaseNumber);
            w.WriteString("subject", c.Subject);
            Int("user_id", c.UserId);
            Int("staff_id", c.StaffId);
            Int("group_id", c.GroupId);
            w.WriteString("status", c.Status);
            w.WriteString("priority", c.Priority);
            w.WriteString("channel", c.Channel);
            w.WriteString("recipient", c.Recipient);
            // the Russian docs say cc_emails/bcc_emails, the Deskie docs recipient_cc/recipient_bcc
            w.WriteString(config.IsDeskie ? "recipient_cc" : "cc_emails", c.CcEmails);
            w.WriteString(config.IsDeskie ? "recipient_bcc" : "bcc_emails", c.BccEmails);
            w.WriteBoolean("deleted", c.Deleted);
            w.WriteBoolean("spam", c.Spam);
            w.WriteString("created_at", JsonOutput.FormatDate(c.CreatedAt));
            w.WriteString("closed_at", c.Status == "closed" && c.ClosedAt.HasValue ? JsonOutput.FormatDate(c.ClosedAt.Value) : "-");
            w.WriteString("updated_at", JsonOutput.FormatDate(c.UpdatedAt));
            if (c.LastResponseAt.HasValue) w.WriteString("last_response_at", JsonOutput.FormatDate(c.LastResponseAt.Value));
            int? speed = c.ClosingSpeedMinutes;
            if (speed == null) w.WriteString("closing_speed", "-");
            else if (c.ClosingSpeedAsString || str) w.WriteString("closing_speed", speed.Value.ToString(CultureInfo.InvariantCulture));
            else w.WriteNumber("closing_speed", speed.Value);
            if (c.ParentCaseId.HasValue) Int("parent_case_id", c.ParentCaseId.Value);
            Int("language_id", c.LanguageId);
            w.WriteStartObject("custom_fields");
            foreach (var (key, value) in c.CustomFields)
            {
                if (value is bool b) w.WriteBoolean(key, b);
                else w.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
            }
            w.WriteEndObject();
            IntArray("labels", c.Labels);
            IntArray("locked_labels", c.LockedLabels);
            if (c.Rating != null)
            {
                w.WriteString("rating", c.Rating);
                w.WriteString("rating_comment", c.RatingComment ?? "");
                Int("rated_staff_id", c.RatedStaffId ?? 0);
            }
            if (c.Idea != null)
            {
                // cases of the "idea" channel; the official response only once there is one
                w.WriteStartObject("idea");
                w.WriteString("content", c.Idea.Content);
                w.WriteString("stage", c.Idea.Stage);
                Int("category", c.Idea.Category);
                if (c.Idea.OfficialResponse != null)
                {
                    w.WriteString("official_response", c.Idea.OfficialResponse);
                    Int("official_response_tstamp", (c.Idea.OfficialResponseAt ?? c.UpdatedAt).ToUnixTimeSeconds());
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
    }
}

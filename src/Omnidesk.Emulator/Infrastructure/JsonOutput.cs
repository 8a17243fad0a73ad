using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Omnidesk.Emulator;

/// <summary>Writes API objects the way the real API does (field names, date format, type quirks).</summary>
public static class JsonOutput
{
    // relaxed escaping: "+0300" and non-ASCII text go out literally, as the real API sends them
    static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, WriterOptions)) body(w);
        return ms.ToArray();
    }

    public static byte[] Error(string code) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("error", code);
        w.WriteEndObject();
    });

    /// <summary>RFC 2822 with the account's +0300 offset: "Mon, 05 May 2014 00:15:17 +0300".</summary>
    public static string FormatDate(DateTimeOffset t)
    {
        string s = t.ToOffset(Seeder.Anchor.Offset).ToString("ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture);
        return s.Remove(s.Length - 3, 1); // "+03:00" → "+0300"
    }

    /// <summary>The case object (the value of "case").</summary>
    public static void WriteCase(Utf8JsonWriter w, EmuCase c, EmulatorConfig config)
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
        w.WriteString("created_at", FormatDate(c.CreatedAt));
        w.WriteString("closed_at", c.Status == "closed" && c.ClosedAt.HasValue ? FormatDate(c.ClosedAt.Value) : "-");
        w.WriteString("updated_at", FormatDate(c.UpdatedAt));
        if (c.LastResponseAt.HasValue) w.WriteString("last_response_at", FormatDate(c.LastResponseAt.Value));
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

    /// <summary>
    /// The message object (the value of "message"), as in the docs' "View messages" example. Relative attachment
    /// URLs ("/files/…") get <paramref name="baseUrl"/> (the request's own scheme and host) in front.
    /// </summary>
    public static void WriteMessage(Utf8JsonWriter w, EmuMessage m, EmulatorConfig config, string baseUrl = null)
    {
        bool str = config.NumbersAsStrings;
        void Int(string name, long v)
        {
            if (str) w.WriteString(name, v.ToString(CultureInfo.InvariantCulture)); else w.WriteNumber(name, v);
        }
        w.WriteStartObject();
        Int("message_id", m.MessageId);
        Int("user_id", m.UserId);
        Int("staff_id", m.StaffId);
        w.WriteString("content", m.Content ?? "");
        w.WriteString("content_html", m.ContentHtml ?? "");
        w.WriteStartArray("attachments");
        foreach (var a in m.Attachments)
        {
            w.WriteStartObject();
            Int("file_id", a.FileId);
            w.WriteString("file_name", a.FileName);
            Int("file_size", a.FileSize);
            w.WriteString("mime_type", a.MimeType);
            w.WriteString("url", baseUrl != null && a.Url.StartsWith('/') ? baseUrl + a.Url : a.Url);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteBoolean("note", m.Note);
        w.WriteBoolean("sent_via_rule", m.SentViaRule);
        w.WriteString("created_at", FormatDate(m.CreatedAt));
        w.WriteString("sent_at", FormatDate(m.SentAt));
        if (m.Rating != null)
        {
            w.WriteString("rating", m.Rating);
            w.WriteString("rating_comment", m.RatingComment ?? "");
            Int("rated_staff_id", m.RatedStaffId ?? 0);
        }
        w.WriteEndObject();
    }

    /// <summary>{"message":{…}}</summary>
    public static byte[] SingleMessage(EmuMessage m, EmulatorConfig config, string baseUrl = null) => Write(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("message");
        WriteMessage(w, m, config, baseUrl);
        w.WriteEndObject();
    });

    /// <summary>The numbered envelope of messages: {"0":{"message":{…}},…,"total_count":N}.</summary>
    public static byte[] MessageList(IReadOnlyList<EmuMessage> page, int total, EmulatorConfig config, string baseUrl) => Write(w =>
    {
        w.WriteStartObject();
        for (int i = 0; i < page.Count; i++)
        {
            w.WriteStartObject(i.ToString(CultureInfo.InvariantCulture));
            w.WritePropertyName("message");
            WriteMessage(w, page[i], config, baseUrl);
            w.WriteEndObject();
        }
        w.WriteNumber("total_count", total);
        w.WriteEndObject();
    });

    /// <summary>The answer of a bulk write: {"case_success_id":[…]}.</summary>
    public static byte[] CaseSuccessIds(IEnumerable<long> ids) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("case_success_id");
        foreach (long id in ids) w.WriteNumberValue(id);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>The body of a DELETE that has nothing to say: [].</summary>
    public static byte[] EmptyArray() => "[]"u8.ToArray();

    /// <summary>{"changelog":[{created_at, event, done_by, old_value?, value?},…]}, oldest first.</summary>
    public static byte[] Changelog(IEnumerable<EmuChangelogEntry> entries) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("changelog");
        foreach (var e in entries)
        {
            w.WriteStartObject();
            w.WriteString("created_at", FormatDate(e.CreatedAt));
            w.WriteString("event", e.Event);
            w.WriteString("done_by", e.DoneBy);
            if (e.OldValue != null) w.WriteString("old_value", e.OldValue);
            if (e.Value != null) w.WriteString("value", e.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>{"case":{…}}</summary>
    public static byte[] SingleCase(EmuCase c, EmulatorConfig config) => Write(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("case");
        WriteCase(w, c, config);
        w.WriteEndObject();
    });

    /// <summary>The numbered envelope: {"0":{"case":{…}},"1":…,"total_count":N}.</summary>
    public static byte[] CaseList(IReadOnlyList<EmuCase> page, int total, EmulatorConfig config) => Write(w =>
    {
        w.WriteStartObject();
        for (int i = 0; i < page.Count; i++)
        {
            w.WriteStartObject(i.ToString(CultureInfo.InvariantCulture));
            w.WritePropertyName("case");
            WriteCase(w, page[i], config);
            w.WriteEndObject();
        }
        w.WriteNumber("total_count", total);
        w.WriteEndObject();
    });

    /// <summary>Built-in filters have word ids (strings), custom ones numeric ids (numbers), as in the docs.</summary>
    public static byte[] FilterList(IReadOnlyList<EmuFilter> filters) => Write(w =>
    {
        w.WriteStartObject();
        for (int i = 0; i < filters.Count; i++)
        {
            var f = filters[i];
            w.WriteStartObject(i.ToString(CultureInfo.InvariantCulture));
            w.WriteStartObject("filter");
            if (f.IsCustom) w.WriteNumber("filter_id", long.Parse(f.FilterId, CultureInfo.InvariantCulture));
            else w.WriteString("filter_id", f.FilterId);
            w.WriteString("filter_name", f.FilterName);
            w.WriteBoolean("isSelected", f.IsSelected);
            w.WriteBoolean("isCustom", f.IsCustom);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteNumber("total_count", filters.Count);
        w.WriteEndObject();
    });
}

namespace Omnidesk.Emulator;

/// <summary>A staff member (agent); every seeded staff member is a valid API login.</summary>
public sealed class EmuStaff
{
    public long StaffId { get; init; }
    public string Email { get; init; }
    public string ApiKey { get; init; }
    public string FullName { get; init; }
    /// <summary>An inactive (disabled) staff member cannot log in or author messages (staff_not_active).</summary>
    public bool Active { get; init; } = true;
}

/// <summary>An end user (the customer side of a case).</summary>
public sealed class EmuUser
{
    public long UserId { get; init; }
    public string FullName { get; init; }
    public string Email { get; init; }
    public string Phone { get; init; }
    public string CustomId { get; init; }
}

public sealed class EmuAttachment
{
    public long FileId { get; set; }
    public string FileName { get; set; }
    public long FileSize { get; set; }
    public string MimeType { get; set; }
    /// <summary>"/files/{file_id}/{file_name}": relative; the JSON writer prefixes the request's own scheme and host.</summary>
    public string Url { get; set; }
    /// <summary>The bytes came with the request (multipart); seeded and attachment_urls files are generated on demand.</summary>
    public bool Uploaded { get; set; }

    public EmuAttachment Clone() => (EmuAttachment)MemberwiseClone();
}

/// <summary>A message, reply or note of a case.</summary>
public sealed class EmuMessage
{
    public long MessageId { get; set; }
    /// <summary>0 when the author is staff.</summary>
    public long UserId { get; set; }
    /// <summary>0 when the author is a user.</summary>
    public long StaffId { get; set; }
    public string Content { get; set; } = "";
    public string ContentHtml { get; set; } = "";
    public List<EmuAttachment> Attachments { get; set; } = new();
    public bool Note { get; set; }
    public bool SentViaRule { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset SentAt { get; set; }
    /// <summary>low/middle/high once the user rated this response (PUT /api/cases/{id}/rate/{message_id}.json), else null.</summary>
    public string Rating { get; set; }
    public string RatingComment { get; set; }
    public long? RatedStaffId { get; set; }

    public EmuMessage Clone()
    {
        var m = (EmuMessage)MemberwiseClone();
        m.Attachments = Attachments.Select(a => a.Clone()).ToList();
        return m;
    }
}

/// <summary>A case. Mutable so the write endpoints of later issues can change it in place (under the store lock).</summary>
public sealed class EmuCase
{
    public long CaseId { get; set; }
    public string CaseNumber { get; set; }
    public string Subject { get; set; }
    public long UserId { get; set; }
    /// <summary>0 = unassigned.</summary>
    public long StaffId { get; set; }
    public long GroupId { get; set; }
    public string Status { get; set; }
    public string Priority { get; set; }
    public string Channel { get; set; }
    public string Recipient { get; set; } = "";
    public string CcEmails { get; set; } = "";
    public string BccEmails { get; set; } = "";
    public bool Deleted { get; set; }
    public bool Spam { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? LastResponseAt { get; set; }
    /// <summary>The real API sometimes sends closing_speed as a numeric string; seeded per case so it is stable.</summary>
    public bool ClosingSpeedAsString { get; set; }
    public long? ParentCaseId { get; set; }
    /// <summary>A live chat still in progress: hidden from the list unless show_active_chats is set.</summary>
    public bool IsActiveChat { get; set; }
    public long LanguageId { get; set; }
    /// <summary>cf_N → string (text/select) or bool (checkbox).</summary>
    public SortedDictionary<string, object> CustomFields { get; set; } = new(StringComparer.Ordinal);
    public List<long> Labels { get; set; } = new();
    public List<long> LockedLabels { get; set; } = new();
    public string Rating { get; set; }
    public string RatingComment { get; set; }
    public long? RatedStaffId { get; set; }
    public List<EmuMessage> Messages { get; set; } = new();
    /// <summary>Only for cases of the "idea" channel.</summary>
    public EmuIdea Idea { get; set; }
    /// <summary>Every change of the case, oldest first.</summary>
    public List<EmuChangelogEntry> Changelog { get; set; } = new();

    public bool IsMerged => ParentCaseId.HasValue;

    /// <summary>Minutes from creation to closing, or null while not closed.</summary>
    public int? ClosingSpeedMinutes =>
        Status == "closed" && ClosedAt.HasValue ? (int)Math.Max(0, (ClosedAt.Value - CreatedAt).TotalMinutes) : null;

    /// <summary>A deep copy, so JSON can be written outside the store lock.</summary>
    public EmuCase Clone()
    {
        var c = (EmuCase)MemberwiseClone();
        c.CustomFields = new SortedDictionary<string, object>(CustomFields, StringComparer.Ordinal);
        c.Labels = new List<long>(Labels);
        c.LockedLabels = new List<long>(LockedLabels);
        c.Messages = Messages.Select(m => m.Clone()).ToList();
        c.Idea = Idea?.Clone();
        c.Changelog = Changelog.Select(e => e.Clone()).ToList();
        return c;
    }
}

/// <summary>The idea part of a case of the "idea" channel.</summary>
public sealed class EmuIdea
{
    public string Content { get; set; } = "";
    /// <summary>waiting, planned, in_progress or finished.</summary>
    public string Stage { get; set; } = "waiting";
    public long Category { get; set; }
    /// <summary>null while there is no official response.</summary>
    public string OfficialResponse { get; set; }
    public DateTimeOffset? OfficialResponseAt { get; set; }

    public EmuIdea Clone() => (EmuIdea)MemberwiseClone();
}

/// <summary>One changelog event: event is status, staff, group, custom_field_N, labels, rules, deleted, …</summary>
public sealed class EmuChangelogEntry
{
    public DateTimeOffset CreatedAt { get; set; }
    public string Event { get; set; }
    /// <summary>staff_N, rule_N or user_N.</summary>
    public string DoneBy { get; set; }
    /// <summary>null = not sent (e.g. the "rules" event carries only old_value).</summary>
    public string OldValue { get; set; }
    public string Value { get; set; }

    public EmuChangelogEntry Clone() => (EmuChangelogEntry)MemberwiseClone();
}

/// <summary>A custom field definition (only what filtering needs).</summary>
public sealed class EmuCustomField
{
    public int FieldId { get; init; }
    public string Title { get; init; }
    /// <summary>text, select or checkbox.</summary>
    public string FieldType { get; init; }
    /// <summary>For select fields: option key → title.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
    public string Key => "cf_" + FieldId;
}

/// <summary>A saved case filter. Built-in ones have word ids, custom ones numeric ids.</summary>
public sealed class EmuFilter
{
    public string FilterId { get; init; }
    public string FilterName { get; init; }
    public bool IsSelected { get; init; }
    public bool IsCustom { get; init; }
    /// <summary>(case, authenticated staff) → whether the case is in the filter.</summary>
    public Func<EmuCase, EmuStaff, bool> Predicate { get; init; }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace Omnidesk
{
    /// <summary>
    /// What a piped object says its case should be: the editable fields it carries (a case object, or an exported
    /// and edited CSV row). <see cref="ChangeFrom"/> compares that with the case as it is, so only what differs is sent.
    /// </summary>
    internal sealed class CaseEdit
    {
        private static readonly string[] Statuses = { "open", "waiting", "closed" };
        private static readonly string[] Priorities = { "low", "normal", "high", "critical" };
        private static readonly Regex CustomFieldSeparator = new Regex(@";\s*(?=cf_[0-9]+=)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex CustomFieldColumn = new Regex(@"^cf_[0-9]+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public string Subject { get; private set; }
        public string Status { get; private set; }
        public string Priority { get; private set; }
        public long? StaffId { get; private set; }
        public long? GroupId { get; private set; }
        public long? LanguageId { get; private set; }
        /// <summary>The labels the case should have, exactly; null when the item does not say.</summary>
        public HashSet<long> Labels { get; private set; }
        /// <summary>cf_N → the value as the item gives it (text from CSV, or the case's own value).</summary>
        public Dictionary<string, object> CustomFields { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);

        public bool IsEmpty => Subject == null && Status == null && Priority == null && StaffId == null && GroupId == null &&
                               LanguageId == null && Labels == null && CustomFields.Count == 0;

        /// <summary>
        /// Reads the editable fields of an item, under the module's names or the API's (Status, staff_id, ...). A blank
        /// cell says nothing. A value the API would refuse (a status 'urgent', a staff id 'anna') is an error on the item.
        /// </summary>
        public static CaseEdit Read(object item, out ErrorRecord error)
        {
            var edit = new CaseEdit();
            error = null;
            var problems = new List<string>();
            if (!PipedItem.IsScalar(item))
            {
                edit.Subject = Text(item, "Subject");
                edit.Status = OneOf(item, "Status", Statuses, problems);
                edit.Priority = OneOf(item, "Priority", Priorities, problems);
                edit.StaffId = Number(item, new[] { "StaffId", "staff_id" }, 0, problems);
                edit.GroupId = Number(item, new[] { "GroupId", "group_id" }, 1, problems);
                edit.LanguageId = Number(item, new[] { "LanguageId", "language_id" }, 1, problems);
                edit.Labels = LabelSet(item, problems);
                edit.ReadCustomFields(item, problems);
            }
            if (problems.Count > 0)
            {
                error = OmnideskErrors.InvalidArgument("OmnideskInvalidCaseValue",
                    $"The piped {PipedItem.TypeName(item)} cannot be applied: {string.Join("; ", problems)}. Nothing was sent for it.", item);
                return null;
            }
            return edit;
        }

        /// <summary>The change that takes <paramref name="current"/> to this state: only the fields that differ.</summary>
        public OmnideskCaseChange ChangeFrom(OmnideskCase current)
        {
            var change = new OmnideskCaseChange();
            if (Subject != null && Subject != current.Subject) change.Subject = Subject;
            if (Status != null && Status != current.Status) change.Status = Status;
            if (Priority != null && Priority != current.Priority) change.Priority = Priority;
            if (StaffId != null && StaffId != current.StaffId) change.StaffId = StaffId;
            if (GroupId != null && GroupId != current.GroupId) change.GroupId = GroupId;
            if (LanguageId != null && LanguageId != current.LanguageId) change.LanguageId = LanguageId;
            if (Labels != null)
            {
                var now = new HashSet<long>(current.Labels ?? Enumerable.Empty<long>());
                var add = Labels.Where(l => !now.Contains(l)).OrderBy(l => l).ToArray();
                var remove = now.Where(l => !Labels.Contains(l)).OrderBy(l => l).ToArray();
                if (add.Length > 0) change.AddLabels = add;
                if (remove.Length > 0) change.RemoveLabels = remove;
            }
            foreach (var field in CustomFields)
            {
                object existing = null;
                current.CustomFields?.TryGetValue(field.Key, out existing);
                if (CustomFieldText(existing) == CustomFieldText(field.Value)) continue;
                if (change.CustomFields == null) change.CustomFields = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
                change.CustomFields[field.Key] = WriteValue(field.Value, existing);
            }
            return change;
        }

        /// <summary>The whole state as a change, for -WhatIf, which reads nothing to compare with.</summary>
        public OmnideskCaseChange AsChange() => new OmnideskCaseChange
        {
            Subject = Subject,
            Status = Status,
            Priority = Priority,
            StaffId = StaffId,
            GroupId = GroupId,
            LanguageId = LanguageId,
            AddLabels = Labels?.OrderBy(l => l).ToArray(),
            CustomFields = CustomFields.Count == 0 ? null : new Dictionary<string, object>(CustomFields, StringComparer.OrdinalIgnoreCase),
        };

        private static string Text(object item, string name) =>
            PipedItem.TryGet(item, new[] { name }, out var value, out _) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

        private static string OneOf(object item, string name, string[] allowed, List<string> problems)
        {
            var text = Text(item, name)?.Trim();
            if (text == null) return null;
            var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
            if (match == null) problems.Add($"{name} '{text}' is not one of {string.Join(", ", allowed)}");
            return match;
        }

        private static long? Number(object item, string[] names, long min, List<string> problems)
        {
            if (!PipedItem.TryGet(item, names, out var value, out var name)) return null;
            if (PipedItem.TryParseId(value, out var id)) return id;
            // 0 is a real value for StaffId (unassigned), which TryParseId does not take.
            if (min == 0 && IsZero(value)) return 0;
            problems.Add($"{name} {PipedItem.Quote(value)} is not a number from {min}");
            return null;
        }

        private static bool IsZero(object value)
        {
            switch (PipedItem.Unwrap(value))
            {
                case string text: return text.Trim() == "0";
                case int i: return i == 0;
                case long l: return l == 0;
                default: return false;
            }
        }

        private static HashSet<long> LabelSet(object item, List<string> problems)
        {
            if (!PipedItem.TryGet(item, new[] { "Labels" }, out var value, out _)) return null;
            var parts = value is string text
                ? text.Split(new[] { ';', ',', ' ' }, StringSplitOptions.RemoveEmptyEntries).Cast<object>()
                : value is IEnumerable many ? many.Cast<object>() : new[] { value };
            var labels = new HashSet<long>();
            foreach (var part in parts)
            {
                if (PipedItem.TryParseId(part, out var label)) labels.Add(label);
                else problems.Add($"Labels holds {PipedItem.Quote(PipedItem.Unwrap(part))}, which is not a label id");
            }
            return labels;
        }

        /// <summary>From a CustomFields (custom_fields) dictionary or its CSV text (cf_25=x; cf_30=y), and from cf_N columns.</summary>
        private void ReadCustomFields(object item, List<string> problems)
        {
            if (PipedItem.TryGet(item, new[] { "CustomFields", "custom_fields" }, out var value, out _))
            {
                if (value is IDictionary dictionary)
                {
                    foreach (DictionaryEntry entry in dictionary) AddCustomField(entry.Key, PipedItem.Unwrap(entry.Value), problems);
                }
                else
                {
                    foreach (var pair in CustomFieldSeparator.Split(Convert.ToString(value, CultureInfo.InvariantCulture).Trim()))
                    {
                        var equals = pair.IndexOf('=');
                        if (equals <= 0) problems.Add($"CustomFields part '{pair}' is not cf_N=value");
                        else AddCustomField(pair.Substring(0, equals), pair.Substring(equals + 1), problems);
                    }
                }
            }
            foreach (var property in PSObject.AsPSObject(item).Properties)
            {
                if (CustomFieldColumn.IsMatch(property.Name) && !PipedItem.IsBlank(property.Value))
                    AddCustomField(property.Name, PipedItem.Unwrap(property.Value), problems);
            }
        }

        private void AddCustomField(object key, object value, List<string> problems)
        {
            var name = Omnidesk.CustomFields.Normalize(key);
            if (name == null) problems.Add($"'{key}' is not a custom field (cf_N)");
            else CustomFields[name] = value;
        }

        /// <summary>A custom field's value as text, to compare a case's value with an edited CSV cell.</summary>
        private static string CustomFieldText(object value)
        {
            value = PipedItem.Unwrap(value);
            if (value == null) return "";
            if (value is bool b) return b ? "True" : "False";
            if (value is IEnumerable many && !(value is string))
                return string.Join(",", many.Cast<object>().Select(CustomFieldText));
            var text = Convert.ToString(value, CultureInfo.InvariantCulture).Trim();
            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)) return "True";
            if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)) return "False";
            return text;
        }

        /// <summary>The value to send, in the kind the field has now: a checkbox stays a boolean, a multi-select an array.</summary>
        private static object WriteValue(object value, object existing)
        {
            value = PipedItem.Unwrap(value);
            existing = PipedItem.Unwrap(existing);
            if (!(value is string text)) return Omnidesk.CustomFields.WriteValue(value);
            if (existing is bool && PipedItem.AsBool(text).HasValue) return PipedItem.AsBool(text).Value;
            if (existing is IEnumerable && !(existing is string))
                return text.Split(',').Select(p => (object)p.Trim()).Where(p => ((string)p).Length > 0).ToArray();
            return text;
        }
    }
}

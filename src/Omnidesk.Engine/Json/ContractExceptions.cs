using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;
using System.Threading;

namespace Omnidesk.Engine.Json
{
    /// <summary>
    /// Where the API departs from the snake_case convention, type by type, applied to the contract as a modifier.
    /// Two rules hold for every type first: a property without a setter is derived (IsScheduled, IsEmpty, Key) and is
    /// neither read nor written; a member holding a model object (a case's idea) reads it only when it is an object
    /// with members (<see cref="NestedObjectConverter{T}"/>).
    /// </summary>
    internal static class ContractExceptions
    {
        private static readonly Dictionary<Type, Action<Members>> Table = new Dictionary<Type, Action<Members>>
        {
            [typeof(OmnideskCase)] = t => t
                .FallBack(nameof(OmnideskCase.CcEmails), "recipient_cc") // Deskie's names; cc_emails wins when both hold addresses
                .FallBack(nameof(OmnideskCase.BccEmails), "recipient_bcc")
                .DashIsNone(nameof(OmnideskCase.Rating)),
            [typeof(OmnideskMessage)] = t => t
                .Rename(nameof(OmnideskMessage.IsNote), "note")
                .ZeroIsNone(nameof(OmnideskMessage.UserId)) // a staff member's message has user_id 0, and the reverse
                .ZeroIsNone(nameof(OmnideskMessage.StaffId))
                .ZeroIsNone(nameof(OmnideskMessage.RatedStaffId))
                .DashIsNone(nameof(OmnideskMessage.Rating)),
            [typeof(OmnideskIdea)] = t => t
                .Alias(nameof(OmnideskIdea.CategoryId), "category") // the answers say category, the request category_id
                .ZeroIsNone(nameof(OmnideskIdea.CategoryId))
                .Alias(nameof(OmnideskIdea.OfficialResponseAt), "official_response_tstamp")
                .DashIsNone(nameof(OmnideskIdea.Stage)),
            [typeof(OmnideskFilter)] = t => t
                .Trim(nameof(OmnideskFilter.FilterId))
                .Alias(nameof(OmnideskFilter.IsSelected), "isSelected") // the docs' example is camelCase
                .Alias(nameof(OmnideskFilter.IsCustom), "isCustom"),
            [typeof(OmnideskChangelogEntry)] = t => t
                .Ignore(nameof(OmnideskChangelogEntry.CaseId)), // the case asked for, set by the engine
            [typeof(OmnideskNewCase)] = t => t
                .Ignore(nameof(OmnideskNewCase.Attachments)), // files go as multipart parts, never as JSON
            [typeof(OmnideskNewMessage)] = t => t
                .Ignore(nameof(OmnideskNewMessage.Attachments)),
            [typeof(OmnideskCaseChange)] = t => t
                .Rename(nameof(OmnideskCaseChange.RemoveLabels), "delete_labels"),
            // Omnidesk.com (API v2): every object's id is "id"; the rest follows the convention but for these.
            [typeof(OmnideskTicket)] = t => t
                .Rename(nameof(OmnideskTicket.TicketId), "id")
                .Rename(nameof(OmnideskTicket.UpdatedAt), "last_update")
                .Ignore(nameof(OmnideskTicket.HistoryIncluded)), // how it was read, set by the caller
            [typeof(OmnideskTimelineEntry)] = t => t
                .Rename(nameof(OmnideskTimelineEntry.EntryId), "id") // text on notes and messages, a number on events
                .Alias(nameof(OmnideskTimelineEntry.Content), "description") // an event's text
                .Convert(nameof(OmnideskTimelineEntry.MetaData), ComConverters.JsonTextFields)
                .Ignore(nameof(OmnideskTimelineEntry.Cc)) // from meta_data, below
                .Ignore(nameof(OmnideskTimelineEntry.Bcc))
                .After(o =>
                {
                    var entry = (OmnideskTimelineEntry)o;
                    entry.Cc = ComConverters.Addresses(entry.MetaData, "cc");
                    entry.Bcc = ComConverters.Addresses(entry.MetaData, "bcc");
                }),
            [typeof(OmnideskCustomer)] = t => t
                .Rename(nameof(OmnideskCustomer.CustomerId), "id")
                .Rename(nameof(OmnideskCustomer.Channels), "customer_channels")
                .Rename(nameof(OmnideskCustomer.CustomFields), "customer_custom_fields")
                .Convert(nameof(OmnideskCustomer.CustomFields), ComConverters.NameValueFields),
            [typeof(OmnideskCustomerChannel)] = t => t
                .Rename(nameof(OmnideskCustomerChannel.Address), "unique_reference"),
            [typeof(OmnideskAgent)] = t => t
                .Rename(nameof(OmnideskAgent.AgentId), "id"),
            [typeof(OmnideskView)] = t => t
                .Rename(nameof(OmnideskView.ViewId), "id"),
            [typeof(OmnideskRatingChange)] = t => t
                .Rename(nameof(OmnideskRatingChange.Comment), "rating_comment")
                .Rename(nameof(OmnideskRatingChange.RatedStaffId), "rating_staff_id"), // the request's name; answers say rated_staff_id
        };

        public static void Apply(JsonTypeInfo type)
        {
            if (type.Kind != JsonTypeInfoKind.Object) return;
            for (var i = type.Properties.Count - 1; i >= 0; i--)
            {
                var property = type.Properties[i];
                if (property.Set == null) type.Properties.RemoveAt(i);
                else if (NestedObjectConverter.IsModelObject(property.PropertyType)) property.CustomConverter = NestedObjectConverter.For(property.PropertyType);
            }
            if (Table.TryGetValue(type.Type, out var exceptions)) exceptions(new Members(type));
        }

        /// <summary>The exceptions that can be made to one member, by its C# name.</summary>
        private sealed class Members
        {
            private readonly JsonTypeInfo _type;
            private readonly Dictionary<string, JsonPropertyInfo> _byConventionName = new Dictionary<string, JsonPropertyInfo>();

            public Members(JsonTypeInfo type)
            {
                _type = type;
                foreach (var property in type.Properties) _byConventionName[property.Name] = property; // before any rename
            }

            /// <summary>Another JSON name instead of the convention's.</summary>
            public Members Rename(string property, string jsonName)
            {
                Find(property).Name = jsonName;
                return this;
            }

            /// <summary>A second JSON name read into the same property (through its final setter, so entry order does not matter).</summary>
            public Members Alias(string property, string jsonName)
            {
                var target = Find(property);
                Add(target, jsonName, (o, v) => target.Set(o, v));
                return this;
            }

            /// <summary>
            /// A second JSON name whose value the property takes when the convention's name gives it nothing. As
            /// before, the last value of each name counts, whatever their order, so the choice is made once the object
            /// is read in full; until then the second name's value is held for that object, in a slot of the reading
            /// thread (an object never holds another of its own type, so one slot is enough).
            /// </summary>
            public Members FallBack(string property, string jsonName)
            {
                var target = Find(property);
                var held = new ThreadLocal<Held>(() => new Held());
                Add(target, jsonName, (o, v) =>
                {
                    var slot = held.Value;
                    slot.Owner = o;
                    slot.Value = v;
                });
                var whenRead = _type.OnDeserialized;
                _type.OnDeserialized = o =>
                {
                    whenRead?.Invoke(o);
                    var slot = held.Value;
                    if (slot.Owner != o) return; // no such member in this object
                    var other = slot.Value;
                    slot.Owner = slot.Value = null;
                    if (IsEmpty(target.Get(o)) && !IsEmpty(other)) target.Set(o, other);
                };
                return this;
            }

            /// <summary>"", "-" (and null) mean none.</summary>
            public Members DashIsNone(string property) => Map(property, value => JsonValues.IsNone((string)value) ? null : value);

            /// <summary>0 means none.</summary>
            public Members ZeroIsNone(string property) => Map(property, value => value is long number && number == 0 ? null : value);

            public Members Trim(string property) => Map(property, value => ((string)value)?.Trim());

            /// <summary>The member's own converter, where its JSON form is not its type's usual one.</summary>
            public Members Convert(string property, System.Text.Json.Serialization.JsonConverter converter)
            {
                Find(property).CustomConverter = converter;
                return this;
            }

            /// <summary>Derives members from the others once the object is read.</summary>
            public Members After(Action<object> derive)
            {
                var whenRead = _type.OnDeserialized;
                _type.OnDeserialized = o =>
                {
                    whenRead?.Invoke(o);
                    derive(o);
                };
                return this;
            }

            public Members Ignore(string property)
            {
                _type.Properties.Remove(Find(property));
                return this;
            }

            /// <summary>Reads set the property to <paramref name="map"/> of the value read.</summary>
            private Members Map(string property, Func<object, object> map)
            {
                var target = Find(property);
                var set = target.Set;
                target.Set = (o, v) => set(o, map(v));
                return this;
            }

            private void Add(JsonPropertyInfo target, string jsonName, Action<object, object> set)
            {
                var alias = _type.CreateJsonPropertyInfo(target.PropertyType, jsonName);
                alias.CustomConverter = target.CustomConverter;
                alias.Set = set; // no Get: read, never written
                _type.Properties.Add(alias);
            }

            private JsonPropertyInfo Find(string property)
            {
                if (_byConventionName.TryGetValue(_type.Options.PropertyNamingPolicy.ConvertName(property), out var found)) return found;
                throw new InvalidOperationException($"{_type.Type.Name} has no property {property} for its JSON exceptions.");
            }

            private static bool IsEmpty(object value) => value == null || value is ICollection c && c.Count == 0;

            private sealed class Held
            {
                public object Owner;
                public object Value;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// How users name the items of one resource, derived from its description (<see cref="OmnideskResource"/>): the
    /// properties that carry an item's id (CaseId, the API's case_id, and Id for an item that belongs to no other), its
    /// number (CaseNumber, case_number), and, for an item that lives under another, its parent's id (a message names its
    /// case by CaseId or case_id); and the ErrorId and message of every way a piped item fails to name one. The one rule
    /// for every cmdlet and every shape of input (see <see cref="Read"/>).
    /// </summary>
    internal abstract class ItemIdentity
    {
        private protected ItemIdentity(OmnideskResource resource)
        {
            Resource = resource;
            IdParameter = Pascal(resource.IdField);
            var ids = new List<string> { IdParameter, resource.IdField };
            // A bare "Id" names a top-level item only: on a message row it could mean the message or its case.
            if (resource.Parent == null) ids.Add("Id");
            IdProperties = ids.AsReadOnly();
            NumberProperties = resource.NumberField == null
                ? Array.Empty<string>()
                : new[] { Pascal(resource.NumberField), resource.NumberField };
            if (resource.Parent != null)
            {
                ParentIdParameter = Pascal(resource.Parent.IdField);
                ParentIdProperties = new[] { ParentIdParameter, resource.Parent.IdField };
            }
        }

        public OmnideskResource Resource { get; }

        /// <summary>The module's name of the id, as parameter and property: "CaseId".</summary>
        public string IdParameter { get; }

        /// <summary>Properties that carry the id, looked for in this order: the module's name, the API's, then "Id".</summary>
        public IReadOnlyList<string> IdProperties { get; }

        /// <summary>Properties that carry the number (none when the resource has no number).</summary>
        public IReadOnlyList<string> NumberProperties { get; }

        /// <summary>The module's name of the parent's id ("CaseId"), or null for a top-level resource.</summary>
        public string ParentIdParameter { get; }

        /// <summary>Properties that carry the parent's id (never "Id"), or null for a top-level resource.</summary>
        public IReadOnlyList<string> ParentIdProperties { get; }

        /// <summary>What the number looks like (664-245651); for a resource with a number.</summary>
        public Regex NumberPattern { get; set; }

        /// <summary>An id and a number for messages that say what to give ("2000", "664-245651").</summary>
        public string IdExample { get; set; }
        public string NumberExample { get; set; }

        /// <summary>Other objects users pipe that carry this resource's id, for the hint of an error ("messages").</summary>
        public string AlsoPiped { get; set; }

        /// <summary>Reads the id of the item with this number (the API's answer carries it); for a resource with a number.</summary>
        public Func<IOmnideskClient, string, OmnideskCallContext, Task<long>> IdOfNumber { get; set; }

        private bool HasNumber => Resource.NumberField != null;
        private string Noun => Resource.Name;
        private OmnideskResource Parent => Resource.Parent;

        /// <summary>The cmdlet that lists the items, named in hints: Get-OmnideskCase.</summary>
        private string Lister => "Get-Omnidesk" + Pascal(Resource.Name);

        public bool IsNumber(string text) => NumberPattern != null && text != null && NumberPattern.IsMatch(text.Trim());

        /// <summary>Whether a piped item names one of these items (an item object, or any object with its id property).</summary>
        public bool IsNamedBy(object item) =>
            Resource.ItemType.IsInstanceOfType(PipedItem.Unwrap(item)) ||
            (!PipedItem.IsScalar(item) && PipedItem.TryGet(item, IdProperties, out _, out _));

        /// <summary>The item a piped object names, as the resource's reference, or null and the error on the item (see <see cref="ReadRef"/>).</summary>
        public ItemRef Read(object item, long? parentId, out ErrorRecord error)
        {
            var read = ReadRef(item, parentId, out error);
            return read == null ? null : Create(read);
        }

        /// <summary>The resource's own kind of reference (a message's also tells its kind).</summary>
        private protected abstract ItemRef Create(ItemRef read);

        /// <summary>
        /// The item a piped object names: an item object (typed or deserialized), any object with an id property, else
        /// (for a resource with numbers) a number property (an empty CSV cell is skipped); an id; a number. A child item
        /// also needs its parent: its own parent property, or <paramref name="parentId"/> (a -CaseId parameter), and the
        /// two must agree. Anything else (no such property, 0, a text that is neither) is an error on the item, never a
        /// guess at another item.
        /// </summary>
        private protected ItemRef ReadRef(object item, long? parentId, out ErrorRecord error)
        {
            error = null;
            var value = PipedItem.Unwrap(item);
            if (PipedItem.IsScalar(item)) return ReadValue(item, value, parentId, out error);

            var type = PipedItem.TypeName(item);
            if (!PipedItem.TryGet(item, IdProperties, out var idValue, out var idName))
            {
                if (PipedItem.TryGet(item, NumberProperties, out var numberValue, out var numberName))
                {
                    var number = numberValue as string ?? Convert.ToString(numberValue, CultureInfo.InvariantCulture);
                    if (IsNumber(number)) return new ItemRef(this, null, number.Trim(), null, item, null);
                    error = OmnideskErrors.InvalidArgument(InvalidNumberErrorId,
                        $"The piped {type} has {numberName} {PipedItem.Quote(numberValue)}, which is not {NumberWithExample}. Nothing was sent for it.", item);
                    return null;
                }
                var hint = Parent == null
                    ? $"Pipe {Resource.Plural} ({Lister}){(AlsoPiped == null ? "" : ", " + AlsoPiped)}, {Noun} ids{(HasNumber ? $" or {Noun} numbers" : "")}, or objects with one of those properties."
                    : $"Pipe {Resource.Plural} ({Lister}), or objects with {ParentIdParameter} and {IdParameter}.";
                error = OmnideskErrors.InvalidArgument(NoIdErrorId,
                    $"The piped {type} names no {Noun}: it has no {Either(IdProperties.Concat(NumberProperties))} property. {hint}", item);
                return null;
            }
            if (!PipedItem.TryParseId(idValue, out var id))
            {
                error = OmnideskErrors.InvalidArgument(InvalidIdErrorId,
                    $"The piped {type} has {idName} {PipedItem.Quote(idValue)}, which is not a {Noun} id (a whole number from 1). Nothing was sent for it.", item);
                return null;
            }
            // An item object names itself in -WhatIf and prompts (a case its number and subject).
            var label = Resource.ItemType.IsInstanceOfType(value) ? value.ToString() : null;
            if (Parent == null) return new ItemRef(this, id, null, null, item, label);

            long? ownParent = null;
            if (PipedItem.TryGet(item, ParentIdProperties, out var parentValue, out var parentName))
            {
                if (!PipedItem.TryParseId(parentValue, out var parsed))
                {
                    error = OmnideskErrors.InvalidArgument(InvalidParentIdErrorId,
                        $"The piped {type} has {parentName} {PipedItem.Quote(parentValue)}, which is not a {Parent.Name} id (a whole number from 1). Nothing was sent for it.", item);
                    return null;
                }
                ownParent = parsed;
            }
            if (ownParent == null && parentId == null)
            {
                error = OmnideskErrors.InvalidArgument(NoParentIdErrorId,
                    $"The piped {type} names {Noun} {Text(id)} but not its {Parent.Name}: it has no {Either(ParentIdProperties)} property. " +
                    $"Give -{ParentIdParameter}, or pipe {Resource.Plural} ({Lister}).", item);
                return null;
            }
            // An item whose own parent differs from the one given is refused: which one was meant cannot be known.
            if (ownParent.HasValue && parentId.HasValue && ownParent != parentId)
            {
                error = OmnideskErrors.InvalidArgument(ParentMismatchErrorId,
                    $"{Title(Noun)} {Text(id)} belongs to {Parent.Name} {Text(ownParent.Value)}, not to -{ParentIdParameter} {Text(parentId.Value)}. Nothing was sent for it.", item);
                return null;
            }
            return new ItemRef(this, id, null, ownParent ?? parentId, item, label);
        }

        /// <summary>A plain value: an id (of the given parent's item, for a child), or a number.</summary>
        private ItemRef ReadValue(object item, object value, long? parentId, out ErrorRecord error)
        {
            error = null;
            if (PipedItem.TryParseId(value, out var id))
            {
                if (Parent == null) return new ItemRef(this, id, null, null, item, null);
                if (parentId.HasValue) return new ItemRef(this, id, null, parentId, item, null);
                error = OmnideskErrors.InvalidArgument(NoParentIdErrorId,
                    $"{Title(Noun)} id {Text(id)} was piped without its {Parent.Name}: give -{ParentIdParameter}, or pipe {Resource.Plural} ({Lister}) " +
                    $"or objects with {ParentIdParameter} and {IdParameter}.", item);
                return null;
            }
            if (value is string text && IsNumber(text)) return new ItemRef(this, null, text.Trim(), null, item, null);
            error = OmnideskErrors.InvalidArgument(InvalidIdErrorId, HasNumber
                ? $"{PipedItem.Quote(value)} is not a {Noun}: give a {Noun} id (a whole number from 1, such as {IdExample}) or {NumberWithExample}."
                : $"{PipedItem.Quote(value)} is not a {Noun} id (a whole number from 1).", item);
            return null;
        }

        /// <summary>An item named by its number as a parameter (-CaseNumber); null, with the error, when it is not one.</summary>
        private protected ItemRef RefOfNumber(string number, out ErrorRecord error)
        {
            error = null;
            if (IsNumber(number)) return new ItemRef(this, null, number.Trim(), null, number, null);
            error = OmnideskErrors.InvalidArgument(InvalidNumberErrorId, $"'{number}' is not {NumberWithExample}.", number);
            return null;
        }

        private protected ItemRef RefOfId(long id, long? parentId) => new ItemRef(this, id, null, parentId, id, null);

        // ErrorIds name what is wrong by the module's name of the field (OmnideskNoCaseId, OmnideskInvalidCaseNumber;
        // a child's missing or bad parent: OmnideskNoCaseId, OmnideskInvalidCaseId), and OmnideskCaseMismatch for a
        // message of another case than -CaseId.
        private string NoIdErrorId => "OmnideskNo" + IdParameter;
        private string InvalidIdErrorId => "OmnideskInvalid" + IdParameter;
        private string InvalidNumberErrorId => "OmnideskInvalid" + Pascal(Resource.NumberField);
        private string NoParentIdErrorId => "OmnideskNo" + ParentIdParameter;
        private string InvalidParentIdErrorId => "OmnideskInvalid" + ParentIdParameter;
        private string ParentMismatchErrorId => "Omnidesk" + Pascal(Parent.Name) + "Mismatch";

        private string NumberWithExample => $"a {Noun} number (such as {NumberExample})";

        private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>"A, B or C".</summary>
        private static string Either(IEnumerable<string> names)
        {
            var list = names.ToList();
            return list.Count == 1 ? list[0] : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[list.Count - 1];
        }

        /// <summary>The module's name for an API field or noun: case_id → CaseId, changelog entry → ChangelogEntry.</summary>
        internal static string Pascal(string name) =>
            string.Concat(name.Split(new[] { '_', ' ' }, StringSplitOptions.RemoveEmptyEntries).Select(Title));

        /// <summary>A noun at the start of a sentence: case → Case.</summary>
        internal static string Title(string word) =>
            word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word.Substring(1);
    }

    /// <summary>An <see cref="ItemIdentity"/> whose references are <typeparamref name="TRef"/> (a case's, a message's).</summary>
    internal sealed class ItemIdentity<TRef> : ItemIdentity where TRef : ItemRef
    {
        private readonly Func<ItemRef, TRef> _create;

        /// <param name="create">Makes the resource's reference of what was read (a message also reads its kind).</param>
        public ItemIdentity(OmnideskResource resource, Func<ItemRef, TRef> create) : base(resource)
        {
            _create = create;
        }

        private protected override ItemRef Create(ItemRef read) => _create(read);

        /// <summary>The item a piped object names, or null and the error on the item.</summary>
        public new TRef Read(object item, long? parentId, out ErrorRecord error) => (TRef)base.Read(item, parentId, out error);

        /// <summary>An item named by its id as a parameter (-CaseId; -MessageId with its -CaseId).</summary>
        public TRef FromId(long id, long? parentId = null) => _create(RefOfId(id, parentId));

        /// <summary>An item named by its number as a parameter; null, with the error, when it is not one.</summary>
        public TRef FromNumber(string number, out ErrorRecord error)
        {
            var read = RefOfNumber(number, out error);
            return read == null ? null : _create(read);
        }
    }
}

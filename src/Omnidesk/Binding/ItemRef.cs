using System.Globalization;

namespace Omnidesk
{
    /// <summary>
    /// An item as the user named it (read by its resource's <see cref="ItemIdentity"/>): by id, or by number (a case's
    /// 664-245651), which is read first where an id is needed; for an item under another, with its parent's id.
    /// </summary>
    internal class ItemRef
    {
        private readonly string _label;

        internal ItemRef(ItemIdentity identity, long? id, string number, long? parentId, object item, string label)
        {
            Identity = identity;
            Id = id;
            Number = number;
            ParentId = parentId;
            Item = item;
            _label = label;
        }

        /// <summary>The same reference, as a resource's own kind of it (a <see cref="CaseRef"/>).</summary>
        private protected ItemRef(ItemRef read) : this(read.Identity, read.Id, read.Number, read.ParentId, read.Item, read._label)
        {
        }

        public ItemIdentity Identity { get; }
        public long? Id { get; }
        public string Number { get; }

        /// <summary>The id of the item this one lives under (a message's case); null for a top-level item.</summary>
        public long? ParentId { get; }

        /// <summary>What the user gave: the target of any error about this item's input.</summary>
        public object Item { get; }

        /// <summary>The id, or else the number: the API takes either in an item's path.</summary>
        public string Key => Id?.ToString(CultureInfo.InvariantCulture) ?? Number;

        /// <summary>The id, or else the number, as the target of an error from the API about the item.</summary>
        public object IdOrNumber => Id.HasValue ? (object)Id.Value : Number;

        /// <summary>How -WhatIf, -Confirm and messages name the item: an item object's own text, else "Case 2000", "Message 5 of case 2000".</summary>
        public override string ToString() => _label ?? LabelAs(Identity.Resource);

        /// <summary>The item named as one of <paramref name="resource"/> ("Note 5 of case 2000" for a message a note cmdlet edits).</summary>
        public string LabelAs(OmnideskResource resource)
        {
            var name = ItemIdentity.Title(resource.Name) + " " + Key;
            return ParentId.HasValue ? $"{name} of {resource.Parent.Name} {ParentId.Value.ToString(CultureInfo.InvariantCulture)}" : name;
        }
    }
}

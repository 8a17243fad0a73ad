using System;
using System.Collections.Generic;

namespace Omnidesk.Emulator
{
    /// <summary>The requests a resource answers on its collection and item paths (state changes are listed apart).</summary>
    [Flags]
    public enum ResourceVerbs
    {
        None = 0,
        /// <summary>GET /api/{path}.json (a child resource: /api/{parent path}/{parent id}/{path}.json).</summary>
        List = 1,
        /// <summary>GET /api/{path}/{id}.json.</summary>
        Get = 2,
        /// <summary>POST /api/{path}.json.</summary>
        Create = 4,
        /// <summary>PUT /api/{path}/{id}.json.</summary>
        Update = 8,
        /// <summary>DELETE /api/{path}/{id}.json.</summary>
        Delete = 16,
        Read = List | Get,
    }

    /// <summary>How a list answer is shaped.</summary>
    public enum ListEnvelope
    {
        /// <summary>{"0":{"&lt;item key&gt;":{…}},"1":…,"total_count":N}: total_count counts the matches of all pages.</summary>
        Numbered,
        /// <summary>{"&lt;item key&gt;":[{…},…]}, a true array (the changelog).</summary>
        Array,
    }

    /// <summary>
    /// One resource of the API as the emulator sees it: where it lives, how its items are wrapped and identified, how its
    /// lists are paged, and which requests it answers. The routes are made from this (<see cref="ResourceEndpoints"/>),
    /// and the generic store and handlers (<see cref="ResourceTable{T}"/>, <see cref="StoredResource{T}"/>) read their
    /// keys, limits and error codes from it. The emulator keeps this description itself: it shares no code with the module.
    /// </summary>
    public sealed class ResourceDescription
    {
        string _bodyKey;

        /// <summary>The path segment: "labels" → /api/labels.json and /api/labels/{id}.json.</summary>
        public string Path { get; init; }

        /// <summary>The key that wraps one item in answers: {"label":{…}}, and each item of a numbered list.</summary>
        public string ItemKey { get; init; }

        /// <summary>The key that wraps the item in a write's body ({"note":{…}}); the item key unless it differs.</summary>
        public string BodyKey
        {
            get => _bodyKey ?? ItemKey;
            init => _bodyKey = value;
        }

        /// <summary>The item's id field ("label_id"), written first in every item.</summary>
        public string IdField { get; init; }

        /// <summary>The error code of a 404 for an id that does not exist ("label_not_found").</summary>
        public string NotFound { get; init; }

        /// <summary>The resource this one lives under (messages under cases: /api/cases/{case}/messages.json), or null.</summary>
        public ResourceDescription Parent { get; init; }

        public ListEnvelope Envelope { get; init; } = ListEnvelope.Numbered;

        /// <summary>Whether the list takes page and limit; an unpaged list answers every item and ignores both.</summary>
        public bool Paged { get; init; } = true;

        /// <summary>limit is 1..MaxLimit (else wrong_limit); without it a page holds MaxLimit items.</summary>
        public int MaxLimit { get; init; } = 100;

        /// <summary>page is 1..MaxPage (else wrong_page).</summary>
        public int MaxPage { get; init; } = 500;

        public ResourceVerbs Verbs { get; init; }

        /// <summary>PUT /api/{path}/{id}/{state}.json, e.g. trash, spam, restore.</summary>
        public IReadOnlyList<string> States { get; init; } = Array.Empty<string>();

        /// <summary>
        /// How many ids one request may name, comma-separated in the path ("2000,2001"); 0 = one at a time. The ids are the
        /// resource's own for update, delete and state changes, and its parent's for a child's create (one reply to several
        /// cases).
        /// </summary>
        public int BulkSize { get; init; }

        /// <summary>The resource whose ids a bulk request names: the parent of a child resource, else this one.</summary>
        public ResourceDescription BulkTarget => Parent ?? this;

        /// <summary>The 400 error code for more ids than <see cref="BulkSize"/> ("too_many_cases").</summary>
        public string TooManyIds => "too_many_" + BulkTarget.Path;

        /// <summary>The key of a bulk answer, the ids that were changed ("case_success_id").</summary>
        public string SuccessIdsKey => BulkTarget.ItemKey + "_success_id";

        public bool Has(ResourceVerbs verb) => (Verbs & verb) == verb;
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Xunit;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>The generic resource layer on its own: the description, the routes made from it, the table, paging.</summary>
    public class ResourceLayerTests
    {
        sealed record Item(long Id, string Name) : IResourceItem;

        [Fact]
        public void Table_AddReplaceRemove_KeepIdOrder_AndResetRestoresTheSeed()
        {
            var table = new ResourceTable<Item>(new[] { new Item(5, "e"), new Item(2, "b") });
            Assert.Equal(new long[] { 2, 5 }, table.All.Select(i => i.Id));
            var before = table.All;

            Assert.Equal(new Item(6, "f"), table.Add(id => new Item(id, "f")));
            Assert.Equal(new Item(2, "B"), table.Replace(2, i => i with { Name = "B" }));
            Assert.Null(table.Replace(3, i => i));
            Assert.True(table.Remove(5));
            Assert.False(table.Remove(5));
            Assert.Equal(new[] { new Item(2, "B"), new Item(6, "f") }, table.All);
            Assert.Equal(new Item(6, "f"), table.Find("6"));
            Assert.Null(table.Find("5"));
            Assert.Null(table.Find("6,2"));
            Assert.Null(table.Find("+6"));
            // a reader's snapshot never changes under it
            Assert.Equal(new[] { new Item(2, "b"), new Item(5, "e") }, before);
            // ids of deleted items are not reused
            Assert.Equal(7, table.Add(id => new Item(id, "g")).Id);

            table.Reset();
            Assert.Equal(new[] { new Item(2, "b"), new Item(5, "e") }, table.All);
            Assert.Equal(6, table.Add(id => new Item(id, "f")).Id);
        }

        [Fact]
        public void EveryDescribedVerb_IsImplemented_AndEveryResourceIsRouted()
        {
            var verbs = new (ResourceVerbs Verb, string Method)[]
            {
                (ResourceVerbs.List, "List"), (ResourceVerbs.Get, "Get"), (ResourceVerbs.Create, "Create"),
                (ResourceVerbs.Update, "Update"), (ResourceVerbs.Delete, "Delete"),
            };
            foreach (var endpoints in ApiRoutes.Resources)
            {
                var d = endpoints.Description;
                foreach (var (verb, method) in verbs.Where(v => d.Has(v.Verb)))
                    Assert.True(endpoints.GetType().GetMethod(method).DeclaringType != typeof(ResourceEndpoints), $"{d.Path}: {method}");
                if (d.States.Count > 0)
                    Assert.True(endpoints.GetType().GetMethod("ChangeState").DeclaringType != typeof(ResourceEndpoints), d.Path);
            }
            var paths = ApiRoutes.Resources.Select(r => r.Description.Path).ToList();
            Assert.Equal(paths.Distinct(), paths);
            Assert.Equal(
                typeof(ApiDescription).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => ((ResourceDescription)f.GetValue(null)).Path).Order(),
                paths.Order());
        }

        [Theory]
        [InlineData("GET", "/api/labels.json", "labels", "List")]
        [InlineData("POST", "/api/labels.json", "labels", "Create")]
        [InlineData("PUT", "/api/LABELS/107.json", "labels", "Update")]
        [InlineData("HEAD", "/api/staff/15.json", "staff", "Get")]
        [InlineData("GET", "/api/cases/664-245651.json", "cases", "Get")]
        [InlineData("PUT", "/api/cases/2000,2001/Trash.json", "cases", "ChangeState")]
        [InlineData("DELETE", "/api/cases/2000,2001.json", "cases", "Delete")]
        [InlineData("POST", "/api/cases/2000,2001/messages.json", "messages", "Create")]
        [InlineData("GET", "/api/cases/2000/messages.json", "messages", "List")]
        [InlineData("PUT", "/api/cases/2000/note/500001.json", "note", "Update")]
        [InlineData("GET", "/api/cases/664-245651/changelog.json", "changelog", "List")]
        public void Routes_AreMadeFromTheDescriptions(string method, string path, string resource, string handler)
        {
            var (found, match) = ApiRoutes.Find(method, path);
            Assert.NotNull(found);
            Assert.True(match.Success);
            Assert.Equal(handler, found.Method.Name);
            Assert.Equal(resource, ((ResourceEndpoints)found.Target).Description.Path);
        }

        [Theory]
        [InlineData("GET", "/api/cases/2000,2001/messages.json")] // a list is of one case
        [InlineData("PUT", "/api/cases/2000/messages/abc.json")] // a child's id is a number
        [InlineData("PUT", "/api/cases/2000/burn.json")] // not a state of cases
        [InlineData("PATCH", "/api/labels/101.json")]
        [InlineData("GET", "/api/labels/101.json")] // the API has no such endpoint
        [InlineData("GET", "/api/")]
        [InlineData("GET", "/api/unknown.json")]
        [InlineData("GET", "/api/labels.json/x")]
        public void Routes_NotDescribed_AreNotFound(string method, string path) => Assert.Null(ApiRoutes.Find(method, path).Handler);

        [Fact]
        public void Description_DerivesTheBulkKeys_FromTheBulkTarget()
        {
            Assert.Equal(("too_many_cases", "case_success_id"), (ApiDescription.Cases.TooManyIds, ApiDescription.Cases.SuccessIdsKey));
            Assert.Equal(("too_many_cases", "case_success_id"), (ApiDescription.Notes.TooManyIds, ApiDescription.Notes.SuccessIdsKey));
            Assert.Equal(("note", "message"), (ApiDescription.Notes.BodyKey, ApiDescription.Notes.ItemKey));
            Assert.Equal("label", ApiDescription.Labels.BodyKey);
        }

        [Theory]
        [InlineData("", 1, 100, null)]
        [InlineData("limit=7&page=3", 3, 7, null)]
        [InlineData("limit[]=7&page[]=3", 3, 7, null)]
        [InlineData("limit=&page=%202%20", 2, 100, null)]
        [InlineData("limit=100&page=500", 500, 100, null)]
        [InlineData("limit=101", 0, 0, "wrong_limit")]
        [InlineData("limit=1.5", 0, 0, "wrong_limit")]
        [InlineData("page=501", 0, 0, "wrong_page")]
        [InlineData("page=0&limit=5", 0, 0, "wrong_page")]
        public void Paging_UsesTheDescriptionsBounds(string query, int page, int limit, string error)
        {
            var q = new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query));
            Assert.Equal(error, Paging.TryParse(q, ApiDescription.Staff, out int p, out int l));
            if (error == null) Assert.Equal((page, limit), (p, l));
            var small = new ResourceDescription { Path = "x", MaxLimit = 5, MaxPage = 2 };
            Assert.Equal("wrong_limit", Paging.TryParse(new QueryCollection(new Dictionary<string, StringValues> { ["limit"] = "6" }), small, out _, out _));
            Assert.Equal("wrong_page", Paging.TryParse(new QueryCollection(new Dictionary<string, StringValues> { ["page"] = "3" }), small, out _, out _));
        }
    }
}

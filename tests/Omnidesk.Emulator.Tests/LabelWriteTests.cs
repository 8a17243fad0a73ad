using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;
using static Omnidesk.Emulator.Tests.EmulatorFixture;
using static Omnidesk.Emulator.Tests.WriteFixture;

namespace Omnidesk.Emulator.Tests
{
    /// <summary>
    /// Label writes through the generic layer, and case validation reading the store's labels and languages (so a new
    /// label is usable on cases at once, a deleted one no longer).
    /// </summary>
    public class LabelWriteTests : IClassFixture<WriteFixture>
    {
        readonly WriteFixture _f;

        public LabelWriteTests(WriteFixture f) => _f = f;

        async Task<List<(long Id, string Title)>> LabelsAsync()
        {
            var (status, body) = await _f.GetAsync("api/labels.json");
            Assert.Equal(200, status);
            return Items(body, "label").Select(l => (l.GetProperty("label_id").GetInt64(), l.GetProperty("label_title").GetString())).ToList();
        }

        [Fact]
        public async Task CreateUpdateDelete_AndCasesFollow()
        {
            await _f.ResetAsync();
            var (created, body) = await _f.SendAsync("POST", "api/labels.json", "{\"label\":{\"label_title\":\"  escalated \"}}");
            Assert.Equal(201, created);
            Assert.Equal("{\"label\":{\"label_id\":107,\"label_title\":\"escalated\"}}", body.GetRawText());
            Assert.Equal((107L, "escalated"), (await LabelsAsync())[^1]);

            // the new label is a label of the store at once: cases accept it
            var (updated, c) = await _f.SendAsync("PUT", "api/cases/2001.json", "{\"case\":{\"add_labels\":[107]}}");
            Assert.Equal(200, updated);
            Assert.Contains(107L, c.GetProperty("case").GetProperty("labels").EnumerateArray().Select(e => e.GetInt64()));

            var (renamed, label) = await _f.SendAsync("PUT", "api/labels/107.json", "{\"label\":{\"label_title\":\"Escalated!\"}}");
            Assert.Equal(200, renamed);
            Assert.Equal("{\"label\":{\"label_id\":107,\"label_title\":\"Escalated!\"}}", label.GetRawText());

            var (deleted, empty) = await _f.SendAsync("DELETE", "api/labels/107.json");
            Assert.Equal(200, deleted);
            Assert.Equal("[]", empty.GetRawText());
            Assert.DoesNotContain(107L, (await LabelsAsync()).Select(l => l.Id));
            // taken off the case that carried it; the next label gets a new id
            Assert.DoesNotContain(107L, _f.Store.FindCase("2001").Labels);
            var (refused, error) = await _f.SendAsync("PUT", "api/cases/2002.json", "{\"case\":{\"add_labels\":[107]}}");
            Assert.Equal((400, "label_not_found"), (refused, Error(error)));
            Assert.Equal(108, (await _f.SendAsync("POST", "api/labels.json", "{\"label\":{\"label_title\":\"next\"}}")).Body
                .GetProperty("label").GetProperty("label_id").GetInt64());

            await _f.ResetAsync();
            Assert.Equal(Enumerable.Range(101, 6).Select(i => (long)i), (await LabelsAsync()).Select(l => l.Id));
        }

        [Fact]
        public async Task DeletingALabel_TakesItOffEveryCase_LockedOrNot()
        {
            await _f.ResetAsync();
            var locked = _f.Listable().First(c => c.LockedLabels.Count > 0);
            long label = locked.LockedLabels[0];
            int carrying = Enumerable.Range(Seeder.FirstCaseId, 300).Count(i => _f.Store.FindCase(i.ToString())?.Labels.Contains(label) == true);
            Assert.True(carrying > 1);
            Assert.True(await _f.TotalAsync("&labels=" + label) > 0);

            Assert.Equal(200, (await _f.SendAsync("DELETE", $"api/labels/{label}.json")).Status);
            var after = _f.Store.FindCase(locked.CaseId.ToString());
            Assert.DoesNotContain(label, after.Labels);
            Assert.DoesNotContain(label, after.LockedLabels);
            Assert.Equal(locked.UpdatedAt, after.UpdatedAt);
            Assert.Equal(locked.Changelog.Count, after.Changelog.Count);
            Assert.Equal(0, await _f.TotalAsync("&labels=" + label));
            await _f.ResetAsync();
        }

        [Theory]
        [InlineData("POST", "api/labels.json", "{\"label\":{\"label_title\":\"   \"}}", 400, "label_title_not_specified")]
        [InlineData("POST", "api/labels.json", "{\"label\":{}}", 400, "label_title_not_specified")]
        [InlineData("POST", "api/labels.json", "{\"labels\":{\"label_title\":\"x\"}}", 400, "label_title_not_specified")]
        [InlineData("POST", "api/labels.json", null, 400, "label_title_not_specified")]
        [InlineData("POST", "api/labels.json", "{not json", 400, "invalid_json")]
        [InlineData("PUT", "api/labels/101.json", "{\"label\":{\"label_title\":\"\"}}", 400, "label_title_not_specified")]
        [InlineData("PUT", "api/labels/999.json", "{\"label\":{\"label_title\":\"x\"}}", 404, "label_not_found")]
        [InlineData("PUT", "api/labels/abc.json", "{\"label\":{\"label_title\":\"x\"}}", 404, "label_not_found")]
        [InlineData("DELETE", "api/labels/999.json", null, 404, "label_not_found")]
        public async Task RefusedLabelWrites_ChangeNothing(string method, string url, string json, int status, string error)
        {
            await _f.ResetAsync();
            var before = await LabelsAsync();
            var (actual, body) = await _f.SendAsync(method, url, json);
            Assert.Equal((status, error), (actual, Error(body)));
            Assert.Equal(before, await LabelsAsync());
        }

        [Fact]
        public async Task LabelTitle_FromAForm_AndNumbersAsText()
        {
            await _f.ResetAsync();
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["label[label_title]"] = "from a form" });
            using var r = await _f.Client.PostAsync("api/labels.json", form);
            Assert.Equal(201, (int)r.StatusCode);
            Assert.Equal("{\"label\":{\"label_id\":107,\"label_title\":\"from a form\"}}", await r.Content.ReadAsStringAsync());
            var (_, body) = await _f.SendAsync("PUT", "api/labels/107.json", "{\"label\":{\"label_title\":2026}}");
            Assert.Equal("2026", body.GetProperty("label").GetProperty("label_title").GetString());
            await _f.ResetAsync();
        }

        [Theory]
        [InlineData("{\"case\":{\"language_id\":3}}")]
        [InlineData("{\"case\":{\"language_id\":4}}")]
        [InlineData("{\"case\":{\"language_id\":\"x\"}}")]
        public async Task CaseLanguage_MustBeAnActiveLanguageOfTheStore(string json)
        {
            await _f.ResetAsync();
            var (status, body) = await _f.SendAsync("PUT", "api/cases/2001.json", json);
            Assert.Equal((400, "wrong_language_id"), (status, Error(body)));
            var (ok, c) = await _f.SendAsync("PUT", "api/cases/2001.json", "{\"case\":{\"language_id\":2}}");
            Assert.Equal(200, ok);
            Assert.Equal(2, c.GetProperty("case").GetProperty("language_id").GetInt64());
            await _f.ResetAsync();
        }
    }
}

using System;
using System.Linq;
using Xunit;

namespace Omnidesk.Engine.Tests
{
    /// <summary>The Model's batcher of ids for bulk requests.</summary>
    public class BulkBatcherTests
    {
        [Fact]
        public void Full_batches_come_out_as_they_fill_and_the_rest_at_the_end()
        {
            var batcher = new BulkBatcher<string>(OmnideskResources.Case.BulkSize);
            var full = Enumerable.Range(1, 25).Select(id =>
            {
                Assert.True(batcher.Add(id, "high", "priority=high", out var batch));
                return (Id: id, Batch: batch);
            }).Where(x => x.Batch != null).ToList();

            Assert.Equal(new[] { 10, 20 }, full.Select(x => x.Id));
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), full[0].Batch.Ids);
            Assert.Equal("priority=high", full[1].Batch.Change);
            var rest = Assert.Single(batcher.TakeRest());
            Assert.Equal(Enumerable.Range(21, 5).Select(i => (long)i), rest.Ids);
            Assert.Empty(batcher.TakeRest());
        }

        [Fact]
        public void Each_change_has_its_own_batches_and_the_rest_keeps_the_order_batches_were_begun()
        {
            var batcher = new BulkBatcher<string>(3);
            batcher.Add(1, "x", "X", out _);
            batcher.Add(2, "y", "Y", out _);
            batcher.Add(3, "x", "X", out _);
            batcher.Add(4, "x", "X", out var full);
            Assert.Equal(new long[] { 1, 3, 4 }, full.Ids);
            batcher.Add(5, "x", "X", out full);
            Assert.Null(full);
            batcher.Add(6, "z", "Z", out _);

            var rest = batcher.TakeRest();

            Assert.Equal(new[] { "Y", "X", "Z" }, rest.Select(b => b.Change));
            Assert.Equal(new[] { new long[] { 2 }, new long[] { 5 }, new long[] { 6 } }, rest.Select(b => b.Ids.ToArray()));
        }

        [Fact]
        public void An_id_is_taken_once_whatever_change_it_comes_with()
        {
            var batcher = new BulkBatcher<string>(10);
            Assert.True(batcher.Add(7, "a", "A", out _));
            Assert.False(batcher.Add(7, "a", "A", out _));
            Assert.False(batcher.Add(7, "b", "B", out _));
            Assert.Equal(new long[] { 7 }, Assert.Single(batcher.TakeRest()).Ids);
            Assert.False(batcher.Add(7, "a", "A", out _));   // also after its batch went
        }

        [Fact]
        public void A_batch_size_below_one_is_refused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new BulkBatcher<string>(0));
        }
    }
}

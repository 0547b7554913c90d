using ChatAssistant.Storage;

namespace ChatAssistant.Tests.Storage;

public sealed class CachedUntilWriteTests
{
    [Fact]
    public void The_value_is_read_once_until_a_write_drops_it()
    {
        var reads = 0;
        var cache = new CachedUntilWrite<string>(() => $"v{++reads}");
        Assert.Equal("v1", cache.Get());
        Assert.Equal("v1", cache.Get());
        cache.Drop();
        Assert.Equal("v2", cache.Get());
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task A_read_that_raced_with_a_write_is_used_once_and_not_kept()
    {
        // The first read sees the data before a write commits; the write drops the cache while that read is still
        // running. What it read may be returned to its caller, but the next call must read again.
        var data = "old";
        var inRead = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var first = true;
        var cache = new CachedUntilWrite<string>(() =>
        {
            var seen = data;
            if (first)
            {
                first = false;
                inRead.Set();
                release.Wait();
            }
            return seen;
        });
        var racing = Task.Run(cache.Get);
        inRead.Wait();
        data = "new";
        cache.Drop();
        release.Set();
        Assert.Equal("old", await racing);
        Assert.Equal("new", cache.Get());
    }
}

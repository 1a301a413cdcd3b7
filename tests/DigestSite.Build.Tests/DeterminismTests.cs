namespace DigestSite.Build.Tests;

/// <summary>The same content gives byte-identical output, whatever the number of threads.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void One_thread_and_many_threads_write_the_same_bytes()
    {
        using var one = new TestSite("basic");
        using var many = new TestSite("basic");
        Assert.True(one.Build(parallelism: 1).Succeeded);
        Assert.True(many.Build(parallelism: 8).Succeeded);
        Assert.Equal(TestSite.Snapshot(one.Output), TestSite.Snapshot(many.Output));
    }

    [Fact]
    public void A_second_build_of_the_same_content_writes_the_same_bytes()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var first = TestSite.Snapshot(site.Output);
        Assert.True(site.Build().Succeeded);
        Assert.Equal(first, TestSite.Snapshot(site.Output));
    }
}

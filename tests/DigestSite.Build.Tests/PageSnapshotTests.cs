namespace DigestSite.Build.Tests;

/// <summary>Each page kind of the fixture site, rendered in full and compared with its reviewed snapshot.</summary>
public sealed class PageSnapshotTests : IClassFixture<PageSnapshotTests.BuiltSite>
{
    public sealed class BuiltSite : IDisposable
    {
        public TestSite Site { get; } = new("basic");
        public BuildResult Result { get; }
        public BuiltSite() => Result = Site.Build();
        public void Dispose() => Site.Dispose();
    }

    private readonly BuiltSite built;

    public PageSnapshotTests(BuiltSite built)
    {
        this.built = built;
        Assert.True(built.Result.Succeeded, string.Join("\n", built.Result.Diagnostics));
    }

    [Theory]
    [InlineData("home", "index.html")]
    [InlineData("issues-archive", "issues/index.html")]
    [InlineData("issue-with-introduction", "issues/2026-03-18/index.html")]
    [InlineData("issue-oldest", "issues/2026-03-16/index.html")]
    [InlineData("paper", "papers/2401.00001/index.html")]
    [InlineData("paper-without-arxiv", "papers/instruction-following/index.html")]
    [InlineData("topics", "topics/index.html")]
    [InlineData("topic-first-page", "topics/fine-tuning/index.html")]
    [InlineData("topic-second-page", "topics/fine-tuning/page/2/index.html")]
    [InlineData("topic-without-papers", "topics/speech/index.html")]
    [InlineData("search", "search/index.html")]
    [InlineData("authors", "authors/index.html")]
    [InlineData("author", "authors/ana-zhang/index.html")]
    [InlineData("not-found", "404.html")]
    public void Page_matches_its_snapshot(string name, string path) => Snapshot.Verify(name, built.Site.Page(path));

    [Fact]
    public void GitHub_Pages_is_told_not_to_run_Jekyll() => Assert.True(File.Exists(Path.Combine(built.Site.Output, ".nojekyll")));

    [Fact]
    public void Theme_assets_are_copied() => Assert.True(File.Exists(Path.Combine(built.Site.Output, "assets", "style.css")));
}

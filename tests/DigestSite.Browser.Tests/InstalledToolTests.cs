using DigestSite.Browser.Tests.Infrastructure;
using DigestSite.Tests;

namespace DigestSite.Browser.Tests;

/// <summary>
/// DigestSite installed as a .NET tool from its package makes, checks and builds a new digest with
/// neither node nor npm on PATH; the new digest's pages pass the same checks as the sample site's
/// (links here, HTML in <see cref="HtmlValidationTests"/>).
/// </summary>
[Collection(SitesCollection.Name)]
public sealed class InstalledToolTests(Sites sites)
{
    [Fact]
    public void Node_and_npm_are_not_on_the_path_the_tool_runs_with()
    {
        var path = InstalledTool.WithoutNode()["PATH"]!.Split(Path.PathSeparator);
        Assert.DoesNotContain(path, folder => File.Exists(Path.Combine(folder, "node")) || File.Exists(Path.Combine(folder, "npm")));
    }

    [Fact]
    public void The_installed_tool_checks_and_builds_the_digest_init_made()
    {
        var scaffold = sites.Scaffold;
        Assert.Equal("content: 1 paper in 1 issue, no problems.", scaffold.CheckOutput.Trim());
        Assert.True(File.Exists(Path.Combine(scaffold.Folder, ".config", "dotnet-tools.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.Theme, "node_modules", "lunr", "lunr.min.js")),
            File.ReadAllBytes(Path.Combine(scaffold.Site.Output, "assets", "lunr.min.js")));
        var paper = File.ReadAllText(Path.Combine(scaffold.Site.Output, "papers", "1706.03762", "index.html"));
        Assert.Contains("<h1>Attention Is All You Need</h1>", paper);
        Assert.Contains("Digest: &quot;Papers&quot; &amp; &lt;Friends&gt; \\ #1", File.ReadAllText(Path.Combine(scaffold.Site.Output, "index.html")));
    }

    [Fact]
    public void The_installed_tool_reports_its_version()
    {
        var version = sites.Scaffold.Tool.RunWithoutNode(sites.Scaffold.Folder, "--version").Trim();
        Assert.Matches(@"^\d+\.\d+\.\d+", version);
        Assert.Contains($"\"version\": \"{version.Split('+')[0]}\"", File.ReadAllText(Path.Combine(sites.Scaffold.Folder, ".config", "dotnet-tools.json")));
    }

    [Theory]
    [InlineData("fixture")]
    [InlineData("sample")]
    [InlineData("scaffold")]
    public void Every_internal_link_resolves_to_a_written_file(string siteName)
    {
        var (broken, checkedLinks, pages) = InternalLinks.Check(sites[siteName].Output, BuiltSite.BasePath);
        Assert.True(pages >= 8, $"only {pages} pages");
        Assert.True(checkedLinks > 50, $"only {checkedLinks} internal links checked");
        Assert.Empty(broken);
    }
}

using DigestSite.Tests;

namespace DigestSite.Build.Tests;

/// <summary>Under a project site's base path, every internal link and asset of every page resolves to a written file.</summary>
public sealed class LinkTests
{
    [Fact]
    public void Every_internal_href_and_src_resolves_to_a_written_file()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);

        var (broken, checkedLinks, pages) = InternalLinks.Check(site.Output, "/digest/");
        Assert.True(pages >= 15, $"only {pages} pages");
        Assert.True(checkedLinks > 100, $"only {checkedLinks} internal links checked");
        Assert.Empty(broken);
    }

    [Fact]
    public void A_site_at_the_domain_root_links_from_the_root()
    {
        using var site = new TestSite("basic");
        var result = SiteBuilder.Build(new BuildOptions(site.Content, [TestSite.DefaultTheme], site.Output, new Uri("https://papers.example.org")));
        Assert.True(result.Succeeded);
        var home = site.Page("index.html");
        Assert.Contains("href=\"/issues/\"", home);
        Assert.Contains("href=\"/assets/style.css\"", home);
        Assert.DoesNotContain("/digest/", home);
    }
}

using DigestSite.Browser.Tests.Infrastructure;

namespace DigestSite.Browser.Tests;

/// <summary>aria-current="page" marks only links to the page itself; the section's link says aria-current="true".</summary>
[Collection(SitesCollection.Name)]
public sealed class NavigationTests(Sites sites)
{
    [Fact]
    public async Task Aria_current_page_marks_only_links_to_the_current_page()
    {
        var site = sites.Fixture;
        await using var tab = await sites.OpenAsync(site, "");
        var wrong = new List<string>();
        foreach (var file in site.HtmlFiles())
        {
            var path = BuiltSite.PathOf(file);
            await tab.Page.GotoAsync(site.Url(path));
            var marked = await tab.Page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('[aria-current=\"page\"]')].filter(a => a.href !== location.href).map(a => a.href)");
            wrong.AddRange(marked.Select(href => $"/{path} marks {href}"));
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("issues/", "Issues", "page")]
    [InlineData("issues/2026-03-18/", "Issues", "true")]
    [InlineData("topics/", "Topics", "page")]
    [InlineData("topics/fine-tuning/page/2/", "Topics", "true")]
    public async Task Main_navigation_marks_the_current_section(string path, string link, string expected)
    {
        await using var tab = await sites.OpenAsync(sites.Fixture, path);
        var current = tab.Page.Locator("nav[aria-label=Main] a").Filter(new() { HasTextString = link });
        Assert.Equal(expected, await current.GetAttributeAsync("aria-current"));
    }
}

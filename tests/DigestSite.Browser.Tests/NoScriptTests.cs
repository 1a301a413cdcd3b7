using DigestSite.Browser.Tests.Infrastructure;

namespace DigestSite.Browser.Tests;

/// <summary>Every page works without JavaScript: the content is in the HTML.</summary>
[Collection(SitesCollection.Name)]
public sealed class NoScriptTests(Sites sites)
{
    [Fact]
    public async Task Issue_page_shows_its_papers_without_javascript()
    {
        await using var tab = await sites.OpenAsync(sites.Fixture, "issues/2026-03-18/", new() { JavaScriptEnabled = false });
        var cards = tab.Page.Locator("main article.paper-card");
        Assert.Equal(2, await cards.CountAsync());
        for (int i = 0; i < 2; i++)
        {
            Assert.True(await cards.Nth(i).Locator(".paper-title a").IsVisibleAsync());
            Assert.True(await cards.Nth(i).Locator(".summary").IsVisibleAsync());
        }
    }

    [Fact]
    public async Task Every_page_kind_shows_its_heading_and_content_without_javascript()
    {
        var site = sites.Fixture;
        await using var tab = await sites.OpenAsync(site, "", new() { JavaScriptEnabled = false });
        var problems = new List<string>();
        foreach (var (kind, path) in PageKinds.Fixture)
        {
            await tab.Page.GotoAsync(site.Url(path));
            var h1 = tab.Page.Locator("h1");
            if (await h1.CountAsync() != 1 || !await h1.IsVisibleAsync()) problems.Add($"{kind} (/{path}): no single visible h1");
            var text = await tab.Page.Locator("main").InnerTextAsync();
            if (text.Trim().Length < 40) problems.Add($"{kind} (/{path}): main is nearly empty: \"{text.Trim()}\"");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

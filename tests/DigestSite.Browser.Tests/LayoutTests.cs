using DigestSite.Browser.Tests.Infrastructure;

namespace DigestSite.Browser.Tests;

/// <summary>Phone-width layout: nothing makes any page scroll sideways.</summary>
[Collection(SitesCollection.Name)]
public sealed class LayoutTests(Sites sites)
{
    [Theory]
    [InlineData("fixture")]
    [InlineData("sample")]
    public async Task No_page_overflows_horizontally_at_375px(string siteName)
    {
        var site = sites[siteName];
        await using var tab = await sites.OpenAsync(site, "", new() { ViewportSize = new() { Width = 375, Height = 800 } });
        var overflowing = new List<string>();
        foreach (var file in site.HtmlFiles())
        {
            var path = BuiltSite.PathOf(file);
            await tab.Page.GotoAsync(site.Url(path));
            var widths = await tab.Page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
            var (scrollWidth, innerWidth) = (widths[0], widths[1]);
            if (scrollWidth > innerWidth)
            {
                var culprits = await tab.Page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                      .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))
                    """);
                overflowing.Add($"/{path}: {scrollWidth}px wide ({string.Join(", ", culprits)})");
            }
        }
        Assert.True(overflowing.Count == 0, $"Pages wider than the 375px viewport:\n{string.Join("\n", overflowing)}");
    }
}

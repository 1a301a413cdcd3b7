using DigestSite.Browser.Tests.Infrastructure;

namespace DigestSite.Browser.Tests;

/// <summary>Keyboard users: a visible skip link first, and it takes them to the content.</summary>
[Collection(SitesCollection.Name)]
public sealed class KeyboardTests(Sites sites)
{
    [Theory]
    [InlineData("")]
    [InlineData("issues/2026-03-18/")]
    [InlineData("papers/2401.00001/")]
    [InlineData("404.html")]
    public async Task First_tab_focuses_the_visible_skip_link_which_moves_focus_to_main(string path)
    {
        await using var tab = await sites.OpenAsync(sites.Fixture, path);
        var page = tab.Page;
        await page.Keyboard.PressAsync("Tab");

        var focused = await page.EvaluateAsync<string>("() => document.activeElement.className + '|' + document.activeElement.getAttribute('href')");
        Assert.Equal("skip-link|#main", focused);
        var skip = page.Locator(".skip-link");
        Assert.True(await skip.IsVisibleAsync(), "The focused skip link is not visible.");
        var box = await skip.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y >= 0 && box.X >= 0 && box.Height >= 16, $"The focused skip link is not on screen: {box.X},{box.Y} {box.Width}x{box.Height}.");
        var outline = await skip.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.NotEqual("none", outline);

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }
}

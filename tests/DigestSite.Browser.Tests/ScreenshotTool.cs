using DigestSite.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DigestSite.Browser.Tests;

/// <summary>
/// Not a check: a tool for reviewing the theme by eye. With DIGESTSITE_SCREENSHOTS=/some/folder it
/// writes full-page PNGs of each page kind of the sample site, light and dark, at 375 and 1280 px:
///   DIGESTSITE_SCREENSHOTS=/tmp/shots dotnet test tests/DigestSite.Browser.Tests --filter ScreenshotTool
/// Without the variable it does nothing.
/// </summary>
[Collection(SitesCollection.Name)]
public sealed class ScreenshotTool(Sites sites)
{
    /// <summary>The search page with results: recovery, facets, a phrase, a chosen filter, the newest first.</summary>
    private static readonly (string Kind, string Path)[] SearchStates =
    [
        ("search-typo", "search/?q=retreival"),
        ("search-phrase", "search/?q=%22instruction+tuning%22"),
        ("search-filtered", "search/?q=GPT-4&topic=Instruction+tuning&sort=newest"),
    ];

    [Fact]
    public async Task Write_screenshots_when_asked()
    {
        var folder = Environment.GetEnvironmentVariable("DIGESTSITE_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        var only = Environment.GetEnvironmentVariable("DIGESTSITE_SCREENSHOTS_KINDS")?.Split(',');
        foreach (var (kind, path) in PageKinds.Sample.Concat(SearchStates))
        {
            if (only is not null && !only.Contains(kind)) continue;
            foreach (var width in (int[])[375, 1280])
                foreach (var scheme in (ColorScheme[])[ColorScheme.Light, ColorScheme.Dark])
                {
                    await using var tab = await sites.OpenAsync(sites.Sample, path, new()
                    {
                        ViewportSize = new() { Width = width, Height = 900 },
                        ColorScheme = scheme,
                    });
                    if (kind.StartsWith("search-", StringComparison.Ordinal))
                        await Assertions.Expect(tab.Page.Locator("#search-results .search-result").First).ToBeVisibleAsync();
                    var name = $"{kind}-{width}-{scheme.ToString().ToLowerInvariant()}.png";
                    await tab.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
                }
        }
    }
}

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
    [Fact]
    public async Task Write_screenshots_when_asked()
    {
        var folder = Environment.GetEnvironmentVariable("DIGESTSITE_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        var only = Environment.GetEnvironmentVariable("DIGESTSITE_SCREENSHOTS_KINDS")?.Split(',');
        foreach (var (kind, path) in PageKinds.Sample)
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
                    var name = $"{kind}-{width}-{scheme.ToString().ToLowerInvariant()}.png";
                    await tab.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
                }
        }
    }
}

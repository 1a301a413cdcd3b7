using System.Text;
using System.Text.Json;
using DigestSite.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DigestSite.Browser.Tests;

/// <summary>axe-core, injected into one page of each kind (see <see cref="PageKinds.ForAxe"/>), finds no WCAG 2 A/AA problem, in the light and the dark scheme.</summary>
[Collection(SitesCollection.Name)]
public sealed class AccessibilityTests(Sites sites)
{
    private static readonly Lazy<string> AxeScript = new(() => File.ReadAllText(Repo.ToolPath(Path.Combine("axe-core", "axe.min.js"))));

    // WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices for landmarks and headings
    // (one h1, no skipped levels, all content inside landmarks), which the theme promises too.
    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
            resultTypes: ['violations'],
          });
          return result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary.replace(/\s+/g, ' ')),
          }));
        }
        """;

    /// <summary>One page load per kind: axe runs in the light scheme, then again with the dark scheme emulated.</summary>
    [Theory]
    [MemberData(nameof(PageKinds.ForAxe), MemberType = typeof(PageKinds))]
    public async Task Axe_finds_no_violations_in_light_and_dark(string siteName, string kind, string path)
    {
        await using var tab = await sites.OpenAsync(sites[siteName], path, new() { ColorScheme = ColorScheme.Light });
        await tab.Page.AddScriptTagAsync(new() { Content = AxeScript.Value });
        var report = new StringBuilder();
        foreach (var scheme in (ColorScheme[])[ColorScheme.Light, ColorScheme.Dark])
        {
            await tab.Page.EmulateMediaAsync(new() { ColorScheme = scheme });
            var violations = await tab.Page.EvaluateAsync<JsonElement>(RunAxe);
            foreach (var v in violations.EnumerateArray())
            {
                report.AppendLine($"- {scheme}: {v.GetProperty("id")} ({v.GetProperty("impact")}): {v.GetProperty("help")}");
                foreach (var node in v.GetProperty("nodes").EnumerateArray()) report.AppendLine($"    {node}");
            }
        }
        Assert.True(report.Length == 0, $"axe on the {siteName} site's {kind} page (/{path}):\n{report}");
    }

    /// <summary>A check of the check: the dark scheme really is applied when emulated, so the run above tests both.</summary>
    [Fact]
    public async Task Dark_scheme_changes_the_page_colours()
    {
        await using var tab = await sites.OpenAsync(sites.Fixture, "", new() { ColorScheme = ColorScheme.Light });
        const string background = "() => getComputedStyle(document.body).backgroundColor";
        var light = await tab.Page.EvaluateAsync<string>(background);
        await tab.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        Assert.NotEqual(light, await tab.Page.EvaluateAsync<string>(background));
    }
}

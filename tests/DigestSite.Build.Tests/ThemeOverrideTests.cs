namespace DigestSite.Build.Tests;

/// <summary>A site's theme folder overrides the default theme file by file.</summary>
public sealed class ThemeOverrideTests
{
    [Fact]
    public void One_overridden_partial_changes_every_page_that_uses_it_and_nothing_else()
    {
        using var site = new TestSite("basic");
        var theme = Path.Combine(site.Root, "my-theme");
        Directory.CreateDirectory(Path.Combine(theme, "layouts", "partials"));
        Directory.CreateDirectory(Path.Combine(theme, "assets"));
        File.WriteAllText(Path.Combine(theme, "layouts", "partials", "paper-card.liquid"), "<p class=\"mine\">{{ paper.title }}</p>\n");
        File.WriteAllText(Path.Combine(theme, "assets", "extra.css"), "body { color: red; }\n");

        Assert.True(site.Build([theme]).Succeeded);

        Assert.Contains("<p class=\"mine\">Low-Rank Adapters at Scale</p>", site.Page("issues/2026-03-18/index.html"));
        Assert.Contains("<p class=\"mine\">", site.Page("topics/fine-tuning/index.html"));
        Assert.Contains("<h1>Low-Rank Adapters at Scale</h1>", site.Page("papers/2402.00002/index.html"));
        Assert.True(File.Exists(Path.Combine(site.Output, "assets", "extra.css")));
        Assert.True(File.Exists(Path.Combine(site.Output, "assets", "style.css")));
    }

    [Fact]
    public void An_overridden_feed_entry_template_changes_the_feeds()
    {
        using var site = new TestSite("basic");
        var theme = Path.Combine(site.Root, "my-theme");
        Directory.CreateDirectory(Path.Combine(theme, "layouts"));
        File.WriteAllText(Path.Combine(theme, "layouts", "feed-entry.liquid"),
            "{% for paper in entry.papers %}<p class=\"mine\"><a href=\"{{ paper.url | absolute_url }}\">{{ paper.title }}</a></p>{% endfor %}");

        Assert.True(site.Build([theme]).Succeeded);

        var escaped = "&lt;p class=\"mine\"&gt;&lt;a href=\"https://example.org/digest/papers/2402.00002/\"&gt;Low-Rank Adapters at Scale&lt;/a&gt;&lt;/p&gt;";
        Assert.Contains(escaped, site.Page("feed.xml"));
        Assert.Contains(escaped, site.Page("topics/fine-tuning/feed.xml"));
        Assert.DoesNotContain("class=\"mine\"", site.Page("papers/2402.00002/index.html"));
    }
}

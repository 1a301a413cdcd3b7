namespace DigestSite.Build.Tests;

/// <summary>A failed build reports its errors and leaves the previous output exactly as it was.</summary>
public sealed class FailedBuildTests
{
    [Fact]
    public void Bad_content_fails_with_located_errors_and_keeps_the_previous_site()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var before = TestSite.Snapshot(site.Output);

        site.WriteContent("issues/2026-03-18/broken.md", "---\ntitle: \"Broken\"\nautors: [\"A\"]\ntopics: [retrieval]\n---\n\nText.\n");
        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d is { Path: "issues/2026-03-18/broken.md", Line: 3, Column: 1 } && d.Message.Contains("did you mean \"authors\""));
        Assert.Equal(before, TestSite.Snapshot(site.Output));
        Assert.False(Directory.Exists(site.Output + ".staging"));
    }

    [Fact]
    public void A_template_syntax_error_names_the_template_and_line_and_keeps_the_previous_site()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var before = TestSite.Snapshot(site.Output);
        var theme = Path.Combine(site.Root, "my-theme");
        Directory.CreateDirectory(Path.Combine(theme, "layouts"));
        File.WriteAllText(Path.Combine(theme, "layouts", "paper.liquid"), "<h1>{{ paper.title }}</h1>\n<p>{% if paper.arxiv %}</p>\n");

        var result = site.Build([theme]);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(Path.Combine(theme, "layouts", "paper.liquid"), error.Path);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("template error:", error.Message);
        Assert.Equal(before, TestSite.Snapshot(site.Output));
    }

    [Fact]
    public void An_empty_theme_folder_builds_with_the_built_in_theme_and_its_lunr_js()
    {
        using var site = new TestSite("basic");
        var emptyTheme = Directory.CreateDirectory(Path.Combine(site.Root, "empty-theme")).FullName;
        var result = SiteBuilder.Build(new BuildOptions(site.Content, [emptyTheme], site.Output));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(File.ReadAllBytes(Path.Combine(TestSite.RepositoryRoot, "theme", "node_modules", "lunr", "lunr.min.js")),
            File.ReadAllBytes(Path.Combine(site.Output, "assets", "lunr.min.js")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(TestSite.DefaultTheme, "assets", "style.css")),
            File.ReadAllBytes(Path.Combine(site.Output, "assets", "style.css")));
        Assert.Contains("<h1>Low-Rank Adapters at Scale</h1>", site.Page("papers/2402.00002/index.html"));
    }
}

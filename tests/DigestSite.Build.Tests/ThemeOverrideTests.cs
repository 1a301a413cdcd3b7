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
        var theme = ThemeWithLayouts(site, ("feed-entry.liquid",
            "{% for paper in entry.papers %}<p class=\"mine\"><a href=\"{{ paper.url | absolute_url }}\">{{ paper.title }}</a></p>{% endfor %}"));

        Assert.True(site.Build([theme]).Succeeded);

        var escaped = "&lt;p class=\"mine\"&gt;&lt;a href=\"https://example.org/digest/papers/2402.00002/\"&gt;Low-Rank Adapters at Scale&lt;/a&gt;&lt;/p&gt;";
        Assert.Contains(escaped, site.Page("feed.xml"));
        Assert.Contains(escaped, site.Page("topics/fine-tuning/feed.xml"));
        Assert.DoesNotContain("class=\"mine\"", site.Page("papers/2402.00002/index.html"));
    }

    [Fact]
    public void A_layout_that_filters_or_tests_the_content_gets_it_as_the_string_it_was()
    {
        using var site = new TestSite("basic");
        // A filter keeps the content unescaped, and `contains` looks inside it, as with any string value.
        var theme = ThemeWithLayouts(site, ("base.liquid", "{% if content contains \"<h1>\" %}[heading]{% endif %}[{{ content | strip }}]\n"));

        Assert.True(site.Build([theme]).Succeeded);

        var paper = site.Page("papers/2402.00002/index.html");
        Assert.StartsWith("[heading][<article class=\"paper\">", paper);
        Assert.Contains("<h1>Low-Rank Adapters at Scale</h1>", paper);
        Assert.EndsWith("</article>]\n", paper);
    }

    [Fact]
    public void The_linked_authors_filter_writes_what_a_loop_over_the_author_links_writes()
    {
        using var site = new TestSite("basic");
        // An alias (a title on its link), a name the encoders escape, and more names than the limit.
        site.WriteContent("issues/2026-04-01/names.md",
            "---\ntitle: \"Names\"\nauthors: [\"A. Zhang\", \"Sinéad O'Brien\", \"Sara Kim\", \"Omar Haddad\"]\ntopics: [retrieval]\n---\nA summary.\n");
        const string Link = "<a href=\"{{ a.url }}\"{% if a.name != a.person %} title=\"{{ a.person }}\"{% endif %}";
        const string Name = ">{{ a.name }}</a>{% unless forloop.last %}, {% endunless %}{% endfor %}";
        var theme = ThemeWithLayouts(site,
            ("paper.liquid",
                $"[loop]{{% for a in paper.author_links %}}{Link}{Name}[/loop][filter]{{{{ paper.author_links | linked_authors }}}}[/filter]\n" +
                $"[loop]{{% for a in paper.author_links limit: 3 %}}{Link}{Name}[/loop][filter]{{{{ paper.author_links | linked_authors: 3 }}}}[/filter]\n"),
            ("author.liquid",
                $"{{% for paper in papers %}}[loop]{{% for a in paper.author_links limit: 3 %}}{Link}{{% if a.slug == author.slug %}} aria-current=\"true\"{{% endif %}}{Name}[/loop]" +
                "[filter]{{ paper.author_links | linked_authors: 3, author.slug }}[/filter]\n{% endfor %}"),
            ("feed-entry.liquid",
                $"{{% for paper in entry.papers %}}[loop]{{% for a in paper.author_links %}}{Link}{Name}[/loop][filter]{{{{ paper.author_links | linked_authors }}}}[/filter]{{% endfor %}}"));

        Assert.True(site.Build([theme]).Succeeded);

        var paper = site.Page("papers/names/index.html");
        AssertSame(paper, 2);
        Assert.Contains("[filter]<a href=\"/digest/authors/ana-zhang/\" title=\"Ana Zhang\">A. Zhang</a>, <a href=\"/digest/authors/sinead-obrien/\">Sinéad O&#x27;Brien</a>, ", paper);
        Assert.Contains("<a href=\"/digest/authors/sara-kim/\">Sara Kim</a>[/filter]", paper); // the limit: three names, no separator after the last
        var author = site.Page("authors/sara-kim/index.html");
        AssertSame(author, 2);
        Assert.Contains("<a href=\"/digest/authors/sara-kim/\" aria-current=\"true\">Sara Kim</a>", author);
        // A feed escapes as feeds do (&#39;, not &#x27;): the filter escapes as the render it is in.
        AssertSame(System.Net.WebUtility.HtmlDecode(site.Page("topics/retrieval/feed.xml")), 1);
        Assert.Contains("O&#39;Brien", System.Net.WebUtility.HtmlDecode(site.Page("topics/retrieval/feed.xml")));
    }

    [Fact]
    public void A_summary_through_raw_is_written_as_the_string_raw_writes_in_pages_partials_and_feeds()
    {
        using var site = new TestSite("basic");
        // The summary's HTML has characters of two, three and four bytes in UTF-8 and markup `raw` keeps as it is.
        site.WriteContent("issues/2026-04-01/bytes.md",
            "---\ntitle: \"Bytes\"\nauthors: [\"Sara Kim\"]\ntopics: [retrieval]\n---\nCafé **bold** — “quoted” 😀 & more.\n");
        // [raw] is written from the summary's UTF-8; [string] is the same text as a string value (an assigned name is not
        // a member read), which `raw` writes as it is; a member held as a string, and a missing record, go through `raw` as before.
        const string Compare = "[raw]{{ paper.summary_html | raw }}[/raw][string]{% assign text = paper.summary_html %}{{ text | raw }}[/string]" +
            "[title]{{ paper.title | raw }}[/title][missing]{{ nothing.summary_html | raw }}[/missing]";
        var theme = ThemeWithLayouts(site,
            ("paper.liquid", Compare),
            ("issue.liquid", "{% for paper in issue.papers %}{% render \"partials/compare\", paper: paper %}{% endfor %}"),
            ("partials/compare.liquid", Compare),
            ("feed-entry.liquid", "{% for paper in entry.papers %}" + Compare + "{% endfor %}"));

        Assert.True(site.Build([theme]).Succeeded);

        foreach (var html in new[] { site.Page("papers/bytes/index.html"), site.Page("issues/2026-04-01/index.html"),
            System.Net.WebUtility.HtmlDecode(site.Page("topics/retrieval/feed.xml")) })
        {
            var pairs = System.Text.RegularExpressions.Regex.Matches(html, @"\[raw\](.*?)\[/raw\]\[string\](.*?)\[/string\]", System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.All(pairs, pair => Assert.Equal(pair.Groups[2].Value, pair.Groups[1].Value));
            Assert.Contains(pairs, pair => pair.Groups[1].Value.Contains("Café <strong>bold</strong> — “quoted” 😀 &amp; more.", StringComparison.Ordinal));
            Assert.Contains("[title]Bytes[/title][missing][/missing]", html);
        }
    }

    /// <summary>Each [loop]…[/loop] of <paramref name="html"/> is the same as the [filter]…[/filter] after it, and there are at least <paramref name="pairs"/> such pairs.</summary>
    private static void AssertSame(string html, int pairs)
    {
        var found = System.Text.RegularExpressions.Regex.Matches(html, @"\[loop\](.*?)\[/loop\]\[filter\](.*?)\[/filter\]", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(found.Count >= pairs, $"{found.Count} pairs in {html}");
        Assert.All(found, m => Assert.Equal(m.Groups[1].Value, m.Groups[2].Value));
        Assert.All(found, m => Assert.Contains("<a href=", m.Groups[2].Value));
    }

    /// <summary>A theme beside the site (<c>my-theme</c>) holding only these layouts, each overriding the default theme's.</summary>
    private static string ThemeWithLayouts(TestSite site, params (string Name, string Text)[] layouts)
    {
        var theme = Path.Combine(site.Root, "my-theme");
        Directory.CreateDirectory(Path.Combine(theme, "layouts", "partials"));
        foreach (var (name, text) in layouts) File.WriteAllText(Path.Combine(theme, "layouts", name), text);
        return theme;
    }
}

using System.Xml.Linq;
using DigestSite.Pages;
using DigestSite.Publishing;

namespace DigestSite.Build.Tests;

/// <summary>Feeds to subscribe to, and what crawlers read: valid Atom, a complete sitemap, robots.txt.</summary>
public sealed class PublishingTests : IClassFixture<PageSnapshotTests.BuiltSite>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly TestSite site;

    public PublishingTests(PageSnapshotTests.BuiltSite built)
    {
        Assert.True(built.Result.Succeeded);
        site = built.Site;
    }

    private XElement Load(string path) => XDocument.Load(Path.Combine(site.Output, path)).Root!;

    [Fact]
    public void The_site_feed_has_one_entry_per_issue_newest_first_with_the_papers_in_full()
    {
        var feed = Load("feed.xml");
        AssertValidAtomFeed(feed, "https://example.org/digest/feed.xml");
        var entries = feed.Elements(Atom + "entry").ToArray();
        Assert.Equal(
            ["https://example.org/digest/issues/2026-04-01/", "https://example.org/digest/issues/2026-03-18/", "https://example.org/digest/issues/2026-03-16/"],
            entries.Select(e => e.Element(Atom + "id")!.Value));
        Assert.Equal("2026-04-01T00:00:00Z", feed.Element(Atom + "updated")!.Value);
        Assert.Equal("Tuning week (Wednesday, 18 March 2026)", entries[1].Element(Atom + "title")!.Value);

        var html = entries[1].Element(Atom + "content")!;
        Assert.Equal("html", html.Attribute("type")!.Value);
        Assert.Contains("<h2><a href=\"https://example.org/digest/papers/2402.00002/\">Low-Rank Adapters at Scale</a></h2>", html.Value);
        Assert.Contains("Adapters with a rank of eight match full fine-tuning on most tasks.", html.Value);
        Assert.Contains("<a href=\"https://arxiv.org/pdf/2402.00002v2\">PDF</a>", html.Value);
        Assert.DoesNotContain("href=\"/", html.Value);
    }

    [Fact]
    public void Feed_entries_escape_text_as_feeds_always_have()
    {
        // Numeric references for Latin-1 letters and for characters beyond the BMP, &#39; for an apostrophe.
        using var site = new TestSite("basic");
        var path = Path.Combine(site.Content, "issues", "2026-03-18", "2402.00002.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Low-Rank Adapters at Scale", "Low-Rank Adapters' Scale: café 😀 <b>"));
        Assert.True(site.Build().Succeeded);

        var html = XDocument.Load(Path.Combine(site.Output, "feed.xml")).Root!.Elements(Atom + "entry")
            .Single(e => e.Element(Atom + "id")!.Value.EndsWith("/2026-03-18/", StringComparison.Ordinal)).Element(Atom + "content")!.Value;
        Assert.Contains(">Low-Rank Adapters&#39; Scale: caf&#233; &#128512; &lt;b&gt;</a></h2>", html);
    }

    [Fact]
    public void Each_topic_has_a_feed_with_one_entry_per_paper()
    {
        var feed = Load("topics/fine-tuning/feed.xml");
        AssertValidAtomFeed(feed, "https://example.org/digest/topics/fine-tuning/feed.xml");
        var entries = feed.Elements(Atom + "entry").ToArray();
        Assert.Equal(3, entries.Length);
        Assert.Equal("https://example.org/digest/papers/hep-th-9901001/", entries[0].Element(Atom + "id")!.Value);
        Assert.Equal(["Ivan Novak", "Leila Ahmed", "Jun Park"], entries[0].Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value));
        Assert.Empty(Load("topics/speech/feed.xml").Elements(Atom + "entry"));
    }

    [Fact]
    public void Every_author_has_a_valid_feed_of_summaries_and_links()
    {
        var feeds = Directory.GetFiles(Path.Combine(site.Output, "authors"), "feed.xml", SearchOption.AllDirectories);
        Assert.Equal(Directory.GetDirectories(Path.Combine(site.Output, "authors")).Length, feeds.Length);
        foreach (var path in feeds)
        {
            var slug = Path.GetFileName(Path.GetDirectoryName(path)!);
            var feed = XDocument.Load(path).Root!;
            AssertValidAtomFeed(feed, $"https://example.org/digest/authors/{slug}/feed.xml");
            Assert.NotEmpty(feed.Elements(Atom + "entry"));
            // An entry without content needs a summary and its link (RFC 4287, 4.1.1.1 and 4.1.2).
            Assert.All(feed.Elements(Atom + "entry"), e => Assert.False(string.IsNullOrWhiteSpace(e.Element(Atom + "summary")?.Value)));
        }
    }

    /// <summary>
    /// An author feed's entries are made once for all the feeds that list them and put in each (FeedFiles): the
    /// feed must be byte for byte the one its writer makes entry by entry, whatever the entries hold.
    /// </summary>
    [Fact]
    public void A_feed_of_entries_made_beforehand_is_byte_for_byte_the_feed_written_whole()
    {
        FeedEntryView Entry(string title, string summary, string[] authors, string[] topics) =>
            new($"https://example.org/p/{title.Length}/", title, new DateOnly(2026, 3, 16), authors, Utf8Text.Of(summary), topics, IntroductionHtml: null, Papers: [], HeadingLevel: 0);
        var entries = new[]
        {
            Entry("Ünïcode & <markup> \"quoted\"", "A summary\n\nwith two paragraphs, a tab\tand ]]> and </entry> in it. " + new string('x', 500), ["Jörg Müller", "Ana O'Brien"], ["NLP", "Vision & Speech"]),
            Entry("No authors, no topics", "Short.", [], []),
            Entry("Third", "Line one\r\nline two", ["Wei Zhang"], ["ML"]),
        };
        foreach (var count in new[] { 1, 3 })
        {
            var feed = new FeedView("authors/a/feed.xml", "en", "A · Digest", "Papers by A (Lab)", "https://example.org/authors/a/feed.xml",
                "https://example.org/authors/a/", new DateOnly(2026, 3, 16), "Digest", "https://example.org/", entries.Take(count).ToArray());
            Assert.Equal(Written(b => AtomFeeds.Write(feed, _ => "", _ => null, b)), Written(b => AtomFeeds.Write(feed, _ => "", e => AtomFeeds.Entry(e, ""), b)));
            Assert.Equal(Written(b => JsonFeeds.Write(feed, _ => "", _ => null, b)), Written(b => JsonFeeds.Write(feed, _ => "", e => JsonFeeds.Entry(e, ""), b)));
        }
    }

    private static string Written(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void Every_page_head_links_the_feed_for_autodiscovery()
    {
        foreach (var page in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
            Assert.Contains("<link rel=\"alternate\" type=\"application/atom&#x2B;xml\" title=\"Fixture Digest\" href=\"/digest/feed.xml\">", File.ReadAllText(page));
        Assert.Contains("href=\"/digest/topics/fine-tuning/feed.xml\"", site.Page("topics/fine-tuning/index.html"));
    }

    [Fact]
    public void The_sitemap_lists_every_page_but_404_with_absolute_urls_and_lastmod()
    {
        var urls = Load("sitemap.xml").Elements(Sitemaps + "url")
            .ToDictionary(u => u.Element(Sitemaps + "loc")!.Value, u => u.Element(Sitemaps + "lastmod")?.Value);
        var pages = Directory.EnumerateFiles(site.Output, "index.html", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(site.Output, Path.GetDirectoryName(p)!).Replace('\\', '/'))
            .Select(folder => "https://example.org/digest/" + (folder == "." ? "" : folder + "/"))
            .ToHashSet();
        Assert.Equal(pages.Order(StringComparer.Ordinal), urls.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("2026-03-18", urls["https://example.org/digest/papers/2402.00002/"]);
        Assert.Equal("2026-04-01", urls["https://example.org/digest/"]);
        Assert.Null(urls["https://example.org/digest/topics/speech/"]);
    }

    [Fact]
    public void Robots_txt_points_at_the_sitemap() =>
        Assert.Equal("User-agent: *\nAllow: /\n\nSitemap: https://example.org/digest/sitemap.xml\n", File.ReadAllText(Path.Combine(site.Output, "robots.txt")));

    /// <summary>RFC 4287's required elements: feed id, title, updated, author (or one per entry), self link; entry id, title, updated, alternate link.</summary>
    private static void AssertValidAtomFeed(XElement feed, string selfUrl)
    {
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal(selfUrl, feed.Element(Atom + "id")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "title")!.Value));
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, out _));
        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));
        Assert.Contains(feed.Elements(Atom + "link"), l => l.Attribute("rel")?.Value == "self" && l.Attribute("href")?.Value == selfUrl);
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            Assert.StartsWith("https://example.org/digest/", entry.Element(Atom + "id")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")!.Value));
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, out _));
            Assert.Contains(entry.Elements(Atom + "link"), l => l.Attribute("rel")?.Value == "alternate");
            Assert.Single(entry.Elements(Atom + "id"));
        }
    }
}

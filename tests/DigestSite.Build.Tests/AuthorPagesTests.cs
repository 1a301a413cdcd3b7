using System.Xml.Linq;
using DigestSite.Archive;

namespace DigestSite.Build.Tests;

/// <summary>
/// Author pages and feeds: slugs, one person per registry entry (aliases folded), links from every
/// paper to its authors, the feeds, and incremental builds that render only the authors an edit touches.
/// </summary>
public sealed class AuthorPagesTests
{
    [Theory]
    [InlineData("Jörg Müller", "jorg-muller")]
    [InlineData("Łukasz Wiśniewski", "lukasz-wisniewski")]
    [InlineData("Søren Groß", "soren-gross")]
    [InlineData("Nguyễn Minh", "nguyen-minh")]
    [InlineData("J. R. R. Tolkien", "j-r-r-tolkien")]
    [InlineData("J.-P. Dupré", "j-p-dupre")]
    [InlineData("Ludwig van Beethoven", "ludwig-van-beethoven")]
    [InlineData("Sinéad O'Brien", "sinead-obrien")]
    [InlineData("Martin Luther King Jr.", "martin-luther-king-jr")]
    [InlineData("王伟", "wangwei")]
    [InlineData("!!!", "author")]
    public void Slugs_are_readable_ascii(string name, string slug) => Assert.Equal(slug, AuthorSlugs.Of(name));

    [Theory]
    [InlineData("Ludwig van Beethoven", "beethoven", "B")]
    [InlineData("Maria de la Cruz", "cruz", "C")]
    [InlineData("Martin Luther King Jr.", "king", "K")]
    [InlineData("Émile Zola", "zola", "Z")]
    [InlineData("Ólafur Jónsson", "jonsson", "J")]
    [InlineData("01.AI", "01ai", "#")]
    public void The_a_to_z_list_sorts_by_family_name_without_particles_or_accents(string name, string key, string letter)
    {
        var parts = AuthorName.Parse(name);
        Assert.Equal((key, letter), (parts.FamilyKey, parts.Letter));
    }

    [Fact]
    public void A_slug_two_people_share_goes_to_the_one_with_the_older_paper_then_gets_a_number()
    {
        using var site = new TestSite("basic");
        site.WriteContent("issues/2026-03-16/older.md", Paper("Older", "Jörg Müller"));
        site.WriteContent("issues/2026-04-01/newer.md", Paper("Newer", "Jorg Muller", "Ana Zhang"));
        site.WriteContent("issues/2026-04-01/page.md", Paper("Page", "Page"));
        Assert.True(site.Build().Succeeded);

        Assert.Contains("<h1>Jörg Müller</h1>", site.Page("authors/jorg-muller/index.html"));
        Assert.Contains("<h1>Jorg Muller</h1>", site.Page("authors/jorg-muller-2/index.html"));
        Assert.Contains("<h1>Page</h1>", site.Page("authors/page-2/index.html"));
        Assert.Contains("href=\"/digest/authors/jorg-muller-2/\">Jorg Muller</a>", site.Page("papers/newer/index.html"));
    }

    [Fact]
    public void An_alias_folds_into_its_person_and_each_paper_keeps_its_spelling()
    {
        using var site = new TestSite("basic");
        site.WriteContent("issues/2026-04-01/alias.md", Paper("Alias", "A. Zhang", "Sara Kim"));
        Assert.True(site.Build().Succeeded);

        var page = site.Page("authors/ana-zhang/index.html");
        Assert.Contains("Also written “A. Zhang”", page);
        Assert.Contains("href=\"/digest/papers/alias/\"", page);
        Assert.Contains("href=\"/digest/papers/2401.00001/\"", page);
        Assert.Contains("2 papers", page);
        Assert.Contains("<a href=\"/digest/authors/ana-zhang/\" title=\"Ana Zhang\">A. Zhang</a>", site.Page("papers/alias/index.html"));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "authors", "a-zhang")));
    }

    [Fact]
    public void An_author_page_shows_the_registry_co_authors_topics_and_links_to_its_feed_and_search()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var page = site.Page("authors/ana-zhang/index.html");

        Assert.Contains("<a href=\"https://orcid.org/0000-0002-1825-0097\" rel=\"me\">ORCID 0000-0002-1825-0097</a>", page);
        Assert.Contains("<a href=\"https://example.org/~ana\" rel=\"nofollow ugc\">Homepage</a>", page);
        Assert.Contains("Example University, Department of Informatics", page);
        Assert.Contains("<a href=\"/digest/authors/omar-haddad/\">Omar Haddad</a>", page);
        Assert.Contains("<a href=\"/digest/search/?q=%2Bauthors%3Aana%20%2Bauthors%3Azhang\">Search this author</a>", page);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom&#x2B;xml\" title=\"Ana Zhang · Fixture Digest\" href=\"/digest/authors/ana-zhang/feed.xml\">", page);
    }

    [Fact]
    public void A_consortium_paper_makes_nobody_a_co_author()
    {
        using var site = new TestSite("basic");
        var members = Enumerable.Range(1, AuthorIndex.MaxAuthorsForCoAuthors + 1).Select(i => $"Member {i:000} Consortium").ToArray();
        site.WriteContent("issues/2026-04-01/consortium.md", Paper("Consortium", [.. members]));
        site.WriteContent("issues/2026-04-01/pair.md", Paper("Pair", "Member 001 Consortium", "Member 002 Consortium"));
        Assert.True(site.Build().Succeeded);

        var page = site.Page("authors/member-001-consortium/index.html");
        Assert.Contains("<li><a href=\"/digest/authors/member-002-consortium/\">Member 002 Consortium</a> <span class=\"muted\">1<", page);
        Assert.DoesNotContain("member-003-consortium/\">Member 003", page[..page.IndexOf("<h2 class=\"author-papers-heading\">", StringComparison.Ordinal)]);
        Assert.Contains("and 93 others", page); // the consortium paper's entry: 8 names of 101
    }

    [Fact]
    public void A_paper_page_lists_its_authors_as_people_with_their_page_and_orcid()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var page = site.Page("papers/2401.00001/index.html");

        Assert.Contains("{\"@type\":\"Person\",\"name\":\"Ana Zhang\",\"url\":\"https://example.org/digest/authors/ana-zhang/\",\"sameAs\":\"https://orcid.org/0000-0002-1825-0097\"}", page);
        Assert.Contains("{\"@type\":\"Person\",\"name\":\"Omar Haddad\",\"url\":\"https://example.org/digest/authors/omar-haddad/\"}", page);
        Assert.Contains("<meta name=\"citation_author\" content=\"Ana Zhang\">", page);
    }

    [Fact]
    public void An_author_feed_is_atom_with_an_entry_per_paper_as_summary_and_link()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Load(Path.Combine(site.Output, "authors", "wei-muller", "feed.xml")).Root!;

        Assert.Equal(atom + "feed", feed.Name);
        Assert.Equal("Wei Müller · Fixture Digest", feed.Element(atom + "title")!.Value);
        Assert.Equal("https://example.org/digest/authors/wei-muller/feed.xml", feed.Element(atom + "id")!.Value);
        var entry = Assert.Single(feed.Elements(atom + "entry"));
        Assert.Equal("https://example.org/digest/papers/2402.00002/", entry.Element(atom + "id")!.Value);
        Assert.StartsWith("Adapters with a rank of eight match full fine-tuning on most tasks. A second paragraph", entry.Element(atom + "summary")!.Value);
        Assert.Null(entry.Element(atom + "content"));
        Assert.Equal("Wei Müller", entry.Element(atom + "author")!.Element(atom + "name")!.Value);
    }

    [Fact]
    public void The_author_list_is_a_to_z_with_a_jump_bar_and_counts()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var page = site.Page("authors/index.html");

        Assert.Contains("<li><a href=\"#letter-a\">A</a></li>", page);
        var order = new[] { "Leila Ahmed", "Omar Haddad", "Sara Kim", "Wei Müller", "Ivan Novak", "Jun Park", "Ana Zhang" }
            .Select(name => page.IndexOf($">{name}</a>", StringComparison.Ordinal)).ToArray();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void Editing_a_paper_renders_only_its_authors_pages_and_feeds_again()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var before = TestSite.Snapshot(site.Output);
        const string path = "issues/2026-03-18/2402.00002.md";
        var text = File.ReadAllText(Path.Combine(site.Content, path));
        site.WriteContent(path, text.Replace("Low-Rank Adapters at Scale", "Low-Rank Adapters at a Larger Scale"));
        Assert.True(site.Build().Succeeded);
        var afterTitle = TestSite.Snapshot(site.Output);
        site.WriteContent(path, text.Replace("Low-Rank Adapters at Scale", "Low-Rank Adapters at a Larger Scale").Replace("match full fine-tuning", "nearly match full fine-tuning"));
        Assert.True(site.Build().Succeeded);
        var afterSummary = TestSite.Snapshot(site.Output);

        // A new title is on the author's page and feed; a new summary only in the feed (the page lists titles).
        Assert.Equal(["authors/wei-muller/feed.json", "authors/wei-muller/feed.xml", "authors/wei-muller/index.html"], ChangedAuthorFiles(before, afterTitle));
        Assert.Equal(["authors/wei-muller/feed.json", "authors/wei-muller/feed.xml"], ChangedAuthorFiles(afterTitle, afterSummary));
    }

    private static string[] ChangedAuthorFiles(SortedDictionary<string, byte[]> before, SortedDictionary<string, byte[]> after) =>
        after.Keys.Where(k => k.StartsWith("authors/", StringComparison.Ordinal) && !before[k].AsSpan().SequenceEqual(after[k])).Order().ToArray();

    private static string Paper(string title, params string[] authors) =>
        $"---\ntitle: \"{title}\"\nauthors: [{string.Join(", ", authors.Select(a => $"\"{a}\""))}]\ntopics: [retrieval]\n---\nA summary.\n";
}

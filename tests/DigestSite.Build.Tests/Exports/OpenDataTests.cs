using System.Text.Json;
using System.Xml.Linq;
using DigestSite.Content;

namespace DigestSite.Build.Tests.Exports;

/// <summary>
/// The archive as data (docs/data.md) and the feeds beside the Atom feeds: the data files are valid
/// against the documented schemas and hold every paper as its source has it; each Atom feed has a
/// JSON Feed twin, valid against JSON Feed 1.1's schema, with the same entries; /feeds.opml lists
/// every Atom feed.
/// </summary>
public sealed class OpenDataTests : IClassFixture<CitationExportTests.BuiltSite>
{
    private readonly CitationExportTests.BuiltSite built;
    private string Output => built.Site.Output;
    private static string Schema(string name) => Path.Combine(TestSite.RepositoryRoot, "docs", "data", name);

    public OpenDataTests(CitationExportTests.BuiltSite built)
    {
        this.built = built;
        Assert.True(built.Result.Succeeded, string.Join("\n", built.Result.Diagnostics));
    }

    private JsonElement Load(string path) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Output, path))).RootElement;

    [Fact]
    public void The_data_files_are_valid_against_the_documented_schemas()
    {
        var index = Path.Combine(Output, "api", "papers.json");
        Assert.Empty(TestTools.Validate(Schema("papers.schema.json"), [index]).Single().Value);
        var issues = Directory.GetFiles(Path.Combine(Output, "api", "issues"), "*.json");
        Assert.Equal(built.Archive.Issues.Count, issues.Length);
        Assert.All(TestTools.Validate(Schema("issue.schema.json"), issues), file => Assert.Empty(file.Value));

        // The schemas do check: a paper without a title, a date that is not one, are found.
        var broken = Path.Combine(built.Site.Root, "broken.json");
        File.WriteAllText(broken, File.ReadAllText(issues[0]).Replace("\"title\":\"Dense", "\"name\":\"Dense").Replace("\"issue\":\"2026-", "\"issue\":\"26-"));
        var problems = TestTools.Validate(Schema("issue.schema.json"), [broken]).Single().Value;
        Assert.Contains(problems, p => p.Contains("must have required property 'title'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("must match format \"date\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_index_lists_every_issue_and_each_issue_file_holds_its_papers_as_their_sources_have_them()
    {
        var index = Load("api/papers.json");
        Assert.Equal(1, index.GetProperty("version").GetInt32());
        Assert.Equal(built.Archive.Papers.Count(), index.GetProperty("paper_count").GetInt32());
        Assert.Equal(built.Archive.Issues.Select(i => $"https://example.org/digest/api/issues/{ContentDates.Format(i.Date)}.json"),
            index.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("data_url").GetString()));
        Assert.Equal("Retrieval & Ranking", index.GetProperty("topics")[0].GetProperty("name").GetString());

        foreach (var issue in built.Archive.Issues)
        {
            var file = Load($"api/issues/{ContentDates.Format(issue.Date)}.json");
            var papers = file.GetProperty("papers").EnumerateArray().ToArray();
            Assert.Equal(issue.Papers.Count, papers.Length);
            foreach (var (source, paper) in issue.Papers.Zip(papers))
            {
                Assert.Equal(source.Slug, paper.GetProperty("slug").GetString());
                Assert.Equal(source.Title, paper.GetProperty("title").GetString());
                Assert.Equal(source.Authors, paper.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
                Assert.Equal(source.TopicSlugs, paper.GetProperty("topics").EnumerateArray().Select(a => a.GetString()));
                Assert.Equal(source.Arxiv, paper.GetProperty("arxiv").GetString());
                Assert.Equal(source.Doi, paper.GetProperty("doi").GetString());
                Assert.Equal(source.Published is { } d ? ContentDates.Format(d) : null, paper.GetProperty("published").GetString());
                Assert.Equal(ContentDates.Format(issue.Date), paper.GetProperty("issue").GetString());
                Assert.Equal($"https://example.org/digest/papers/{source.Slug}/", paper.GetProperty("urls").GetProperty("page").GetString());
                Assert.Equal($"https://example.org/digest/papers/{source.Slug}/cite.json", paper.GetProperty("urls").GetProperty("csl_json").GetString());
            }
        }
        var hostile = Load("api/issues/2026-01-05.json").GetProperty("papers").EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "hostile");
        Assert.Equal("A summary with bold, code {}, & an escaped link.", hostile.GetProperty("summary_text").GetString());
        Assert.Contains("<a href=\"https://example.org/?a=1&amp;b=%7B\" rel=\"nofollow ugc\">escaped link</a>", hostile.GetProperty("summary_html").GetString());
        Assert.Equal("muller2024braces", hostile.GetProperty("citation_key").GetString());
    }

    [Fact]
    public void Every_atom_feed_has_a_valid_json_feed_twin_with_the_same_entries()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feeds = Directory.GetFiles(Output, "feed.xml", SearchOption.AllDirectories);
        Assert.Equal(1 + built.Archive.Topics.Count + DigestSite.Archive.AuthorIndex.Build(built.Archive).People.Count, feeds.Length);
        var twins = feeds.Select(f => Path.ChangeExtension(f, ".json")).ToArray();
        Assert.All(TestTools.Validate(TestTools.JsonFeedSchema, twins), file => Assert.Empty(file.Value));
        foreach (var (xml, json) in feeds.Zip(twins))
        {
            var entries = XDocument.Load(xml).Root!.Elements(atom + "entry").ToArray();
            var feed = JsonDocument.Parse(File.ReadAllBytes(json)).RootElement;
            Assert.Equal("https://jsonfeed.org/version/1.1", feed.GetProperty("version").GetString());
            Assert.Equal(XDocument.Load(xml).Root!.Element(atom + "title")!.Value, feed.GetProperty("title").GetString());
            var items = feed.GetProperty("items").EnumerateArray().ToArray();
            Assert.Equal(entries.Select(e => e.Element(atom + "id")!.Value), items.Select(i => i.GetProperty("id").GetString()));
            Assert.Equal(entries.Select(e => e.Element(atom + "title")!.Value), items.Select(i => i.GetProperty("title").GetString()));
            // An entry without content in Atom (an author's feed: summary and link) has its summary as text.
            Assert.Equal(entries.Select(e => e.Element(atom + "content")?.Value), items.Select(i => i.TryGetProperty("content_html", out var html) ? html.GetString() : null));
            Assert.Equal(entries.Select(e => e.Element(atom + "content") is null ? e.Element(atom + "summary")!.Value : null),
                items.Select(i => i.TryGetProperty("content_text", out var text) ? text.GetString() : null));
        }
        // The schema does check: an item without an id is found.
        var broken = Path.Combine(built.Site.Root, "broken-feed.json");
        File.WriteAllText(broken, File.ReadAllText(twins[0]).Replace("\"id\":", "\"ident\":"));
        Assert.NotEmpty(TestTools.Validate(TestTools.JsonFeedSchema, [broken]).Single().Value);
    }

    [Fact]
    public void Pages_link_each_feed_and_its_json_twin_for_autodiscovery()
    {
        var topic = File.ReadAllText(Path.Combine(Output, "topics", "retrieval", "index.html"));
        Assert.Contains("<link rel=\"alternate\" type=\"application/feed&#x2B;json\" title=\"Citations &amp; {Data} Digest\" href=\"/digest/feed.json\">", topic);
        Assert.Contains("<link rel=\"alternate\" type=\"application/feed&#x2B;json\" title=\"Retrieval &amp; Ranking · Citations &amp; {Data} Digest\" href=\"/digest/topics/retrieval/feed.json\">", topic);
        foreach (var page in Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories))
            Assert.Contains("type=\"application/feed&#x2B;json\" title=\"Citations &amp; {Data} Digest\" href=\"/digest/feed.json\"", File.ReadAllText(page));
    }

    [Fact]
    public void The_opml_lists_every_atom_feed_of_the_site()
    {
        var body = XDocument.Load(Path.Combine(Output, "feeds.opml")).Root!.Element("body")!;
        var listed = body.Elements("outline").Select(o => o.Attribute("xmlUrl")!.Value).Order(StringComparer.Ordinal);
        var feeds = Directory.GetFiles(Output, "feed.xml", SearchOption.AllDirectories)
            .Select(f => "https://example.org/digest/" + Path.GetRelativePath(Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(feeds, listed);
        Assert.Equal("Retrieval & Ranking · Citations & {Data} Digest", body.Elements("outline").ElementAt(1).Attribute("title")!.Value);
    }
}

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DigestSite.Archive;
using DigestSite.Content;

namespace DigestSite.Build.Tests.Exports;

/// <summary>
/// The citation files, read back by citation-js (what Zotero and other reference managers do with
/// them): every paper's cite.bib, cite.ris and cite.json, each issue's and topic's papers.bib and
/// /papers.bib give each paper's title, authors, date and identifiers as its source file has them,
/// on a fixture of hostile metadata (braces, unbalanced too, %, &amp;, #, $, _, ~, ^, backslash, @,
/// quotes, accents, organisations, papers without a date).
/// </summary>
public sealed partial class CitationExportTests : IClassFixture<CitationExportTests.BuiltSite>
{
    public sealed class BuiltSite : IDisposable
    {
        public TestSite Site { get; } = new("citations");
        public BuildResult Result { get; }
        public DigestArchive Archive { get; }

        public BuiltSite()
        {
            Result = Site.Build();
            Archive = ContentLoader.Load(Site.Content).Archive!;
        }

        public void Dispose() => Site.Dispose();
    }

    private readonly BuiltSite built;
    private string Output => built.Site.Output;

    public CitationExportTests(BuiltSite built)
    {
        this.built = built;
        Assert.True(built.Result.Succeeded, string.Join("\n", built.Result.Diagnostics));
    }

    /// <summary>The keys: each paper's own (lastname, year, title word; accents taken off), the later ones of a shared key with a letter, by issue date then slug.</summary>
    private static readonly Dictionary<string, string> Keys = new()
    {
        ["hostile"] = "muller2024braces",
        ["dense-retrieval-again"] = "zhang2024dense",
        ["2401.00001"] = "zhang2024denseb",
        ["dense-indexes"] = "zhang2024densec",
        ["no-date"] = "retrievalundated",
    };

    [Fact]
    public void Each_papers_own_files_read_back_as_its_source()
    {
        foreach (var paper in built.Archive.Papers)
        {
            var folder = Path.Combine(Output, "papers", paper.Slug);
            var read = TestTools.ReadCitations(new[] { "cite.bib", "cite.ris", "cite.json" }.Select(f => Path.Combine(folder, f)));
            foreach (var (file, items) in read)
            {
                Assert.True(items.ValueKind == JsonValueKind.Array, $"{file}: {items}");
                AssertCites(paper, Assert.Single(items.EnumerateArray().ToArray()), file);
            }
        }
    }

    [Fact]
    public void The_archive_each_issue_and_each_topic_have_one_bib_of_all_their_papers()
    {
        var archive = ReadAll(Path.Combine(Output, "papers.bib"));
        Assert.Equal(built.Archive.Papers.Select(p => Keys[p.Slug]), archive.Select(i => i.GetProperty("id").GetString()));
        foreach (var paper in built.Archive.Papers) AssertCites(paper, archive.Single(i => i.GetProperty("id").GetString() == Keys[paper.Slug]), "papers.bib");

        foreach (var issue in built.Archive.Issues)
            Assert.Equal(issue.Papers.Select(p => Keys[p.Slug]),
                ReadAll(Path.Combine(Output, "issues", ContentDates.Format(issue.Date), "papers.bib")).Select(i => i.GetProperty("id").GetString()));
        foreach (var topic in built.Archive.Topics)
            Assert.Equal(built.Archive.Papers.Where(p => p.TopicSlugs.Contains(topic.Slug)).Select(p => Keys[p.Slug]),
                ReadAll(Path.Combine(Output, "topics", topic.Slug, "papers.bib")).Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public void Keys_are_unique_in_the_archive_and_an_older_key_stays_when_a_newer_paper_shares_it()
    {
        Assert.Equal(Keys.Count, Keys.Values.Distinct().Count());
        using var site = new TestSite("citations");
        site.WriteContent("issues/2026-03-02/dense-again.md", "---\ntitle: \"Dense Retrieval, Once More\"\nauthors: [\"Ana Zhang\"]\ntopics: [retrieval]\npublished: 2024-05-01\n---\n\nA later paper with the same own key.\n");
        Assert.True(site.Build().Succeeded);
        var keys = ReadAll(Path.Combine(site.Output, "papers.bib")).Select(i => i.GetProperty("id").GetString()!).ToArray();
        string[] expected = ["zhang2024densed", .. built.Archive.Papers.Select(p => Keys[p.Slug])];
        Assert.Equal(expected, keys);
    }

    [Fact]
    public void A_bibtex_entry_escapes_what_bibtex_and_latex_read()
    {
        var bib = File.ReadAllText(Path.Combine(Output, "papers", "hostile", "cite.bib"));
        // Its braces do not balance ("} unbalanced"), so each is a command: "\}" would end the field for BibTeX.
        Assert.Contains(@"title = {{Braces \textbraceleft{}nested \textbraceleft{}deep\textbraceright{}\textbraceright{} and \textbraceright{} unbalanced: 100\% of A\&B \#1 costs \$5 on snake\_case \textasciitilde{} x\textasciicircum{}2 \textbackslash{} back @misc ""quoted"" 'single' {\'E}l{\'e}onore's caf{\'e}}},", bib);
        Assert.Contains(@"author = {Jörg Müller and Łukasz Wiśniewski and Nguyễn Minh and José María García-López and Søren Ørsted-Æbelø and Tom ""The Brace"" \{O'Brien\}},", bib);
        Assert.Contains("author = {{Lab of Search and Retrieval} and Plato}", File.ReadAllText(Path.Combine(Output, "papers", "no-date", "cite.bib")));
        // The page shows the entry the file holds.
        var shown = BibtexOnPage().Match(File.ReadAllText(Path.Combine(Output, "papers", "hostile", "index.html"))).Groups[1].Value;
        Assert.Equal(bib, WebUtility.HtmlDecode(shown) + "\n");
    }

    [Fact]
    public void Every_paper_card_of_a_listing_has_a_coins_span_with_its_metadata()
    {
        foreach (var issue in built.Archive.Issues)
        {
            var page = File.ReadAllText(Path.Combine(Output, "issues", ContentDates.Format(issue.Date), "index.html"));
            var spans = CoinsSpan().Matches(page).Select(m => Kev(WebUtility.HtmlDecode(m.Groups[1].Value))).ToArray();
            Assert.Equal(issue.Papers.Count, spans.Length);
            foreach (var (paper, kev) in issue.Papers.Zip(spans))
            {
                Assert.Equal(["Z39.88-2004"], kev["ctx_ver"]);
                Assert.Equal([paper.Title], kev["rft.atitle"]);
                Assert.Equal(paper.Authors, kev["rft.au"]);
                var ids = kev["rft_id"];
                Assert.Contains($"https://example.org/digest/papers/{paper.Slug}/", ids);
                if (paper.Doi is { } doi) Assert.Contains("info:doi/" + doi, ids);
                if (paper.Published is { } date) Assert.Equal([ContentDates.Format(date)], kev["rft.date"]);
            }
        }
        Assert.Equal(built.Archive.Papers.Count(p => p.TopicSlugs.Contains("retrieval")),
            CoinsSpan().Matches(File.ReadAllText(Path.Combine(Output, "topics", "retrieval", "index.html")))
                .Count);
    }

    [Fact]
    public void Pages_link_their_citation_files()
    {
        Assert.Contains("<a href=\"/digest/papers/hostile/cite.ris\" download>RIS</a>", File.ReadAllText(Path.Combine(Output, "papers", "hostile", "index.html")));
        Assert.Contains("<a href=\"/digest/issues/2026-01-05/papers.bib\" download>Download citations</a>", File.ReadAllText(Path.Combine(Output, "issues", "2026-01-05", "index.html")));
        Assert.Contains("<a href=\"/digest/topics/speech/papers.bib\" download>Download citations</a>", File.ReadAllText(Path.Combine(Output, "topics", "speech", "index.html")));
        Assert.Contains("<a href=\"/digest/papers.bib\" download>Download citations</a>", File.ReadAllText(Path.Combine(Output, "issues", "index.html")));
    }

    private static JsonElement[] ReadAll(string file)
    {
        var items = TestTools.ReadCitations([file]).Single().Value;
        Assert.True(items.ValueKind == JsonValueKind.Array, $"{file}: {items}");
        return items.EnumerateArray().ToArray();
    }

    /// <summary>The item says what the paper's source says: title, authors in order, date (a .bib has the year), key, DOI, URL.</summary>
    private static void AssertCites(Paper paper, JsonElement item, string file)
    {
        Assert.True(item.GetProperty("title").GetString() == paper.Title, $"{file}: {item.GetProperty("title")}");
        Assert.Equal(paper.Authors, item.GetProperty("author").EnumerateArray().Select(FullName));
        Assert.Equal(Keys[paper.Slug], item.GetProperty("id").GetString());
        Assert.Equal(paper.Doi, item.TryGetProperty("DOI", out var doi) ? doi.GetString() : null);
        var arxivUrl = paper.Arxiv is { } id ? $"https://arxiv.org/abs/{id}" : null;
        if (arxivUrl is not null) Assert.Equal(arxivUrl, item.GetProperty("URL").GetString());
        int[]? expected = paper.Published is { } date
            ? file.EndsWith(".bib", StringComparison.Ordinal) ? [date.Year] : [date.Year, date.Month, date.Day]
            : paper.Arxiv is { } arxiv ? [2000 + int.Parse(arxiv[..2])] : null;
        int[]? actual = item.TryGetProperty("issued", out var issued)
            ? issued.GetProperty("date-parts")[0].EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? int.Parse(p.GetString()!) : p.GetInt32()).ToArray()
            : null;
        Assert.Equal(expected, actual);
    }

    /// <summary>A name as written: a literal, or the given names, particle and family name citation-js split it into.</summary>
    private static string FullName(JsonElement name) =>
        name.TryGetProperty("literal", out var literal) ? literal.GetString()!
            : string.Join(" ", new[] { "given", "dropping-particle", "non-dropping-particle", "family" }
                .Select(p => name.TryGetProperty(p, out var part) ? part.GetString() : null).Where(p => p is not null));

    private static Dictionary<string, string[]> Kev(string title) =>
        title.Split('&').Select(pair => pair.Split('=', 2)).GroupBy(p => p[0], p => Uri.UnescapeDataString(p[1]))
            .ToDictionary(g => g.Key, g => g.ToArray());

    [GeneratedRegex("<pre id=\"bibtex-[^\"]+\"><code>([^<]*)</code></pre>")]
    private static partial Regex BibtexOnPage();

    [GeneratedRegex("<span class=\"Z3988\" title=\"([^\"]*)\"></span>")]
    private static partial Regex CoinsSpan();
}

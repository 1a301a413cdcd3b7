using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DigestSite.Build.Tests;

/// <summary>
/// A submission full of markup, script and javascript: links (Fixtures/hostile) must not be able
/// to run script anywhere on the site: pages, JSON-LD, feeds, search data.
/// </summary>
public sealed partial class EscapingTests : IClassFixture<EscapingTests.BuiltSite>
{
    public sealed class BuiltSite : IDisposable
    {
        public TestSite Site { get; } = new("hostile");
        public BuildResult Result { get; }
        public BuiltSite() => Result = Site.Build();
        public void Dispose() => Site.Dispose();
    }

    private const string Title = "</title><script>alert('title')</script> & \"quotes\" 'single'";
    private readonly TestSite site;

    public EscapingTests(BuiltSite built)
    {
        Assert.True(built.Result.Succeeded, string.Join("\n", built.Result.Diagnostics));
        site = built.Site;
    }

    private IEnumerable<(string Path, string Text)> Pages() =>
        Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).Select(p => (Path.GetRelativePath(site.Output, p), File.ReadAllText(p)));

    [Fact]
    public void The_only_script_elements_are_the_themes_own()
    {
        foreach (var (path, html) in Pages())
        {
            foreach (Match tag in ScriptTag().Matches(html))
            {
                var attributes = tag.Groups["attributes"].Value.Trim();
                Assert.True(attributes == "type=\"application/ld+json\"" || OwnScript().IsMatch(attributes),
                    $"{path}: unexpected <script {attributes}>");
            }
        }
    }

    [Fact]
    public void No_page_has_a_markup_injection_or_an_unsafe_link()
    {
        foreach (var (path, html) in Pages())
        {
            Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>DROP</b>", html);
            Assert.DoesNotContain("<i>code</i>", html);
            Assert.False(UnsafeUrl().IsMatch(html), $"{path}: {UnsafeUrl().Match(html).Value}");
        }
    }

    [Fact]
    public void Raw_HTML_in_a_summary_shows_as_text_and_safe_links_survive()
    {
        var page = site.Page("papers/evil/index.html");
        Assert.Contains("Raw &lt;script&gt;alert(&#x27;summary&#x27;)&lt;/script&gt;", page);
        Assert.Contains("script link and data link", page);
        Assert.Contains("<a href=\"https://example.org/ok\" title=\"a &quot;title&quot;\" rel=\"nofollow ugc\">fine link</a>", page);
    }

    [Fact]
    public void Json_ld_holds_the_exact_title_and_cannot_close_its_script_element()
    {
        var page = site.Page("papers/evil/index.html");
        var json = JsonLd().Match(page).Groups["json"].Value;
        Assert.DoesNotContain("<", json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(Title, document.RootElement.GetProperty("headline").GetString());
        Assert.Equal("\"><svg onload=alert('author')>", document.RootElement.GetProperty("author")[1].GetProperty("name").GetString());
    }

    [Fact]
    public void Feeds_are_well_formed_and_carry_the_exact_text()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var topicFeed = XDocument.Load(Path.Combine(site.Output, "topics", "xss", "feed.xml"));
        var entry = Assert.Single(topicFeed.Root!.Elements(atom + "entry"));
        Assert.Equal(Title, entry.Element(atom + "title")!.Value);
        var content = entry.Element(atom + "content")!.Value;
        Assert.DoesNotContain("<script", content);
        Assert.Contains("&lt;script&gt;", content);

        var siteFeed = XDocument.Load(Path.Combine(site.Output, "feed.xml"));
        Assert.Equal("Evil <script>alert('site')</script> \"Digest\" & Co", siteFeed.Root!.Element(atom + "title")!.Value);
        Assert.DoesNotContain("<script", siteFeed.Root.Element(atom + "entry")!.Element(atom + "content")!.Value);
    }

    [Fact]
    public void Search_documents_hold_the_exact_text_as_data()
    {
        var docs = File.ReadAllText(Path.Combine(site.Output, "search", "docs.json"));
        Assert.DoesNotContain("<script", docs);
        using var document = JsonDocument.Parse(docs);
        Assert.Equal(Title, document.RootElement.GetProperty("evil").GetProperty("title").GetString());
    }

    [GeneratedRegex("<script(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("^src=\"/digest/assets/[a-z.]+\\.js\"( defer)?$")]
    private static partial Regex OwnScript();

    [GeneratedRegex("(href|src)\\s*=\\s*[\"']?\\s*(javascript|data|vbscript):", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeUrl();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();
}

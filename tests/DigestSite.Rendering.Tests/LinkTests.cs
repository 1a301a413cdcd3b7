using System.Text.RegularExpressions;

namespace DigestSite.Rendering.Tests;

/// <summary>Under a project site's base path, every internal link and asset of every page resolves to a written file.</summary>
public sealed partial class LinkTests
{
    [Fact]
    public void Every_internal_href_and_src_resolves_to_a_written_file()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);

        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).ToArray();
        Assert.True(pages.Length >= 15, $"only {pages.Length} pages");
        var broken = new List<string>();
        int checkedLinks = 0;
        foreach (var page in pages)
        {
            foreach (Match m in Reference().Matches(File.ReadAllText(page)))
            {
                var url = System.Net.WebUtility.HtmlDecode(m.Groups["url"].Value);
                if (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal) || url.StartsWith('#')) continue;
                checkedLinks++;
                var from = Path.GetRelativePath(site.Output, page);
                if (!url.StartsWith("/digest/", StringComparison.Ordinal)) { broken.Add($"{from}: {url} is not under the base path /digest/"); continue; }
                var target = Path.Combine(site.Output, url["/digest/".Length..].Split('#', '?')[0]);
                if (target.EndsWith('/') || Directory.Exists(target)) target = Path.Combine(target, "index.html");
                if (!File.Exists(target)) broken.Add($"{from}: {url} does not exist");
            }
        }
        Assert.True(checkedLinks > 100, $"only {checkedLinks} internal links checked");
        Assert.Empty(broken);
    }

    [Fact]
    public void A_site_at_the_domain_root_links_from_the_root()
    {
        using var site = new TestSite("basic");
        var result = SiteBuilder.Build(new BuildOptions(site.Content, [TestSite.DefaultTheme], site.Output, new Uri("https://papers.example.org")));
        Assert.True(result.Succeeded);
        var home = site.Page("index.html");
        Assert.Contains("href=\"/issues/\"", home);
        Assert.Contains("href=\"/assets/style.css\"", home);
        Assert.DoesNotContain("/digest/", home);
    }

    [GeneratedRegex("(?:href|src)=\"(?<url>[^\"]*)\"")]
    private static partial Regex Reference();
}

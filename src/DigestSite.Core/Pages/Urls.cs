using DigestSite.Archive;
using DigestSite.Content;

namespace DigestSite.Pages;

/// <summary>
/// Every URL of the site, under its base path ("/" or "/digest/"). Pages are folders with an
/// index.html, so URLs end with "/" and work the same on GitHub Pages and any static server.
/// Templates never build URLs: they get them from the view models, computed here.
/// </summary>
public sealed class Urls(Uri siteUrl)
{
    public string BasePath { get; } = siteUrl.AbsolutePath.Trim('/') is { Length: > 0 } path ? $"/{path}/" : "/";

    public string Home => BasePath;
    public string IssuesArchive => BasePath + "issues/";
    public string Topics => BasePath + "topics/";
    public string Search => BasePath + "search/";
    public string Feed => BasePath + "feed.xml";
    public string Sitemap => BasePath + "sitemap.xml";

    public string Issue(DateOnly date) => $"{BasePath}issues/{ContentDates.Format(date)}/";
    public string Paper(string slug) => $"{BasePath}papers/{slug}/";
    public string Topic(string slug, int page = 1) => page <= 1 ? $"{BasePath}topics/{slug}/" : $"{BasePath}topics/{slug}/page/{page}/";
    public string TopicFeed(string slug) => $"{BasePath}topics/{slug}/feed.xml";
    public string Authors(int page = 1) => page <= 1 ? $"{BasePath}authors/" : $"{BasePath}authors/page/{page}/";
    public string Author(string slug, int page = 1) => page <= 1 ? $"{BasePath}authors/{slug}/" : $"{BasePath}authors/{slug}/page/{page}/";
    public string AuthorFeed(string slug) => $"{BasePath}authors/{slug}/feed.xml";
    /// <summary>A paper's citation file: cite.bib, cite.ris or cite.json.</summary>
    public string PaperCitation(string slug, string extension) => $"{BasePath}papers/{slug}/cite.{extension}";
    /// <summary>The BibTeX of every paper of an issue, of a topic, of the archive.</summary>
    public string IssueCitations(DateOnly date) => $"{BasePath}issues/{ContentDates.Format(date)}/papers.bib";
    public string TopicCitations(string slug) => $"{BasePath}topics/{slug}/papers.bib";
    public string Citations => BasePath + "papers.bib";
    /// <summary>The archive as data (docs/data.md): the index, and one file per issue.</summary>
    public string Data => BasePath + "api/papers.json";
    public string IssueData(DateOnly date) => $"{BasePath}api/issues/{ContentDates.Format(date)}.json";
    public string FeedsOpml => BasePath + Publishing.FeedsOpml.File;
    public string Asset(string path) => BasePath + "assets/" + path;
    public string File(string path) => BasePath + path;

    /// <summary>The site's scheme, host and port, made once: every page's and feed entry's absolute URL starts with it.</summary>
    private readonly string authority = siteUrl.GetLeftPart(UriPartial.Authority);

    /// <summary>The absolute URL of a site path, for feeds, sitemaps, canonical links.</summary>
    public string Absolute(string sitePath) => authority + sitePath;

    /// <summary>The file a URL is served from, relative to the output folder.</summary>
    public string OutputPath(string url)
    {
        var relative = url[BasePath.Length..];
        return relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative;
    }
}

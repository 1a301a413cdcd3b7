namespace DigestSite.Pages;

// The model templates see, documented in theme/README.md. Plain records with every URL already
// computed for the base path: templates print and loop, they never build URLs or sort.
// Liquid names are the snake_case of these property names (PaperCount -> paper_count).

/// <summary>The site, on every page as `site`.</summary>
public sealed record SiteView(
    string Title,
    string Description,
    string Language,
    string Url,
    string BasePath,
    string HomeUrl,
    string IssuesUrl,
    string TopicsUrl,
    string SearchUrl,
    string FeedUrl,
    string FeedAbsoluteUrl,
    string? SubscribeUrl,
    string StylesheetUrl,
    string ScriptUrl,
    string SearchScriptUrl,
    string LunrUrl,
    string SearchIndexUrl,
    string SearchDocsUrl,
    int PaperCount,
    int IssueCount,
    string AuthorsUrl,
    string JsonFeedUrl,
    string FeedsOpmlUrl,
    string CitationsUrl,
    string DataUrl);

/// <summary>The page being rendered, as `page`: what the layout needs for the head.</summary>
public sealed record PageView(
    string Kind,
    string Title,
    string Description,
    string Url,
    string CanonicalUrl,
    IReadOnlyList<MetaTag> Meta,
    string? JsonLd,
    IReadOnlyList<AlternateLink> Alternates);

/// <summary>A meta tag of the head: either a name (citation_title) or a property (og:title).</summary>
public sealed record MetaTag(string? Name, string? Property, string Content);

/// <summary>A feed the page links to for autodiscovery.</summary>
public sealed record AlternateLink(string Title, string Url, string Type);

public sealed record LinkView(string Name, string Url);

public sealed record TopicRef(string Slug, string Name, string Url);

/// <summary>An issue as other pages mention it: date, title and link.</summary>
/// <param name="Day">The issue's date, for the program (feeds and the sitemap date entries by it); templates print <see cref="Date"/>.</param>
public sealed record IssueRef(DateOnly Day, string DateLabel, string ShortLabel, string? Title, string Url, int PaperCount)
{
    /// <summary>YYYY-MM-DD.</summary>
    public string Date { get; } = Content.ContentDates.Format(Day);
}

public sealed record PaperView(
    string Slug,
    string Title,
    string Url,
    IReadOnlyList<string> Authors,
    string AuthorsText,
    IReadOnlyList<TopicRef> Topics,
    IssueRef Issue,
    string? Arxiv,
    string? ArxivUrl,
    string? PdfUrl,
    string? Doi,
    string? DoiUrl,
    string? Published,
    string? PublishedLabel,
    int? Upvotes,
    IReadOnlyList<LinkView> Links,
    string? SubmittedBy,
    Utf8Text SummaryHtml,
    Utf8Text SummaryText,
    Utf8Text Bibtex,
    IReadOnlyList<AuthorRef> AuthorLinks,
    Publishing.Citations.CitationView Citation);

/// <summary>An issue's own page: its reference fields, introduction, papers and neighbours.</summary>
public sealed record IssueView(
    string Date,
    string DateLabel,
    string ShortLabel,
    string? Title,
    string Url,
    int PaperCount,
    string? IntroductionHtml,
    IReadOnlyList<PaperView> Papers,
    IssueRef? Previous,
    IssueRef? Next,
    string CitationsUrl);

public sealed record ArchiveMonth(string Name, IReadOnlyList<IssueRef> Issues, int PaperCount);

public sealed record ArchiveYear(int Year, IReadOnlyList<ArchiveMonth> Months, int PaperCount);

/// <summary>A paper a paper page lists under "Related papers", and why, in a few words ("same author: Ana Costa").</summary>
public sealed record RelatedPaperView(string Title, string Url, string Reason);

public sealed record TopicView(string Slug, string Name, string Description, string Url, string FeedUrl, int PaperCount, string CitationsUrl);

public sealed record PageLink(int Number, string Url, bool IsCurrent);

public sealed record PaginationView(int Page, int TotalPages, string? PreviousUrl, string? NextUrl, IReadOnlyList<PageLink> Pages);

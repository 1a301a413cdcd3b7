namespace DigestSite.Archive;

/// <summary>site.yml: the site's identity and settings.</summary>
public sealed record SiteConfig(
    string Title,
    string Description,
    Uri Url,
    string Language,
    int PapersPerPage,
    int FeedSize,
    Uri? Subscribe)
{
    public const int DefaultPapersPerPage = 50;
    public const int DefaultFeedSize = 20;
}

/// <summary>A subject papers are filed under, from topics.yml.</summary>
public sealed record Topic(string Slug, string Name, string Description);

/// <summary>A named link of a paper (code, project page, dataset…).</summary>
public sealed record PaperLink(string Name, Uri Url);

/// <summary>One paper of the digest: a Markdown file in an issue folder.</summary>
public sealed record Paper(
    string Slug,
    DateOnly IssueDate,
    string Title,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> TopicSlugs,
    string? Arxiv,
    string? Doi,
    DateOnly? Published,
    int? Upvotes,
    IReadOnlyList<PaperLink> Links,
    string? SubmittedBy,
    string SummaryMarkdown,
    string SourcePath);

/// <summary>One day's digest: its papers, most upvoted first, and the editor's optional introduction.</summary>
public sealed record Issue(
    DateOnly Date,
    string? Title,
    string? IntroductionMarkdown,
    IReadOnlyList<Paper> Papers);

/// <summary>Everything the site is made of, checked and cross-referenced. Issues are newest first.</summary>
/// <param name="Config">site.yml (the pages' view of the site is <see cref="Pages.SiteModel.Site"/>).</param>
public sealed record DigestArchive(
    SiteConfig Config,
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<Issue> Issues)
{
    /// <summary>content/authors.yml, or nobody when there is none.</summary>
    public AuthorRegistry Registry { get; init; } = AuthorRegistry.Empty;

    public IEnumerable<Paper> Papers => Issues.SelectMany(i => i.Papers);
}

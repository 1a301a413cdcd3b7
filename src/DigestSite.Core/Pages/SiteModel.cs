using System.Collections.Concurrent;
using System.Globalization;
using DigestSite.Archive;
using DigestSite.Content;
using DigestSite.Incremental;
using DigestSite.Lunr;
using DigestSite.Related;
using DigestSite.Rendering;
using DigestSite.Search;

namespace DigestSite.Pages;

/// <summary>
/// The archive turned into view models once, shared by every planner: each paper's summary is
/// rendered once however many pages list it, and lookups are by key, never by scanning.
/// </summary>
public sealed class SiteModel
{
    /// <summary>
    /// The archive, as the pages read it. Without a <see cref="Cache"/> (a one-off build), its papers come without their
    /// summaries' Markdown (<see cref="Paper.SummaryMarkdown"/> is empty): rendered into <see cref="Papers"/>, it is not
    /// read again, and it was a seventh of what a large build held.
    /// </summary>
    public DigestArchive Archive { get; }
    public Urls Urls { get; }
    public SiteView Site { get; }
    public IReadOnlyDictionary<string, PaperView> Papers { get; }

    /// <summary>Every paper's view in archive order (newest issue first, each issue in its order).</summary>
    public IReadOnlyList<PaperView> PapersInOrder { get; }
    public IReadOnlyDictionary<DateOnly, IssueRef> IssueRefs { get; }
    public IReadOnlyDictionary<string, TopicRef> TopicRefs { get; }

    /// <summary>The archive's people (aliases folded), A–Z.</summary>
    public AuthorIndex Authors { get; }

    /// <summary>Each spelling papers print: the reference to its person's page.</summary>
    public IReadOnlyDictionary<string, AuthorRef> AuthorRefs { get; }

    internal PaperViewCache? Cache { get; }

    /// <summary>Each topic's papers, newest issue first, in each issue the issue's order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PaperView>> PapersByTopic { get; }

    /// <summary>Each paper's analysed terms, numbered, in archive order: what the search index and related papers read of it.</summary>
    public ArchiveTerms Terms { get; }

    /// <summary>Each paper's related papers, by slug (<see cref="RelatedPapers"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RelatedPaperView>> Related { get; }

    /// <param name="cache">Kept by a long-running process (serve): the views of papers that did not change are reused.</param>
    /// <param name="render">A one-off build: each paper's rendered parts, kept from an earlier build when its file did not change (serve keeps them in <paramref name="cache"/>).</param>
    /// <param name="parallelism">Threads for the related papers (the build's option; -1: all cores).</param>
    /// <param name="rendered">Called once every paper is rendered, before the terms are numbered and the related papers found:
    /// a one-off build saves its store of parsed papers then, on another thread, and the store lets go of the papers.</param>
    public SiteModel(DigestArchive archive, PaperViewCache? cache = null, Func<Paper, LunrTextAnalyzer, RenderedPaper>? render = null, int parallelism = -1,
        Action? rendered = null)
    {
        Archive = cache is null ? WithoutSummaries(archive) : archive;
        Cache = cache;
        Urls = new Urls(archive.Config.Url);
        Site = SiteViewOf(archive, Urls);
        IssueRefs = archive.Issues.ToDictionary(i => i.Date, i => cache?.Same(IssueRefOf(i, Urls)) ?? IssueRefOf(i, Urls));
        TopicRefs = archive.Topics.ToDictionary(t => t.Slug, t => cache?.Same(TopicRefOf(t, Urls)) ?? TopicRefOf(t, Urls), StringComparer.Ordinal);

        Authors = AuthorIndex.Build(Archive);
        AuthorRefs = AuthorRefsOf(Authors, Urls);

        // From here on the papers as loaded (with their Markdown) are read by the rendering alone: they go when it returns.
        var (views, terms) = Render(archive.Papers.ToArray(), cache, render ?? RenderedPaper.Of);
        rendered?.Invoke();
        Terms = ArchiveTerms.Number(terms, parallelism);
        // Related papers read the strings of the title's and summary's tokens only (a reason shows them): the rest of the
        // analysed terms, held by number now, go before the related papers' vectors are made.
        var tokens = Array.ConvertAll(terms, RelatedPapers.Tokens.Of);
        cache?.Retain(views);
        PapersInOrder = views;
        Papers = views.ToDictionary(v => v.Slug, StringComparer.Ordinal);

        var byTopic = Archive.Topics.ToDictionary(t => t.Slug, _ => new List<PaperView>(), StringComparer.Ordinal);
        foreach (var view in views)
            foreach (var topic in view.Topics)
                byTopic[topic.Slug].Add(view);
        PapersByTopic = byTopic.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<PaperView>)kv.Value, StringComparer.Ordinal);
        Related = RelatedPapers.Find(views, tokens, Terms, parallelism);
    }

    /// <summary>Each paper's view and analysed terms, in the order of <paramref name="papers"/>: its summary rendered (or kept), on every core.</summary>
    private (PaperView[] Views, PaperTerms[] Terms) Render(Paper[] papers, PaperViewCache? cache, Func<Paper, LunrTextAnalyzer, RenderedPaper> render)
    {
        var keys = Publishing.Citations.CitationKeys.Assign(papers);
        var views = new PaperView[papers.Length];
        var terms = new PaperTerms[papers.Length];
        var siteUrl = Urls.Absolute(Urls.Home);
        render = cache is not null ? cache.Render : render;
        using (var analyzer = new LunrTextAnalyzer())
            Parallel.For(0, papers.Length, i =>
            {
                var paper = papers[i];
                var rendered = render(paper, analyzer);
                views[i] = cache?.Get(paper, rendered, IssueRefs[paper.IssueDate], TopicRefs, AuthorRefs, Urls, siteUrl, keys[paper.Slug])
                    ?? PaperViews.Create(paper, rendered, IssueRefs[paper.IssueDate], TopicRefs, AuthorRefs, Urls, keys[paper.Slug]);
                terms[i] = PaperTerms.Of(views[i], rendered, analyzer);
            });
        return (views, terms);
    }

    /// <summary>The newest issue's date: when the archive as a whole last changed.</summary>
    public DateOnly? Newest => Archive.Issues.Count > 0 ? Archive.Issues[0].Date : null;

    public static string DateLabel(DateOnly date) => date.ToString("dddd, d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="archive"/> with papers that hold no summary: serve's content cache keeps the papers anyway,
    /// so only a one-off build drops it (<see cref="Archive"/>).
    /// </summary>
    private static DigestArchive WithoutSummaries(DigestArchive archive) => archive with
    {
        Issues = archive.Issues.Select(issue => issue with { Papers = issue.Papers.Select(p => p with { SummaryMarkdown = "" }).ToArray() }).ToArray(),
    };

    private static Dictionary<string, AuthorRef> AuthorRefsOf(AuthorIndex authors, Urls urls)
    {
        var refs = new Dictionary<string, AuthorRef>(StringComparer.Ordinal);
        foreach (var person in authors.People)
        {
            var url = urls.Author(person.Slug);
            foreach (var spelling in person.Spellings) refs[spelling] = new AuthorRef(spelling, person.Name, person.Slug, url);
        }
        return refs;
    }

    private static TopicRef TopicRefOf(Topic topic, Urls urls) => new(topic.Slug, topic.Name, urls.Topic(topic.Slug));

    private static IssueRef IssueRefOf(Issue issue, Urls urls) => new(
        issue.Date,
        DateLabel(issue.Date),
        issue.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        issue.Title,
        urls.Issue(issue.Date),
        issue.Papers.Count);

    private static SiteView SiteViewOf(DigestArchive archive, Urls urls)
    {
        var site = archive.Config;
        return new SiteView(
            site.Title, site.Description, site.Language,
            urls.Absolute(urls.Home), urls.BasePath, urls.Home, urls.IssuesArchive, urls.Topics, urls.Search,
            urls.Feed, urls.Absolute(urls.Feed), site.Subscribe?.AbsoluteUri,
            urls.Asset("style.css"), urls.Asset("site.js"), urls.Asset("search.js"), urls.Asset("lunr.min.js"),
            urls.File(Search.SearchIndex.IndexFile), urls.File(Search.SearchIndex.DocsFile),
            archive.Issues.Sum(i => i.Papers.Count), archive.Issues.Count, urls.Authors(),
            Publishing.JsonFeeds.Twin(urls.Feed), urls.FeedsOpml, urls.Citations, urls.Data);
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using DigestSite.Archive;
using DigestSite.Content;
using DigestSite.Rendering;

namespace DigestSite.Pages;

/// <summary>
/// The archive turned into view models once, shared by every planner: each paper's summary is
/// rendered once however many pages list it, and lookups are by key, never by scanning.
/// </summary>
public sealed class SiteModel
{
    public DigestArchive Archive { get; }
    public Urls Urls { get; }
    public SiteView Site { get; }
    public IReadOnlyDictionary<string, PaperView> Papers { get; }
    public IReadOnlyDictionary<DateOnly, IssueRef> IssueRefs { get; }
    public IReadOnlyDictionary<string, TopicRef> TopicRefs { get; }

    internal PaperViewCache? Cache { get; }

    /// <summary>Each topic's papers, newest issue first, in each issue the issue's order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PaperView>> PapersByTopic { get; }

    /// <param name="cache">Kept by a long-running process (serve): the views of papers that did not change are reused.</param>
    public SiteModel(DigestArchive archive, PaperViewCache? cache = null)
    {
        Archive = archive;
        Cache = cache;
        Urls = new Urls(archive.Site.Url);
        Site = SiteViewOf(archive, Urls);
        IssueRefs = archive.Issues.ToDictionary(i => i.Date, i => IssueRefOf(i, Urls));
        TopicRefs = archive.Topics.ToDictionary(t => t.Slug, t => new TopicRef(t.Slug, t.Name, Urls.Topic(t.Slug)), StringComparer.Ordinal);

        var papers = archive.Papers.ToArray();
        var views = new PaperView[papers.Length];
        Parallel.For(0, papers.Length, i => views[i] = cache is null
            ? PaperViews.Create(papers[i], IssueRefs[papers[i].IssueDate], TopicRefs, Urls)
            : cache.Get(papers[i], IssueRefs[papers[i].IssueDate], TopicRefs, Urls));
        cache?.Retain(views);
        Papers = views.ToDictionary(v => v.Slug, StringComparer.Ordinal);

        var byTopic = archive.Topics.ToDictionary(t => t.Slug, _ => new List<PaperView>(), StringComparer.Ordinal);
        foreach (var view in views)
            foreach (var topic in view.Topics)
                byTopic[topic.Slug].Add(view);
        PapersByTopic = byTopic.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<PaperView>)kv.Value, StringComparer.Ordinal);
    }

    /// <summary>The newest issue's date: when the archive as a whole last changed.</summary>
    public DateOnly? Newest => Archive.Issues.Count > 0 ? Archive.Issues[0].Date : null;

    public static string DateLabel(DateOnly date) => date.ToString("dddd, d MMMM yyyy", CultureInfo.InvariantCulture);

    private static IssueRef IssueRefOf(Issue issue, Urls urls) => new(
        ContentDates.Format(issue.Date),
        DateLabel(issue.Date),
        issue.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        issue.Title,
        urls.Issue(issue.Date),
        issue.Papers.Count);

    private static SiteView SiteViewOf(DigestArchive archive, Urls urls)
    {
        var site = archive.Site;
        return new SiteView(
            site.Title, site.Description, site.Language,
            urls.Absolute(urls.Home), urls.BasePath, urls.Home, urls.IssuesArchive, urls.Topics, urls.Search,
            urls.Feed, urls.Absolute(urls.Feed), site.Subscribe?.AbsoluteUri,
            urls.Asset("style.css"), urls.Asset("site.js"), urls.Asset("search.js"), urls.Asset("lunr.min.js"),
            urls.File(Search.SearchIndex.IndexFile), urls.File(Search.SearchIndex.DocsFile),
            archive.Issues.Sum(i => i.Papers.Count), archive.Issues.Count);
    }
}

/// <summary>
/// Paper views kept between builds by a long-running process (serve). A view is computed from the
/// paper, its issue's reference, the references of its topics and the site's URL, and from nothing
/// else: it is reused only when the paper is the same object (the content cache returns the same
/// Paper for an unchanged file) and the others are equal; else it is made again.
/// </summary>
public sealed class PaperViewCache
{
    private sealed record Entry(Paper Paper, IssueRef Issue, TopicRef[] Topics, string SiteUrl, PaperView View);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private int made, lastMade;

    /// <summary>Views made (not reused) by the last model.</summary>
    public int Made => lastMade;

    internal PaperView Get(Paper paper, IssueRef issue, IReadOnlyDictionary<string, TopicRef> topics, Urls urls)
    {
        var siteUrl = urls.Absolute(urls.Home);
        if (entries.TryGetValue(paper.Slug, out var entry) && ReferenceEquals(entry.Paper, paper) && entry.Issue == issue && entry.SiteUrl == siteUrl
            && entry.Topics.Length == paper.TopicSlugs.Count && paper.TopicSlugs.Select((t, i) => topics[t] == entry.Topics[i]).All(same => same))
            return entry.View;
        Interlocked.Increment(ref made);
        var view = PaperViews.Create(paper, issue, topics, urls);
        entries[paper.Slug] = new Entry(paper, issue, paper.TopicSlugs.Select(t => topics[t]).ToArray(), siteUrl, view);
        return view;
    }

    private readonly ConcurrentDictionary<PaperView, (SiteView Site, PlannedPage Page)> pages = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// A paper's page as the last build planned it, when made from the same view (the same object)
    /// and an equal site view: its head is computed from those and the URLs, which the site view's
    /// URL fields determine.
    /// </summary>
    internal PlannedPage PaperPage(PaperView view, SiteView site, Func<PlannedPage> plan)
    {
        if (pages.TryGetValue(view, out var kept) && kept.Site == site) return kept.Page;
        var page = plan();
        pages[view] = (site, page);
        return page;
    }

    /// <summary>Forgets the papers the archive no longer has.</summary>
    internal void Retain(IReadOnlyCollection<PaperView> current)
    {
        var slugs = current.Select(v => v.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var slug in entries.Keys)
            if (!slugs.Contains(slug)) entries.TryRemove(slug, out _);
        var views = current.ToHashSet<PaperView>(ReferenceEqualityComparer.Instance);
        foreach (var view in pages.Keys)
            if (!views.Contains(view)) pages.TryRemove(view, out _);
        lastMade = Interlocked.Exchange(ref made, 0);
    }
}

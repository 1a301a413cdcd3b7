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

    /// <summary>Every paper's view in archive order (newest issue first, each issue in its order).</summary>
    public IReadOnlyList<PaperView> PapersInOrder { get; }
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
        IssueRefs = archive.Issues.ToDictionary(i => i.Date, i => cache?.Same(IssueRefOf(i, Urls)) ?? IssueRefOf(i, Urls));
        TopicRefs = archive.Topics.ToDictionary(t => t.Slug, t => cache?.Same(TopicRefOf(t, Urls)) ?? TopicRefOf(t, Urls), StringComparer.Ordinal);

        var papers = archive.Papers.ToArray();
        var views = new PaperView[papers.Length];
        var siteUrl = Urls.Absolute(Urls.Home);
        Parallel.For(0, papers.Length, i => views[i] = cache is null
            ? PaperViews.Create(papers[i], IssueRefs[papers[i].IssueDate], TopicRefs, Urls)
            : cache.Get(papers[i], IssueRefs[papers[i].IssueDate], TopicRefs, Urls, siteUrl));
        cache?.Retain(views);
        PapersInOrder = views;
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

    private static TopicRef TopicRefOf(Topic topic, Urls urls) => new(topic.Slug, topic.Name, urls.Topic(topic.Slug));

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

    internal PaperView Get(Paper paper, IssueRef issue, IReadOnlyDictionary<string, TopicRef> topics, Urls urls, string siteUrl)
    {
        if (entries.TryGetValue(paper.Slug, out var entry) && ReferenceEquals(entry.Paper, paper) && entry.Issue == issue && entry.SiteUrl == siteUrl
            && SameTopics(entry.Topics, paper.TopicSlugs, topics))
            return entry.View;
        Interlocked.Increment(ref made);
        var view = PaperViews.Create(paper, issue, topics, urls);
        entries[paper.Slug] = new Entry(paper, issue, paper.TopicSlugs.Select(t => topics[t]).ToArray(), siteUrl, view);
        return view;
    }

    private static bool SameTopics(TopicRef[] kept, IReadOnlyList<string> slugs, IReadOnlyDictionary<string, TopicRef> topics)
    {
        if (kept.Length != slugs.Count) return false;
        for (int i = 0; i < kept.Length; i++)
            if (topics[slugs[i]] != kept[i]) return false;
        return true;
    }

    private readonly ConcurrentDictionary<IssueRef, IssueRef> issueRefs = new();
    private readonly ConcurrentDictionary<TopicRef, TopicRef> topicRefs = new();

    /// <summary>
    /// The instance equal to <paramref name="issue"/> that the last model used, so that comparing a
    /// kept view's references (10,000 of them per rebuild) mostly stops at the same reference.
    /// </summary>
    internal IssueRef Same(IssueRef issue) => issueRefs.GetOrAdd(issue, issue);

    internal TopicRef Same(TopicRef topic) => topicRefs.GetOrAdd(topic, topic);

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

    /// <summary>Forgets the papers the archive no longer has (once enough are stale: see <see cref="SiteBuilder.RetainSlack"/>).</summary>
    internal void Retain(IReadOnlyCollection<PaperView> current)
    {
        lastMade = Interlocked.Exchange(ref made, 0);
        // Issue and topic references are few (hundreds): kept until they are that many more than the papers.
        if (issueRefs.Count + topicRefs.Count > current.Count + SiteBuilder.RetainSlack)
        {
            issueRefs.Clear();
            topicRefs.Clear();
        }
        if (entries.Count > current.Count + SiteBuilder.RetainSlack)
        {
            var slugs = current.Select(v => v.Slug).ToHashSet(StringComparer.Ordinal);
            foreach (var (slug, _) in entries)
                if (!slugs.Contains(slug)) entries.TryRemove(slug, out _);
        }
        if (pages.Count > current.Count + SiteBuilder.RetainSlack)
        {
            var views = current.ToHashSet<PaperView>(ReferenceEqualityComparer.Instance);
            foreach (var (view, _) in pages)
                if (!views.Contains(view)) pages.TryRemove(view, out _);
        }
    }
}

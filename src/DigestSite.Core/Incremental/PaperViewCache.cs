using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DigestSite.Archive;
using DigestSite.Lunr;
using DigestSite.Pages;

namespace DigestSite.Incremental;

/// <summary>
/// Paper views kept between builds by a long-running process (serve). A view is computed from the
/// paper, its issue's reference, the references of its topics, the site's URL and its citation key
/// (which other papers can change: <see cref="Publishing.Citations.CitationKeys"/>), and from nothing
/// else: it is reused only when the paper is the same object (the content cache returns the same
/// Paper for an unchanged file) and the others are equal; else it is made again.
/// </summary>
public sealed class PaperViewCache
{
    private sealed record Entry(Paper Paper, IssueRef Issue, TopicRef[] Topics, AuthorRef[] Authors, string SiteUrl, string Key, PaperView View);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private int made, lastMade;

    /// <summary>Views made (not reused) by the last model.</summary>
    public int Made => lastMade;

    /// <param name="rendered">The paper's rendered parts (<see cref="Render"/>).</param>
    internal PaperView Get(Paper paper, RenderedPaper rendered, IssueRef issue, IReadOnlyDictionary<string, TopicRef> topics, IReadOnlyDictionary<string, AuthorRef> authors,
        Urls urls, string siteUrl, string key)
    {
        if (entries.TryGetValue(paper.Slug, out var entry) && ReferenceEquals(entry.Paper, paper) && entry.Issue == issue && entry.SiteUrl == siteUrl
            && entry.Key == key
            && SameTopics(entry.Topics, paper.TopicSlugs, topics) && SameAuthors(entry.Authors, paper.Authors, authors))
            return entry.View;
        Interlocked.Increment(ref made);
        var view = PaperViews.Create(paper, rendered, issue, topics, authors, urls, key);
        entries[paper.Slug] = new Entry(paper, issue, paper.TopicSlugs.Select(t => topics[t]).ToArray(), [.. view.AuthorLinks], siteUrl, key, view);
        return view;
    }

    /// <summary>An author's slug (a collision) or name (the registry) can change with other papers: compared as topics are.</summary>
    private static bool SameAuthors(AuthorRef[] kept, IReadOnlyList<string> spellings, IReadOnlyDictionary<string, AuthorRef> authors)
    {
        for (int i = 0; i < kept.Length; i++)
            if (authors[spellings[i]] != kept[i]) return false;
        return true;
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

    private readonly ConditionalWeakTable<Paper, RenderedPaper> renderedPapers = new();

    /// <summary>
    /// The paper's rendered parts, made once for each paper object (the content cache gives the same object
    /// for an unchanged file): an edit renders and analyses only the papers it changed.
    /// </summary>
    internal RenderedPaper Render(Paper paper, LunrTextAnalyzer analyzer) =>
        renderedPapers.TryGetValue(paper, out var kept) ? kept : renderedPapers.GetValue(paper, p => RenderedPaper.Of(p, analyzer));

    private readonly ConcurrentDictionary<PaperView, (SiteView Site, IReadOnlyList<RelatedPaperView> Related, string?[] Orcids, PlannedPage Page)> pages =
        new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// A paper's page as the last build planned it, when made from the same view (the same object),
    /// an equal site view, equal related papers (which an edit of another paper can change) and the same
    /// authors' ORCID iDs (authors.yml, which the JSON-LD reads): its
    /// head is computed from the view and the URLs, which the site view's URL fields determine.
    /// </summary>
    internal PlannedPage PaperPage(PaperView view, SiteView site, IReadOnlyList<RelatedPaperView> related, string?[] orcids, Func<PlannedPage> plan)
    {
        if (pages.TryGetValue(view, out var kept) && kept.Site == site && kept.Related.SequenceEqual(related) && kept.Orcids.SequenceEqual(orcids))
            return kept.Page;
        var page = plan();
        pages[view] = (site, related, orcids, page);
        return page;
    }

    /// <summary>Forgets the papers the archive no longer has (once enough are stale: see <see cref="BuildSession.RetainSlack"/>).</summary>
    internal void Retain(IReadOnlyCollection<PaperView> current)
    {
        lastMade = Interlocked.Exchange(ref made, 0);
        // Issue and topic references are few (hundreds): kept until they are that many more than the papers.
        if (issueRefs.Count + topicRefs.Count > current.Count + BuildSession.RetainSlack)
        {
            issueRefs.Clear();
            topicRefs.Clear();
        }
        if (entries.Count > current.Count + BuildSession.RetainSlack)
        {
            var slugs = current.Select(v => v.Slug).ToHashSet(StringComparer.Ordinal);
            foreach (var (slug, _) in entries)
                if (!slugs.Contains(slug)) entries.TryRemove(slug, out _);
        }
        if (pages.Count > current.Count + BuildSession.RetainSlack)
        {
            var views = current.ToHashSet<PaperView>(ReferenceEqualityComparer.Instance);
            foreach (var (view, _) in pages)
                if (!views.Contains(view)) pages.TryRemove(view, out _);
        }
    }
}

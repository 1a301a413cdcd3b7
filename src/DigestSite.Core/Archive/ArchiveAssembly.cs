using DigestSite.Content;

namespace DigestSite.Archive;

/// <summary>Puts checked papers into their issues, in the order readers see them.</summary>
public static class ArchiveAssembly
{
    public static DigestArchive Assemble(
        SiteConfig site,
        IReadOnlyList<Topic> topics,
        IReadOnlyList<IssueFolder> folders,
        IEnumerable<Paper> papers,
        IReadOnlyDictionary<DateOnly, IssueIntro?> intros)
    {
        var byDate = papers.GroupBy(p => p.IssueDate).ToDictionary(g => g.Key, g => g.ToArray());
        var issues = folders
            .OrderByDescending(f => f.Date)
            .Select(f =>
            {
                var intro = intros.GetValueOrDefault(f.Date);
                var ordered = byDate[f.Date].OrderBy(p => p, PaperOrder.MostUpvotedFirst).ToArray();
                return new Issue(f.Date, intro?.Title, intro?.IntroductionMarkdown, ordered);
            })
            .ToArray();
        return new DigestArchive(site, topics.OrderBy(t => t.Slug, StringComparer.Ordinal).ToArray(), issues);
    }
}

/// <summary>How papers are listed: most upvoted first, then by title, then by slug so no two tie.</summary>
public static class PaperOrder
{
    public static readonly IComparer<Paper> MostUpvotedFirst = Comparer<Paper>.Create((a, b) =>
    {
        int c = (b.Upvotes ?? 0).CompareTo(a.Upvotes ?? 0);
        if (c == 0) c = string.Compare(a.Title, b.Title, StringComparison.OrdinalIgnoreCase);
        if (c == 0) c = string.CompareOrdinal(a.Slug, b.Slug);
        return c;
    });
}

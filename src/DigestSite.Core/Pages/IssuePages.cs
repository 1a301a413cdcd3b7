namespace DigestSite.Pages;

/// <summary>/issues/YYYY-MM-DD/: one day's digest, with the previous and next issue.</summary>
public static class IssuePages
{
    public static IEnumerable<PlannedPage> Plan(SiteModel model)
    {
        for (int i = 0; i < model.Archive.Issues.Count; i++)
        {
            var issue = View(model, i);
            var title = issue.Title is { } t ? $"{t} ({issue.ShortLabel})" : $"Digest of {issue.DateLabel}";
            var description = $"{issue.PaperCount} papers: " + string.Join("; ", issue.Papers.Take(3).Select(p => p.Title));
            var page = PageHeads.For(model, "issue", title, description, issue.Url);
            yield return new PlannedPage(issue.Url, "issue", page.Kind, () => page, new Dictionary<string, object?> { ["issue"] = issue }, model.Archive.Issues[i].Date);
        }
    }

    /// <summary>The issue at <paramref name="index"/> (newest first) with its neighbours.</summary>
    public static IssueView View(SiteModel model, int index)
    {
        var issues = model.Archive.Issues;
        var issue = issues[index];
        var info = model.IssueRefs[issue.Date];
        return new IssueView(
            info.Date, info.DateLabel, info.ShortLabel, info.Title, info.Url, info.PaperCount,
            issue.IntroductionMarkdown is { } intro ? Rendering.SafeMarkdown.ToHtml(intro) : null,
            issue.Papers.Select(p => model.Papers[p.Slug]).ToArray(),
            index + 1 < issues.Count ? model.IssueRefs[issues[index + 1].Date] : null,
            index > 0 ? model.IssueRefs[issues[index - 1].Date] : null,
            model.Urls.IssueCitations(issue.Date));
    }
}

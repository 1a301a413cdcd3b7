namespace DigestSite.Pages;

/// <summary>/: the latest issue, the issues before it, and ways to subscribe.</summary>
public static class HomePage
{
    private const int RecentIssues = 8;

    public static PlannedPage Plan(SiteModel model)
    {
        var latest = model.Archive.Issues.Count > 0 ? IssuePages.View(model, 0) : null;
        var recent = model.Archive.Issues.Skip(1).Take(RecentIssues).Select(i => model.IssueRefs[i.Date]).ToArray();
        var page = PageHeads.For(model, "home", model.Site.Title, model.Site.Description is { Length: > 0 } d ? d : model.Site.Title, model.Urls.Home);
        return new PlannedPage(model.Urls.Home, "home", page.Kind, () => page, new Dictionary<string, object?>
        {
            ["latest"] = latest,
            ["recent_issues"] = recent,
        }, model.Newest);
    }
}

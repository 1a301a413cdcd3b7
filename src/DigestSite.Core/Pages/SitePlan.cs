namespace DigestSite.Pages;

/// <summary>Every HTML page of the site, in a fixed order.</summary>
public static class SitePlan
{
    public static IReadOnlyList<PlannedPage> Pages(SiteModel model) =>
    [
        HomePage.Plan(model),
        IssuesArchivePage.Plan(model),
        .. IssuePages.Plan(model),
        .. PaperPages.Plan(model),
        .. TopicPages.Plan(model),
        .. AuthorPages.Plan(model),
        UtilityPages.Search(model),
        UtilityPages.NotFound(model),
    ];
}

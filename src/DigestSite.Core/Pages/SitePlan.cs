namespace DigestSite.Pages;

/// <summary>Every HTML page of the site, in a fixed order.</summary>
public static class SitePlan
{
    /// <summary>An array the render empties as it goes (each page's values go with its HTML): no other list of the pages is left to hold them.</summary>
    public static PlannedPage[] Pages(SiteModel model) =>
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

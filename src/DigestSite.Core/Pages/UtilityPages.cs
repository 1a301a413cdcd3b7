namespace DigestSite.Pages;

/// <summary>The search page and the 404 page GitHub Pages serves for a missing path.</summary>
public static class UtilityPages
{
    public static PlannedPage Search(SiteModel model)
    {
        var url = model.Urls.Search;
        var page = PageHeads.For(model, "search", "Search", $"Search {model.Site.PaperCount} papers by title, author, topic and summary.", url);
        return new PlannedPage(url, "search", page.Kind, () => page, new Dictionary<string, object?>(), model.Newest);
    }

    public static PlannedPage NotFound(SiteModel model)
    {
        var url = model.Urls.File("404.html");
        var page = PageHeads.For(model, "not-found", "Page not found", "This page does not exist.", url);
        return new PlannedPage(url, "404", page.Kind, () => page, new Dictionary<string, object?>(), null);
    }
}

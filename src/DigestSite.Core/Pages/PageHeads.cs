namespace DigestSite.Pages;

/// <summary>The head of a page: title, description, canonical URL, social and citation tags.</summary>
public static class PageHeads
{
    public static PageView For(SiteModel model, string kind, string title, string description, string url,
        IReadOnlyList<MetaTag>? extraMeta = null, ScholarlyArticle? jsonLd = null, IReadOnlyList<AlternateLink>? alternates = null)
    {
        var canonical = model.Urls.Absolute(url);
        var fullTitle = kind == "home" ? model.Site.Title : $"{title} · {model.Site.Title}";
        var meta = new List<MetaTag>
        {
            new(null, "og:site_name", model.Site.Title),
            new(null, "og:title", title),
            new(null, "og:description", description),
            new(null, "og:url", canonical),
            new(null, "og:type", kind == "paper" ? "article" : "website"),
            new("twitter:card", null, "summary"),
        };
        if (extraMeta is not null) meta.AddRange(extraMeta);
        var feeds = new List<AlternateLink> { new(model.Site.Title, model.Site.FeedUrl, "application/atom+xml") };
        if (alternates is not null) feeds.AddRange(alternates);
        return new PageView(kind, fullTitle, Shorten(description, 300), url, canonical, meta, jsonLd is null ? null : JsonLdContext.Serialize(jsonLd),
            Publishing.JsonFeeds.WithTwins(feeds));
    }

    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        int cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':', '.') + "…";
    }
}

using System.Text;

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
        return new PageView(kind, fullTitle, Shorten(description, 300), url, canonical, meta, jsonLd is null ? null : JsonLd.Serialize(jsonLd),
            Publishing.JsonFeeds.WithTwins(feeds));
    }

    /// <summary>
    /// <see cref="Shorten(string, int)"/> of a text held as UTF-8, decoding no more of it than the result can show:
    /// a paper's summary is shortened for its page's description, and decoding all of it was most of that work.
    /// </summary>
    public static string Shorten(Utf8Text text, int max)
    {
        var bytes = text.Bytes;
        // A UTF-16 char takes at most 3 bytes (a 4-byte character is 2 chars), so this prefix, cut back to a character's
        // start, still holds more than max chars, and the cut below falls within the first max of them.
        int enough = 3 * (max + 1) + 3;
        if (bytes.Length <= enough) return Shorten(text.ToString(), max);
        int end = enough;
        while ((bytes[end] & 0xC0) == 0x80) end--;
        return Shorten(Encoding.UTF8.GetString(bytes[..end]), max);
    }

    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        int cut = text.LastIndexOf(' ', max - 1);
        int end = cut > max / 2 ? cut : max - 1;
        // Never between the halves of a surrogate pair: a lone half is not a character, and a feed's XML writer refuses it.
        if (char.IsHighSurrogate(text[end - 1])) end--;
        return text[..end].TrimEnd(',', ';', ':', '.') + "…";
    }
}

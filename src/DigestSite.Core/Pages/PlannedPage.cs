namespace DigestSite.Pages;

/// <summary>
/// A page to render: where it goes, which template renders it, and the values the template sees
/// (always `site` and `page`, plus the page kind's own, e.g. `issue` or `paper`), and the date of
/// the newest content it shows, for the sitemap.
/// </summary>
public sealed record PlannedPage(string Url, string Template, PageView Page, IReadOnlyDictionary<string, object?> Values, DateOnly? Updated);

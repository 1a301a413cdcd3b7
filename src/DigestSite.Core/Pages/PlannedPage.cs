namespace DigestSite.Pages;

/// <summary>
/// A page to render: where it goes, which template renders it, and the values the template sees
/// (always `site` and `page`, plus the page kind's own, e.g. `issue` or `paper`), and the date of
/// the newest content it shows, for the sitemap.
/// </summary>
/// <remarks>
/// A page's head (<see cref="Page"/>) can be made when it is rendered rather than when it is planned
/// (a paper page's head repeats its summary in the description and the JSON-LD): such a page keeps
/// only how to make it, and <see cref="Planned"/> gives the page with its head, for the render.
/// </remarks>
public sealed record PlannedPage
{
    private readonly PageView? page;
    private readonly Func<PageView>? head;

    public PlannedPage(string Url, string Template, PageView Page, IReadOnlyDictionary<string, object?> Values, DateOnly? Updated)
    {
        this.Url = Url;
        this.Template = Template;
        Kind = Page.Kind;
        page = Page;
        this.Values = Values;
        this.Updated = Updated;
    }

    /// <summary>A page whose head (of kind <paramref name="kind"/>) is made by <paramref name="head"/> each time it is asked for.</summary>
    public PlannedPage(string url, string template, string kind, Func<PageView> head, IReadOnlyDictionary<string, object?> values, DateOnly? updated)
    {
        Url = url;
        Template = template;
        Kind = kind;
        this.head = head;
        Values = values;
        Updated = updated;
    }

    public string Url { get; }
    public string Template { get; }

    /// <summary>The head's kind (<see cref="PageView.Kind"/>), known without making the head.</summary>
    public string Kind { get; }

    /// <summary>The head; made again on each read when it is made lazily (use <see cref="Planned"/> to make it once).</summary>
    public PageView Page => page ?? head!();

    public IReadOnlyDictionary<string, object?> Values { get; }
    public DateOnly? Updated { get; }

    /// <summary>This page with its head made (itself when it already has it).</summary>
    public PlannedPage Planned() => page is not null ? this : new PlannedPage(Url, Template, head!(), Values, Updated);
}

namespace DigestSite.Pages;

/// <summary>
/// A page to render: where it goes, which template renders it, the kind of page it is, how to make
/// its head (`page` in templates), the values its template sees besides `site` and `page` (e.g.
/// `issue` or `paper`), and the date of the newest content it shows, for the sitemap.
/// </summary>
/// <param name="Head">
/// Makes the head. The build calls it once, when it renders the page (or hashes it), and drops the
/// head with the page's HTML: a paper page's head repeats its summary in the description and the
/// JSON-LD, too much to hold for every paper at once. Pages whose head is small make it when
/// planned and return it.
/// </param>
/// <param name="Kind">The head's kind (<see cref="PageView.Kind"/>), known without making the head.</param>
public sealed record PlannedPage(
    string Url,
    string Template,
    string Kind,
    Func<PageView> Head,
    IReadOnlyDictionary<string, object?> Values,
    DateOnly? Updated)
{
    /// <summary>
    /// What <see cref="Head"/> makes the head from besides the site (which every page's hash covers), when
    /// hashing it is cheaper than making the head: a paper page's head is made from its paper's view, already
    /// hashed once for all the pages that show it, while making it (its JSON-LD) just to hash it cost more
    /// than all the hashing of a rebuild. Null: the head itself is hashed.
    /// </summary>
    public object? HeadInputs { get; init; }
}

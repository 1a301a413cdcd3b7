using DigestSite.Archive;
using DigestSite.Content;
using DigestSite.Pages;

namespace DigestSite.Publishing.Citations;

/// <summary>
/// What every citation format says of a paper, in one place: its key, title, authors (each split
/// into given names and family name, the last word, as reference managers store them), date,
/// identifiers, links and topics.
/// </summary>
/// <param name="PageUrl">The paper's page on the site, absolute.</param>
public sealed record CitedPaper(
    string Key,
    string Title,
    IReadOnlyList<CitedName> Authors,
    DateOnly? Published,
    int? Year,
    string? Arxiv,
    string? ArxivUrl,
    string? Doi,
    string PageUrl,
    IReadOnlyList<string> Topics)
{
    /// <summary>A paper as its view is made (<see cref="Pages.PaperViews"/>).</summary>
    public static CitedPaper Of(Paper paper, string key, string? arxivUrl, string pageUrl, IReadOnlyList<string> topics) =>
        Of(key, paper.Title, paper.Authors, paper.Published, paper.Arxiv, arxivUrl, paper.Doi, pageUrl, topics);

    /// <summary>A paper as its view has it: the citation files are made from the view, which their inputs hash reads.</summary>
    public static CitedPaper Of(PaperView paper, Urls urls) =>
        Of(paper.Citation.Key, paper.Title, paper.Authors, paper.Published is { } date ? ContentDates.Parse(date) : null, paper.Arxiv, paper.ArxivUrl,
            paper.Doi, urls.Absolute(paper.Url), paper.Topics.Select(t => t.Name).ToArray());

    private static CitedPaper Of(string key, string title, IReadOnlyList<string> authors, DateOnly? published, string? arxiv, string? arxivUrl, string? doi,
        string pageUrl, IReadOnlyList<string> topics) =>
        new(key, OneLine(title), authors.Select(a => CitedName.Of(OneLine(a))).ToArray(), published, CitationKeys.Year(published, arxiv), arxiv, arxivUrl,
            doi, pageUrl, topics);

    /// <summary>Where the paper itself is: arXiv's page, else the DOI's, else the paper's page here.</summary>
    public string Url => ArxivUrl ?? (Doi is { } doi ? Content.Doi.Url(doi) : PageUrl);

    /// <summary>RIS is one field a line; a title never holds a line break, but nothing is left to chance.</summary>
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}

/// <summary>
/// An author's name: a family name and given names ("Ana M. Costa": "Costa", "Ana M."), or, for a
/// name of one word or one holding a comma (an organisation; "Last, First" already), the name as
/// written, which reference managers keep whole.
/// </summary>
public sealed record CitedName(string Full, string? Given, string? Family)
{
    public static CitedName Of(string full)
    {
        var trimmed = full.Trim();
        int space = trimmed.LastIndexOf(' ');
        return trimmed.Contains(',') || space < 0
            ? new CitedName(trimmed, null, null)
            : new CitedName(trimmed, trimmed[..space].TrimEnd(), trimmed[(space + 1)..]);
    }
}

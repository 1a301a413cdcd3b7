namespace DigestSite.Pages;

/// <summary>/papers/SLUG/: one paper, with the tags Google Scholar and link previews read.</summary>
public static class PaperPages
{
    public static IEnumerable<PlannedPage> Plan(SiteModel model)
    {
        foreach (var issue in model.Archive.Issues)
            foreach (var source in issue.Papers)
            {
                var paper = model.Papers[source.Slug];
                var related = model.Related[source.Slug];
                var orcids = Orcids(model, paper);
                // serve: an unchanged paper's page is the last build's (PaperView includes its issue's date), with its head made
                // once and kept (not a way to make it, which would keep this build's model alive). A one-off build: the head
                // (its description and JSON-LD repeat the summary) is made when the page is rendered, not held for every paper at once.
                yield return model.Cache is { } cache
                    ? cache.PaperPage(paper, model.Site, related, orcids, () => WithHeadMade(model, paper, related, orcids, issue.Date))
                    : Page(paper, related, orcids, issue.Date, () => Head(model, paper, orcids));
            }
    }

    // The head is made from the paper's view, its authors' ORCID iDs (from authors.yml) and the site alone (Head below).
    private static PlannedPage Page(PaperView paper, IReadOnlyList<RelatedPaperView> related, string?[] orcids, DateOnly date, Func<PageView> head) =>
        new(paper.Url, "paper", "paper", head, Values(paper, related), date) { HeadInputs = new object[] { paper, orcids } };

    private static PlannedPage WithHeadMade(SiteModel model, PaperView paper, IReadOnlyList<RelatedPaperView> related, string?[] orcids, DateOnly date)
    {
        var head = Head(model, paper, orcids);
        return Page(paper, related, orcids, date, () => head);
    }

    private static PageView Head(SiteModel model, PaperView paper, string?[] orcids) =>
        PageHeads.For(model, "paper", paper.Title, PageHeads.Shorten(paper.SummaryText, 300), paper.Url, CitationTags(paper), JsonLd(model, paper, orcids));

    /// <summary>Each author's ORCID iD (null when authors.yml gives none), in the order of the paper's authors.</summary>
    private static string?[] Orcids(SiteModel model, PaperView paper) =>
        paper.AuthorLinks.Select(a => model.Authors.Of(a.Name).Registered?.Orcid).ToArray();

    /// <summary>The paper and its related papers (which other papers decide: the page's inputs hash reads both).</summary>
    private static Dictionary<string, object?> Values(PaperView paper, IReadOnlyList<RelatedPaperView> related) =>
        new() { ["paper"] = paper, ["related"] = related };

    private static List<MetaTag> CitationTags(PaperView paper)
    {
        var tags = new List<MetaTag> { new("citation_title", null, paper.Title) };
        tags.AddRange(paper.Authors.Select(a => new MetaTag("citation_author", null, a)));
        if (paper.Published is { } date) tags.Add(new("citation_publication_date", null, date.Replace('-', '/')));
        if (paper.Arxiv is { } id) tags.Add(new("citation_arxiv_id", null, id));
        if (paper.Doi is { } doi) tags.Add(new("citation_doi", null, doi));
        if (paper.PdfUrl is { } pdf) tags.Add(new("citation_pdf_url", null, pdf));
        return tags;
    }

    private static ScholarlyArticle JsonLd(SiteModel model, PaperView paper, string?[] orcids) => new(
        Headline: paper.Title,
        Name: paper.Title,
        Url: model.Urls.Absolute(paper.Url),
        Author: paper.AuthorLinks.Select((a, i) => new Person(a.Name, model.Urls.Absolute(a.Url),
            orcids[i] is { } orcid ? Content.Orcid.Prefix + orcid : null)).ToArray(),
        About: paper.Topics.Select(t => t.Name).ToArray(),
        Abstract: paper.SummaryText,
        DatePublished: paper.Published,
        SameAs: paper.ArxivUrl);
}

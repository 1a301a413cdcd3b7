using System.Globalization;
using DigestSite.Archive;
using DigestSite.Content;
using DigestSite.Lunr;
using DigestSite.Publishing.Citations;
using DigestSite.Rendering;

namespace DigestSite.Pages;

/// <summary>
/// What a paper's view and its search terms compute from the paper alone, and most of what making them
/// costs: its summary rendered (HTML and plain text), and its title and summary analysed as the search
/// index analyses them (<see cref="Search.PaperTerms"/>). A one-off build keeps it on disk with the parsed
/// paper (<see cref="Incremental.ParsedPaperStore"/>), serve in memory (<see cref="Incremental.PaperViewCache"/>).
/// </summary>
public sealed record RenderedPaper(Utf8Text SummaryHtml, Utf8Text SummaryText, AnalyzedText TitleTerms, AnalyzedText SummaryTerms)
{
    public static RenderedPaper Of(Paper paper, LunrTextAnalyzer analyzer)
    {
        var (summaryHtml, summaryText) = SafeMarkdown.ToHtmlAndPlainText(paper.SummaryMarkdown);
        return new RenderedPaper(Utf8Text.Of(summaryHtml), Utf8Text.Of(summaryText), analyzer.Analyze(paper.Title), analyzer.Analyze(summaryText));
    }
}

/// <summary>A paper as every page shows it: links derived from its arXiv id and DOI, summary rendered, its citation (BibTeX, COinS, the citation files' URLs).</summary>
public static class PaperViews
{
    /// <param name="rendered">The paper's <see cref="RenderedPaper.Of"/>, perhaps made by an earlier build.</param>
    /// <param name="authors">Each spelling's author reference (<see cref="SiteModel.AuthorRefs"/>).</param>
    /// <param name="citationKey">Its BibTeX key, unique in the archive (<see cref="CitationKeys"/>).</param>
    public static PaperView Create(Paper paper, RenderedPaper rendered, IssueRef issue, IReadOnlyDictionary<string, TopicRef> topics, IReadOnlyDictionary<string, AuthorRef> authors, Urls urls, string citationKey)
    {
        var arxivUrl = ArxivUrl(paper);
        var pdfUrl = paper.Arxiv is { } pid ? $"https://arxiv.org/pdf/{pid}" : null;
        var topicRefs = paper.TopicSlugs.Select(t => topics[t]).ToArray();
        return new PaperView(
            paper.Slug,
            paper.Title,
            urls.Paper(paper.Slug),
            paper.Authors,
            string.Join(", ", paper.Authors),
            topicRefs,
            issue,
            paper.Arxiv,
            arxivUrl,
            pdfUrl,
            paper.Doi,
            paper.Doi is { } doi ? Doi.Url(doi) : null,
            paper.Published is { } p ? ContentDates.Format(p) : null,
            paper.Published?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            paper.Upvotes,
            paper.Links.Select(l => new LinkView(l.Name, l.Url.AbsoluteUri)).ToArray(),
            paper.SubmittedBy,
            rendered.SummaryHtml,
            rendered.SummaryText,
            Bibtex.Entry(paper, citationKey, arxivUrl),
            paper.Authors.Select(a => authors[a]).ToArray(),
            Citation(paper, citationKey, arxivUrl, urls, topicRefs));
    }

    public static string? ArxivUrl(Paper paper) => paper.Arxiv is { } id ? $"https://arxiv.org/abs/{id}" : null;

    /// <summary>Its key, its COinS and the URLs of its citation files.</summary>
    private static CitationView Citation(Paper paper, string key, string? arxivUrl, Urls urls, IEnumerable<TopicRef> topics)
    {
        var cited = CitedPaper.Of(paper, key, arxivUrl, urls.Absolute(urls.Paper(paper.Slug)), topics.Select(t => t.Name).ToArray());
        return new CitationView(key, Coins.Of(cited), urls.PaperCitation(paper.Slug, "bib"), urls.PaperCitation(paper.Slug, "ris"), urls.PaperCitation(paper.Slug, "json"));
    }
}

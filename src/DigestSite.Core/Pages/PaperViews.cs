using System.Globalization;
using DigestSite.Archive;
using DigestSite.Content;
using DigestSite.Publishing.Citations;
using DigestSite.Rendering;

namespace DigestSite.Pages;

/// <summary>A paper as every page shows it: links derived from its arXiv id and DOI, summary rendered, its citation (BibTeX, COinS, the citation files' URLs).</summary>
public static class PaperViews
{
    /// <param name="citationKey">Its BibTeX key, unique in the archive (<see cref="CitationKeys"/>).</param>
    public static PaperView Create(Paper paper, IssueRef issue, IReadOnlyDictionary<string, TopicRef> topics, Urls urls, string citationKey)
    {
        var arxivUrl = paper.Arxiv is { } id ? $"https://arxiv.org/abs/{id}" : null;
        var pdfUrl = paper.Arxiv is { } pid ? $"https://arxiv.org/pdf/{pid}" : null;
        var (summaryHtml, summaryText) = SafeMarkdown.ToHtmlAndPlainText(paper.SummaryMarkdown);
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
            summaryHtml,
            summaryText,
            Bibtex.Entry(paper, citationKey, arxivUrl),
            Citation(paper, citationKey, arxivUrl, urls, topicRefs));
    }

    /// <summary>Its key, its COinS and the URLs of its citation files.</summary>
    private static CitationView Citation(Paper paper, string key, string? arxivUrl, Urls urls, IEnumerable<TopicRef> topics)
    {
        var cited = CitedPaper.Of(paper, key, arxivUrl, urls.Absolute(urls.Paper(paper.Slug)), topics.Select(t => t.Name).ToArray());
        return new CitationView(key, Coins.Of(cited), urls.PaperCitation(paper.Slug, "bib"), urls.PaperCitation(paper.Slug, "ris"), urls.PaperCitation(paper.Slug, "json"));
    }
}

using System.Globalization;
using System.Text;
using DigestSite.Archive;
using DigestSite.Content;
using DigestSite.Rendering;

namespace DigestSite.Pages;

/// <summary>
/// What a paper's view computes from the paper alone, and most of what making the view costs: its
/// summary rendered (HTML and plain text) and its BibTeX. A one-off build keeps it on disk with the
/// parsed paper (<see cref="Incremental.ParsedPaperStore"/>).
/// </summary>
public sealed record RenderedPaper(string SummaryHtml, string SummaryText, string Bibtex)
{
    public static RenderedPaper Of(Paper paper)
    {
        var (summaryHtml, summaryText) = SafeMarkdown.ToHtmlAndPlainText(paper.SummaryMarkdown);
        return new RenderedPaper(summaryHtml, summaryText, PaperViews.Bibtex(paper, PaperViews.ArxivUrl(paper)));
    }
}

/// <summary>A paper as every page shows it: links derived from its arXiv id and DOI, summary rendered, BibTeX.</summary>
public static class PaperViews
{
    /// <param name="authors">Each spelling's author reference (<see cref="SiteModel.AuthorRefs"/>).</param>
    public static PaperView Create(Paper paper, IssueRef issue, IReadOnlyDictionary<string, TopicRef> topics, IReadOnlyDictionary<string, AuthorRef> authors, Urls urls) =>
        Create(paper, RenderedPaper.Of(paper), issue, topics, authors, urls);

    /// <param name="rendered">The paper's <see cref="RenderedPaper.Of"/>, perhaps made by an earlier build.</param>
    /// <param name="authors">Each spelling's author reference (<see cref="SiteModel.AuthorRefs"/>).</param>
    public static PaperView Create(Paper paper, RenderedPaper rendered, IssueRef issue, IReadOnlyDictionary<string, TopicRef> topics, IReadOnlyDictionary<string, AuthorRef> authors, Urls urls)
    {
        var arxivUrl = ArxivUrl(paper);
        var pdfUrl = paper.Arxiv is { } pid ? $"https://arxiv.org/pdf/{pid}" : null;
        return new PaperView(
            paper.Slug,
            paper.Title,
            urls.Paper(paper.Slug),
            paper.Authors,
            string.Join(", ", paper.Authors),
            paper.TopicSlugs.Select(t => topics[t]).ToArray(),
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
            rendered.Bibtex,
            paper.Authors.Select(a => authors[a]).ToArray());
    }

    public static string? ArxivUrl(Paper paper) => paper.Arxiv is { } id ? $"https://arxiv.org/abs/{id}" : null;

    /// <summary>A BibTeX entry in the style arXiv's own export uses (@misc with eprint).</summary>
    public static string Bibtex(Paper paper, string? arxivUrl)
    {
        var year = paper.Published?.Year ?? ArxivYear(paper.Arxiv);
        var entry = new StringBuilder();
        entry.Append("@misc{").Append(CitationKey(paper, year)).Append(",\n");
        Field(entry, "title", "{" + TexEscape(paper.Title) + "}");
        Field(entry, "author", string.Join(" and ", paper.Authors.Select(TexEscape)));
        if (year is { } y) Field(entry, "year", y.ToString(CultureInfo.InvariantCulture));
        if (paper.Arxiv is { } id)
        {
            Field(entry, "eprint", id);
            Field(entry, "archivePrefix", "arXiv");
        }
        if (paper.Doi is { } doi) Field(entry, "doi", TexEscape(doi));
        if (arxivUrl is not null) Field(entry, "url", arxivUrl);
        entry.Length -= 2; // the last ",\n"
        return entry.Append("\n}").ToString();
    }

    private static void Field(StringBuilder entry, string name, string value) =>
        entry.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");

    /// <summary>New-style arXiv ids start with YYMM.</summary>
    private static int? ArxivYear(string? arxiv) =>
        arxiv is { Length: >= 4 } && int.TryParse(arxiv.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int yy) && arxiv[4] == '.'
            ? (yy >= 91 ? 1900 : 2000) + yy
            : null;

    /// <summary>lastname + year + first title word, ASCII letters only: "vaswani2017attention".</summary>
    private static string CitationKey(Paper paper, int? year)
    {
        static string Ascii(string s) => new(s.Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        var lastName = Ascii(paper.Authors[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]);
        var firstWord = paper.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Ascii).FirstOrDefault(w => w.Length > 3) ?? "";
        var key = lastName + year + firstWord;
        return key.Length > 0 ? key : paper.Slug;
    }

    /// <summary>Braces and TeX specials would break the entry or change its meaning; escape them.</summary>
    private static string TexEscape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '{' or '}' or '&' or '%' or '$' or '#' or '_' => "\\" + c,
                '\\' => "\\textbackslash{}",
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}

using DigestSite.Archive;
using DigestSite.Diagnostics;
using DigestSite.Content.Yaml;

namespace DigestSite.Content;

/// <summary>A paper as read from its file, with the positions that cross-file rules report.</summary>
/// <param name="AuthorPositions">Where each author's name is written, for the name-variant check's warnings.</param>
public sealed record LoadedPaper(Paper Paper, SourcePosition TitlePosition, SourcePosition? ArxivPosition, SourcePosition? DoiPosition,
    IReadOnlyList<SourcePosition> AuthorPositions);

/// <summary>Reads one paper file: front matter fields and the Markdown summary.</summary>
public static class PaperReader
{
    public static readonly string[] Keys = ["title", "authors", "topics", "arxiv", "doi", "published", "upvotes", "links", "submitted_by"];

    /// <param name="topics">The slugs of topics.yml, or null when it could not be read (then topics are not checked).</param>
    public static LoadedPaper? Read(SourceText source, string slug, DateOnly issueDate, IReadOnlySet<string>? topics, List<Diagnostic> diagnostics)
    {
        int errorsBefore = diagnostics.Count;
        if (FrontMatter.Split(source, required: true, diagnostics) is not { } parts) return null;
        var map = YamlDocuments.ReadMapping(parts.Yaml!, parts.YamlFirstLine, source.Path, diagnostics);
        if (map is null) return null;

        var fields = new Fields(map, source.Path, SourcePosition.Start, diagnostics);
        fields.RejectUnknownKeys(Keys);
        var title = fields.Text("title", required: true, "title: \"Attention Is All You Need\"");
        var authors = fields.TextList("authors", required: true, "names", "authors: [\"Ada Lovelace\", \"Alan Turing\"]");
        var topicSlugs = fields.TextList("topics", required: true, "topic slugs", "topics: [fine-tuning, rag]");
        var arxiv = fields.Text("arxiv", required: false, "arxiv: \"2312.15918\"");
        var doi = fields.Text("doi", required: false, "doi: \"10.1145/3292500.3330701\"");
        var published = fields.Date("published", "published: 2023-12-26");
        var upvotes = fields.WholeNumber("upvotes", 0, "upvotes: 12");
        var links = Links(fields);
        var submittedBy = fields.Text("submitted_by", required: false, "submitted_by: \"your-github-name\"");

        if (arxiv is { } id && !ArxivId.IsValid(id.Value))
            fields.Report(id.Position, $"\"arxiv\" must be {ArxivId.Rule}, not \"{id.Value}\".");
        if (doi is { } d && !Doi.IsValid(d.Value))
            fields.Report(d.Position, $"\"doi\" must be {Doi.Rule}, not \"{d.Value}\".{WriteAlone(d.Value)}");
        if (authors is { Count: > MaxAuthors })
            fields.Report(authors[MaxAuthors].Position, $"a paper lists at most {MaxAuthors} authors, not {authors.Count:N0}: keep the first {MaxAuthors} (the paper's own page lists them all).");
        if (topicSlugs is not null && topics is not null) CheckTopics(fields, topicSlugs, topics);
        var summary = parts.Text;
        if (summary.Length == 0)
            fields.Report(new SourcePosition(parts.BodyFirstLine - 1, 1),
                "the summary is missing: write a few sentences about the paper after the closing \"---\".");
        else
            parts.CheckMarkdown(source.Path, diagnostics);

        if (diagnostics.Count > errorsBefore) return null;
        var paper = new Paper(
            slug, issueDate, title!.Value.Value,
            authors!.Select(a => a.Value).ToArray(),
            topicSlugs!.Select(t => t.Value).ToArray(),
            arxiv?.Value, doi?.Value, published?.Value, upvotes?.Value,
            links ?? [], submittedBy?.Value, summary, source.Path);
        return new LoadedPaper(paper, title.Value.Position, arxiv?.Position, doi?.Position, authors!.Select(a => a.Position).ToArray());
    }

    /// <summary>
    /// A paper is listed on each of its topics' pages and feeds, with every topic it has on each:
    /// without a cap, one paper with 1,000 topics made 193 MiB of output. Real papers have one to five.
    /// </summary>
    public const int MaxTopics = 10;

    /// <summary>
    /// Each author has a page and feeds listing the paper with its authors, so output grows with the
    /// square of one paper's author list: 3,000 names in one 36 KB file made 981 MiB. Large
    /// collaborations list a few hundred; a digest links their first 200.
    /// </summary>
    public const int MaxAuthors = 200;

    private static string WriteAlone(string text) => Doi.FromLink(text) is { } doi ? $" Write the DOI alone: \"{doi}\"." : "";

    private static void CheckTopics(Fields fields, IReadOnlyList<Located<string>> used, IReadOnlySet<string> known)
    {
        if (used.Count > MaxTopics)
            fields.Report(used[MaxTopics].Position, $"a paper has at most {MaxTopics} topics, not {used.Count}: keep the ones that fit it best.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in used)
        {
            if (!known.Contains(topic.Value))
                fields.Report(topic.Position, $"unknown topic \"{topic.Value}\".{Suggestions.DidYouMean(topic.Value, known)} Topics are defined in topics.yml.");
            else if (!seen.Add(topic.Value))
                fields.Report(topic.Position, $"topic \"{topic.Value}\" is listed twice.");
        }
    }

    private static IReadOnlyList<PaperLink>? Links(Fields fields)
    {
        var entries = fields.TextMap("links", "links: { code: \"https://github.com/you/repo\" }");
        if (entries is null) return null;
        var links = new List<PaperLink>();
        foreach (var (name, text) in entries)
        {
            if (WebAddress.ParseHttp(text.Value) is { } uri)
                links.Add(new PaperLink(name.Value, uri));
            else
                fields.Report(text.Position, $"link \"{name.Value}\" must be an absolute http or https URL, not \"{text.Value}\".");
        }
        return links;
    }
}

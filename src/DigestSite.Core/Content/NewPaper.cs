using System.Text;
using DigestSite.Archive;
using DigestSite.Checking;

namespace DigestSite.Content;

/// <summary>What a contributor knows when starting a paper file with `digestsite new`, or what arXiv or Crossref told.</summary>
public sealed record NewPaperRequest(DateOnly Date, string Title, string? Arxiv, IReadOnlyList<string> Authors, IReadOnlyList<string> Topics)
{
    public string? Doi { get; init; }
    public DateOnly? Published { get; init; }
    public IReadOnlyList<PaperLink> Links { get; init; } = [];

    /// <summary>arXiv's journal reference: text with no link of its own, so written as a comment for the contributor.</summary>
    public string? JournalReference { get; init; }
}

/// <summary>
/// Writes the text of a new paper file: every field filled from the request, the summary left for
/// the contributor (so `check` fails until it is written, rather than passing with a placeholder).
/// </summary>
public static class NewPaper
{
    /// <summary>The file's path under the content folder and its text; or null, with the problems in <paramref name="errors"/>.</summary>
    public static (string RelativePath, string Text)? Create(NewPaperRequest request, IReadOnlyCollection<string> knownTopics, List<string> errors)
    {
        if (request.Title.Trim().Length == 0 || request.Title.Contains('\n')) errors.Add("--title must be one non-empty line.");
        if (request.Arxiv is { } id && !ArxivId.IsValid(id)) errors.Add($"--arxiv must be {ArxivId.Rule}, not \"{id}\".");
        if (request.Doi is { } doi && !Doi.IsValid(doi)) errors.Add(DoiError(doi));
        if (request.Authors.Count == 0) errors.Add("give at least one --author NAME (repeat it for each author, in the paper's order).");
        if (request.Authors.Any(a => a.Trim().Length == 0 || a.Contains('\n'))) errors.Add("each --author must be one non-empty line.");
        CheckTopics(request.Topics, knownTopics, errors);
        var slug = SlugFor(request);
        if (slug.Length == 0) errors.Add("the title has no letter or digit to make a file name from: give --arxiv or --doi.");
        if (errors.Count > 0) return null;

        var path = $"{ContentLoader.IssuesFolder}/{ContentDates.Format(request.Date)}/{slug}.md";
        return (path, Text(request));
    }

    /// <summary>At least one topic, each defined in topics.yml.</summary>
    public static void CheckTopics(IReadOnlyList<string> topics, IReadOnlyCollection<string> knownTopics, List<string> errors)
    {
        if (topics.Count == 0) errors.Add($"give at least one --topic SLUG; the topics are: {string.Join(", ", knownTopics.Order(StringComparer.Ordinal))}.");
        foreach (var topic in topics.Where(t => !knownTopics.Contains(t)))
            errors.Add($"unknown topic \"{topic}\".{Suggestions.DidYouMean(topic, knownTopics)} Topics are defined in topics.yml.");
    }

    /// <summary>"--doi must be …", with the DOI alone when a link to it was given.</summary>
    public static string DoiError(string doi) =>
        $"--doi must be {Content.Doi.Rule}, not \"{doi}\".{(Content.Doi.FromLink(doi) is { } alone ? $" Give the DOI alone: {alone}" : "")}";

    /// <summary>
    /// The arXiv id without its version when there is one ("/" of old-style ids made "-"), so every
    /// version of a paper gets the same file name; else the title made a slug; else the DOI.
    /// </summary>
    public static string SlugFor(NewPaperRequest request)
    {
        if (request.Arxiv is { } id) return ArxivId.WithoutVersion(id).Replace('/', '-').ToLowerInvariant();
        var fromTitle = Slugged(request.Title);
        return fromTitle.Length > 0 || request.Doi is not { } doi ? fromTitle : Slugged(doi);
    }

    private static string Slugged(string words)
    {
        var slug = new StringBuilder();
        foreach (char c in words.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString().Trim('-');
        return text.Length > 60 ? text[..60].TrimEnd('-') : text;
    }

    private static string Text(NewPaperRequest request)
    {
        var text = new StringBuilder();
        text.Append("---\n");
        text.Append($"title: {Quoted(request.Title.Trim())}\n");
        text.Append("authors:\n");
        foreach (var author in request.Authors) text.Append($"  - {Quoted(author.Trim())}\n");
        text.Append($"topics: [{string.Join(", ", request.Topics)}]\n");
        if (request.Arxiv is { } id) text.Append($"arxiv: {Quoted(id)}\n");
        if (request.Doi is { } doi) text.Append($"doi: {Quoted(doi)}\n");
        if (request.Published is { } published) text.Append($"published: {ContentDates.Format(published)}\n");
        if (request.Links.Count > 0) text.Append("links:\n");
        foreach (var link in request.Links) text.Append($"  {link.Name}: {Quoted(link.Url.AbsoluteUri)}\n");
        if (request.JournalReference is { } journal) text.Append($"# arXiv's journal reference: {new string(journal.Select(c => char.IsControl(c) ? ' ' : c).ToArray())}\n");
        var optional = new[]
        {
            request.Published is null ? "published: YYYY-MM-DD" : null,
            "upvotes: N",
            request.Links.Count == 0 ? "links: { code: \"https://...\" }" : null,
            "submitted_by: \"you\"",
        };
        text.Append($"# Optional: {string.Join(", ", optional.OfType<string>())}\n");
        text.Append("# Write the summary below the closing line: a few sentences, in your own words.\n");
        text.Append("---\n\n");
        return text.ToString();
    }

    /// <summary>A YAML double-quoted string: the one style in which any text is safe.</summary>
    private static string Quoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => $"\\x{(int)c:X2}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}

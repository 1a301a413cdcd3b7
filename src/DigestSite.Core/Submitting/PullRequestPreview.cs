using System.Globalization;
using System.Text;
using DigestSite.Archive;
using DigestSite.Diagnostics;
using DigestSite.Content;
using DigestSite.Rendering;

namespace DigestSite.Submitting;

/// <summary>
/// The job summary of a pull request's check (GitHub Markdown): each changed paper as readers will
/// see it (title, authors, topics, issue, links, the summary rendered, as text), then what `check`
/// found, so a reviewer sees the result without building the site. Everything shown comes from the
/// pull request, so all of it is escaped: it reads as text, never as Markdown or HTML.
/// </summary>
public static class PullRequestPreview
{
    /// <param name="changed">The changed files, relative to the content folder ("issues/2026-12-01/x.md"); others are ignored.</param>
    public static string Write(LoadResult loaded, IReadOnlyList<string> changed)
    {
        var text = new StringBuilder("## Papers in this pull request\n\n");
        var papers = changed.Where(IsPaperFile).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (papers.Length == 0) text.Append("No paper file changed.\n\n");
        var byPath = loaded.Archive?.Papers.ToDictionary(p => p.SourcePath, StringComparer.Ordinal);
        foreach (var path in papers)
        {
            if (byPath is null)
                text.Append($"### {Escape(path)}\n\nShown once `check` passes.\n\n");
            else if (byPath.TryGetValue(path, out var paper))
                Paper(text, paper, loaded.Archive!);
            else
                text.Append($"### {Escape(path)}\n\nRemoved.\n\n");
        }
        Findings(text, loaded);
        return text.ToString();
    }

    private static bool IsPaperFile(string path) =>
        path.StartsWith(ContentLoader.IssuesFolder + "/", StringComparison.Ordinal) && path.EndsWith(".md", StringComparison.Ordinal)
        && !path.EndsWith("/" + ContentLoader.IssueIntroFile, StringComparison.Ordinal);

    private static void Paper(StringBuilder text, Paper paper, DigestArchive archive)
    {
        var topics = paper.TopicSlugs.Select(slug => archive.Topics.First(t => t.Slug == slug).Name);
        text.Append($"### {Escape(paper.Title)}\n\n");
        text.Append($"{Escape(string.Join(", ", paper.Authors))}  \n");
        text.Append($"Topics: {Escape(string.Join(" · ", topics))}  \n");
        text.Append($"Issue of {paper.IssueDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");
        if (paper.Published is { } published) text.Append($" · published {published.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");
        if (paper.Arxiv is { } arxiv) text.Append($" · arXiv {Escape(arxiv)}");
        if (paper.Doi is { } doi) text.Append($" · DOI {Escape(doi)}");
        foreach (var link in paper.Links) text.Append($" · {Escape(link.Name)}: {Escape(link.Url.AbsoluteUri)}");
        text.Append($"\n\n> {Escape(SafeMarkdown.ToPlainText(paper.SummaryMarkdown))}\n\n");
    }

    private static void Findings(StringBuilder text, LoadResult loaded)
    {
        text.Append("## Check\n\n");
        if (loaded.Diagnostics.Count == 0 && loaded.Warnings.Count == 0) text.Append("No problems.\n");
        foreach (var (severity, found) in new[] { ("error", loaded.Diagnostics), ("warning", loaded.Warnings) })
            foreach (var d in found)
                text.Append($"- {severity}: {Escape($"{d.Path}:{d.Line}:{d.Column}")}: {Escape(d.Message)}\n");
    }

    /// <summary>
    /// Text that GitHub's Markdown shows as it is: every ASCII punctuation mark is backslash-escaped
    /// (CommonMark's rule: then it is only itself, so no emphasis, link, HTML, heading or mention is
    /// made), line breaks become spaces and other control characters are dropped.
    /// </summary>
    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (char c in value)
        {
            if (c is '\r' or '\n') text.Append(' ');
            else if (char.IsControl(c)) continue;
            else if (char.IsAscii(c) && (char.IsPunctuation(c) || char.IsSymbol(c))) text.Append('\\').Append(c);
            else text.Append(c);
        }
        return text.ToString();
    }
}

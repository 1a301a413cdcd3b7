using System.Text;
using DigestSite.Archive;

namespace DigestSite.Submitting;

/// <summary>What arXiv or Crossref says about a paper: the fields `digestsite new` fills in.</summary>
/// <param name="Arxiv">The id with the version arXiv answered with (its latest, unless one was asked for).</param>
/// <param name="JournalReference">arXiv's journal reference (text, with no link of its own).</param>
public sealed record PaperMetadata(
    string Title,
    IReadOnlyList<string> Authors,
    DateOnly? Published,
    string? Arxiv,
    string? Doi,
    IReadOnlyList<PaperLink> Links,
    string? JournalReference);

/// <summary>A paper's metadata, or one line saying what went wrong (for "error: …").</summary>
public sealed record Lookup(PaperMetadata? Paper, string? Problem)
{
    public static Lookup Found(PaperMetadata paper) => new(paper, null);

    public static Lookup Failed(string problem) => new(null, problem);
}

/// <summary>Text from a remote service, made fit for one line of front matter.</summary>
public static class RemoteText
{
    /// <summary>
    /// Runs of white space (line wrapping included) become one space, and control characters,
    /// which no title or name needs and which XML cannot carry, are dropped. LaTeX stays as written.
    /// </summary>
    public static string OneLine(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (line.Length > 0 && line[^1] != ' ') line.Append(' ');
            }
            else if (!char.IsControl(c) && c is not ('\uFFFE' or '\uFFFF'))
                line.Append(c);
        }
        return line.ToString().TrimEnd();
    }
}

using DigestSite.Diagnostics;

namespace DigestSite.Content;

/// <summary>
/// A Markdown file split into its YAML front matter and its body, with the line numbers needed to
/// report positions in the file rather than in the YAML or the body alone. The body is not copied
/// out of the file's text: only its trimmed <see cref="Text"/> is, once.
/// </summary>
public sealed class FrontMatter
{
    private readonly string file;

    /// <summary>Where the body starts in the file's text.</summary>
    private readonly int bodyStart;

    private FrontMatter(string? yaml, int yamlFirstLine, string file, int bodyStart, int bodyFirstLine)
    {
        Yaml = yaml;
        YamlFirstLine = yamlFirstLine;
        this.file = file;
        this.bodyStart = bodyStart;
        BodyFirstLine = bodyFirstLine;
        var trimmed = file.AsSpan(bodyStart).Trim();
        Text = trimmed.Length == file.Length ? file : trimmed.ToString();
    }

    /// <summary>The front matter's YAML, null when the file has none.</summary>
    public string? Yaml { get; }

    /// <summary>The file's line the YAML starts on.</summary>
    public int YamlFirstLine { get; }

    /// <summary>The file's line the body starts on.</summary>
    public int BodyFirstLine { get; }

    /// <summary>The body without the white space around it: the summary or introduction, as rendered.</summary>
    public string Text { get; }

    /// <summary>
    /// Splits <paramref name="source"/>. When <paramref name="required"/> and the file does not open
    /// with a fence, or whenever a fence is opened and never closed, reports it and returns null.
    /// </summary>
    public static FrontMatter? Split(SourceText source, bool required, List<Diagnostic> diagnostics)
    {
        var text = source.Text;
        using var lines = Lines(text).GetEnumerator();
        if (!lines.MoveNext() || !IsFence(text, lines.Current))
        {
            if (!required) return new FrontMatter(null, 0, text, 0, 1);
            diagnostics.Add(Diagnostic.AtStart(source.Path,
                "a paper file starts with front matter: a line \"---\", the fields (title, authors, topics, ...), another \"---\", then the summary."));
            return null;
        }

        int yamlStart = lines.Current.Next;
        int lineNumber = 1;
        while (lines.MoveNext())
        {
            lineNumber++;
            var line = lines.Current;
            if (IsFence(text, line))
                return new FrontMatter(text[yamlStart..line.Start], 2, text, line.Next, lineNumber + 1);
        }
        diagnostics.Add(Diagnostic.AtStart(source.Path,
            "the front matter opened here is never closed: add a line \"---\" after the last field."));
        return null;
    }

    /// <summary>
    /// Reports the first reason <see cref="Text"/> would be slow or impossible to render
    /// (<see cref="Rendering.MarkdownLimits"/>), at its position in the file.
    /// </summary>
    public void CheckMarkdown(string path, List<Diagnostic> diagnostics)
    {
        if (Rendering.MarkdownLimits.Problem(Text) is not { } problem) return;
        var body = file.AsSpan(bodyStart);
        int offset = body.Length - body.TrimStart().Length + problem.Offset;
        diagnostics.Add(Diagnostic.At(path, SourceText.PositionAfter(body[..offset]).ShiftLines(BodyFirstLine - 1), problem.Message));
    }

    private readonly record struct Line(int Start, int End, int Next);

    private static IEnumerable<Line> Lines(string text)
    {
        for (int start = 0; start < text.Length;)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline;
            int next = newline < 0 ? text.Length : newline + 1;
            yield return new Line(start, end, next);
            start = next;
        }
    }

    private static bool IsFence(string text, Line line) =>
        text.AsSpan(line.Start, line.End - line.Start).TrimEnd().SequenceEqual("---");
}

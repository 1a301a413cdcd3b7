using DigestSite.Checking;
using DigestSite.Content.Yaml;

namespace DigestSite.Content;

/// <summary>An issue's index.md: an optional title and the editor's introduction.</summary>
public sealed record IssueIntro(string? Title, string? IntroductionMarkdown);

public static class IssueIntroReader
{
    private static readonly string[] Keys = ["title"];

    public static IssueIntro? Read(SourceText source, List<Diagnostic> diagnostics)
    {
        int errorsBefore = diagnostics.Count;
        if (FrontMatter.Split(source, required: false, diagnostics) is not { } parts) return null;
        string? title = null;
        if (parts.Yaml is not null)
        {
            if (YamlDocuments.ReadMapping(parts.Yaml, parts.YamlFirstLine, source.Path, diagnostics) is not { } map) return null;
            var fields = new Fields(map, source.Path, SourcePosition.Start, diagnostics);
            fields.RejectUnknownKeys(Keys);
            title = fields.Text("title", required: false, "title: \"Retrieval week\"")?.Value;
        }
        var body = parts.Text;
        if (body.Length > 0) parts.CheckMarkdown(source.Path, diagnostics);
        if (title is null && body.Length == 0 && diagnostics.Count == errorsBefore)
            diagnostics.Add(Diagnostic.AtStart(source.Path, "index.md has neither a title nor an introduction: write one, or delete the file."));
        return diagnostics.Count > errorsBefore ? null : new IssueIntro(title, body.Length > 0 ? body : null);
    }
}

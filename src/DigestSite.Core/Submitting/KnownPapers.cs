using DigestSite.Checking;
using DigestSite.Content;
using DigestSite.Content.Yaml;

namespace DigestSite.Submitting;

/// <summary>A paper already in the archive, as far as its file can be read: what tells two papers apart.</summary>
public sealed record KnownPaper(string Path, string? Title, SourcePosition TitlePosition, string? Arxiv, string? Doi);

/// <summary>
/// The papers already in a content folder, read leniently for `new`: a file with problems elsewhere
/// (a summary not yet written, a misspelt topic) still names its paper, and a second `new` for the
/// same paper must be refused before the first one's summary is written.
/// </summary>
public static class KnownPapers
{
    public static IReadOnlyList<KnownPaper> Read(string contentDir)
    {
        var ignored = new List<Diagnostic>();
        var papers = new List<KnownPaper>();
        foreach (var file in IssueFolderScanner.Scan(contentDir, ignored).SelectMany(f => f.PaperFiles))
        {
            if (SourceText.Read(Path.Combine(contentDir, file.Path), file.Path, ignored) is not { } source
                || FrontMatter.Split(source, required: true, ignored) is not { Yaml: { } yaml } parts
                || YamlDocuments.ReadMapping(yaml, parts.YamlFirstLine, file.Path, ignored) is not { } map)
                continue;
            var title = Scalar(map, "title");
            papers.Add(new KnownPaper(file.Path, title?.Value.Trim(), title?.Position ?? SourcePosition.Start,
                Scalar(map, "arxiv")?.Value.Trim(), Scalar(map, "doi")?.Value.Trim()));
        }
        return papers;
    }

    private static YamlScalar? Scalar(YamlMapping map, string key) => map.Find(key)?.Value as YamlScalar is { IsNull: false } scalar ? scalar : null;
}

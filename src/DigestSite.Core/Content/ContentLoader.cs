using System.Collections.Concurrent;
using DigestSite.Archive;
using DigestSite.Checking;

namespace DigestSite.Content;

/// <summary>The archive, when the content is free of errors, and every problem found.</summary>
public sealed record LoadResult(DigestArchive? Archive, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Archive is not null;
}

/// <summary>
/// Reads a content folder (site.yml, topics.yml, issues/DATE/*.md) into a <see cref="DigestArchive"/>,
/// reporting every problem in one pass. Papers are read in parallel; the result does not depend on
/// the order the file system lists them in.
/// </summary>
public static class ContentLoader
{
    public const string SiteFile = "site.yml";
    public const string TopicsFile = "topics.yml";
    public const string IssuesFolder = "issues";
    public const string IssueIntroFile = "index.md";

    public static LoadResult Load(string contentDir)
    {
        var diagnostics = new List<Diagnostic>();
        if (!Directory.Exists(contentDir))
            return new LoadResult(null, [Diagnostic.AtStart(".", $"the content folder \"{contentDir}\" does not exist.")]);

        CheckRootEntries(contentDir, diagnostics);
        var site = LoadSiteConfig(contentDir, diagnostics);
        var topics = LoadTopics(contentDir, diagnostics);
        var topicSlugs = topics?.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);

        var folders = IssueFolderScanner.Scan(contentDir, diagnostics);
        var papers = ReadPapers(contentDir, folders, topicSlugs, diagnostics);
        var intros = folders.Where(f => f.IntroPath is not null)
            .ToDictionary(f => f.Date, f => ReadFile(contentDir, f.IntroPath!, diagnostics) is { } text ? IssueIntroReader.Read(text, diagnostics) : null);
        ArchiveRules.Check(papers, diagnostics);

        if (diagnostics.Count > 0 || site is null || topics is null)
            return new LoadResult(null, Diagnostic.Sorted(diagnostics));
        return new LoadResult(ArchiveAssembly.Assemble(site, topics, folders, papers.Select(p => p.Paper), intros), []);
    }

    /// <summary>site.yml alone, for commands that need the settings but not the archive.</summary>
    public static SiteConfig? LoadSiteConfig(string contentDir, List<Diagnostic> diagnostics) =>
        ReadRequired(contentDir, SiteFile, "title, description and url", diagnostics) is { } text ? SiteConfigReader.Read(text, diagnostics) : null;

    /// <summary>topics.yml alone, for commands that need the vocabulary but not the archive.</summary>
    public static IReadOnlyList<Topic>? LoadTopics(string contentDir, List<Diagnostic> diagnostics) =>
        ReadRequired(contentDir, TopicsFile, "the topics papers are filed under", diagnostics) is { } text ? TopicsReader.Read(text, diagnostics) : null;

    private static void CheckRootEntries(string contentDir, List<Diagnostic> diagnostics)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(contentDir).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (entry is null || entry.StartsWith('.') || entry is SiteFile or TopicsFile) continue;
            if (entry == IssuesFolder && Directory.Exists(Path.Combine(contentDir, entry))) continue;
            diagnostics.Add(Diagnostic.AtStart(entry,
                $"\"{entry}\" does not belong in the content folder, which holds {SiteFile}, {TopicsFile} and {IssuesFolder}/ only."));
        }
    }

    private static SourceText? ReadRequired(string contentDir, string name, string what, List<Diagnostic> diagnostics)
    {
        if (File.Exists(Path.Combine(contentDir, name))) return ReadFile(contentDir, name, diagnostics);
        diagnostics.Add(Diagnostic.AtStart(name, $"{name} is missing: create it with {what}."));
        return null;
    }

    private static SourceText? ReadFile(string contentDir, string relativePath, List<Diagnostic> diagnostics) =>
        SourceText.Read(Path.Combine(contentDir, relativePath), relativePath, diagnostics);

    private static IReadOnlyList<LoadedPaper> ReadPapers(
        string contentDir, IReadOnlyList<IssueFolder> folders, IReadOnlySet<string>? topics, List<Diagnostic> diagnostics)
    {
        var files = folders.SelectMany(f => f.PaperFiles.Select(p => (Folder: f, File: p))).ToArray();
        var results = new LoadedPaper?[files.Length];
        var found = new ConcurrentBag<Diagnostic>();
        Parallel.For(0, files.Length, i =>
        {
            var local = new List<Diagnostic>();
            var (folder, file) = files[i];
            if (ReadFile(contentDir, file.Path, local) is { } text)
                results[i] = PaperReader.Read(text, file.Slug, folder.Date, topics, local);
            foreach (var d in local) found.Add(d);
        });
        diagnostics.AddRange(found);
        return results.OfType<LoadedPaper>().ToArray();
    }
}

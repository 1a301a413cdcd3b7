using System.Collections.Concurrent;
using DigestSite.Archive;
using DigestSite.Diagnostics;
using DigestSite.Incremental;

namespace DigestSite.Content;

/// <summary>The archive, when the content is free of errors, and every problem found.</summary>
public sealed record LoadResult(DigestArchive? Archive, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Archive is not null;

    /// <summary>What deserves a look but does not stop a build (titles that read the same), in report order.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];
}

/// <summary>
/// Reads a content folder (site.yml, topics.yml, issues/DATE/*.md, optionally authors.yml) into a <see cref="DigestArchive"/>,
/// reporting every problem in one pass. Papers are read in parallel; the result does not depend on
/// the order the file system lists them in.
/// </summary>
public static class ContentLoader
{
    public const string SiteFile = "site.yml";
    public const string TopicsFile = "topics.yml";
    public const string AuthorsFile = "authors.yml";
    public const string IssuesFolder = "issues";
    public const string IssueIntroFile = "index.md";

    /// <param name="cache">Kept by a long-running process (serve): a file whose length and last-write time are unchanged is not read or parsed again.</param>
    /// <param name="store">Kept on disk by one-off builds: a paper file whose bytes were parsed before is not parsed again.</param>
    public static LoadResult Load(string contentDir, ContentCache? cache = null, ParsedPaperStore? store = null)
    {
        var diagnostics = new List<Diagnostic>();
        if (!Directory.Exists(contentDir))
            return new LoadResult(null, [Diagnostic.AtStart(".", $"the content folder \"{contentDir}\" does not exist.")]);

        // A pull request can replace the content folder itself with a link to anywhere.
        if (FileKinds.Of(Path.TrimEndingDirectorySeparator(Path.GetFullPath(contentDir))).Kind == FileKind.Link)
            return new LoadResult(null, [Diagnostic.AtStart(".",
                $"the content folder \"{contentDir}\" is a symbolic link, and links are never followed: give the folder itself.")]);

        // Absolute once: a relative path would make every file's full path ask for the working directory.
        contentDir = Path.GetFullPath(contentDir);
        CheckRootEntries(contentDir, diagnostics);
        cache?.BeginLoad();
        var site = LoadSiteConfig(contentDir, diagnostics, cache);
        var topics = LoadTopics(contentDir, diagnostics, cache);
        var registry = LoadAuthors(contentDir, diagnostics, cache);
        var topicSlugs = topics?.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        // A paper's diagnostics depend on the known topics as well as on its file.
        var topicsKey = topicSlugs is null ? null : string.Join("\n", topicSlugs.Order(StringComparer.Ordinal));

        var folders = IssueFolderScanner.Scan(contentDir, diagnostics);
        var papers = ReadPapers(contentDir, folders, topicSlugs, topicsKey, cache, store, diagnostics);
        var intros = folders.Where(f => f.IntroPath is not null)
            .ToDictionary(f => f.Date, f => Cached(cache, contentDir, f.IntroPath!, null, diagnostics,
                local => ReadFile(contentDir, f.IntroPath!, local) is { } text ? IssueIntroReader.Read(text, local) : null));
        var warnings = new List<Diagnostic>();
        ArchiveRules.Check(papers, diagnostics, warnings);
        if (registry is not null) NameVariants.Check(papers, registry, warnings);
        cache?.EndLoad();

        if (diagnostics.Count > 0 || site is null || topics is null || registry is null)
            return new LoadResult(null, Diagnostic.Sorted(diagnostics)) { Warnings = Diagnostic.Sorted(warnings) };
        var archive = ArchiveAssembly.Assemble(site, topics, folders, papers.Select(p => p.Paper), intros) with { Registry = registry };
        return new LoadResult(archive, []) { Warnings = Diagnostic.Sorted(warnings) };
    }

    /// <summary>site.yml alone, for commands that need the settings but not the archive.</summary>
    public static SiteConfig? LoadSiteConfig(string contentDir, List<Diagnostic> diagnostics, ContentCache? cache = null) =>
        Cached(cache, contentDir, SiteFile, null, diagnostics,
            local => ReadRequired(contentDir, SiteFile, "title, description and url", local) is { } text ? SiteConfigReader.Read(text, local) : null);

    /// <summary>topics.yml alone, for commands that need the vocabulary but not the archive.</summary>
    public static IReadOnlyList<Topic>? LoadTopics(string contentDir, List<Diagnostic> diagnostics, ContentCache? cache = null) =>
        Cached(cache, contentDir, TopicsFile, null, diagnostics,
            local => ReadRequired(contentDir, TopicsFile, "the topics papers are filed under", local) is { } text ? TopicsReader.Read(text, local) : null);

    /// <summary>authors.yml, optional: nobody registered when it is missing, null when it has errors.</summary>
    public static AuthorRegistry? LoadAuthors(string contentDir, List<Diagnostic> diagnostics, ContentCache? cache = null) =>
        FileKinds.Of(Path.Combine(contentDir, AuthorsFile)).Kind == FileKind.Missing
            ? AuthorRegistry.Empty
            : Cached(cache, contentDir, AuthorsFile, null, diagnostics,
                local => ReadFile(contentDir, AuthorsFile, local) is { } text ? AuthorsReader.Read(text, local) : null);

    private static T? Cached<T>(ContentCache? cache, string contentDir, string relativePath, string? key, List<Diagnostic> diagnostics, Func<List<Diagnostic>, T?> read)
        where T : class =>
        cache is null ? read(diagnostics) : cache.Get(contentDir, relativePath, key, diagnostics, read);

    private static void CheckRootEntries(string contentDir, List<Diagnostic> diagnostics)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(contentDir).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            // site.yml and topics.yml are looked at when read, the issues folder when scanned.
            if (entry is null || entry.StartsWith('.') || entry is SiteFile or TopicsFile or AuthorsFile) continue;
            if (entry == IssuesFolder && FileKinds.Of(Path.Combine(contentDir, entry)).Kind is FileKind.Folder or FileKind.Link) continue;
            diagnostics.Add(Diagnostic.AtStart(entry,
                $"\"{entry}\" does not belong in the content folder, which holds {SiteFile}, {TopicsFile}, {IssuesFolder}/ and an optional {AuthorsFile} only."));
        }
    }

    private static SourceText? ReadRequired(string contentDir, string name, string what, List<Diagnostic> diagnostics)
    {
        if (FileKinds.Of(Path.Combine(contentDir, name)).Kind != FileKind.Missing) return ReadFile(contentDir, name, diagnostics);
        diagnostics.Add(Diagnostic.AtStart(name, $"{name} is missing: create it with {what}."));
        return null;
    }

    private static SourceText? ReadFile(string contentDir, string relativePath, List<Diagnostic> diagnostics) =>
        SourceText.Read(Path.Combine(contentDir, relativePath), relativePath, diagnostics);

    private static IReadOnlyList<LoadedPaper> ReadPapers(
        string contentDir, IReadOnlyList<IssueFolder> folders, IReadOnlySet<string>? topics, string? topicsKey, ContentCache? cache,
        ParsedPaperStore? store, List<Diagnostic> diagnostics)
    {
        var files = folders.SelectMany(f => f.PaperFiles.Select(p => (Folder: f, File: p))).ToArray();
        var results = new LoadedPaper?[files.Length];
        var found = new ConcurrentBag<Diagnostic>();
        Parallel.For(0, files.Length, i =>
        {
            var local = new List<Diagnostic>();
            var (folder, file) = files[i];
            results[i] = Cached(cache, contentDir, file.Path, topicsKey, local,
                l => ReadPaper(contentDir, file.Path, file.Slug, folder.Date, topics, topicsKey, store, l));
            foreach (var d in local) found.Add(d);
        });
        diagnostics.AddRange(found);
        return results.OfType<LoadedPaper>().ToArray();
    }

    private static LoadedPaper? ReadPaper(string contentDir, string path, string slug, DateOnly date, IReadOnlySet<string>? topics, string? topicsKey,
        ParsedPaperStore? store, List<Diagnostic> diagnostics)
    {
        if (store is null)
            return ReadFile(contentDir, path, diagnostics) is { } text ? PaperReader.Read(text, slug, date, topics, diagnostics) : null;
        if (SourceText.ReadBytes(Path.Combine(contentDir, path), path, diagnostics) is not { } bytes) return null;
        return store.Get(path, slug, date, bytes, topicsKey, topics, diagnostics,
            local => SourceText.Decode(bytes, path, local) is { } text ? PaperReader.Read(text, slug, date, topics, local) : null);
    }
}

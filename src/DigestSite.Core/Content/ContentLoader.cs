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

    /// <param name="cache">Kept by a long-running process (serve): a file whose length and last-write time are unchanged is not read or parsed again.</param>
    /// <param name="store">Kept on disk by one-off builds: a paper file whose bytes were parsed before is not parsed again.</param>
    public static LoadResult Load(string contentDir, ContentCache? cache = null, ParsedPaperStore? store = null)
    {
        var diagnostics = new List<Diagnostic>();
        if (!Directory.Exists(contentDir))
            return new LoadResult(null, [Diagnostic.AtStart(".", $"the content folder \"{contentDir}\" does not exist.")]);

        // Absolute once: a relative path would make every file's full path ask for the working directory.
        contentDir = Path.GetFullPath(contentDir);
        CheckRootEntries(contentDir, diagnostics);
        cache?.BeginLoad();
        var site = LoadSiteConfig(contentDir, diagnostics, cache);
        var topics = LoadTopics(contentDir, diagnostics, cache);
        var topicSlugs = topics?.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        // A paper's diagnostics depend on the known topics as well as on its file.
        var topicsKey = topicSlugs is null ? null : string.Join("\n", topicSlugs.Order(StringComparer.Ordinal));

        var folders = IssueFolderScanner.Scan(contentDir, diagnostics);
        var papers = ReadPapers(contentDir, folders, topicSlugs, topicsKey, cache, store, diagnostics);
        var intros = folders.Where(f => f.IntroPath is not null)
            .ToDictionary(f => f.Date, f => Cached(cache, contentDir, f.IntroPath!, null, diagnostics,
                local => ReadFile(contentDir, f.IntroPath!, local) is { } text ? IssueIntroReader.Read(text, local) : null));
        ArchiveRules.Check(papers, diagnostics);
        cache?.EndLoad();

        if (diagnostics.Count > 0 || site is null || topics is null)
            return new LoadResult(null, Diagnostic.Sorted(diagnostics));
        return new LoadResult(ArchiveAssembly.Assemble(site, topics, folders, papers.Select(p => p.Paper), intros), []);
    }

    /// <summary>site.yml alone, for commands that need the settings but not the archive.</summary>
    public static SiteConfig? LoadSiteConfig(string contentDir, List<Diagnostic> diagnostics, ContentCache? cache = null) =>
        Cached(cache, contentDir, SiteFile, null, diagnostics,
            local => ReadRequired(contentDir, SiteFile, "title, description and url", local) is { } text ? SiteConfigReader.Read(text, local) : null);

    /// <summary>topics.yml alone, for commands that need the vocabulary but not the archive.</summary>
    public static IReadOnlyList<Topic>? LoadTopics(string contentDir, List<Diagnostic> diagnostics, ContentCache? cache = null) =>
        Cached(cache, contentDir, TopicsFile, null, diagnostics,
            local => ReadRequired(contentDir, TopicsFile, "the topics papers are filed under", local) is { } text ? TopicsReader.Read(text, local) : null);

    private static T? Cached<T>(ContentCache? cache, string contentDir, string relativePath, string? key, List<Diagnostic> diagnostics, Func<List<Diagnostic>, T?> read)
        where T : class =>
        cache is null ? read(diagnostics) : cache.Get(contentDir, relativePath, key, diagnostics, read);

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
        return store.Get(path, bytes, topicsKey, diagnostics,
            local => SourceText.Decode(bytes, path, local) is { } text ? PaperReader.Read(text, slug, date, topics, local) : null);
    }
}

/// <summary>
/// What a long-running process (serve) keeps between loads: each content file's parse result (and
/// its diagnostics), by full path, with the file's length and last-write time. A file is read and
/// parsed again when either differs (or, while a watcher reports changes, when it reported the
/// file), or when its last-write time was too close to when it was read to tell a later write in
/// the same clock tick apart (then it is never trusted, as git does with "racily clean" entries).
/// Files no longer seen by a load are forgotten.
/// </summary>
public sealed class ContentCache
{
    /// <summary>Coarser than any file system's timestamps (FAT: 2 s) and than the kernel's clock tick.</summary>
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private sealed class Entry(long length, DateTime writeTime, string? key, object? value, Diagnostic[] diagnostics, bool watched)
    {
        /// <summary>False under a linked folder: file watchers do not follow links, so its stamp is always checked.</summary>
        public bool Watched { get; } = watched;

        public long Length { get; } = length;
        public DateTime WriteTime { get; } = writeTime;
        public string? Key { get; } = key;
        public object? Value { get; } = value;
        public Diagnostic[] Diagnostics { get; } = diagnostics;

        /// <summary>The last load that used this entry: entries of files a load did not see are dropped after it.</summary>
        public int Load;
    }

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private int load;

    /// <summary>Files read again (not taken from the cache) in the last load.</summary>
    public int Misses => misses;
    private int misses;

    /// <summary>
    /// Set while a file watcher reports every change (and so every path is <see cref="Forget"/>-ed
    /// before the next load): a cached file is then used without looking at its stamp, which saves
    /// a stat per file on every rebuild. Cleared when the watcher fails; stamps are checked again.
    /// </summary>
    public bool WatcherReportsChanges { get; set; }

    /// <summary>Forgets files, or folders and every file in them (a watcher saw them change): the next load reads them again whatever their stamps.</summary>
    public void Forget(IEnumerable<string> fullPaths)
    {
        var folders = new List<string>();
        foreach (var path in fullPaths.Select(p => Path.GetFullPath(p).TrimEnd(Path.DirectorySeparatorChar)).Distinct(StringComparer.Ordinal))
            if (!entries.TryRemove(path, out _)) folders.Add(path + Path.DirectorySeparatorChar); // not a cached file: perhaps a folder
        if (folders.Count == 0) return;
        foreach (var (file, _) in entries)
            if (folders.Any(folder => file.StartsWith(folder, StringComparison.Ordinal))) entries.TryRemove(file, out _);
    }

    internal void BeginLoad()
    {
        load++;
        misses = 0;
    }

    internal void EndLoad()
    {
        foreach (var (path, entry) in entries)
            if (entry.Load != load) entries.TryRemove(path, out _);
    }

    internal T? Get<T>(string contentDir, string relativePath, string? key, List<Diagnostic> diagnostics, Func<List<Diagnostic>, T?> read) where T : class
    {
        var path = Path.GetFullPath(Path.Combine(contentDir, relativePath));
        if (WatcherReportsChanges && entries.TryGetValue(path, out var trusted) && trusted.Watched && trusted.Key == key)
            return Hit<T>(trusted, diagnostics);
        var info = new FileInfo(path);
        bool stamped = info.Exists && (info.Attributes & FileAttributes.ReparsePoint) == 0; // a link's target may change under it: not cached
        if (stamped && entries.TryGetValue(path, out var entry) && entry.Length == info.Length && entry.WriteTime == info.LastWriteTimeUtc
            && entry.Key == key)
            return Hit<T>(entry, diagnostics);
        Interlocked.Increment(ref misses);
        var readAt = DateTime.UtcNow;
        var local = new List<Diagnostic>();
        var value = read(local);
        diagnostics.AddRange(local);
        // Stamped before reading, so a write during the read makes the stamp differ next time.
        if (stamped && info.LastWriteTimeUtc < readAt - RacyWindow)
            entries[path] = new Entry(info.Length, info.LastWriteTimeUtc, key, value, [.. local], !UnderLinkedFolder(contentDir, relativePath)) { Load = load };
        else
            entries.TryRemove(path, out _);
        return value;
    }

    /// <summary>Whether a folder between the content folder and the file is a symbolic link (a stat per folder, once per file read).</summary>
    private static bool UnderLinkedFolder(string contentDir, string relativePath)
    {
        for (var folder = Path.GetDirectoryName(relativePath); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
            if (new DirectoryInfo(Path.Combine(contentDir, folder)).LinkTarget is not null) return true;
        return false;
    }

    private T? Hit<T>(Entry entry, List<Diagnostic> diagnostics) where T : class
    {
        entry.Load = load;
        diagnostics.AddRange(entry.Diagnostics);
        return (T?)entry.Value;
    }
}

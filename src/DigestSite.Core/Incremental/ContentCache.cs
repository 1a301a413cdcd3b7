using System.Collections.Concurrent;
using DigestSite.Checking;

namespace DigestSite.Incremental;

/// <summary>
/// What a long-running process (serve) keeps between loads: each content file's parse result (and
/// its diagnostics), by full path, with the file's length and last-write time. A file is read and
/// parsed again when either differs (or, while a watcher reports changes, when it reported the
/// file), or when its last-write time was too close to when it was read to tell a later write in
/// the same clock tick apart (<see cref="FileStamp.TrustedAt"/>: then it is never kept).
/// Files no longer seen by a load are forgotten.
/// </summary>
public sealed class ContentCache
{
    private sealed class Entry(FileStamp stamp, string? key, object? value, Diagnostic[] diagnostics)
    {
        public FileStamp Stamp { get; } = stamp;
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
        if (WatcherReportsChanges && entries.TryGetValue(path, out var trusted) && trusted.Key == key)
            return Hit<T>(trusted, diagnostics);
        var info = new FileInfo(path);
        bool stamped = info.Exists && (info.Attributes & FileAttributes.ReparsePoint) == 0; // a link is refused, afresh each time
        var stamp = stamped ? FileStamp.Of(info) : default;
        if (stamped && entries.TryGetValue(path, out var entry) && entry.Stamp == stamp && entry.Key == key)
            return Hit<T>(entry, diagnostics);
        Interlocked.Increment(ref misses);
        var readAt = DateTime.UtcNow;
        var local = new List<Diagnostic>();
        var value = read(local);
        diagnostics.AddRange(local);
        // Stamped before reading, so a write during the read makes the stamp differ next time.
        if (stamped && stamp.TrustedAt(readAt))
            entries[path] = new Entry(stamp, key, value, [.. local]) { Load = load };
        else
            entries.TryRemove(path, out _);
        return value;
    }

    private T? Hit<T>(Entry entry, List<Diagnostic> diagnostics) where T : class
    {
        entry.Load = load;
        diagnostics.AddRange(entry.Diagnostics);
        return (T?)entry.Value;
    }
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using DigestSite.Incremental;

namespace DigestSite.Output;

/// <summary>
/// A build's output, staged beside the output folder and applied only when the whole build
/// succeeded: a failed build leaves the previous site exactly as it was. Safe to write from
/// several threads (each file once).
/// <para>
/// Without a previous manifest (first build, or an output folder that no longer matches it) every
/// file is written into "OUTPUT.staging", which then replaces the output folder. With one, only the
/// files whose inputs changed are rendered and staged; the commit moves each staged file over its
/// old version and removes the files the site no longer has. Either way the commit is an
/// <see cref="OutputSwap"/>, whose steps a build killed halfway leaves for the next build to finish.
/// </para>
/// </summary>
public sealed class StagedOutput : IDisposable
{
    private readonly string outputDir;
    private readonly string stagingDir;
    private readonly BuildManifest? previous;
    private readonly ConcurrentDictionary<string, ManifestEntry> files;
    private readonly ConcurrentBag<string> staged = [];
    private bool committed;
    private int filesWritten;
    private int filesUnchanged;
    private long bytesWritten;

    /// <param name="previous">The last build's manifest, when the output folder still matches it: then the build is incremental.</param>
    /// <param name="expectedFiles">About how many files the build makes: the file table is made that large at once, not grown under its locks while pages are written.</param>
    public StagedOutput(string outputDir, BuildManifest? previous = null, int expectedFiles = 0)
    {
        files = new(Environment.ProcessorCount, Math.Max(expectedFiles, previous?.Files.Count ?? 0), StringComparer.Ordinal);
        this.outputDir = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        stagingDir = OutputSwap.StagingPath(this.outputDir);
        this.previous = previous is not null && Directory.Exists(this.outputDir) ? previous : null;
        if (Directory.Exists(stagingDir)) Directory.Delete(stagingDir, recursive: true);
        Directory.CreateDirectory(stagingDir);
    }

    public bool IsIncremental => previous is not null;
    public int FilesWritten => filesWritten;
    public int FilesUnchanged => filesUnchanged;
    public long BytesWritten => Interlocked.Read(ref bytesWritten);

    /// <summary>
    /// True when the last build wrote <paramref name="relativePath"/> from the same inputs: the file is
    /// kept as it is, and need not be made again.
    /// </summary>
    public bool IsCurrent(string relativePath, UInt128 inputs)
    {
        if (previous is null || !previous.Files.TryGetValue(relativePath, out var entry) || entry.Inputs != inputs) return false;
        Keep(relativePath, entry);
        return true;
    }

    /// <summary>
    /// Keeps, as the last build left them, the files of the last build that <paramref name="which"/>
    /// selects and that this build has not made: their manifest entries keep their old inputs, so a
    /// later build makes them again. False (nothing kept) when the build is not incremental or the
    /// last build had no such file.
    /// </summary>
    public bool KeepPrevious(Func<string, bool> which)
    {
        if (previous is null) return false;
        var kept = previous.Files.Where(f => which(f.Key) && !files.ContainsKey(f.Key)).ToArray();
        foreach (var (path, entry) in kept) Keep(path, entry);
        return kept.Length > 0;
    }

    /// <summary>Writes <paramref name="relativePath"/> ("papers/x/index.html"), made from <paramref name="inputs"/>.</summary>
    public void Write(string relativePath, UInt128 inputs, ReadOnlySpan<byte> content) =>
        Write(relativePath, inputs, content, InputHash.Bytes(content));

    /// <summary>A file made fresh on every build (robots.txt, .nojekyll): its inputs are its bytes.</summary>
    public void Write(string relativePath, byte[] content)
    {
        var hash = InputHash.Bytes(content);
        Write(relativePath, hash, content, hash);
    }

    public void Write(string relativePath, string content) => Write(relativePath, Encoding.UTF8.GetBytes(content));

    /// <summary>
    /// Writes <paramref name="text"/> as UTF-8, made from <paramref name="inputs"/>. The bytes go through
    /// a buffer of the thread's pool, not a new array per file: a page's bytes are dead once written,
    /// and 15,000 pages' arrays (up to a few hundred kB each) were a good part of the collections.
    /// </summary>
    public void Write(string relativePath, UInt128 inputs, string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            Write(relativePath, inputs, buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8, made from <paramref name="inputs"/>: a page, from the builder its thread renders into.</summary>
    public void Write(string relativePath, UInt128 inputs, StringBuilder text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            // The builder's chunks one after another: an encoder keeps a character split between two of them.
            var encoder = Encoding.UTF8.GetEncoder();
            int length = 0;
            foreach (var chunk in text.GetChunks()) length += encoder.GetBytes(chunk.Span, buffer.AsSpan(length), flush: false);
            length += encoder.GetBytes([], buffer.AsSpan(length), flush: true);
            Write(relativePath, inputs, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Streams a large file (the search index) instead of holding it whole in memory.</summary>
    public void Write(string relativePath, UInt128 inputs, Action<Stream> write)
    {
        var path = StagedPath(relativePath);
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16)) write(file);
        Staged(relativePath, path, inputs, InputHash.File(path), new FileInfo(path).Length);
    }

    /// <summary>Copies a file of the theme (an asset); its inputs are its bytes.</summary>
    public void Copy(string sourcePath, string relativePath)
    {
        var hash = InputHash.File(sourcePath);
        if (IsCurrent(relativePath, hash)) return;
        var path = StagedPath(relativePath);
        File.Copy(sourcePath, path, overwrite: true);
        Staged(relativePath, path, hash, hash, new FileInfo(path).Length);
    }

    private void Write(string relativePath, UInt128 inputs, ReadOnlySpan<byte> content, UInt128 contentHash)
    {
        if (Unchanged(relativePath, inputs, content.Length, contentHash)) return;
        var path = StagedPath(relativePath);
        // A new file in the fresh staging folder: created, written and closed, without File.WriteAllBytes's
        // truncate and seeks (three system calls of about eight per file).
        NewFile.Write(path, content);
        Add(relativePath, path, new ManifestEntry(inputs, content.Length, contentHash));
    }

    private void Staged(string relativePath, string path, UInt128 inputs, UInt128 contentHash, long length)
    {
        if (Unchanged(relativePath, inputs, length, contentHash)) File.Delete(path);
        else Add(relativePath, path, new ManifestEntry(inputs, length, contentHash));
    }

    /// <summary>Made again, but to the same bytes: the old file stays (only the manifest learns the new inputs).</summary>
    private bool Unchanged(string relativePath, UInt128 inputs, long length, UInt128 contentHash)
    {
        if (previous is null || !previous.Files.TryGetValue(relativePath, out var entry) || entry.Length != length || entry.Content != contentHash) return false;
        Keep(relativePath, entry with { Inputs = inputs });
        return true;
    }

    private void Keep(string relativePath, ManifestEntry entry)
    {
        if (!files.TryAdd(relativePath, entry)) throw new InvalidOperationException($"{relativePath} is written twice.");
        Interlocked.Increment(ref filesUnchanged);
    }

    private void Add(string relativePath, string stagedPath, ManifestEntry entry)
    {
        if (!files.TryAdd(relativePath, entry)) throw new InvalidOperationException($"{relativePath} is written twice.");
        staged.Add(relativePath);
        Interlocked.Increment(ref filesWritten);
        Interlocked.Add(ref bytesWritten, entry.Length);
    }

    /// <summary>Applies the staged files to the output folder, and records them in the manifest beside it.</summary>
    /// <param name="saveManifest">False for a process that keeps the manifest in memory (serve, whose output folder is its own and goes with it).</param>
    public BuildManifest Commit(bool saveManifest = true)
    {
        var swap = Swap(saveManifest);
        swap?.Run();
        return swap?.Manifest ?? previous!;
    }

    /// <summary>
    /// The swap that puts the staged files in place, not yet run (<see cref="Commit"/> runs it); null,
    /// with the staging folder removed, when an incremental build changed nothing. From here on the
    /// staging folder belongs to the swap.
    /// </summary>
    public OutputSwap? Swap(bool durable)
    {
        committed = true;
        // Nothing is written after the commit.
        if (previous is null) return new OutputSwap(outputDir, OutputSwap.Kind.Replace, new BuildManifest(files), null, durable);
        var change = BuildManifest.Next(previous, files);
        if (!change.Same || !staged.IsEmpty) return new OutputSwap(outputDir, OutputSwap.Kind.Apply, change.Manifest, previous, durable, change.Dropped);
        Directory.Delete(stagingDir, recursive: true);
        return null;
    }

    /// <summary>Without a commit, the staged files are thrown away.</summary>
    public void Dispose()
    {
        if (!committed && Directory.Exists(stagingDir)) Directory.Delete(stagingDir, recursive: true);
    }


    // Each folder is created once, not once per file written into it.
    private readonly ConcurrentDictionary<string, bool> folders = new(StringComparer.Ordinal);

    private string StagedPath(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(stagingDir, relativePath));
        if (!path.StartsWith(stagingDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"{relativePath} is outside the output folder.", nameof(relativePath));
        var folder = Path.GetDirectoryName(relativePath) ?? "";
        // Listed only once created: a thread that finds the folder listed can write into it at once.
        if (folder.Length > 0) folders.GetOrAdd(folder, static (_, directory) => Directory.CreateDirectory(directory) is not null, Path.GetDirectoryName(path)!);
        return path;
    }
}

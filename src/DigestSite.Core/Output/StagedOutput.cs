namespace DigestSite.Output;

/// <summary>
/// A build's output, written into a staging folder beside the output folder and swapped in only
/// when the whole build succeeded: a failed build leaves the previous site exactly as it was.
/// Safe to write from several threads (each file once).
/// </summary>
public sealed class StagedOutput : IDisposable
{
    private readonly string outputDir;
    private readonly string stagingDir;
    private bool committed;
    private int filesWritten;
    private long bytesWritten;

    public StagedOutput(string outputDir)
    {
        this.outputDir = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        stagingDir = this.outputDir + ".staging";
        if (Directory.Exists(stagingDir)) Directory.Delete(stagingDir, recursive: true);
        Directory.CreateDirectory(stagingDir);
    }

    public int FilesWritten => filesWritten;
    public long BytesWritten => Interlocked.Read(ref bytesWritten);

    /// <summary>Writes <paramref name="relativePath"/> ("papers/x/index.html") in the staging folder.</summary>
    public void Write(string relativePath, byte[] content)
    {
        File.WriteAllBytes(StagedPath(relativePath), content);
        Count(content.Length);
    }

    /// <summary>Streams a large file (the search index) instead of holding it whole in memory.</summary>
    public void Write(string relativePath, Action<Stream> write)
    {
        var path = StagedPath(relativePath);
        using (var file = File.Create(path)) write(file);
        Count(new FileInfo(path).Length);
    }

    public void Write(string relativePath, string content) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(content));

    public void Copy(string sourcePath, string relativePath)
    {
        var path = StagedPath(relativePath);
        File.Copy(sourcePath, path);
        Count(new FileInfo(path).Length);
    }

    /// <summary>Replaces the output folder with the staged one.</summary>
    public void Commit()
    {
        var previous = outputDir + ".previous";
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        if (Directory.Exists(outputDir)) Directory.Move(outputDir, previous);
        Directory.Move(stagingDir, outputDir);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        committed = true;
    }

    /// <summary>Without a commit, the staged files are thrown away.</summary>
    public void Dispose()
    {
        if (!committed && Directory.Exists(stagingDir)) Directory.Delete(stagingDir, recursive: true);
    }

    private string StagedPath(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(stagingDir, relativePath));
        if (!path.StartsWith(stagingDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"{relativePath} is outside the output folder.", nameof(relativePath));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private void Count(long bytes)
    {
        Interlocked.Increment(ref filesWritten);
        Interlocked.Add(ref bytesWritten, bytes);
    }
}

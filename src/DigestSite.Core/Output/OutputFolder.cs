using DigestSite.Incremental;

namespace DigestSite.Output;

/// <summary>
/// The output folder, opened for one build. A build replaces its output folder whole, so the
/// folder must be one of its own: never the content or a theme folder, never inside or around
/// one, never the current folder or one above it, and never a folder holding anything that a
/// build did not write (a build knows its own output by the manifest beside it). Opening refuses
/// any other, with the reason, before anything is written; then takes the lock that keeps a
/// second build out (<see cref="OutputLock"/>), finishes a swap that a killed build left
/// (<see cref="OutputSwap.Recover"/>) and reads the manifest of the site there.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private const string OwnFolder = "a build replaces its output folder whole, so it must be a folder of its own (such as _site). Nothing was changed.";

    private readonly OutputLock? held;

    /// <summary>Why the build may not write there (nothing was read or written), or null.</summary>
    public string? Refusal { get; }

    /// <summary>The manifest of the site in the folder, when the folder holds exactly the files it lists: the build can be incremental.</summary>
    public BuildManifest? Previous { get; }

    /// <summary>A swap that a killed build had begun was finished (or an old site put back): the folder changed before this build did anything.</summary>
    public bool Restored { get; }

    /// <summary>The site's pages and files, when the caller's check found the folder up to date (then the manifest was not read).</summary>
    public (int Pages, int Files)? UpToDate { get; }

    private OutputFolder(string? refusal, OutputLock? held = null, BuildManifest? previous = null, bool restored = false, (int, int)? upToDate = null)
    {
        Refusal = refusal;
        this.held = held;
        Previous = previous;
        Restored = restored;
        UpToDate = upToDate;
    }

    /// <param name="kept">The manifest a long-running process (serve) kept in memory from its last build into this folder.</param>
    /// <param name="stamped">
    /// The command line's check of the folder by the stamp file beside it (<see cref="InputStamp.Compare"/>), asked under the lock
    /// before the manifest is read: when the folder holds exactly the files of the manifest it names, that manifest is the
    /// folder's without a second look at each file, and with the same inputs as well, the build has nothing to do.
    /// </param>
    public static OutputFolder Open(string outputDir, string contentDir, IReadOnlyList<string> themeLayers, BuildManifest? kept = null,
        Func<InputStamp.Check?>? stamped = null)
    {
        if (PlaceRefusal(outputDir, contentDir, themeLayers) is { } misplaced) return new(misplaced);
        if (kept is null && !MayBeOwn(outputDir)) return new(Foreign(outputDir, FirstEntries(outputDir)));

        var lockPath = OutputLock.PathFor(outputDir);
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!); // "--output new/folder": its parent too
        bool lockExisted = File.Exists(lockPath);
        var held = OutputLock.TryTake(outputDir);
        if (held is null)
            return new($"another build is writing to the output folder \"{outputDir}\" (it holds \"{lockPath}\"): wait for it to end, then build again. Nothing was changed.");
        try
        {
            bool restored = OutputSwap.Recover(outputDir);
            if (kept is not null) return new(null, held, Directory.Exists(outputDir) ? kept : null, restored);
            if (!restored && stamped?.Invoke() is { } check)
            {
                if (check.SameInputs) return new(null, held, upToDate: (check.Pages, check.Files));
                if (BuildManifest.Load(outputDir, check.Manifest) is { } listed && check.Lists(listed)) return new(null, held, listed);
            }
            var manifest = BuildManifest.Load(outputDir);
            var (foreign, matches) = Inspect(outputDir, manifest);
            if (foreign.Count == 0) return new(null, held, matches ? manifest : null, restored);
            held.Dispose();
            if (!lockExisted) File.Delete(lockPath);
            return new(Foreign(outputDir, foreign));
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    public void Dispose() => held?.Dispose();

    /// <summary>Why <paramref name="outputDir"/> is no place for a build's output, whatever it holds; null when it is one.</summary>
    public static string? PlaceRefusal(string outputDir, string contentDir, IReadOnlyList<string> themeLayers)
    {
        string Refuse(string why) => $"the output folder \"{outputDir}\" {why}: {OwnFolder}";
        if (File.Exists(outputDir)) return Refuse("is a file");
        if (new DirectoryInfo(outputDir).LinkTarget is not null) return Refuse("is a symbolic link");
        var output = RealPath(outputDir);
        // Relative paths, the content's and the output's included, are the current folder's.
        var here = RealPath(Directory.GetCurrentDirectory());
        if (Same(output, here)) return Refuse("is the current folder");
        if (Inside(here, output)) return Refuse("contains the current folder");
        foreach (var (what, folder) in themeLayers.Select(layer => ("theme folder", layer)).Prepend(("content folder", contentDir)))
        {
            var other = RealPath(folder);
            if (Same(output, other)) return Refuse($"is the {what}");
            if (Inside(output, other)) return Refuse($"is inside the {what} \"{folder}\"");
            if (Inside(other, output)) return Refuse($"contains the {what} \"{folder}\"");
        }
        return null;
    }

    /// <summary>
    /// Before the lock is taken (nothing may be created beside a folder that is not the build's):
    /// false for a folder that holds something and has no manifest beside it, nor a swap's journal.
    /// The exact check, every file against the manifest, is made under the lock.
    /// </summary>
    private static bool MayBeOwn(string outputDir) =>
        !Directory.Exists(outputDir)
        || !Directory.EnumerateFileSystemEntries(outputDir).Any()
        || File.Exists(BuildManifest.PathFor(outputDir))
        || File.Exists(OutputSwap.JournalPath(outputDir, OutputSwap.Kind.Replace))
        || File.Exists(OutputSwap.JournalPath(outputDir, OutputSwap.Kind.Apply));

    /// <summary>
    /// What the folder holds that the manifest does not list (the first few: enough to say why), and
    /// whether it holds exactly the listed files with their lengths. Folders themselves are not
    /// judged, only what is in them; a symbolic link is never the build's.
    /// </summary>
    private static (List<string> Foreign, bool Matches) Inspect(string outputDir, BuildManifest? manifest)
    {
        var foreign = new List<string>();
        if (!Directory.Exists(outputDir)) return (foreign, false);
        var root = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        bool matches = manifest is not null;
        int count = 0;
        var entries = new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 });
        foreach (var entry in entries)
        {
            bool link = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
            if (entry is DirectoryInfo && !link) continue;
            var relative = entry.FullName[root.Length..].Replace('\\', '/');
            if (link || manifest is null || !manifest.Files.TryGetValue(relative, out var listed))
            {
                foreign.Add(relative);
                if (foreign.Count > 3) break;
                continue;
            }
            matches &= listed.Length == ((FileInfo)entry).Length;
            count++;
        }
        return (foreign, matches && count == manifest!.Files.Count);
    }

    private static List<string> FirstEntries(string outputDir) =>
        Directory.EnumerateFileSystemEntries(outputDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(4).ToList()!;

    private static string Foreign(string outputDir, List<string> found)
    {
        var shown = string.Join(", ", found.Take(3).Select(f => $"\"{f}\""));
        var more = found.Count > 3 ? " and more" : "";
        return $"the output folder \"{outputDir}\" holds files that no build wrote ({shown}{more}): a build replaces its output folder whole; " +
               "move them elsewhere, or choose another folder. Nothing was changed.";
    }

    /// <summary>
    /// The absolute path with the symbolic links in it resolved, as far as it exists (the rest as
    /// written): a link must not make the content folder look like another one. .NET has no realpath.
    /// </summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        for (int hops = 0; hops < 40 && ResolveFirstLink(full) is { } resolved; hops++) full = resolved;
        return full.Length > Path.GetPathRoot(full)!.Length ? full.TrimEnd(Path.DirectorySeparatorChar) : full;
    }

    /// <summary>The path with its first symbolic link replaced by the link's target; null when no part of it that exists is a link.</summary>
    private static string? ResolveFirstLink(string full)
    {
        var root = Path.GetPathRoot(full)!;
        var names = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (int i = 0; i < names.Length; i++)
        {
            current = Path.Join(current, names[i]);
            if (new FileInfo(current).LinkTarget is { } target)
                return Path.GetFullPath(Path.Join([Path.GetFullPath(target, Path.GetDirectoryName(current)!), .. names[(i + 1)..]]));
            if (!Path.Exists(current)) return null;
        }
        return null;
    }

    // Names differ only in case on Linux; Windows and macOS file systems ignore it by default.
    private static readonly StringComparison Names = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    private static bool Same(string a, string b) => string.Equals(a, b, Names);

    /// <summary><paramref name="path"/> is below <paramref name="folder"/> (compared with a separator after it: "/a/bc" is not in "/a/b").</summary>
    private static bool Inside(string path, string folder) =>
        path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, Names);
}

using DigestSite.Incremental;

namespace DigestSite.Output;

/// <summary>
/// Puts a staged build in place in explicit steps, each of which leaves on disk a state that shows
/// how far the swap got, so that a build killed at any instant is finished by the next one
/// (<see cref="Recover"/>) instead of leaving half a site, or none, behind. Beside the output folder O:
/// <list type="bullet">
/// <item><c>O.staging</c>: the new files (the whole site for a full build, the changed files for an incremental one);</item>
/// <item><c>O.manifest.replace</c> or <c>O.manifest.apply</c>, the journal: the new site's manifest, written
/// once the staging folder is complete. While it exists the swap is under way, and is finished forward;</item>
/// <item><c>O.previous</c>: the old site, set aside while a full build's site is moved in;</item>
/// <item><c>O.manifest</c>: the manifest of the site at O (the journal becomes it, by a rename, at the end).</item>
/// </list>
/// Each step does nothing when the state on disk shows it done, so recovery simply runs the steps
/// after the journal again. Until the journal is written the old site is untouched, and a build
/// killed then leaves only a staging folder, which the next build removes.
/// </summary>
public sealed class OutputSwap
{
    public enum Kind
    {
        /// <summary>A full build: the staging folder becomes the output folder.</summary>
        Replace,

        /// <summary>An incremental build: staged files are moved over their old versions, files the site no longer has are removed.</summary>
        Apply,
    }

    /// <summary>One step of the swap; <see cref="Run"/> runs them in order.</summary>
    public sealed record Step(string Name, Action Run);

    private readonly string output;
    private readonly Kind kind;
    private readonly BuildManifest manifest;

    /// <summary>The manifest of the new site.</summary>
    public BuildManifest Manifest => manifest;
    private readonly BuildManifest? old;
    private readonly IReadOnlyList<string>? dropped;
    private readonly bool durable;

    /// <param name="outputDir">The output folder; the staging folder beside it holds the new files.</param>
    /// <param name="manifest">The manifest of the new site.</param>
    /// <param name="old">Apply: the manifest of the site being changed, whose files the new one lacks are removed.</param>
    /// <param name="durable">
    /// Keep the manifest on disk, and write the journal that lets the next build finish an interrupted swap.
    /// False for serve, whose output folder is private to the process and removed with it.
    /// </param>
    /// <param name="dropped">Apply: <paramref name="old"/>'s files that <paramref name="manifest"/> lacks, in ordinal order, when the build found them already.</param>
    public OutputSwap(string outputDir, Kind kind, BuildManifest manifest, BuildManifest? old, bool durable, IReadOnlyList<string>? dropped = null)
    {
        output = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        this.kind = kind;
        this.manifest = manifest;
        this.old = old;
        this.durable = durable;
        this.dropped = dropped;
    }

    public static string StagingPath(string outputDir) => Trimmed(outputDir) + ".staging";
    public static string PreviousPath(string outputDir) => Trimmed(outputDir) + ".previous";
    public static string JournalPath(string outputDir, Kind kind) => BuildManifest.PathFor(outputDir) + (kind == Kind.Replace ? ".replace" : ".apply");

    private string Staging => StagingPath(output);
    private string Previous => PreviousPath(output);
    private string Journal => JournalPath(output, kind);

    public IReadOnlyList<Step> Steps => kind == Kind.Replace
        ? [new("write the journal", WriteJournal), new("set the old site aside", SetOldSiteAside), new("move the new site in", MoveNewSiteIn),
           new("record the manifest", RecordManifest), new("remove the old site", RemoveOldSite)]
        : [new("write the journal", WriteJournal), new("move the changed files in", MoveChangedFilesIn), new("remove the files the site no longer has", RemoveDroppedFiles),
           new("remove the staging folder", RemoveStaging), new("record the manifest", RecordManifest)];

    public void Run()
    {
        foreach (var step in Steps) step.Run();
    }

    /// <summary>
    /// Brings the output folder to a complete site after a build that was killed: finishes a swap
    /// that had begun (its journal is there), else removes what a build left before its swap and puts
    /// back an old site that an older version of the program had set aside. True when the output
    /// folder was changed.
    /// </summary>
    public static bool Recover(string outputDir)
    {
        foreach (var kind in new[] { Kind.Replace, Kind.Apply })
        {
            var journal = JournalPath(outputDir, kind);
            DeleteFile(journal + ".tmp"); // a journal not yet complete: the swap had not begun
            if (BuildManifest.Read(journal) is not { } pending) continue;
            var swap = new OutputSwap(outputDir, kind, pending, kind == Kind.Apply ? BuildManifest.Load(outputDir) : null, durable: true);
            foreach (var step in swap.Steps.Skip(1)) step.Run();
            return true;
        }
        var staging = StagingPath(outputDir);
        var previous = PreviousPath(outputDir);
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        if (!Directory.Exists(previous)) return false;
        if (Directory.Exists(outputDir))
        {
            Directory.Delete(previous, recursive: true);
            return false;
        }
        Directory.Move(previous, Trimmed(outputDir));
        return true;
    }

    /// <summary>The commit point: from here on the new site is finished forward. serve, which keeps no journal, forgets any manifest on disk instead.</summary>
    private void WriteJournal()
    {
        if (durable) manifest.Save(Journal);
        else DeleteFile(BuildManifest.PathFor(output));
    }

    private void SetOldSiteAside()
    {
        if (!Directory.Exists(Staging) || !Directory.Exists(output)) return;
        if (Directory.Exists(Previous)) Directory.Delete(Previous, recursive: true);
        Directory.Move(output, Previous);
    }

    private void MoveNewSiteIn()
    {
        if (Directory.Exists(Staging)) Directory.Move(Staging, output);
    }

    /// <summary>The journal becomes the manifest, in one rename: the swap is over.</summary>
    private void RecordManifest()
    {
        if (durable && File.Exists(Journal)) File.Move(Journal, BuildManifest.PathFor(output), overwrite: true);
    }

    private void RemoveOldSite()
    {
        if (Directory.Exists(Previous)) Directory.Delete(Previous, recursive: true);
    }

    /// <summary>Each staged file moved over its old version (a rename: readers see the old file or the new one, never half of one).</summary>
    private void MoveChangedFilesIn()
    {
        if (!Directory.Exists(Staging)) return;
        var staged = Directory.EnumerateFiles(Staging, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Order(StringComparer.Ordinal);
        foreach (var file in staged)
        {
            var target = Path.Join(output, Path.GetRelativePath(Staging, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(file, target, overwrite: true);
        }
    }

    /// <summary>The old site's files that the new one does not have, then the folders that left empty (deepest first).</summary>
    private void RemoveDroppedFiles()
    {
        if (old is null) return;
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in dropped ?? [.. old.Files.Keys.Where(f => !manifest.Files.ContainsKey(f)).Order(StringComparer.Ordinal)])
        {
            var target = Path.Join(output, file);
            DeleteFile(target);
            for (var dir = Path.GetDirectoryName(target); dir is not null && dir.Length > output.Length; dir = Path.GetDirectoryName(dir))
                folders.Add(dir);
        }
        foreach (var dir in folders.Reverse())
            if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
    }

    private void RemoveStaging()
    {
        if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }

    private static void DeleteFile(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }

    private static string Trimmed(string outputDir) => Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
}

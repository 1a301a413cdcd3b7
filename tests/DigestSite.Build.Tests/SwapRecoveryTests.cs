using DigestSite.Incremental;
using DigestSite.Output;

namespace DigestSite.Build.Tests;

/// <summary>
/// A build killed during its swap: the swap's steps are run up to each point in turn, which leaves
/// on disk exactly what a kill there would, and then recovery (what the next build does first)
/// must leave the complete old site (killed before the journal) or the complete new one (after),
/// with its manifest, and nothing else beside it.
/// </summary>
public sealed class SwapRecoveryTests : IDisposable
{
    private static readonly Dictionary<string, string> OldSite = new()
    {
        ["index.html"] = "<p>the old home page</p>",
        ["feed.xml"] = "<feed>old</feed>",
        ["papers/kept/index.html"] = "<p>in both sites</p>",
        ["papers/dropped/index.html"] = "<p>only in the old site</p>",
    };

    private static readonly Dictionary<string, string> NewSite = new()
    {
        ["index.html"] = "<p>the new home page, longer</p>",
        ["feed.xml"] = "<feed>new</feed>",
        ["papers/kept/index.html"] = "<p>in both sites</p>",
        ["papers/added/index.html"] = "<p>only in the new site</p>",
    };

    private readonly string root = Directory.CreateTempSubdirectory("digestsite-swap-").FullName;
    private string Output => Path.Combine(root, "_site");

    public SwapRecoveryTests() => Reset();

    [Theory]
    [InlineData(OutputSwap.Kind.Replace)]
    [InlineData(OutputSwap.Kind.Apply)]
    public void A_swap_killed_after_any_step_is_finished_or_undone_by_the_next_build(OutputSwap.Kind kind)
    {
        int steps = Stage(kind).Steps.Count;
        Reset();
        for (int done = 0; done <= steps; done++)
        {
            var swap = Stage(kind);
            foreach (var step in swap.Steps.Take(done)) step.Run();
            bool journalLeft = File.Exists(OutputSwap.JournalPath(Output, kind));
            Assert.Equal(done > 0 && swap.Steps.Skip(done).Any(s => s.Name == "record the manifest"), journalLeft);

            bool restored = OutputSwap.Recover(Output);

            var expected = done == 0 ? OldSite : NewSite;
            string where = $"{kind}, killed after {done} step(s)";
            Assert.True(journalLeft == restored, where);
            Assert.Equal(Sorted(expected), Files(Output));
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), BuildManifest.Load(Output)!.Files.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(["_site", "_site.manifest"], Entries(root));
            Reset();
        }
    }

    [Fact]
    public void An_incremental_swap_killed_between_two_file_moves_is_finished()
    {
        var swap = Stage(OutputSwap.Kind.Apply);
        swap.Steps[0].Run(); // the journal
        var staging = OutputSwap.StagingPath(Output);
        File.Move(Path.Combine(staging, "feed.xml"), Path.Combine(Output, "feed.xml"), overwrite: true); // one file of several

        Assert.True(OutputSwap.Recover(Output));

        Assert.Equal(Sorted(NewSite), Files(Output));
        Assert.Equal(["_site", "_site.manifest"], Entries(root));
    }

    [Fact]
    public void A_build_killed_while_staging_leaves_the_old_site_and_its_staging_folder_goes()
    {
        var staging = OutputSwap.StagingPath(Output);
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "index.html"), "<p>half a build</p>");

        Assert.False(OutputSwap.Recover(Output));

        Assert.Equal(Sorted(OldSite), Files(Output));
        Assert.Equal(["_site", "_site.manifest"], Entries(root));
    }

    [Fact]
    public void An_old_site_set_aside_without_a_journal_is_put_back()
    {
        // What the swap of earlier versions left when killed between its two renames: no site at all.
        Directory.Move(Output, OutputSwap.PreviousPath(Output));

        Assert.True(OutputSwap.Recover(Output));

        Assert.Equal(Sorted(OldSite), Files(Output));
    }

    [Theory]
    [InlineData("../victim.txt")]
    [InlineData("papers/../../victim.txt")]
    [InlineData("/victim.txt")]
    [InlineData("papers//kept/index.html")]
    [InlineData("./index.html")]
    [InlineData("papers\\..\\..\\victim.txt")]
    public void A_journal_and_manifest_planted_beside_the_output_delete_nothing_outside_it(string planted)
    {
        // As a restored cache can leave them: the old manifest names, besides the site's files, one outside the folder or
        // named otherwise; the journal of a swap to finish has the site's files only.
        var victim = Path.Combine(root, "victim.txt");
        File.WriteAllText(victim, "not the build's");
        var manifest = BuildManifest.PathFor(Output);
        var journal = OutputSwap.JournalPath(Output, OutputSwap.Kind.Apply);
        File.Copy(manifest, journal);
        File.AppendAllText(manifest, $"{planted}\t0\t15\t0\n");
        var copy = Path.Combine(root, "planted.manifest");
        File.Copy(manifest, copy);

        OutputSwap.Recover(Output);

        Assert.Equal("not the build's", File.ReadAllText(victim));
        Assert.Equal(Sorted(OldSite), Files(Output));
        Assert.Null(BuildManifest.Read(copy)); // a manifest naming a file no build writes is no manifest
    }

    [Fact]
    public void A_planted_manifest_of_line_feeds_is_no_manifest_and_costs_no_more_memory_than_its_size()
    {
        // The parser sizes its table from the line count: a file of nothing but line feeds must not have it allocate
        // tens of bytes a line (gigabytes here) before the first line is refused.
        var planted = Path.Combine(root, "line-feeds.manifest");
        File.WriteAllBytes(planted, Enumerable.Repeat((byte)'\n', 64 << 20).ToArray());
        long before = GC.GetAllocatedBytesForCurrentThread();

        var manifest = BuildManifest.Read(planted);

        Assert.Null(manifest);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 3L * (64 << 20));
    }

    /// <summary>The old site, committed as a build does, then the new one staged over it: its swap, not yet run.</summary>
    private OutputSwap Stage(OutputSwap.Kind kind)
    {
        var staged = Write(NewSite, kind == OutputSwap.Kind.Apply ? BuildManifest.Load(Output) : null);
        return staged.Swap(durable: true)!;
    }

    private StagedOutput Write(Dictionary<string, string> site, BuildManifest? previous)
    {
        var staged = new StagedOutput(Output, previous);
        foreach (var (path, text) in site) staged.Write(path, text);
        return staged;
    }

    /// <summary>Back to the old site alone.</summary>
    private void Reset()
    {
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo folder) folder.Delete(recursive: true);
            else entry.Delete();
        }
        Write(OldSite, previous: null).Commit();
        Assert.Equal(Sorted(OldSite), Files(Output));
    }

    private static SortedDictionary<string, string> Sorted(Dictionary<string, string> site) => new(site, StringComparer.Ordinal);

    private static SortedDictionary<string, string> Files(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText), StringComparer.Ordinal);

    private static string[] Entries(string folder) =>
        Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    public void Dispose() => Directory.Delete(root, recursive: true);
}

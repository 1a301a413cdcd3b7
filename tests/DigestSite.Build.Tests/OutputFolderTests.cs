using DigestSite.Output;

namespace DigestSite.Build.Tests;

/// <summary>
/// A build writes only into a folder of its own. The content, a theme, a folder around or inside
/// either, a file, a link, a folder holding what no build wrote, or a folder another build is
/// writing to: each refused with its reason, and nothing changed anywhere. (The current folder and
/// its ancestors are refused too: see the command-line tests, which can run from any folder.)
/// </summary>
public sealed class OutputFolderTests
{
    private const string OwnFolder = "a build replaces its output folder whole, so it must be a folder of its own (such as _site). Nothing was changed.";

    [Fact]
    public void The_content_folder_is_refused()
    {
        using var site = new TestSite("basic");
        AssertRefused(site, site.Content, $"the output folder \"{site.Content}\" is the content folder: {OwnFolder}");
    }

    [Fact]
    public void A_folder_inside_the_content_is_refused()
    {
        using var site = new TestSite("basic");
        var output = Path.Combine(site.Content, "issues");
        AssertRefused(site, output, $"the output folder \"{output}\" is inside the content folder \"{site.Content}\": {OwnFolder}");
    }

    [Fact]
    public void A_folder_around_the_content_is_refused()
    {
        using var site = new TestSite("basic");
        AssertRefused(site, site.Root, $"the output folder \"{site.Root}\" contains the content folder \"{site.Content}\": {OwnFolder}");
    }

    [Fact]
    public void A_theme_folder_and_what_is_inside_it_are_refused()
    {
        using var site = new TestSite("basic");
        var theme = Directory.CreateDirectory(Path.Combine(site.Root, "my-theme", "assets")).Parent!.FullName;
        File.WriteAllText(Path.Combine(theme, "assets", "extra.css"), "p { color: teal }\n");
        AssertRefused(site, theme, $"the output folder \"{theme}\" is the theme folder: {OwnFolder}", [theme]);
        var inside = Path.Combine(theme, "out");
        AssertRefused(site, inside, $"the output folder \"{inside}\" is inside the theme folder \"{theme}\": {OwnFolder}", [theme]);
    }

    [Fact]
    public void A_link_to_the_content_is_refused_as_the_content()
    {
        using var site = new TestSite("basic");
        var link = Path.Combine(site.Root, "published");
        Directory.CreateSymbolicLink(link, site.Content);
        AssertRefused(site, link, $"the output folder \"{link}\" is a symbolic link: {OwnFolder}");
        var throughLink = Path.Combine(link, "issues");
        AssertRefused(site, throughLink, $"the output folder \"{throughLink}\" is inside the content folder \"{site.Content}\": {OwnFolder}");
    }

    [Fact]
    public void A_file_is_refused()
    {
        using var site = new TestSite("basic");
        var file = Path.Combine(site.Root, "notes.txt");
        File.WriteAllText(file, "mine");
        AssertRefused(site, file, $"the output folder \"{file}\" is a file: {OwnFolder}");
    }

    [Fact]
    public void A_folder_holding_files_no_build_wrote_is_refused()
    {
        using var site = new TestSite("basic");
        var home = Path.Combine(site.Root, "home");
        Directory.CreateDirectory(Path.Combine(home, ".ssh"));
        File.WriteAllText(Path.Combine(home, ".ssh", "id_ed25519"), "secret");
        File.WriteAllText(Path.Combine(home, "thesis.tex"), "years of work");
        AssertRefused(site, home, $"the output folder \"{home}\" holds files that no build wrote (\".ssh\", \"thesis.tex\"): a build replaces its output folder whole; " +
                                  "move them elsewhere, or choose another folder. Nothing was changed.");
    }

    [Fact]
    public void The_builds_own_folder_with_a_file_added_by_hand_is_refused_and_an_empty_folder_is_taken()
    {
        using var site = new TestSite("basic");
        Directory.CreateDirectory(site.Output);
        Assert.True(site.Build().Succeeded);
        File.WriteAllText(Path.Combine(site.Output, "papers", "CNAME"), "digest.example.org");
        AssertRefused(site, site.Output, $"the output folder \"{site.Output}\" holds files that no build wrote (\"papers/CNAME\"): a build replaces its output folder whole; " +
                                         "move them elsewhere, or choose another folder. Nothing was changed.");
        File.Delete(Path.Combine(site.Output, "papers", "CNAME"));
        Assert.True(site.Build().Succeeded);
    }

    [Fact]
    public void A_second_build_into_a_locked_folder_is_refused_until_the_first_ends()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        site.WriteContent("issues/2026-03-18/index.md", File.ReadAllText(Path.Combine(site.Content, "issues/2026-03-18/index.md")) + "\nOne more line.\n");
        var lockPath = OutputLock.PathFor(site.Output);
        using (var first = OutputLock.TryTake(site.Output))
        {
            Assert.NotNull(first);
            Assert.Null(OutputLock.TryTake(site.Output));
            AssertRefused(site, site.Output, $"another build is writing to the output folder \"{site.Output}\" (it holds \"{lockPath}\"): wait for it to end, then build again. Nothing was changed.");
        }
        var after = site.Build();
        Assert.True(after.Succeeded);
        Assert.Contains("One more line.", site.Page("issues/2026-03-18/index.html"));
    }

    [Fact]
    public void Builds_into_one_folder_at_once_each_succeed_or_are_refused_and_the_site_is_whole()
    {
        using var site = new TestSite("basic");
        var results = new BuildResult[4];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length }, i => results[i] = site.Build(parallelism: 1));

        Assert.Contains(results, r => r.Succeeded);
        Assert.All(results, r => Assert.True(r.Succeeded || r.Refused?.StartsWith("another build is writing to the output folder", StringComparison.Ordinal) == true,
            r.Refused ?? string.Join("\n", r.Diagnostics)));
        var clean = Path.Combine(site.Root, "_clean");
        Assert.True(SiteBuilder.Build(new BuildOptions(site.Content, [TestSite.DefaultTheme], clean)).Succeeded);
        Assert.Equal(TestSite.Snapshot(clean), TestSite.Snapshot(site.Output));
        Assert.DoesNotContain(Entries(site.Root), name => name.EndsWith(".staging") || name.EndsWith(".previous") || name.EndsWith(".replace") || name.EndsWith(".apply"));
    }

    private static void AssertRefused(TestSite site, string output, string expected, IReadOnlyList<string>? extraLayers = null)
    {
        var before = Tree(site.Root);
        var result = SiteBuilder.Build(new BuildOptions(site.Content, [TestSite.DefaultTheme, .. extraLayers ?? []], output));
        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Refused);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(before, Tree(site.Root));
    }

    /// <summary>
    /// Every folder, file and link under <paramref name="root"/> (links not followed), with each file's
    /// bytes; a lock file's length only (closing a handle to it would release this process's lock on it).
    /// </summary>
    internal static SortedDictionary<string, string> Tree(string root)
    {
        var tree = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
            tree[relative] = entry.LinkTarget is { } target ? "link to " + target
                : entry is DirectoryInfo ? "folder"
                : entry.Extension == ".lock" ? $"{((FileInfo)entry).Length} bytes"
                : Convert.ToHexString(File.ReadAllBytes(entry.FullName));
        }
        return tree;
    }

    private static string[] Entries(string folder) =>
        Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
}

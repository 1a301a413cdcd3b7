using DigestSite.Output;

namespace DigestSite.Commands.Tests;

/// <summary>
/// `digestsite build --output` pointed where a build must not write (the project itself, the
/// content, the theme, a folder above the current one, someone's own folder): refused in one line
/// that says why, exit 1, and nothing anywhere changed. One build at a time into a folder; a build
/// killed during its swap is finished by the next; an unexpected failure is one line, no stack trace.
/// </summary>
public sealed class OutputFolderCliTests : IDisposable
{
    private const string OwnFolder = "a build replaces its output folder whole, so it must be a folder of its own (such as _site). Nothing was changed.";

    private readonly FixtureSite site = new();

    public OutputFolderCliTests()
    {
        // The project looks like a checkout: a repository folder, a theme, someone's notes.
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(site.Workspace, ".git")).FullName, "config"), "[core]\n");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(site.Workspace, "my-theme", "assets")).FullName, "extra.css"), "p { color: teal }\n");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(site.Workspace, "notes")).FullName, "todo.txt"), "write the thesis\n");
    }

    [Theory]
    [InlineData("", new[] { "--output", "." }, "the output folder \".\" is the current folder")]
    [InlineData("", new[] { "--output", "content" }, "the output folder \"content\" is the content folder")]
    [InlineData("", new[] { "--output", "content/issues" }, "the output folder \"content/issues\" is inside the content folder \"content\"")]
    [InlineData("", new[] { "--theme", "my-theme", "--output", "my-theme" }, "the output folder \"my-theme\" is the theme folder")]
    [InlineData("", new[] { "--theme", "my-theme", "--output", "my-theme/site" }, "the output folder \"my-theme/site\" is inside the theme folder \"my-theme\"")]
    [InlineData("content/issues", new[] { "--content", "..", "--output", "../.." }, "the output folder \"../..\" contains the current folder")]
    [InlineData("content/issues", new[] { "--content", "..", "--output", "/" }, "the output folder \"/\" contains the current folder")]
    public void An_output_folder_that_is_not_the_builds_own_is_refused_and_nothing_changes(string from, string[] args, string why)
    {
        AssertRefused(Path.Combine(site.Workspace, from), ["build", .. args], $"error: {why}: {OwnFolder}");
    }

    [Fact]
    public void The_project_root_given_by_its_full_path_is_refused()
    {
        AssertRefused(site.Workspace, ["build", "--output", site.Workspace], $"error: the output folder \"{site.Workspace}\" is the current folder: {OwnFolder}");
    }

    [Fact]
    public void A_folder_holding_files_no_build_wrote_is_refused()
    {
        AssertRefused(site.Workspace, ["build", "--output", "notes"],
            "error: the output folder \"notes\" holds files that no build wrote (\"todo.txt\"): a build replaces its output folder whole; move them elsewhere, or choose another folder. Nothing was changed.");
    }

    [Fact]
    public void A_new_folder_and_its_parents_are_made()
    {
        var result = Cli.Run(site.Workspace, "build", "--output", "out/site");
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(site.Workspace, "out", "site", "index.html")));
    }

    [Fact]
    public void A_build_while_another_holds_the_output_folder_is_refused_and_changes_nothing()
    {
        var output = Path.Combine(site.Workspace, "_site");
        Assert.Equal(0, Cli.Run(site.Workspace, "build").ExitCode);
        site.Write(FixtureSite.LoraPaper, FixtureSite.LoraPaperText.Replace("LoRA freezes", "LoRA, revisited, freezes"));
        using (var other = OutputLock.TryTake(output)) // another process: the test's
        {
            Assert.NotNull(other);
            AssertRefused(site.Workspace, ["build"],
                $"error: another build is writing to the output folder \"_site\" (it holds \"{output}.lock\"): wait for it to end, then build again. Nothing was changed.");
        }
        Assert.Equal(0, Cli.Run(site.Workspace, "build").ExitCode);
        Assert.Contains("LoRA, revisited, freezes", File.ReadAllText(Path.Combine(output, "papers", "lora", "index.html")));
    }

    [Fact]
    public async Task Two_builds_started_together_into_one_folder_leave_one_whole_site()
    {
        var builds = Enumerable.Range(0, 2).Select(_ => Cli.Start(site.Workspace, new Dictionary<string, string?>(), "build")).ToArray();
        var results = await Task.WhenAll(builds.Select(async build =>
        {
            var stdout = build.StandardOutput.ReadToEndAsync();
            var stderr = build.StandardError.ReadToEndAsync();
            await build.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
            return new Cli.Result(build.ExitCode, await stdout, await stderr);
        }));
        foreach (var build in builds) build.Dispose();

        Assert.Contains(results, r => r.ExitCode == 0);
        foreach (var refused in results.Where(r => r.ExitCode != 0))
            Assert.StartsWith("error: another build is writing to the output folder \"_site\"", Assert.Single(refused.ErrLines));
        Assert.Equal(0, Cli.Run(site.Workspace, "build", "--output", "_clean").ExitCode);
        Assert.Equal(Files("_clean"), Files("_site"));
        Assert.False(Directory.Exists(Path.Combine(site.Workspace, "_site.staging")));
        Assert.False(Directory.Exists(Path.Combine(site.Workspace, "_site.previous")));
    }

    [Fact]
    public void A_failed_build_after_a_swap_was_killed_finishes_it_and_says_what_the_folder_holds()
    {
        Assert.Equal(0, Cli.Run(site.Workspace, "build").ExitCode);
        site.Write(FixtureSite.LoraPaper, FixtureSite.LoraPaperText.Replace("LoRA freezes", "LoRA, revisited, freezes"));
        Assert.Equal(0, Cli.Run(site.Workspace, "build", "--output", "_new").ExitCode);
        var newSite = Files("_new");
        // A full build killed just after it set the old site aside: no _site at all, its new site staged, its journal written.
        string Here(string name) => Path.Combine(site.Workspace, name);
        Directory.Move(Here("_new"), Here("_site.staging"));
        File.Move(Here("_new.manifest"), Here("_site.manifest.replace"));
        Directory.Move(Here("_site"), Here("_site.previous"));
        site.Write(FixtureSite.RagPaper, FixtureSite.RagPaperText.Replace("authors:", "autors:"));

        var result = Cli.Run(site.Workspace, "build");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("The build failed; _site holds the last complete site, restored from an earlier build that had been interrupted.", result.ErrLines[^1]);
        Assert.Equal(newSite, Files("_site"));
        Assert.False(Directory.Exists(Here("_site.previous")));
        Assert.False(Directory.Exists(Here("_site.staging")));

        var again = Cli.Run(site.Workspace, "build");
        Assert.Equal("The build failed; _site was left as it was.", again.ErrLines[^1]);
        Assert.Equal(newSite, Files("_site"));
    }

    [Fact]
    public void An_unexpected_failure_is_one_line_without_a_stack_trace_unless_asked()
    {
        File.WriteAllText(Path.Combine(site.Workspace, "notes.txt"), "a file, not a folder\n");

        var result = Cli.Run(site.Workspace, "build", "--output", "notes.txt/site");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrLines);
        Assert.Matches(@"^error: .*notes\.txt.* \(IOException; DIGESTSITE_DEBUG=1 shows where it happened\)$", line);
        Assert.Equal("", result.Out);

        var debug = Cli.Run(site.Workspace, new Dictionary<string, string?> { ["DIGESTSITE_DEBUG"] = "1" }, "build", "--output", "notes.txt/site");
        Assert.Equal(1, debug.ExitCode);
        Assert.Equal(line, debug.ErrLines[0]);
        Assert.Contains(debug.ErrLines, l => l.TrimStart().StartsWith("at DigestSite.", StringComparison.Ordinal));
    }

    private void AssertRefused(string workingDirectory, string[] args, string error)
    {
        var before = Tree(site.Workspace);
        var result = Cli.Run(workingDirectory, args);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal([error], result.ErrLines);
        Assert.Equal("", result.Out);
        Assert.Equal(before, Tree(site.Workspace));
    }

    private SortedDictionary<string, string> Files(string folder)
    {
        var root = Path.Combine(site.Workspace, folder);
        return new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(File.ReadAllBytes(f))), StringComparer.Ordinal);
    }

    /// <summary>
    /// Every folder and file under <paramref name="root"/>, with each file's bytes and time. A lock
    /// file is not opened: closing any handle to it would release the test's own lock on it (POSIX locks).
    /// </summary>
    private static SortedDictionary<string, string> Tree(string root) =>
        new(new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .ToDictionary(e => Path.GetRelativePath(root, e.FullName), e => e switch
            {
                FileInfo { Extension: ".lock" } file => $"{file.Length} bytes {file.LastWriteTimeUtc:O}",
                FileInfo file => $"{Convert.ToHexString(File.ReadAllBytes(file.FullName))} {file.LastWriteTimeUtc:O}",
                _ => "folder",
            }), StringComparer.Ordinal);

    public void Dispose() => site.Dispose();
}

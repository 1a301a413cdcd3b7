namespace DigestSite.Commands.Tests;

/// <summary>`digestsite build` as a script or CI sees it: plain progress lines, a summary, and errors on failure.</summary>
public sealed class BuildCommandTests : IDisposable
{
    private readonly FixtureSite site = new();

    [Fact]
    public void Build_prints_one_plain_line_per_step_then_a_summary()
    {
        var result = Cli.Run(site.Workspace, "build");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain('\r', result.Out);
        Assert.DoesNotContain('\u001b', result.Out);
        var lines = result.OutLines;
        // Ten pages and the four authors' pages with the list of authors.
        Assert.Equal(["Reading content…", "Rendering pages (15)…", "Writing feeds, sitemap and search index…"], lines[..3]);
        Assert.Matches(@"^Built 15 pages \(wrote \d+ files, [\d.]+ MiB\) into _site in [\d.]+ s\.$", lines[3]);
        Assert.True(File.Exists(Path.Combine(site.Workspace, "_site", "papers", "2312.15918", "index.html")));
    }

    [Fact]
    public void A_failed_first_build_reports_located_errors_and_says_there_is_no_site_yet()
    {
        site.Write(FixtureSite.RagPaper, FixtureSite.RagPaperText.Replace("authors:", "autors:"));

        var result = Cli.Run(site.Workspace, "build");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.ErrLines, l => l.StartsWith("content/issues/2026-03-18/2312.15918.md:", StringComparison.Ordinal) && l.Contains("did you mean \"authors\""));
        Assert.Equal("The build failed; nothing was written, and there is no site in _site yet.", result.ErrLines[^1]);
        Assert.False(Directory.Exists(Path.Combine(site.Workspace, "_site")));
    }

    [Fact]
    public void Build_runs_no_program_from_the_sites_folders_and_needs_no_npm()
    {
        // A theme folder as a pull request could make it: an npm project whose install scripts leave a
        // mark, without node_modules; and an `npm` first on PATH that leaves a mark if anything runs it.
        var mark = Path.Combine(site.Workspace, "ran");
        WriteFile("theme/package.json", $$"""{ "name": "t", "version": "1.0.0", "scripts": { "preinstall": "touch {{mark}}", "install": "touch {{mark}}" } }""");
        WriteFile("theme/package-lock.json", """{ "name": "t", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": { "": { "name": "t", "version": "1.0.0" } } }""");
        WriteFile("bin/npm", $"#!/bin/sh\ntouch '{mark}'\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(site.Workspace, "bin", "npm"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Path.Combine(site.Workspace, "bin") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

        var result = Cli.Run(site.Workspace, new Dictionary<string, string?> { ["PATH"] = path }, "build");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Err);
        Assert.False(File.Exists(mark));
        Assert.True(File.Exists(Path.Combine(site.Workspace, "_site", "assets", "lunr.min.js")));
    }

    private void WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(site.Workspace, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => site.Dispose();
}

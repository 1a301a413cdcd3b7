namespace DigestSite.Commands.Tests;

/// <summary>`digestsite init`: a new digest that passes `check` and builds, or a clear error and nothing written.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("digestsite-init-").FullName;

    private static readonly string[] DigestFiles =
    [
        ".config/dotnet-tools.json",
        ".github/ISSUE_TEMPLATE/submit-paper.yml",
        ".github/scripts/submit-paper.sh",
        ".github/workflows/check.yml",
        ".github/workflows/pages.yml",
        ".github/workflows/submit-paper.yml",
        ".gitignore",
        "CONTRIBUTING.md",
        "README.md",
        "content/issues/DATE/1706.03762.md",
        "content/issues/DATE/index.md",
        "content/site.yml",
        "content/topics.yml",
    ];

    [Fact]
    public void Init_makes_a_digest_that_passes_check_and_builds()
    {
        var before = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var init = Cli.Run(root, "init", "my-digest", "--title", "Papers: \"weekly\" \\ #1 & more", "--url", "https://you.github.io/papers");
        var after = DateTime.UtcNow.ToString("yyyy-MM-dd");
        Assert.Equal("", init.Err);
        Assert.Equal(0, init.ExitCode);
        Assert.Equal("Created a new digest in my-digest (pinned to DigestSite " + Version() + " in .config/dotnet-tools.json).", init.OutLines[0]);

        var digest = Path.Combine(root, "my-digest");
        // The example issue is dated the day init ran (UTC).
        var issue = Path.GetFileName(Assert.Single(Directory.GetDirectories(Path.Combine(digest, "content", "issues"))));
        Assert.Contains(issue, new[] { before, after });
        Assert.Equal(DigestFiles.Select(f => f.Replace("DATE", issue)), Files(digest));
        Assert.StartsWith("title: \"Papers: \\\"weekly\\\" \\\\ #1 & more\"\n", File.ReadAllText(Path.Combine(digest, "content", "site.yml")));
        Assert.Contains("url: \"https://you.github.io/papers\"\n", File.ReadAllText(Path.Combine(digest, "content", "site.yml")));
        Assert.Contains($"\"version\": \"{Version()}\"", File.ReadAllText(Path.Combine(digest, ".config", "dotnet-tools.json")));
        Assert.StartsWith("# Papers: \"weekly\" \\ #1 & more\n", File.ReadAllText(Path.Combine(digest, "README.md")));

        var check = Cli.Run(digest, "check");
        Assert.Equal(["content: 1 paper in 1 issue, no problems."], check.OutLines);
        Assert.Equal(0, check.ExitCode);
        var build = Cli.Run(digest, "build");
        Assert.Equal(0, build.ExitCode);
        Assert.Contains("<h1>Attention Is All You Need</h1>", File.ReadAllText(Path.Combine(digest, "_site", "papers", "1706.03762", "index.html")));
    }

    [Fact]
    public void The_contributing_guide_explains_authors_yml_with_an_example_that_check_accepts()
    {
        var digest = Path.Combine(root, "my-digest");
        Assert.Equal(0, Cli.Run(root, "init", "my-digest").ExitCode);
        var guide = File.ReadAllText(Path.Combine(digest, "CONTRIBUTING.md"));
        var section = guide[guide.IndexOf("## Authors: `content/authors.yml`", StringComparison.Ordinal)..];
        foreach (var key in new[] { "aliases:", "distinct:", "orcid:" }) Assert.Contains(key, section, StringComparison.Ordinal);

        // The example, as a maintainer would copy it into the digest: a valid registry (its ORCID's check digit included).
        var example = section.Split("```yaml\n")[1].Split("```")[0];
        File.WriteAllText(Path.Combine(digest, "content", "authors.yml"), example);
        var check = Cli.Run(digest, "check");
        Assert.Equal(["content: 1 paper in 1 issue, no problems."], check.OutLines);
        Assert.Equal(0, check.ExitCode);
    }

    [Fact]
    public void Init_without_options_fills_the_current_empty_folder_with_a_title_and_url_from_its_name()
    {
        var digest = Directory.CreateDirectory(Path.Combine(root, "ml-papers")).FullName;
        var init = Cli.Run(digest, "init");
        Assert.Equal(0, init.ExitCode);
        var siteYml = File.ReadAllText(Path.Combine(digest, "content", "site.yml"));
        Assert.StartsWith("title: \"Ml papers\"\n", siteYml);
        Assert.Contains("url: \"https://example.github.io/ml-papers\"\n", siteYml);
        Assert.Equal(0, Cli.Run(digest, "check").ExitCode);
    }

    [Fact]
    public void Init_refuses_a_folder_that_is_not_empty()
    {
        var digest = Directory.CreateDirectory(Path.Combine(root, "busy")).FullName;
        File.WriteAllText(Path.Combine(digest, "notes.txt"), "mine\n");
        var init = Cli.Run(root, "init", "busy");
        Assert.Equal(["error: busy is not empty; init writes only into a new or empty folder, so that nothing is overwritten. Nothing was written."], init.ErrLines);
        Assert.Equal(1, init.ExitCode);
        Assert.Equal(["notes.txt"], Files(digest));
    }

    [Fact]
    public void Init_refuses_a_folder_whose_parent_is_missing()
    {
        var init = Cli.Run(root, "init", "no/such/digest");
        Assert.Equal([$"error: cannot create no/such/digest: its parent folder {Path.Combine(root, "no", "such")} does not exist. Create it first, or choose another folder. Nothing was written."], init.ErrLines);
        Assert.Equal(1, init.ExitCode);
        Assert.Empty(Files(root));
    }

    [Theory]
    [InlineData("you.github.io/digest")]
    [InlineData("ftp://you.github.io/digest")]
    [InlineData("/digest")]
    public void Init_refuses_a_url_that_is_not_absolute_http(string url)
    {
        var init = Cli.Run(root, "init", "my-digest", "--url", url);
        Assert.Equal([$"error: --url must be an absolute http or https URL, such as https://you.github.io/digest, not \"{url}\". Nothing was written."], init.ErrLines);
        Assert.Equal(1, init.ExitCode);
        Assert.Empty(Files(root));
    }

    [Theory]
    [InlineData("Two\nlines", "--title must be one line of text, without control characters.")]
    [InlineData("Bell\u0007", "--title must be one line of text, without control characters.")]
    [InlineData("  ", "--title must not be empty.")]
    public void Init_refuses_a_title_that_site_yml_cannot_hold(string title, string message)
    {
        var init = Cli.Run(root, "init", "my-digest", "--title", title);
        Assert.Equal([$"error: {message} Nothing was written."], init.ErrLines);
        Assert.Equal(1, init.ExitCode);
        Assert.Empty(Files(root));
    }

    [Fact]
    public void Version_prints_the_package_version()
    {
        var version = Cli.Run(root, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$", version.OutLines.Single());
    }

    /// <summary>The package version the CLI reports (`--version` without its "+commit" suffix).</summary>
    private string Version() => Cli.Run(root, "--version").OutLines.Single().Split('+')[0];

    private static string[] Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public void Dispose() => Directory.Delete(root, recursive: true);
}

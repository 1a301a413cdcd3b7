namespace DigestSite.Build.Tests;

/// <summary>
/// A build reads regular files inside its content and theme folders only: a symbolic link (a pull
/// request can add one to a site's theme as to its content) or a FIFO fails the build with a located
/// error; nothing is read through it, published, or changed in the previous output.
/// </summary>
public sealed class HostileThemeTests
{
    private const string Secret = "SECRET-TOKEN-5678";

    private static string SecretFile(TestSite site)
    {
        var path = Path.Combine(site.Root, "secret.txt");
        File.WriteAllText(path, Secret);
        return path;
    }

    private static string ThemeLayer(TestSite site, params string[] folders)
    {
        var theme = Directory.CreateDirectory(Path.Combine(site.Root, "my-theme")).FullName;
        foreach (var folder in folders) Directory.CreateDirectory(Path.Combine(theme, folder));
        return theme;
    }

    /// <summary>Builds once cleanly, then with <paramref name="layers"/>: the build must fail with exactly <paramref name="expected"/> and change nothing.</summary>
    private static void AssertRefused(TestSite site, IReadOnlyList<string> layers, params string[] expected)
    {
        Assert.True(site.Build().Succeeded);
        var before = TestSite.Snapshot(site.Output);

        var result = site.Build(layers);

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Diagnostics.Select(d => $"{d.Path}:{d.Line}:{d.Column}: {d.Message}"));
        Assert.Equal(before, TestSite.Snapshot(site.Output));
        Assert.DoesNotContain(before.Values, bytes => System.Text.Encoding.UTF8.GetString(bytes).Contains(Secret));
    }

    private const string ThemeLink = "it is a symbolic link, not a regular file: theme files are read from regular files only, and links are never followed. " +
                                     "Replace it with the file itself.";

    [Fact]
    public void A_template_that_is_a_link_to_a_file_outside_fails_the_build()
    {
        using var site = new TestSite("basic");
        var theme = ThemeLayer(site, "layouts");
        var template = Path.Combine(theme, "layouts", "paper.liquid");
        File.CreateSymbolicLink(template, SecretFile(site));
        AssertRefused(site, [theme], $"{template}:1:1: {ThemeLink}");
    }

    [Fact]
    public void An_asset_that_is_a_link_fails_the_build()
    {
        using var site = new TestSite("basic");
        var theme = ThemeLayer(site, "assets/fonts");
        var asset = Path.Combine(theme, "assets", "fonts", "secret.css");
        File.CreateSymbolicLink(asset, SecretFile(site));
        AssertRefused(site, [theme], $"{asset}:1:1: {ThemeLink}");
    }

    [Fact]
    public void A_link_to_dev_zero_among_the_assets_fails_the_build_at_once()
    {
        using var site = new TestSite("basic");
        var theme = ThemeLayer(site, "assets");
        var asset = Path.Combine(theme, "assets", "zero.css");
        File.CreateSymbolicLink(asset, "/dev/zero");
        AssertRefused(site, [theme], $"{asset}:1:1: {ThemeLink}");
    }

    [Fact]
    public void A_folder_link_among_the_assets_fails_the_build_and_is_not_listed()
    {
        using var site = new TestSite("basic");
        var theme = ThemeLayer(site, "assets");
        var outside = Directory.CreateDirectory(Path.Combine(site.Root, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, Secret + ".css"), Secret);
        var link = Path.Combine(theme, "assets", "more");
        Directory.CreateSymbolicLink(link, outside);
        AssertRefused(site, [theme], $"{link}:1:1: {ThemeLink}");
    }

    [Theory]
    [InlineData("layouts")]
    [InlineData("assets")]
    public void A_layouts_or_assets_folder_that_is_a_link_fails_the_build(string folder)
    {
        using var site = new TestSite("basic");
        var theme = ThemeLayer(site);
        var link = Path.Combine(theme, folder);
        Directory.CreateSymbolicLink(link, Path.Combine(TestSite.DefaultTheme, folder));
        AssertRefused(site, [theme],
            $"{link}:1:1: {folder}/ is a symbolic link, not a folder: theme files are read from regular files and folders only, and links are never followed.");
    }

    [Fact]
    public void A_theme_folder_that_is_a_link_fails_the_build()
    {
        using var site = new TestSite("basic");
        var link = Path.Combine(site.Root, "linked-theme");
        Directory.CreateSymbolicLink(link, TestSite.DefaultTheme);
        AssertRefused(site, [link], $"{link}:1:1: the theme folder is a symbolic link, not a folder: links are never followed.");
    }

    [Fact]
    public async Task A_fifo_among_the_assets_fails_the_build_without_waiting_on_it()
    {
        using var site = new TestSite("basic");
        var theme = ThemeLayer(site, "assets");
        var fifo = Path.Combine(theme, "assets", "pipe.css");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        await Task.Run(() => AssertRefused(site, [theme],
            $"{fifo}:1:1: it is a named pipe (FIFO), not a regular file: theme files are read from regular files only, and links are never followed. Replace it with the file itself."))
            .WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void A_paper_that_is_a_link_fails_the_build_and_publishes_nothing_of_its_target()
    {
        using var site = new TestSite("basic");
        var paper = Path.Combine(site.Content, "issues", "2026-03-18", "stolen.md");
        var secret = SecretFile(site);
        File.WriteAllText(secret, $"---\ntitle: \"{Secret}\"\nauthors: [Ada]\ntopics: [fine-tuning]\n---\n{Secret}\n");
        File.CreateSymbolicLink(paper, secret);
        Assert.False(Directory.Exists(site.Output));

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(["issues/2026-03-18/stolen.md:1:1: it is a symbolic link, and links are never followed: content is read from regular files and " +
                      "folders inside the content folder only. Replace the link with the file or folder itself."],
            result.Diagnostics.Select(d => $"{d.Path}:{d.Line}:{d.Column}: {d.Message}"));
        Assert.False(Directory.Exists(site.Output));
    }
}

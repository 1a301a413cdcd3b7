namespace DigestSite.Browser.Tests.Infrastructure;

/// <summary>
/// A new digest as its owner makes it: the .NET tool packed and installed (<see cref="InstalledTool"/>),
/// then `digestsite init`, `check` and `build` run by it in a temporary folder with no node or npm on
/// PATH; the site it built, served under /digest/ like the others.
/// </summary>
public sealed class ScaffoldedSite : IAsyncDisposable
{
    /// <summary>A title with every character site.yml, HTML and feeds must escape.</summary>
    public const string Title = "Digest: \"Papers\" & <Friends> \\ #1";

    public required InstalledTool Tool { get; init; }
    /// <summary>The digest's folder, as `init` made it (with `_site/` now built in it).</summary>
    public required string Folder { get; init; }
    public required string CheckOutput { get; init; }
    public required BuiltSite Site { get; init; }

    public static async Task<ScaffoldedSite> CreateAsync()
    {
        var tool = InstalledTool.PackAndInstall();
        var root = Directory.CreateTempSubdirectory("digestsite-browser-scaffold-").FullName;
        tool.RunWithoutNode(root, "init", "my-digest", "--title", Title, "--url", "https://example.github.io/digest");
        var folder = Path.Combine(root, "my-digest");
        var check = tool.RunWithoutNode(folder, "check");
        tool.RunWithoutNode(folder, "build");
        return new ScaffoldedSite
        {
            Tool = tool,
            Folder = folder,
            CheckOutput = check,
            Site = await BuiltSite.ServeAsync("scaffold", root, Path.Combine(folder, "_site")),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        Tool.Dispose();
    }
}

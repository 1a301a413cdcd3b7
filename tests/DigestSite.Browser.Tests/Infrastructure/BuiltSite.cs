namespace DigestSite.Browser.Tests.Infrastructure;

/// <summary>
/// A site built with the repository's default theme into a temporary folder and served on
/// 127.0.0.1 under its base path (/digest/), as GitHub Pages would serve a project site.
/// </summary>
public sealed class BuiltSite : IAsyncDisposable
{
    public const string BasePath = "/digest/";

    private readonly string root;
    private readonly StaticSiteServer server;

    public string Name { get; }
    /// <summary>The folder the site was built into.</summary>
    public string Output { get; }
    /// <summary>The served site's root, ending in the base path: http://127.0.0.1:PORT/digest/.</summary>
    public Uri BaseUrl => server.BaseUrl;

    private BuiltSite(string name, string root, string output, StaticSiteServer server)
    {
        Name = name;
        this.root = root;
        Output = output;
        this.server = server;
    }

    /// <summary>Builds <paramref name="contentDir"/> (copied first, so the build never writes into the repository) and serves it.</summary>
    public static async Task<BuiltSite> BuildAndServeAsync(string name, string contentDir)
    {
        var root = Directory.CreateTempSubdirectory($"digestsite-browser-{name}-").FullName;
        var content = Path.Combine(root, "content");
        CopyDirectory(contentDir, content);
        var result = SiteBuilder.Build(new BuildOptions(content, [Repo.Theme], Path.Combine(root, "_site")));
        if (!result.Succeeded)
            throw new InvalidOperationException($"The {name} site did not build:\n" + string.Join("\n", result.Diagnostics));
        return await ServeAsync(name, root, Path.Combine(root, "_site"));
    }

    /// <summary>Serves a site already built into <paramref name="output"/>; <paramref name="root"/>, which holds it, is removed on disposal.</summary>
    public static async Task<BuiltSite> ServeAsync(string name, string root, string output)
    {
        var server = await StaticSiteServer.StartAsync(output, BasePath);
        return new BuiltSite(name, root, output, server);
    }

    /// <summary>Generates an archive of <paramref name="papers"/> papers (<see cref="GeneratedArchive"/>), builds it and serves it.</summary>
    public static async Task<BuiltSite> GenerateAndServeAsync(string name, int papers)
    {
        var root = Directory.CreateTempSubdirectory($"digestsite-browser-{name}-").FullName;
        var content = Path.Combine(root, "content");
        GeneratedArchive.Write(content, papers);
        var result = SiteBuilder.Build(new BuildOptions(content, [Repo.Theme], Path.Combine(root, "_site")));
        if (!result.Succeeded)
            throw new InvalidOperationException($"The {name} site did not build:\n" + string.Join("\n", result.Diagnostics));
        return await ServeAsync(name, root, Path.Combine(root, "_site"));
    }

    /// <summary>The content folder a built or generated site was built from (its copy, or the generated archive).</summary>
    public string Content => Path.Combine(root, "content");

    /// <summary>The absolute URL of a site path such as "issues/2026-03-18/".</summary>
    public string Url(string path) => new Uri(BaseUrl, path.TrimStart('/')).ToString();

    /// <summary>Every HTML page of the output, as paths relative to it ("index.html", "issues/index.html", ...).</summary>
    public IReadOnlyList<string> HtmlFiles() =>
        Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The URL path a page file is served at: "issues/index.html" -> "issues/".</summary>
    public static string PathOf(string htmlFile) =>
        htmlFile == "index.html" ? "" : htmlFile.EndsWith("/index.html", StringComparison.Ordinal) ? htmlFile[..^"index.html".Length] : htmlFile;

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

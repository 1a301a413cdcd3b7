namespace DigestSite.Build.Tests;

/// <summary>A fixture site copied to a temporary folder, built with the repository's default theme.</summary>
public sealed class TestSite : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("digestsite-").FullName;
    public string Content => Path.Combine(Root, "content");
    public string Output => Path.Combine(Root, "_site");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();
    public static string DefaultTheme => Path.Combine(RepositoryRoot, "theme");

    public TestSite(string fixture)
    {
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture), Content);
    }

    public BuildResult Build(IReadOnlyList<string>? extraThemeLayers = null, int parallelism = -1) =>
        SiteBuilder.Build(new BuildOptions(Content, [DefaultTheme, .. extraThemeLayers ?? []], Output) { Parallelism = parallelism });

    public string Page(string relativePath) => File.ReadAllText(Path.Combine(Output, relativePath));

    public void WriteContent(string relativePath, string text)
    {
        var path = Path.Combine(Content, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Every file of the output with its bytes, for byte-for-byte comparisons.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DigestSite.sln"))) return dir.FullName;
        throw new InvalidOperationException("DigestSite.sln not found above the test binaries.");
    }
}

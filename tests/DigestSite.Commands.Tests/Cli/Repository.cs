namespace DigestSite.Commands.Tests;

/// <summary>The repository the tests run from: the folder holding DigestSite.sln.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DigestSite.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no DigestSite.sln above {AppContext.BaseDirectory}");
    }
}

namespace DigestSite.Browser.Tests.Infrastructure;

/// <summary>Where things are: the repository, its theme and content, and the test tools installed by npm.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();
    public static string Theme => Path.Combine(Root, "theme");
    public static string SampleContent => Path.Combine(Root, "content");
    public static string Tools => Path.Combine(Root, "tests", "tools");

    /// <summary>The fixture sites linked into the test output (see the .csproj).</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>A package of tests/tools/node_modules, or a failure that says how to install it.</summary>
    public static string ToolPath(string relative)
    {
        var path = Path.Combine(Tools, "node_modules", relative);
        if (!File.Exists(path))
            Assert.Fail($"{path} is missing: run `npm ci` in tests/tools (tests/run.sh does it), then run the tests again.");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DigestSite.sln"))) return dir.FullName;
        throw new InvalidOperationException("DigestSite.sln not found above the test binaries.");
    }
}

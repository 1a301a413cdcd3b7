using DigestSite.Corpus;

namespace DigestSite.Commands.Tests;

/// <summary>
/// The native executable (what releases ship) against the JIT build (`dotnet run`, the tool package):
/// the same site, byte for byte, on the sample content and on a generated archive, and the same
/// errors from `check`. ServeTests runs `serve` from both.
/// </summary>
public sealed class NativeBuildTests : IDisposable
{
    private readonly FixtureSite site = new();

    [Fact]
    public void The_sample_site_is_the_same_bytes_as_the_JIT_build() =>
        AssertSameSite(Path.Combine(Cli.RepositoryRoot, "content"));

    [Fact]
    public void A_generated_archive_is_the_same_bytes_as_the_JIT_build()
    {
        var content = Path.Combine(site.Workspace, "generated");
        CorpusGenerator.Write(content, new CorpusOptions { Papers = 400, Plants = Plants.All });
        AssertSameSite(content);
    }

    [Fact]
    public void Check_reports_the_same_errors_as_the_JIT_build()
    {
        site.Write(FixtureSite.RagPaper, FixtureSite.RagPaperText.Replace("authors:", "autors:").Replace("topics: [rag]", "topics: [ragg]"));

        var jit = Cli.Run(site.Workspace, "check");
        var native = Cli.RunNative(site.Workspace, "check");

        Assert.Equal(1, native.ExitCode);
        Assert.Contains("did you mean", native.Out + native.Err);
        Assert.Equal(jit, native);
    }

    private void AssertSameSite(string content)
    {
        var theme = Path.Combine(Cli.RepositoryRoot, "theme");
        string jitOutput = Path.Combine(site.Workspace, "jit"), nativeOutput = Path.Combine(site.Workspace, "native");
        var jit = Cli.Run(site.Workspace, "build", "--content", content, "--theme", theme, "--output", jitOutput);
        Assert.True(jit.ExitCode == 0, jit.Out + jit.Err);
        var native = Cli.RunNative(site.Workspace, "build", "--content", content, "--theme", theme, "--output", nativeOutput);
        Assert.True(native.ExitCode == 0, native.Out + native.Err);

        var expected = Snapshot(jitOutput);
        var actual = Snapshot(nativeOutput);
        Assert.True(expected.Count > 100, $"only {expected.Count} files were built");
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs between the JIT and the native build");
    }

    private static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    public void Dispose() => site.Dispose();
}

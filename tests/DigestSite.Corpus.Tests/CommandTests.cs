using System.Text.Json;

namespace DigestSite.Corpus.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("digestsite-corpus-cli-").FullName;

    [Fact]
    public void Writes_the_archive_and_the_ground_truth()
    {
        var (code, stdout, stderr) = Run(Path.Combine(folder, "out"), "--papers", "120", "--seed", "5", "--plant", "series,model-names",
            "--manifest", Path.Combine(folder, "planted.json"));
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("120 papers", stdout);
        Assert.Equal(120, Directory.GetFiles(Path.Combine(folder, "out", "issues"), "*.md", SearchOption.AllDirectories).Count(f => !f.EndsWith("index.md")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "planted.json")));
        Assert.Equal(1, manifest.RootElement.GetProperty("series").GetArrayLength());
        Assert.Equal(0, manifest.RootElement.GetProperty("nearDuplicates").GetArrayLength());
        Assert.True(manifest.RootElement.GetProperty("modelNames").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("--papers", "0")]
    [InlineData("--papers", "ten")]
    [InlineData("--seed", "-1")]
    [InlineData("--end", "2025-02-30")]
    [InlineData("--plant", "typos")]
    [InlineData("--authors", "0")]
    [InlineData("--authors", "many")]
    [InlineData("--color", "red")]
    public void Refuses_bad_options_with_the_usage(string option, string value)
    {
        var (code, _, stderr) = Run(Path.Combine(folder, "out"), option, value);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains("usage: DigestSite.Corpus OUT", stderr);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Fact]
    public void Refuses_a_folder_that_is_not_empty()
    {
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");
        var (code, _, stderr) = Run(folder, "--papers", "3");
        Assert.Equal(1, code);
        Assert.Contains("is not empty", stderr);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        int code = CorpusCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}

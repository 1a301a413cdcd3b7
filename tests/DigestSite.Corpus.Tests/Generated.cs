using DigestSite.Archive;
using DigestSite.Content;

namespace DigestSite.Corpus.Tests;

/// <summary>An archive written into a temporary folder and read back with DigestSite's loader (what `check` runs).</summary>
public sealed class Generated : IDisposable
{
    public string Folder { get; }
    public Planted Planted { get; }
    public LoadResult Loaded { get; }
    public DigestArchive Archive => Loaded.Archive ?? throw new InvalidOperationException(
        "the generated archive does not pass check:\n" + string.Join("\n", Loaded.Diagnostics.Take(20)));
    public IReadOnlyList<Paper> Papers { get; }

    public Generated(CorpusOptions options)
    {
        Folder = Directory.CreateTempSubdirectory("digestsite-corpus-test-").FullName;
        Planted = CorpusGenerator.Write(Path.Combine(Folder, "content"), options);
        Loaded = ContentLoader.Load(Path.Combine(Folder, "content"));
        // Oldest first, each issue's papers in file name order: the order they were generated in.
        Papers = Loaded.Archive is { } a ? a.Papers.OrderBy(p => p.IssueDate).ThenBy(p => p.SourcePath, StringComparer.Ordinal).ToList() : [];
    }

    public Paper Paper(string slug) => Papers.Single(p => p.Slug == slug);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A 1,000-paper archive without plants and one with every plant, shared by the tests of a class.</summary>
public sealed class Archives : IDisposable
{
    public Generated Plain { get; } = new(new CorpusOptions { Papers = 1000, Seed = 11 });
    public Generated Planted { get; } = new(new CorpusOptions { Papers = 2000, Seed = 12, Plants = Plants.All });

    public void Dispose()
    {
        Plain.Dispose();
        Planted.Dispose();
    }
}

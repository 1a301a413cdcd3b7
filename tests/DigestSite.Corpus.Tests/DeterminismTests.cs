using System.Security.Cryptography;
using System.Text;

namespace DigestSite.Corpus.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void The_same_options_give_the_same_bytes()
    {
        var options = new CorpusOptions { Papers = 300, Seed = 7, Plants = Plants.All };
        Assert.Equal(Digest(CorpusGenerator.Generate(options)), Digest(CorpusGenerator.Generate(options)));
    }

    /// <summary>
    /// The bytes of one archive, pinned: they must not depend on the machine, its culture, the .NET
    /// version or hash order. When the generator is changed on purpose, this digest changes: update it,
    /// and say in bench/README.md that archives of earlier runs differ.
    /// </summary>
    [Fact]
    public void An_archive_is_the_same_on_every_machine()
    {
        var archive = CorpusGenerator.Generate(new CorpusOptions { Papers = 300, Seed = 7, Plants = Plants.All });
        Assert.Equal("d62de61b64414ca242a7ee3158a93aab3f3460ea5b6c7b81ad084786e716ca4d", Digest(archive));
    }

    [Fact]
    public void An_archive_with_more_authors_is_the_same_on_every_machine()
    {
        var archive = CorpusGenerator.Generate(new CorpusOptions { Papers = 300, Seed = 7, Plants = Plants.All, Authors = 1500 });
        Assert.Equal("fb812dcd2f9b7da21534ff39290a2601b784c44d9e7b7722c361211b956f65f5", Digest(archive));
    }

    [Fact]
    public void Another_seed_gives_another_archive()
    {
        var a = CorpusGenerator.Generate(new CorpusOptions { Papers = 50, Seed = 1 });
        var b = CorpusGenerator.Generate(new CorpusOptions { Papers = 50, Seed = 2 });
        Assert.NotEqual(Digest(a), Digest(b));
        Assert.NotEqual(a.Files.Where(f => f.Path.EndsWith(".md", StringComparison.Ordinal)).Select(f => f.Text).First(),
                        b.Files.Where(f => f.Path.EndsWith(".md", StringComparison.Ordinal)).Select(f => f.Text).First());
    }

    [Fact]
    public void Planting_leaves_the_other_papers_as_they_were()
    {
        var plain = CorpusGenerator.Generate(new CorpusOptions { Papers = 400, Seed = 3 });
        var planted = CorpusGenerator.Generate(new CorpusOptions { Papers = 400, Seed = 3, Plants = Plants.NearDuplicates });
        // Each paper draws from its own stream: only the copies (and so the ids after them in their month) differ.
        var same = plain.Files.Select(f => f.Text).Intersect(planted.Files.Select(f => f.Text)).Count();
        Assert.True(same > plain.Files.Count / 2, $"{same} of {plain.Files.Count} files unchanged");
        Assert.Equal(plain.Files.Count(f => f.Path.EndsWith("/index.md", StringComparison.Ordinal)),
                     planted.Files.Count(f => f.Path.EndsWith("/index.md", StringComparison.Ordinal)));
    }

    private static string Digest(GeneratedArchive archive)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in archive.Files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file.Path + "\0" + file.Text + "\0"));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

using DigestSite.Corpus;

namespace DigestSite.Browser.Tests.Infrastructure;

/// <summary>
/// A synthetic archive of a given size, written by the repository's archive generator
/// (bench/DigestSite.Corpus, seed 1, with real model names such as GPT-4 in summaries): the same
/// arguments always write the same files.
/// </summary>
public static class GeneratedArchive
{
    /// <summary>Writes an archive of <paramref name="papers"/> papers into <paramref name="contentDir"/>.</summary>
    public static void Write(string contentDir, int papers) =>
        CorpusGenerator.Write(contentDir, new CorpusOptions { Papers = papers, Seed = 1, Plants = Plants.ModelNames });
}

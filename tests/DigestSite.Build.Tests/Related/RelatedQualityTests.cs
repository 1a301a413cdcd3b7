using DigestSite.Content;
using DigestSite.Corpus;
using DigestSite.Pages;
using Xunit.Abstractions;

namespace DigestSite.Build.Tests.Related;

/// <summary>
/// Related papers find what was planted: on a generated 2,000-paper archive with near-duplicates (a paper
/// submitted again, slightly changed) and same-author series ("Kalomi", "Kalomi-2", …), a near-duplicate's
/// first related paper is its twin, and a series paper's first is another of its series. The figures are
/// in docs/performance.md ("Related papers"); the thresholds here are a little under what was measured.
/// </summary>
public sealed class RelatedQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void The_planted_neighbour_ranks_first()
    {
        var root = Directory.CreateTempSubdirectory("digestsite-related-").FullName;
        try
        {
            var planted = CorpusGenerator.Write(root, new CorpusOptions { Papers = 2000, Plants = Plants.NearDuplicates | Plants.Series });
            var model = new SiteModel(ContentLoader.Load(root).Archive ?? throw new InvalidOperationException("the generated archive did not load"));
            var slugOf = model.PapersInOrder.ToDictionary(p => p.Url, p => p.Slug);
            IReadOnlyList<string> Related(string slug) => model.Related[slug].Select(r => slugOf[r.Url]).ToArray();

            // Each pair both ways: the copy's twin is the original, and the original's is the copy.
            var twins = planted.NearDuplicates.SelectMany(d => new[] { (d.Original, Twin: d.Copy), (Original: d.Copy, Twin: d.Original) }).ToArray();
            double duplicatesAt1 = twins.Count(t => Related(t.Original).FirstOrDefault() == t.Twin) / (double)twins.Length;
            double duplicatesAt5 = twins.Count(t => Related(t.Original).Contains(t.Twin)) / (double)twins.Length;

            var members = planted.Series.SelectMany(s => s.Papers.Select(p => (Paper: p, Others: s.Papers.Where(o => o != p).ToHashSet()))).ToArray();
            double seriesAt1 = members.Count(m => Related(m.Paper).FirstOrDefault() is { } first && m.Others.Contains(first)) / (double)members.Length;
            // Precision at k, k the number of other papers of the series (at most 5): how many of the first k are of it.
            double seriesAtK = members.Average(m =>
            {
                int k = Math.Min(RelatedPapersShown, m.Others.Count);
                return Related(m.Paper).Take(k).Count(m.Others.Contains) / (double)k;
            });

            output.WriteLine($"near-duplicates: {twins.Length} papers, precision@1 {duplicatesAt1:P1}, recall@5 {duplicatesAt5:P1}");
            output.WriteLine($"series: {planted.Series.Count} series, {members.Length} papers, precision@1 {seriesAt1:P1}, precision@k {seriesAtK:P1}");
            Assert.True(twins.Length >= 30 && members.Length >= 15, "the archive has too few plants to judge");
            Assert.True(duplicatesAt1 >= 0.95, $"near-duplicates first: {duplicatesAt1:P1}");
            Assert.True(seriesAt1 >= 0.9, $"series first: {seriesAt1:P1}");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private const int RelatedPapersShown = DigestSite.Related.RelatedPapers.Shown;
}

using DigestSite.Archive;

namespace DigestSite.Corpus.Tests;

/// <summary>Each plant is in the archive, where the ground truth says, and as described.</summary>
public sealed class PlantTests(Archives archives) : IClassFixture<Archives>
{
    private Generated Archive => archives.Planted;

    [Fact]
    public void Name_variants_are_printed_on_the_papers_listed()
    {
        var authors = Archive.Planted.Authors;
        Assert.True(authors.Count >= 10, $"{authors.Count} authors with variants");
        var everyName = Archive.Papers.SelectMany(p => p.Authors).ToHashSet();
        foreach (var author in authors)
        {
            Assert.Contains(author.Name, everyName);   // the person appears under their own name too
            foreach (var variant in author.Variants)
            {
                Assert.NotEqual(author.Name, variant.Name);
                Assert.All(variant.Papers, slug => Assert.Contains(variant.Name, Archive.Paper(slug).Authors));
            }
        }
        var pairs = authors.SelectMany(a => a.Variants.Select(v => (a.Name, Variant: v.Name))).ToList();
        Assert.Contains(pairs, p => NameTradition.WithoutAccents(p.Name) == p.Variant);          // Jörg Müller -> Jorg Muller
        Assert.Contains(pairs, p => p.Variant.Length > 2 && p.Variant[1] == '.' && p.Variant[0] == p.Name[0]); // J. Müller
    }

    [Fact]
    public void Near_duplicates_are_the_same_work_again_later()
    {
        var pairs = Archive.Planted.NearDuplicates;
        Assert.Equal(2000 / 100, pairs.Count);
        foreach (var pair in pairs)
        {
            Paper original = Archive.Paper(pair.Original), copy = Archive.Paper(pair.Copy);
            Assert.NotEqual(original.Arxiv, copy.Arxiv);
            Assert.True(copy.IssueDate >= original.IssueDate);
            Assert.NotEqual(original.Title, copy.Title);
            Assert.True(Overlap(Words(original.Title), Words(copy.Title)) >= 0.5, $"{original.Title} / {copy.Title}");
            var sentences = original.SummaryMarkdown.Split(". ");
            Assert.True(sentences.Count(s => copy.SummaryMarkdown.Contains(s, StringComparison.Ordinal)) >= sentences.Length / 2, pair.ToString());
            Assert.NotEqual(original.SummaryMarkdown, copy.SummaryMarkdown);
            Assert.Equal(original.TopicSlugs, copy.TopicSlugs);
            Assert.Equal(Persons(original), Persons(copy));
        }
    }

    [Fact]
    public void A_series_is_one_lab_heads_line_of_papers_over_time()
    {
        var series = Archive.Planted.Series;
        Assert.Equal(2000 / 300, series.Count);
        foreach (var s in series)
        {
            Assert.InRange(s.Papers.Count, 3, 5);
            var papers = s.Papers.Select(Archive.Paper).ToList();
            Assert.Equal(papers.OrderBy(p => p.IssueDate).Select(p => p.Slug), papers.Select(p => p.Slug));
            Assert.All(papers, p => Assert.StartsWith(s.Name, p.Title, StringComparison.Ordinal));
            Assert.All(papers, p => Assert.Contains(p.Authors, a => a == s.Author || Variants(s.Author).Contains(a)));
            // Each later paper points back to the one before.
            for (int i = 1; i < papers.Count; i++)
                Assert.Contains(papers[i - 1].Arxiv is null ? "https://github.com/" : "https://arxiv.org/abs/" + papers[i - 1].Slug, papers[i].SummaryMarkdown);
        }
    }

    [Fact]
    public void Model_names_are_in_the_papers_listed_and_nowhere_else()
    {
        var models = Archive.Planted.ModelNames;
        Assert.True(models.Count >= 15, $"{models.Count} model names");
        Assert.Contains(models, m => m.Name == "Llama-3-8B");
        Assert.Contains(models, m => m.Name == "GPT-4");
        foreach (var model in models)
        {
            var listed = model.Papers.ToHashSet();
            foreach (var paper in Archive.Papers)
                Assert.Equal(listed.Contains(paper.Slug), ModelNames.Mentions(paper.Title + "\n" + paper.SummaryMarkdown, model.Name));
        }
        Assert.True(ModelNames.Mentions("compared with GPT-4.", "GPT-4"));
        Assert.False(ModelNames.Mentions("compared with GPT-4o.", "GPT-4"));
        Assert.False(ModelNames.Mentions("Llama-3-8B-Instruct", "Llama-3-8B"));
    }

    private HashSet<string> Variants(string name) =>
        Archive.Planted.Authors.Where(a => a.Name == name).SelectMany(a => a.Variants.Select(v => v.Name)).ToHashSet();

    /// <summary>The paper's authors as people: each printed variant mapped back to its owner's name.</summary>
    private HashSet<string> Persons(Paper paper)
    {
        var owner = Archive.Planted.Authors.SelectMany(a => a.Variants.Select(v => (v.Name, Owner: a.Name))).ToDictionary(x => x.Name, x => x.Owner);
        return paper.Authors.Select(a => owner.GetValueOrDefault(a, a)).ToHashSet();
    }

    private static HashSet<string> Words(string title) => title.ToLowerInvariant().Split(' ', ':', '?').Where(w => w.Length > 0).ToHashSet();

    private static double Overlap(HashSet<string> a, HashSet<string> b) => a.Intersect(b).Count() / (double)a.Union(b).Count();
}

using System.Text.RegularExpressions;
using DigestSite.Content;
using DigestSite.Corpus;
using DigestSite.Incremental;
using DigestSite.Lunr;
using DigestSite.Pages;
using DigestSite.Related;
using DigestSite.Search;
using DigestSite.Tests;

namespace DigestSite.Build.Tests.Related;

/// <summary>
/// "Related papers" at the end of each paper page, on the `related` fixture, whose answers are known: two
/// papers on learned sparse term weights (by other authors), a series ("Kari", "Kari-2"), a paper that
/// shares only an author with another, and one on protein folding that nothing resembles.
/// </summary>
public sealed partial class RelatedPapersTests
{
    [Fact]
    public void Each_paper_lists_the_papers_like_it_best_first_with_why()
    {
        using var site = new TestSite("related");
        Assert.True(site.Build().Succeeded);

        Assert.Equal(
        [
            ("/digest/papers/term-weights-revisited/", "Learned Term Weights for Sparse Retrieval, Revisited", "shared terms: learned, sparse, term"),
            ("/digest/papers/graph-coloring/", "Greedy Heuristics for Graph Colouring", "same author: Ana Costa"),
        ], Related(site, "sparse-term-weights"));
        Assert.Equal([("/digest/papers/sparse-term-weights/", "Sparse Retrieval with Learned Term Weights", "shared terms: learned, sparse, term")],
            Related(site, "term-weights-revisited"));
        Assert.Equal([("/digest/papers/kari/", "Kari: Prompt Tuning on a Budget", "same series: Kari")], Related(site, "kari-2"));
        Assert.Equal([("/digest/papers/kari-2/", "Kari-2: Scaling Soft Prompts", "same series: Kari")], Related(site, "kari"));
        Assert.Equal([("/digest/papers/sparse-term-weights/", "Sparse Retrieval with Learned Term Weights", "same author: Ana Costa")],
            Related(site, "graph-coloring"));
    }

    [Fact]
    public void A_paper_that_nothing_resembles_has_no_related_section()
    {
        using var site = new TestSite("related");
        Assert.True(site.Build().Succeeded);

        var page = site.Page("papers/protein-folding/index.html");
        Assert.DoesNotContain("Related papers", page);
        Assert.DoesNotContain("related-list", page);
        Assert.Contains("Related papers", site.Page("papers/kari/index.html"));
    }

    [Fact]
    public void The_section_is_a_headed_ordered_list_after_the_paper()
    {
        using var site = new TestSite("related");
        Assert.True(site.Build().Succeeded);

        var page = site.Page("papers/kari/index.html");
        Assert.Matches(new Regex("""<section class="related" aria-labelledby="related-heading">\s*<h2 id="related-heading">Related papers</h2>\s*<ol class="related-list">"""), page);
        Assert.True(page.IndexOf("related-heading", StringComparison.Ordinal) > page.IndexOf("cite-heading", StringComparison.Ordinal));
    }

    [Fact]
    public void A_paper_page_with_related_papers_matches_its_snapshot()
    {
        using var site = new TestSite("related");
        Assert.True(site.Build().Succeeded);
        Snapshot.Verify("paper-with-related", site.Page("papers/sparse-term-weights/index.html"));
    }

    [Fact]
    public void No_paper_of_a_generated_archive_lists_itself_twice_or_more_than_five()
    {
        var model = Generated(600);
        foreach (var paper in model.PapersInOrder)
        {
            var related = model.Related[paper.Slug];
            Assert.True(related.Count <= RelatedPapers.Shown);
            Assert.DoesNotContain(related, r => r.Url == paper.Url);
            Assert.Equal(related.Count, related.Select(r => r.Url).Distinct().Count());
            Assert.All(related, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        }
        // Most papers of a generated archive (40 topics, labs that write many papers) have some.
        Assert.True(model.PapersInOrder.Count(p => model.Related[p.Slug].Count > 0) > model.PapersInOrder.Count * 0.9);
    }

    [Fact]
    public void One_thread_and_many_threads_find_the_same_related_papers()
    {
        var model = Generated(600);
        using var analyzer = new LunrTextAnalyzer();
        var terms = model.PapersInOrder.Select(p => new PaperTerms(Array.ConvertAll(SearchIndex.FieldTexts(p), analyzer.Analyze))).ToArray();
        var numberedByOne = ArchiveTerms.Number(terms, parallelism: 1);
        var numberedByMany = ArchiveTerms.Number(terms, parallelism: 8);
        Assert.Equal(numberedByOne.Words, numberedByMany.Words);
        var one = RelatedPapers.Find(model.PapersInOrder, Array.ConvertAll(terms, RelatedPapers.Tokens.Of), numberedByOne, parallelism: 1);
        var many = RelatedPapers.Find(model.PapersInOrder, Array.ConvertAll(terms, RelatedPapers.Tokens.Of), numberedByMany, parallelism: 8);
        foreach (var paper in model.PapersInOrder)
        {
            Assert.Equal(one[paper.Slug], many[paper.Slug]);
            Assert.Equal(model.Related[paper.Slug], one[paper.Slug]);
        }
    }

    [Fact]
    public void The_weights_are_the_search_indexs_own()
    {
        var model = Generated(300);
        var papers = model.PapersInOrder;
        var terms = model.Terms;
        var weights = new TermWeights(terms);
        var index = SearchIndex.Build(papers, terms);
        var termNumbers = Enumerable.Range(0, index.TermCount).ToDictionary(index.TermText);
        int compared = 0;
        List<int> docs = [];
        List<double> docWeights = [];
        for (int p = 0; p < papers.Count; p++)
            for (int f = 0; f < SearchIndex.Fields.Length; f++)
            {
                var field = terms.Fields(p)[f];
                for (int j = 0; j < field.Words.Length; j++)
                {
                    var text = terms.Words[field.Words[j]];
                    // The archive's numbers are the index's own term indices.
                    Assert.Equal(field.Words[j], index.TermIndex(termNumbers[text]));
                    index.Posting(termNumbers[text], f, docs, docWeights);
                    int k = docs.IndexOf(p);
                    Assert.True(k >= 0, $"{text} is not in paper {p}'s posting");
                    Assert.Equal(docWeights[k], weights.Weight(field, f, j));
                    compared++;
                }
            }
        Assert.Equal(index.VectorElementCount, compared);
    }

    [Fact]
    public void Related_links_resolve_under_the_base_path()
    {
        using var site = new TestSite("related");
        Assert.True(site.Build().Succeeded);
        var (broken, checkedLinks, _) = InternalLinks.Check(site.Output, "/digest/");
        Assert.Empty(broken);
        Assert.True(checkedLinks > 50, $"only {checkedLinks} internal links checked");
    }

    [Fact]
    public void Editing_one_paper_changes_another_papers_related_list_as_a_clean_build_would()
    {
        using var site = new TestSite("related");
        Assert.True(site.Build().Succeeded);
        var before = TestSite.Snapshot(site.Output);

        // The revisited paper is now about protein folding: the first sparse-retrieval paper loses it, the folding paper gains it.
        site.WriteContent("issues/2026-05-11/term-weights-revisited.md", """
            ---
            title: "Folding Intermediates Seen by Cryo-EM, Revisited"
            authors: ["Chen Li"]
            topics: [biology]
            ---

            Electron microscopy again resolves proteins halfway through folding, and their transient states.
            """);
        var result = site.Build();

        Assert.True(result.Succeeded);
        Assert.True(result.Incremental);
        Assert.Equal([("/digest/papers/graph-coloring/", "Greedy Heuristics for Graph Colouring", "same author: Ana Costa")], Related(site, "sparse-term-weights"));
        Assert.Contains(Related(site, "protein-folding"), r => r.Url == "/digest/papers/term-weights-revisited/");
        var after = TestSite.Snapshot(site.Output);
        Assert.False(before["papers/sparse-term-weights/index.html"].AsSpan().SequenceEqual(after["papers/sparse-term-weights/index.html"]));
        Assert.True(before["papers/kari/index.html"].AsSpan().SequenceEqual(after["papers/kari/index.html"]));
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void Serve_shows_what_an_edit_of_another_paper_changes_in_a_related_list()
    {
        using var site = new TestSite("related");
        var session = new BuildSession();
        var options = new BuildOptions(site.Content, [TestSite.DefaultTheme], site.Output);
        Assert.True(session.Build(options).Succeeded);

        // A title edit of the revisited paper changes what the first paper's list shows of it.
        var path = Path.Combine(site.Content, "issues/2026-05-11/term-weights-revisited.md");
        site.WriteContent("issues/2026-05-11/term-weights-revisited.md", File.ReadAllText(path).Replace(", Revisited", " Once More"));
        Assert.True(session.Build(options).Succeeded);

        Assert.Equal("Learned Term Weights for Sparse Retrieval Once More", Related(site, "sparse-term-weights")[0].Title);
        AssertSameAsCleanBuild(site);
    }

    /// <summary>The related papers a paper's page shows: link, title and reason, in order.</summary>
    private static List<(string Url, string Title, string Reason)> Related(TestSite site, string slug)
    {
        var page = site.Page($"papers/{slug}/index.html");
        return RelatedItem().Matches(page).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();
    }

    [GeneratedRegex("""<li><a href="([^"]*)">([^<]*)</a> <span class="related-reason">([^<]*)</span></li>""")]
    private static partial Regex RelatedItem();

    private static SiteModel Generated(int papers)
    {
        var root = Directory.CreateTempSubdirectory("digestsite-related-").FullName;
        try
        {
            CorpusGenerator.Write(root, new CorpusOptions { Papers = papers, Plants = Plants.All });
            return new SiteModel(ContentLoader.Load(root).Archive ?? throw new InvalidOperationException("the generated archive did not load"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void AssertSameAsCleanBuild(TestSite site)
    {
        var clean = Path.Combine(site.Root, "_clean");
        var result = SiteBuilder.Build(new BuildOptions(site.Content, [TestSite.DefaultTheme], clean) { Incremental = false });
        Assert.True(result.Succeeded);
        Assert.Equal(TestSite.Snapshot(clean), TestSite.Snapshot(site.Output));
    }
}

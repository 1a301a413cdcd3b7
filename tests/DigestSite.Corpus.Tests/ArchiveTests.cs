using System.Text.RegularExpressions;
using DigestSite.Archive;

namespace DigestSite.Corpus.Tests;

/// <summary>What a generated archive looks like: valid content, realistic in the ways the site and search care about.</summary>
public sealed class ArchiveTests(Archives archives) : IClassFixture<Archives>
{
    [Theory]
    [InlineData(1, 1ul, Plants.None)]
    [InlineData(7, 2ul, Plants.All)]
    [InlineData(45, 3ul, Plants.All)]
    [InlineData(61, 4ul, Plants.Series | Plants.NameVariants)]
    public void Every_size_passes_check_with_exactly_the_papers_asked(int papers, ulong seed, Plants plants)
    {
        using var generated = new Generated(new CorpusOptions { Papers = papers, Seed = seed, Plants = plants });
        Assert.Empty(generated.Loaded.Diagnostics);
        Assert.Equal(papers, generated.Archive.Papers.Count());
    }

    [Fact]
    public void The_large_archives_pass_check()
    {
        Assert.Empty(archives.Plain.Loaded.Diagnostics);
        Assert.Empty(archives.Planted.Loaded.Diagnostics);
        Assert.Equal(1000, archives.Plain.Papers.Count);
        Assert.Equal(2000, archives.Planted.Papers.Count);
    }

    [Fact]
    public void Issues_come_on_weekdays_with_about_thirty_papers_and_some_introductions()
    {
        var issues = archives.Plain.Archive.Issues;
        Assert.All(issues, i => Assert.NotInRange(i.Date.DayOfWeek, DayOfWeek.Saturday, DayOfWeek.Saturday));
        Assert.All(issues, i => Assert.NotEqual(DayOfWeek.Sunday, i.Date.DayOfWeek));
        Assert.InRange(issues.Count, 1000 / 40, 1000 / 22);
        Assert.Equal(new DateOnly(2025, 10, 31), issues.Max(i => i.Date));
        Assert.True(issues.Max(i => i.Date).DayNumber - issues.Min(i => i.Date).DayNumber > 35, "a spread of dates");
        Assert.Contains(issues, i => i.Papers.Count < 25);
        Assert.Contains(issues, i => i.Papers.Count > 35);
        int intros = issues.Count(i => i.Title is not null && i.IntroductionMarkdown is not null);
        Assert.InRange(intros, issues.Count / 5, issues.Count * 3 / 5);
        Assert.Contains(issues, i => i.IntroductionMarkdown?.Contains("](https://", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Summaries_are_an_editors_Markdown_of_realistic_length()
    {
        var papers = archives.Plain.Papers;
        var words = papers.Select(p => p.SummaryMarkdown.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length).ToList();
        Assert.InRange(words.Min(), 90, 150);
        Assert.InRange(words.Max(), 250, 340);
        Assert.InRange(words.Average(), 160, 230);
        Share(papers, p => p.SummaryMarkdown.Contains("**", StringComparison.Ordinal), 0.3, 0.7);
        Share(papers, p => Regex.IsMatch(p.SummaryMarkdown, @"(?<!\*)\*[a-z][^*]*\*(?!\*)"), 0.1, 0.6);
        Share(papers, p => p.SummaryMarkdown.Contains('`'), 0.1, 0.6);
        Share(papers, p => p.SummaryMarkdown.Contains("](https://", StringComparison.Ordinal), 0.05, 0.5);
        Share(papers, p => p.SummaryMarkdown.Contains("\n- ", StringComparison.Ordinal), 0.05, 0.3);
        Share(papers, p => p.SummaryMarkdown.Contains("\n\n", StringComparison.Ordinal), 0.4, 0.8);
        // Titles are headlines, almost all different.
        Assert.True(papers.Select(p => p.Title).Distinct().Count() > papers.Count * 0.95);
        Assert.All(papers, p => Assert.InRange(p.Title.Split(' ').Length, 3, 20));
    }

    [Fact]
    public void Papers_have_ids_dates_votes_and_links_as_real_ones_do()
    {
        var papers = archives.Plain.Papers;
        Share(papers, p => p.Arxiv is not null, 0.9, 0.995);
        Share(papers, p => p.Arxiv?.Contains('v') == true, 0.01, 0.1);
        Share(papers, p => p.Published is not null, 0.6, 0.8);
        Assert.All(papers.Where(p => p.Published is not null), p => Assert.InRange(p.IssueDate.DayNumber - p.Published!.Value.DayNumber, 0, 7));
        Share(papers, p => p.Links.Any(l => l.Name == "code"), 0.3, 0.5);
        Share(papers, p => p.SubmittedBy is not null, 0.08, 0.25);
        Share(papers, p => p.Upvotes == 0, 0.3, 0.7);
        Assert.Contains(papers, p => p.Upvotes > 50);
        Assert.All(papers, p => Assert.InRange(p.TopicSlugs.Count, 1, 3));
        Assert.Equal(40, archives.Plain.Archive.Topics.Count);
    }

    [Fact]
    public void Authors_recur_and_write_their_names_with_accents_and_initials()
    {
        var papers = archives.Plain.Papers;
        Assert.All(papers, p => Assert.InRange(p.Authors.Count, 1, 8));
        var names = papers.SelectMany(p => p.Authors).ToList();
        var distinct = names.Distinct().ToList();
        Assert.True(distinct.Count(n => n.Any(c => c > 127)) > distinct.Count / 5, "accented names");
        Assert.Contains(distinct, n => n.Contains("ü", StringComparison.Ordinal));
        Assert.Contains(distinct, n => Regex.IsMatch(n, @"^\p{Lu}\. "));                  // "K. Nakamura"
        Assert.Contains(distinct, n => Regex.IsMatch(n, @" \p{Lu}\. "));                  // "Ana M. Costa"
        Assert.Contains(distinct, n => n.Contains('-'));                                   // "Jean-Pierre", "Ji-woo"
        Assert.True(names.GroupBy(n => n).Max(g => g.Count()) >= 20, "a lab head on many papers");
        Assert.True(distinct.Count > 300, $"{distinct.Count} authors");
    }

    [Fact]
    public void More_authors_adds_newcomers_on_one_paper_each_and_changes_nothing_else()
    {
        var plain = new CorpusOptions { Papers = 600, Seed = 9 };
        using var more = new Generated(plain with { Authors = 2000, Plants = Plants.NearDuplicates });
        Assert.Empty(more.Loaded.Diagnostics);
        var papers = more.Papers;
        var names = papers.SelectMany(p => p.Authors).ToList();
        var perName = names.CountBy(n => n).ToDictionary(c => c.Key, c => c.Value);
        Assert.InRange(perName.Count, 1900, 2000);                                          // about as many people as asked
        Assert.True(perName.Values.Count(n => n == 1) > perName.Count * 3 / 5, "most people on one paper");
        Assert.InRange(names.Count / (double)papers.Count, 5.0, 8.5);                       // 5 to 8 authors a paper
        Assert.True(perName.Values.Max() >= 20, "a lab head still on many papers");

        // Without plants, only the author lists differ from the archive without the option: titles, summaries, slugs, issues
        // are its. (A near-duplicate's draws depend on its number of authors, so with that plant its identity differs too.)
        var without = CorpusGenerator.Generate(plain).Files;
        var with = CorpusGenerator.Generate(plain with { Authors = 2000 }).Files;
        Assert.Equal(without.Select(f => f.Path), with.Select(f => f.Path));
        Assert.Equal(without.Select(f => WithoutAuthors(f.Text)), with.Select(f => WithoutAuthors(f.Text)));
        // A near-duplicate keeps its original's authors, newcomers included.
        foreach (var pair in more.Planted.NearDuplicates)
            Assert.Equal(more.Paper(pair.Original).Authors.Order(), more.Paper(pair.Copy).Authors.Order());
    }

    [Fact]
    public void Fewer_authors_than_the_labs_have_changes_nothing()
    {
        var plain = new CorpusOptions { Papers = 200, Seed = 4 };
        Assert.Equal(CorpusGenerator.Generate(plain).Files, CorpusGenerator.Generate(plain with { Authors = 1 }).Files);
    }

    private static string WithoutAuthors(string text) => Regex.Replace(text, @"^authors:\n(  - .*\n)+", "", RegexOptions.Multiline);

    [Fact]
    public void Without_plants_nothing_is_planted()
    {
        var planted = archives.Plain.Planted;
        Assert.Empty(planted.Authors);
        Assert.Empty(planted.NearDuplicates);
        Assert.Empty(planted.Series);
        Assert.Empty(planted.ModelNames);
        Assert.DoesNotContain(archives.Plain.Papers, p => ModelNames.All.Any(m => ModelNames.Mentions(p.Title + "\n" + p.SummaryMarkdown, m)));
    }

    private static void Share(IReadOnlyList<Paper> papers, Func<Paper, bool> test, double min, double max)
    {
        double share = papers.Count(test) / (double)papers.Count;
        Assert.InRange(share, min, max);
    }
}

public sealed class PopulationTests
{
    [Fact]
    public void A_large_archive_finds_a_name_for_everyone()
    {
        var population = Population.Make(60_000, new Rng(1));
        Assert.Equal(60_000 / 20, population.Labs.Count);
        Assert.Equal(population.People.Count, population.People.Select(p => p.Name).Distinct().Count());
    }
}

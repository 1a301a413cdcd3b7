namespace DigestSite.Commands.Tests;

/// <summary>
/// Output grows with topics times papers: one paper filed under 1,000 topics made 193 MiB; and with
/// the square of a paper's authors (each has a page and feeds listing it). Topics and authors per
/// paper and topics in all are capped, with located errors.
/// </summary>
public class TopicLimitTests
{
    private const string A = FixtureSite.Issue + "/a.md";

    private static string TopicsYml(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $"t{i}:\n  name: \"Topic {i}\"\n"));

    [Fact]
    public void A_paper_with_more_than_ten_topics_is_an_error_at_the_eleventh()
    {
        using var site = new FixtureSite();
        site.Write("topics.yml", TopicsYml(20));
        site.Delete(FixtureSite.RagPaper).Delete(FixtureSite.LoraPaper);
        site.Paper(A, $"title: \"T\"\nauthors: [Ada]\ntopics: [{string.Join(", ", Enumerable.Range(0, 12).Select(i => $"t{i}"))}]");
        Assert.Equal([$"{A}:4:50: a paper has at most 10 topics, not 12: keep the ones that fit it best."], site.Errors());
    }

    [Fact]
    public void Ten_topics_are_allowed()
    {
        using var site = new FixtureSite();
        site.Write("topics.yml", TopicsYml(20));
        site.Delete(FixtureSite.RagPaper).Delete(FixtureSite.LoraPaper);
        site.Paper(A, $"title: \"T\"\nauthors: [Ada]\ntopics: [{string.Join(", ", Enumerable.Range(0, 10).Select(i => $"t{i}"))}]");
        Assert.Empty(site.Errors());
    }

    [Fact]
    public void A_paper_with_more_than_two_hundred_authors_is_an_error_at_the_first_one_over()
    {
        using var site = new FixtureSite();
        var names = string.Join("\n", Enumerable.Range(0, 250).Select(i => $"  - \"Ada Number{i}\""));
        site.Paper(A, $"title: \"T\"\nauthors:\n{names}\ntopics: [rag]");
        Assert.Equal([$"{A}:204:5: a paper lists at most 200 authors, not 250: keep the first 200 (the paper's own page lists them all)."], site.Errors());
    }

    [Fact]
    public void Two_hundred_authors_are_allowed()
    {
        using var site = new FixtureSite();
        var names = string.Join("\n", Enumerable.Range(0, 200).Select(i => $"  - \"Ada Number{i}\""));
        site.Paper(A, $"title: \"T\"\nauthors:\n{names}\ntopics: [rag]");
        Assert.Empty(site.Errors());
    }

    [Fact]
    public void More_than_five_hundred_topics_is_an_error_at_the_first_one_over()
    {
        using var site = new FixtureSite();
        site.Write("topics.yml", FixtureSite.TopicsYml + TopicsYml(1_000));
        Assert.Equal(["topics.yml:1003:1: topics.yml defines 1,002 topics; a digest has at most 500: merge the narrowest ones."], site.Errors());
    }

    [Fact]
    public void Five_hundred_topics_are_allowed()
    {
        using var site = new FixtureSite();
        site.Write("topics.yml", FixtureSite.TopicsYml + TopicsYml(498));
        Assert.Empty(site.Errors());
    }
}

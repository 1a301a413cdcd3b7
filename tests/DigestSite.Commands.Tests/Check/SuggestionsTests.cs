using System.Diagnostics;
using DigestSite.Diagnostics;

namespace DigestSite.Commands.Tests;

public class SuggestionsTests
{
    private static readonly string[] Keys = ["title", "authors", "topics", "arxiv", "published", "upvotes", "links", "submitted_by"];

    [Theory]
    [InlineData("autors", "authors")]     // a letter missing
    [InlineData("authros", "authors")]    // two letters swapped
    [InlineData("Title", "title")]        // case
    [InlineData("link", "links")]
    [InlineData("submittedby", "submitted_by")]
    [InlineData("publised", "published")]
    public void A_near_miss_is_suggested(string typed, string expected)
    {
        Assert.Equal(expected, Suggestions.Nearest(typed, Keys));
    }

    [Theory]
    [InlineData("category")]
    [InlineData("x")]
    [InlineData("")]
    public void A_far_miss_is_not(string typed)
    {
        Assert.Null(Suggestions.Nearest(typed, Keys));
    }

    [Fact]
    public void Ties_go_to_the_first_candidate_in_ordinal_order_whatever_the_input_order()
    {
        Assert.Equal("cat", Suggestions.Nearest("cot", ["cut", "cat"]));
        Assert.Equal("cat", Suggestions.Nearest("cot", ["cat", "cut"]));
    }

    [Fact]
    public void A_huge_unknown_topic_is_reported_quickly()
    {
        using var site = new FixtureSite();
        var huge = new string('x', 900_000);
        site.Paper(FixtureSite.Issue + "/a.md", $"title: \"T\"\nauthors: [Ada]\ntopics: [{huge}]");
        var clock = Stopwatch.StartNew();
        var errors = site.Errors();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Equal([$"{FixtureSite.Issue}/a.md:4:10: unknown topic \"{huge}\". Topics are defined in topics.yml."], errors);
    }
}

using DigestSite.Content;

namespace DigestSite.Commands.Tests;

/// <summary>
/// File names are content too: a name with a line break or a workflow command must not forge a
/// GitHub annotation or reach the terminal raw, and a name Windows cannot have must not pass.
/// </summary>
public class HostileNameTests
{
    private const string Rule = "lowercase letters, digits, \".\" and \"-\", starting with a letter or digit";

    private const string Reserved = "not be a name Windows reserves (con, prn, aux, nul, com0-com9, lpt0-lpt9, alone or before a dot): " +
                                    "such a repository cannot be checked out on Windows";

    [Fact]
    public void A_slug_with_a_final_line_break_is_invalid()
    {
        // With "$" as the pattern's end, "abc\n" passed: $ matches before a final line break.
        using var site = new FixtureSite();
        site.Write(FixtureSite.Issue + "/abc\n.md", FixtureSite.LoraPaperText.Replace("lora", "x"));
        Assert.Equal(
            [$"{FixtureSite.Issue}/abc\n.md:1:1: the file name \"abc\\n.md\" is not a valid slug: it must use {Rule}, e.g. 2312.15918.md."],
            site.Errors());
    }

    [Theory]
    [InlineData("2312.15918\n")]
    [InlineData("hep-th/9901001\n")]
    [InlineData("2312.15918v2\n")]
    [InlineData("2312.١٥٩١٨")] // Arabic-Indic digits: \d would take them
    public void An_arxiv_id_with_a_final_line_break_or_other_digits_is_invalid(string id)
    {
        Assert.False(ArxivId.IsValid(id));
        Assert.True(ArxivId.IsValid(id.TrimEnd('\n')) || !id.EndsWith('\n'));
    }

    [Fact]
    public void A_topic_slug_with_a_final_line_break_is_invalid()
    {
        using var site = new FixtureSite();
        site.Write("topics.yml", FixtureSite.TopicsYml + "\"extra\\n\":\n  name: \"Extra\"\n");
        Assert.Equal([$"topics.yml:7:1: topic slug \"extra\\n\" must use {Rule}."], site.Errors());
    }

    [Theory]
    [InlineData("con")]
    [InlineData("aux")]
    [InlineData("nul")]
    [InlineData("prn")]
    [InlineData("com1")]
    [InlineData("com9")]
    [InlineData("lpt1")]
    [InlineData("lpt0")]
    [InlineData("con.2024")]
    [InlineData("nul.tar")]
    public void Windows_reserved_names_are_invalid_paper_slugs(string slug)
    {
        using var site = new FixtureSite();
        site.Write($"{FixtureSite.Issue}/{slug}.md", FixtureSite.LoraPaperText);
        site.Delete(FixtureSite.LoraPaper);
        Assert.Equal(
            [$"{FixtureSite.Issue}/{slug}.md:1:1: the file name \"{slug}.md\" is not a valid slug: it must {Reserved}, e.g. 2312.15918.md."],
            site.Errors());
    }

    [Fact]
    public void A_slug_ending_in_a_dot_is_invalid()
    {
        using var site = new FixtureSite();
        site.Write($"{FixtureSite.Issue}/lora..md", FixtureSite.LoraPaperText);
        site.Delete(FixtureSite.LoraPaper);
        Assert.Equal(
            [$"{FixtureSite.Issue}/lora..md:1:1: the file name \"lora..md\" is not a valid slug: it must not end with \".\" " +
             "(Windows drops it, so the file could not be checked out there), e.g. 2312.15918.md."],
            site.Errors());
    }

    [Fact]
    public void A_windows_reserved_topic_slug_is_invalid()
    {
        using var site = new FixtureSite();
        site.Write("topics.yml", FixtureSite.TopicsYml + "aux:\n  name: \"Auxiliary\"\n");
        Assert.Equal([$"topics.yml:7:1: topic slug \"aux\" must {Reserved}."], site.Errors());
    }

    [Theory]
    [InlineData("console")]
    [InlineData("com10")]
    [InlineData("auxiliary-losses")]
    [InlineData("lpt")]
    [InlineData("nul-space")]
    public void Names_that_only_begin_like_a_reserved_one_are_valid(string slug) => Assert.True(Slugs.IsValid(slug));

    [Fact]
    public void A_file_name_cannot_forge_a_workflow_command_or_reach_the_terminal_raw()
    {
        using var site = new FixtureSite();
        var name = "x\n::notice file=README.md,line=1::forged\u001b[31m%0A.md";
        site.Write($"{FixtureSite.Issue}/{name}", "x");
        var result = Cli.Run(site.Workspace, gitHubActions: true, "check", "--content", "content");

        var shown = $"content/{FixtureSite.Issue}/x\\n::notice file=README.md,line=1::forged\\u001B[31m%0A.md";
        Assert.Equal(
            [$"{shown}:1:1: error: the file name \"x\\n::notice file=README.md,line=1::forged\\u001B[31m%0A.md\" is not a valid slug: it must use {Rule}, e.g. 2312.15918.md.",
             $"::error file=content/{FixtureSite.Issue}/x%0A%3A%3Anotice file=README.md%2Cline=1%3A%3Aforged%1B[31m%250A.md,line=1,col=1::" +
             $"the file name \"x\\n::notice file=README.md,line=1::forged\\u001B[31m%250A.md\" is not a valid slug: it must use {Rule}, e.g. 2312.15918.md.",
             "1 error in 1 file."],
            result.OutLines);
        Assert.DoesNotContain(result.OutLines, line => line.StartsWith("::notice", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', result.Out);
    }

    [Fact]
    public void A_path_that_would_start_a_line_with_two_colons_is_shown_from_dot_slash()
    {
        using var site = new FixtureSite();
        site.Write("::warning::forged", "x");
        var result = Cli.Run(site.Root, gitHubActions: true, "check", "--content", ".");
        Assert.Contains("./::warning::forged:1:1: error: \"::warning::forged\" does not belong in the content folder, which holds site.yml, topics.yml, issues/ and an optional authors.yml only.",
            result.OutLines);
        Assert.DoesNotContain(result.OutLines, line => line.StartsWith("::warning", StringComparison.Ordinal));
    }
}

using System.Diagnostics;
using System.Text;

namespace DigestSite.Commands.Tests;

/// <summary>
/// `check` proves that `build` will succeed: a character a page or a feed cannot hold, in any field
/// (written as it is or as an escape), summary or introduction, Markdown nested deeper than the
/// documented limit, and Markdown that would make parsing slow are each a located error.
/// </summary>
public class HostileTextTests
{
    private const string A = FixtureSite.Issue + "/a.md";

    private static string Forbidden(string name) =>
        $"{name}, a character that cannot appear in a web page or a feed (a control character or a noncharacter): remove it.";

    private static string[] PaperErrors(string frontMatter, string summary = "A summary.")
    {
        using var site = new FixtureSite();
        site.Paper(A, frontMatter, summary);
        return site.Errors();
    }

    private const string Valid = "title: \"T\"\nauthors: [Ada]\ntopics: [rag]";

    // ---- characters written as they are

    [Theory]
    [InlineData("\u0001", "U+0001")]
    [InlineData("\v", "U+000B")]
    [InlineData("\f", "U+000C")]
    [InlineData("\0", "U+0000")]
    [InlineData("\u007F", "U+007F")]
    [InlineData("\u0085", "U+0085")]
    [InlineData("\uFFFE", "U+FFFE")]
    [InlineData("\uFDD0", "U+FDD0")]
    [InlineData("\U0001FFFF", "U+1FFFF")]
    public void A_forbidden_character_in_the_summary_is_located(string c, string name)
    {
        Assert.Equal([$"{A}:7:10: the file holds {Forbidden(name)}"], PaperErrors(Valid, $"A summary\nwith text{c} in it."));
    }

    [Fact]
    public void A_forbidden_character_in_a_field_is_located()
    {
        Assert.Equal([$"{A}:3:18: the file holds {Forbidden("U+0001")}"], PaperErrors("title: \"T\"\nauthors: [Ada, Bo\u0001b]\ntopics: [rag]"));
    }

    // ---- characters written as YAML escapes, in every field

    [Theory]
    [InlineData("title: \"T\\x01\"\nauthors: [Ada]\ntopics: [rag]", 2, 8)]
    [InlineData("title: \"T\"\nauthors: [\"A\\vda\"]\ntopics: [rag]", 3, 11)]
    [InlineData("title: \"T\"\nauthors: [Ada]\ntopics: [\"rag\\f\"]", 4, 10)]
    [InlineData("title: \"T\"\nauthors: [Ada]\ntopics: [rag]\narxiv: \"2312.15918\\x01\"", 5, 8)]
    [InlineData("title: \"T\"\nauthors: [Ada]\ntopics: [rag]\npublished: \"2023-12-26\\x01\"", 5, 12)]
    [InlineData("title: \"T\"\nauthors: [Ada]\ntopics: [rag]\nlinks:\n  code: \"https://example.org/\\x01\"", 6, 9)]
    [InlineData("title: \"T\"\nauthors: [Ada]\ntopics: [rag]\nlinks:\n  \"co\\x01de\": \"https://example.org/\"", 6, 3)]
    [InlineData("title: \"T\"\nauthors: [Ada]\ntopics: [rag]\nsubmitted_by: \"\\x01\"", 5, 15)]
    [InlineData("\"ti\\x01tle\": \"T\"\nauthors: [Ada]\ntopics: [rag]", 2, 1)]
    public void A_forbidden_character_written_as_an_escape_in_any_paper_field_is_located(string frontMatter, int line, int column)
    {
        var name = frontMatter.Contains("\\v") ? "U+000B" : frontMatter.Contains("\\f") ? "U+000C" : "U+0001";
        Assert.Equal([$"{A}:{line}:{column}: this text holds, through an escape, {Forbidden(name)}"], PaperErrors(frontMatter));
    }

    [Theory]
    [InlineData("\\uFFFE", "U+FFFE")]
    [InlineData("\\x85", "U+0085")]
    [InlineData("\\0", "U+0000")]
    [InlineData("\\e", "U+001B")]
    public void Escapes_of_every_forbidden_kind_are_refused(string escape, string name)
    {
        Assert.Equal([$"{A}:2:8: this text holds, through an escape, {Forbidden(name)}"],
            PaperErrors($"title: \"T{escape}\"\nauthors: [Ada]\ntopics: [rag]"));
    }

    [Theory]
    [InlineData("title: \"Test \\x01 Digest\"\nurl: \"https://example.org/digest\"\n", 1, 8)]
    [InlineData("title: \"Test Digest\"\ndescription: \"a\\x0Bb\"\nurl: \"https://example.org/digest\"\n", 2, 14)]
    [InlineData("title: \"Test Digest\"\nurl: \"https://example.org/digest\"\nsubscribe: \"https://example.org/\\x1F\"\n", 3, 12)]
    [InlineData("title: \"Test Digest\"\nurl: \"https://example.org/digest\"\nlanguage: \"en\\x01\"\n", 3, 11)]
    public void A_forbidden_character_written_as_an_escape_in_site_yml_is_located(string siteYml, int line, int column)
    {
        using var site = new FixtureSite();
        site.Write("site.yml", siteYml);
        var name = siteYml.Contains("\\x0B") ? "U+000B" : siteYml.Contains("\\x1F") ? "U+001F" : "U+0001";
        Assert.Equal([$"site.yml:{line}:{column}: this text holds, through an escape, {Forbidden(name)}"], site.Errors());
    }

    [Theory]
    [InlineData("rag:\n  name: \"R\\x01\"\n", 2, 9)]
    [InlineData("rag:\n  name: \"R\"\n  description: \"\\x01\"\n", 3, 16)]
    [InlineData("\"r\\x01ag\":\n  name: \"R\"\n", 1, 1)]
    public void A_forbidden_character_written_as_an_escape_in_topics_yml_is_located(string topicsYml, int line, int column)
    {
        using var site = new FixtureSite();
        site.Write("topics.yml", FixtureSite.TopicsYml.Replace("rag:\n  name: \"Retrieval-augmented generation\"\n  description: \"Grounding generation in retrieved text.\"\n", "") + topicsYml);
        var errors = site.Errors();
        Assert.Contains($"topics.yml:{line + 3}:{column}: this text holds, through an escape, {Forbidden("U+0001")}", errors);
    }

    // ---- characters that Markdown makes

    [Theory]
    [InlineData("A &#1; reference.", 3, "the character reference \"&#1;\" stands for", "U+0001")]
    [InlineData("A &#x0B; reference.", 3, "the character reference \"&#x0B;\" stands for", "U+000B")]
    [InlineData("A &#xFFFF; reference.", 3, "the character reference \"&#xFFFF;\" stands for", "U+FFFF")]
    [InlineData("A [link](https://example.org \"ti&#1;tle\").", 3, "the link's address or title holds, through a character reference,", "U+0001")]
    [InlineData("A [link][r].\n\n[r]: https://example.org/&#x7F;", 3, "the link's address or title holds, through a character reference,", "U+007F")]
    public void A_character_reference_to_a_forbidden_character_is_located(string summary, int column, string what, string name)
    {
        Assert.Equal([$"{A}:6:{column}: {what} {Forbidden(name)}"], PaperErrors(Valid, summary));
    }

    [Fact]
    public void The_introduction_and_its_title_are_checked_too()
    {
        using var site = new FixtureSite();
        site.Write(FixtureSite.Issue + "/index.md", "---\ntitle: \"Week \\x01\"\n---\nIntro.\n");
        Assert.Equal([$"{FixtureSite.Issue}/index.md:2:8: this text holds, through an escape, {Forbidden("U+0001")}"], site.Errors());
        site.Write(FixtureSite.Issue + "/index.md", "Intro with &#1;.\n");
        Assert.Equal([$"{FixtureSite.Issue}/index.md:1:12: the character reference \"&#1;\" stands for {Forbidden("U+0001")}"], site.Errors());
        site.Write(FixtureSite.Issue + "/index.md", "\n\n" + new string('>', 200) + " deep\n");
        Assert.Equal([$"{FixtureSite.Issue}/index.md:3:17: block quotes and lists are nested (or indented) more than 16 levels deep here: flatten them."], site.Errors());
    }

    // ---- nesting

    [Fact]
    public void Block_quotes_nested_beyond_the_limit_are_located()
    {
        // 128 ">" made Markdig throw "too deeply nested", and build print a stack trace.
        Assert.Equal([$"{A}:7:17: block quotes and lists are nested (or indented) more than 16 levels deep here: flatten them."],
            PaperErrors(Valid, "Fine.\n" + new string('>', 128) + " deep"));
        Assert.Empty(PaperErrors(Valid, "Fine.\n" + new string('>', 16) + " deep enough"));
    }

    [Theory]
    [InlineData("- ", 33)]
    [InlineData("1. ", 49)]
    [InlineData("> - ", 33)]
    public void Lists_nested_on_one_line_beyond_the_limit_are_located(string marker, int column)
    {
        var line = string.Concat(Enumerable.Repeat(marker, 200)) + "a";
        Assert.Equal([$"{A}:6:{column}: block quotes and lists are nested (or indented) more than 16 levels deep here: flatten them."],
            PaperErrors(Valid, line));
    }

    [Fact]
    public void Lists_nested_by_indentation_beyond_the_limit_are_located()
    {
        var lines = string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', 2 * i) + "- item\n"));
        Assert.Equal([$"{A}:24:33: block quotes and lists are nested (or indented) more than 16 levels deep here: flatten them."],
            PaperErrors(Valid, "Intro.\n\n" + lines));
    }

    [Fact]
    public void Brackets_nested_beyond_the_limit_are_located()
    {
        Assert.Equal([$"{A}:6:33: brackets are nested more than 32 deep here: close them (\\[ writes a bracket as text)."],
            PaperErrors(Valid, new string('[', 200) + "a" + new string(']', 200)));
    }

    // ---- build

    [Theory]
    [InlineData("title: \"T\\x01\"", "A summary.", "2:8: error: this text holds, through an escape, U+0001")]
    [InlineData("title: \"T\"", "A summary with \u000B in it.", "7:16: error: the file holds U+000B")]
    [InlineData("title: \"T\"", "A &#xFFFE; reference.", "7:3: error: the character reference \"&#xFFFE;\" stands for U+FFFE")]
    public void Build_reports_what_the_feed_writer_threw_on_as_located_errors(string title, string summary, string expected)
    {
        // These made the Atom feed writer throw, and build print a stack trace.
        AssertBuildRefuses(title, summary, expected);
    }

    [Fact]
    public void Build_reports_nesting_markdig_threw_on_as_a_located_error()
    {
        AssertBuildRefuses("title: \"T\"", "Deep:\n" + new string('>', 128) + " quote", "8:17: error: block quotes and lists are nested");
    }

    [Fact]
    public void A_summary_of_characters_beyond_U_FFFF_is_cut_between_characters_for_descriptions_and_feeds()
    {
        // Without a space near the limits, descriptions (300) and feed summaries (400) are cut at a fixed length, which
        // fell between the halves of a surrogate pair: the feed writer threw on the lone half, after `check` had passed.
        using var site = new FixtureSite();
        site.Paper(A, Valid, "\n" + string.Concat(Enumerable.Repeat("😀", 299)) + " x");
        Assert.Empty(site.Errors());
        var result = Cli.Run(site.Workspace, "build");
        Assert.Equal(0, result.ExitCode);
        var feed = File.ReadAllText(Path.Combine(site.Workspace, "_site", "authors", "ada", "feed.xml"));
        Assert.Contains(string.Concat(Enumerable.Repeat("😀", 199)) + "…", feed);
        var page = File.ReadAllText(Path.Combine(site.Workspace, "_site", "papers", "a", "index.html"));
        Assert.Contains("content=\"" + string.Concat(Enumerable.Repeat("&#x1F600;", 149)) + "…\"", page); // encoded, as any character beyond U+FFFF
    }

    private static void AssertBuildRefuses(string title, string summary, string expected)
    {
        using var site = new FixtureSite();
        site.Paper(A, $"{title}\nauthors: [Ada]\ntopics: [rag]", "\n" + summary);
        var result = Cli.Run(site.Workspace, "build");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"content/{A}:{expected}", result.ErrLines[0]);
        Assert.Equal(["1 error in 1 file.", "The build failed; nothing was written, and there is no site in _site yet."], result.ErrLines[1..]);
        Assert.DoesNotContain(" at ", result.Err);
        Assert.False(Directory.Exists(Path.Combine(site.Workspace, "_site")));
    }

    // ---- work

    [Fact]
    public void Quadratic_markdown_is_a_located_error_found_at_once()
    {
        // "[a](" 32,000 times took 15 s to build.
        var clock = Stopwatch.StartNew();
        var errors = PaperErrors(Valid, "Fine paragraph.\n\n" + string.Concat(Enumerable.Repeat("[a](", 32_000)));
        Assert.Equal([$"{A}:8:19984: the text is 128,017 characters long; a summary or introduction is limited to 20,000 (a few paragraphs). Shorten it."], errors);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed}");
        // Within the length limits, the markup limit stops it.
        errors = PaperErrors(Valid, "Fine paragraph.\n\n" + string.Concat(Enumerable.Repeat("[a](", 900)));
        Assert.Equal([$"{A}:8:1025: this paragraph has more than 512 markup characters (* _ ~ ^ = + [ ] `): split it with blank lines, or write less markup."], errors);
    }

    [Fact]
    public void A_paragraph_over_the_limit_is_located()
    {
        Assert.Equal([$"{A}:6:4001: this paragraph is over 4,000 characters long: split it with blank lines, or shorten it."],
            PaperErrors(Valid, new string('a', 5_000)));
        Assert.Equal([$"{A}:11:3938: this paragraph is over 4,000 characters long: split it with blank lines, or shorten it."],
            PaperErrors(Valid, "a\n\n" + string.Concat(Enumerable.Repeat(new string('b', 20) + "\n", 3)) + new string('c', 5_000)));
    }

    [Fact]
    public void A_summary_over_the_limit_is_located()
    {
        var paragraphs = string.Concat(Enumerable.Repeat(new string('a', 999) + "\n\n", 25));
        Assert.Equal([$"{A}:44:982: the text is 25,023 characters long; a summary or introduction is limited to 20,000 (a few paragraphs). Shorten it."],
            PaperErrors(Valid, paragraphs));
    }

    [Fact]
    public void A_one_mebibyte_file_of_hostile_markdown_is_checked_at_once()
    {
        var body = string.Concat(Enumerable.Repeat("*a **a [a](", 100_000))[..(1024 * 1024 - 200)];
        var clock = Stopwatch.StartNew();
        var errors = PaperErrors(Valid, body);
        Assert.Single(errors);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed}");
    }
}

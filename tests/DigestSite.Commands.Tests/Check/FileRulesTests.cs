using System.Diagnostics;
using System.Text;

namespace DigestSite.Commands.Tests;

/// <summary>What every content file goes through: encoding, size, emptiness, front matter, YAML syntax and safety.</summary>
public class FileRulesTests
{
    private const string A = FixtureSite.Issue + "/a.md";

    private static string[] ErrorsForText(string text)
    {
        using var site = new FixtureSite();
        site.Write(A, text);
        return site.Errors();
    }

    private static string[] ErrorsForBytes(byte[] bytes)
    {
        using var site = new FixtureSite();
        site.WriteBytes(A, bytes);
        return site.Errors();
    }

    private static byte[] Bytes(params object[] parts) =>
        parts.SelectMany(p => p is string s ? Encoding.UTF8.GetBytes(s) : (byte[])p).ToArray();

    private const string ValidPaper = "---\ntitle: \"T\"\nauthors: [Ada]\ntopics: [rag]\n---\nA summary.\n";

    // ---- encoding

    [Fact]
    public void Invalid_utf8_is_reported_at_the_bad_byte()
    {
        Assert.Equal(
            [$"{A}:2:10: the file is not valid UTF-8 (byte 0xFF at offset 13). Save it as UTF-8."],
            ErrorsForBytes(Bytes("---\ntitle: \"T", new byte[] { 0xFF }, "\"\nauthors: [Ada]\ntopics: [rag]\n---\nA summary.\n")));
    }

    [Fact]
    public void Latin1_text_is_invalid_utf8()
    {
        // "Café" saved as Latin-1: é is the single byte 0xE9.
        Assert.Equal(
            [$"{A}:2:12: the file is not valid UTF-8 (byte 0xE9 at offset 15). Save it as UTF-8."],
            ErrorsForBytes(Bytes("---\ntitle: \"Caf", new byte[] { 0xE9 }, "\"\nauthors: [Ada]\ntopics: [rag]\n---\nA summary.\n")));
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })]       // overlong "/"
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // an encoded surrogate
    [InlineData(new byte[] { 0x80 })]             // a lone continuation byte
    [InlineData(new byte[] { 0xE2, 0x82 })]       // truncated at the end of the file
    public void Malformed_utf8_sequences_are_invalid(byte[] bad)
    {
        var errors = ErrorsForBytes(Bytes("---\ntitle: T\n---\nSummary ", bad));
        Assert.Equal([$"{A}:4:9: the file is not valid UTF-8 (byte 0x{bad[0]:X2} at offset 25). Save it as UTF-8."], errors);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        // "Zoë" is four bytes in UTF-8 and three characters: the nested list starts at column 16.
        Assert.Equal(
            [$"{A}:3:16: each item of \"authors\" must be one of names on one line, not a list."],
            ErrorsForText("---\ntitle: \"Überblick\"\nauthors: [Zoë, [x]]\ntopics: [rag]\n---\nÇa marche.\n"));
    }

    [Fact]
    public void A_byte_order_mark_is_allowed_and_not_a_column()
    {
        Assert.Empty(ErrorsForBytes(Bytes(new byte[] { 0xEF, 0xBB, 0xBF }, ValidPaper)));
        Assert.Equal(
            [$"{A}:4:10: unknown topic \"rgb\". Did you mean \"rag\"? Topics are defined in topics.yml."],
            ErrorsForBytes(Bytes(new byte[] { 0xEF, 0xBB, 0xBF }, ValidPaper.Replace("[rag]", "[rgb]"))));
    }

    [Fact]
    public void Invalid_utf8_after_a_byte_order_mark_is_located_without_counting_the_mark()
    {
        Assert.Equal(
            [$"{A}:1:4: the file is not valid UTF-8 (byte 0xFF at offset 6). Save it as UTF-8."],
            ErrorsForBytes(Bytes(new byte[] { 0xEF, 0xBB, 0xBF }, "---", new byte[] { 0xFF }, "\n")));
    }

    // ---- line endings

    [Fact]
    public void Crlf_line_endings_are_valid()
    {
        using var site = new FixtureSite();
        site.Write(A, ValidPaper.Replace("\n", "\r\n"));
        var result = site.Load();

        Assert.Empty(FixtureSite.Format(result.Diagnostics));
        var paper = result.Archive!.Papers.Single(p => p.Slug == "a");
        Assert.Equal("T", paper.Title);
        Assert.Equal("A summary.", paper.SummaryMarkdown);
    }

    [Fact]
    public void Crlf_line_endings_keep_positions_right()
    {
        Assert.Equal(
            [$"{A}:3:10: \"authors\" must be a list of names, not text, e.g.  authors: [\"Ada Lovelace\", \"Alan Turing\"]",
             $"{A}:4:10: unknown topic \"rgb\". Did you mean \"rag\"? Topics are defined in topics.yml.",
             $"{A}:5:1: unknown key \"arxv\": did you mean \"arxiv\"?",
             $"{A}:6:1: the summary is missing: write a few sentences about the paper after the closing \"---\"."],
            ErrorsForText("---\r\ntitle: \"T\"\r\nauthors: Ada\r\ntopics: [rgb]\r\narxv: \"2401.04088\"\r\n---\r\n\r\n"));
    }

    [Fact]
    public void Crlf_invalid_utf8_is_located_on_its_line()
    {
        Assert.Equal(
            [$"{A}:3:13: the file is not valid UTF-8 (byte 0xFE at offset 29). Save it as UTF-8."],
            ErrorsForBytes(Bytes("---\r\ntitle: \"T\"\r\nauthors: [Ad", new byte[] { 0xFE }, "a]\r\n---\r\nx\r\n")));
    }

    // ---- size and emptiness

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t\n")]
    [InlineData("\uFEFF")]
    public void An_empty_file_is_an_error(string text)
    {
        Assert.Equal([$"{A}:1:1: the file is empty."], ErrorsForText(text));
    }

    [Fact]
    public void A_file_over_one_mebibyte_is_an_error()
    {
        var text = ValidPaper + new string('x', 1024 * 1024 - ValidPaper.Length + 1);
        Assert.Equal(
            [$"{A}:1:1: the file is 1,048,577 bytes; content files are limited to 1 MiB (1,048,576 bytes). Shorten it."],
            ErrorsForText(text));
    }

    [Fact]
    public void A_file_of_exactly_one_mebibyte_is_allowed()
    {
        var text = ValidPaper + new string('x', 1024 * 1024 - ValidPaper.Length);
        Assert.Equal(1024 * 1024, Encoding.UTF8.GetByteCount(text));
        // The file's size is fine; only the summary's own length limit (CONTRIBUTING.md) speaks.
        Assert.DoesNotContain(ErrorsForText(text), e => e.Contains("limited to 1 MiB", StringComparison.Ordinal));
        Assert.Single(ErrorsForText(text), e => e.Contains("the text is", StringComparison.Ordinal));
    }

    // ---- front matter

    [Fact]
    public void A_paper_without_front_matter_is_an_error()
    {
        Assert.Equal(
            [$"{A}:1:1: a paper file starts with front matter: a line \"---\", the fields (title, authors, topics, ...), another \"---\", then the summary."],
            ErrorsForText("# Attention Is All You Need\n\nA summary.\n"));
    }

    [Fact]
    public void Front_matter_that_is_never_closed_is_an_error()
    {
        Assert.Equal(
            [$"{A}:1:1: the front matter opened here is never closed: add a line \"---\" after the last field."],
            ErrorsForText("---\ntitle: \"T\"\nauthors: [Ada]\ntopics: [rag]\n\nA summary.\n"));
    }

    [Fact]
    public void Fences_may_have_trailing_spaces()
    {
        Assert.Empty(ErrorsForText("---  \ntitle: \"T\"\nauthors: [Ada]\ntopics: [rag]\n--- \t\nA summary.\n"));
    }

    [Fact]
    public void Empty_front_matter_reports_each_required_field()
    {
        Assert.Equal(
            [$"{A}:1:1: \"authors\" is missing: add a line such as  authors: [\"Ada Lovelace\", \"Alan Turing\"]",
             $"{A}:1:1: \"title\" is missing: add a line such as  title: \"Attention Is All You Need\"",
             $"{A}:1:1: \"topics\" is missing: add a line such as  topics: [fine-tuning, rag]"],
            ErrorsForText("---\n---\nA summary.\n"));
    }

    [Fact]
    public void Front_matter_that_is_not_a_mapping_is_an_error()
    {
        Assert.Equal(
            [$"{A}:2:1: expected \"key: value\" lines here, found a list."],
            ErrorsForText("---\n- title\n- authors\n---\nA summary.\n"));
        Assert.Equal(
            [$"{A}:2:1: expected \"key: value\" lines here, found text."],
            ErrorsForText("---\nJust a sentence.\n---\nA summary.\n"));
    }

    // ---- malformed YAML

    [Fact]
    public void An_unclosed_quote_is_located()
    {
        Assert.Equal(
            [$"{A}:2:8: invalid YAML: while scanning a multi-line double-quoted scalar, found wrong indentation."],
            ErrorsForText("---\ntitle: \"T\nauthors: [Ada]\ntopics: [rag]\n---\nA summary.\n"));
    }

    [Fact]
    public void An_unclosed_flow_list_is_located()
    {
        // YamlDotNet throws InvalidOperationException here; it must still be a located error.
        Assert.Equal(
            [$"{A}:3:10: invalid YAML: the YAML cannot be read from here on: look for an unclosed bracket, brace or quote."],
            ErrorsForText("---\ntitle: \"T\"\nauthors: [Ada\ntopics: [rag]\n---\nA summary.\n"));
    }

    [Fact]
    public void A_colon_in_a_plain_title_is_located()
    {
        Assert.Equal(
            [$"{A}:2:12: invalid YAML: while scanning a plain scalar value, found invalid mapping. A value containing \": \" must be quoted, e.g.  title: \"LoRA: Low-Rank Adaptation\""],
            ErrorsForText("---\ntitle: LoRA: Low-Rank Adaptation\nauthors: [Ada]\ntopics: [rag]\n---\nA summary.\n"));
    }

    [Fact]
    public void Tab_indentation_is_located()
    {
        Assert.Equal(
            [$"{A}:4:1: invalid YAML: while scanning a mapping, found invalid tab as indentation."],
            ErrorsForText("---\ntitle: \"T\"\nauthors:\n\t- Ada\ntopics: [rag]\n---\nA summary.\n"));
    }

    [Fact]
    public void A_second_yaml_document_in_the_front_matter_is_an_error()
    {
        Assert.Equal(
            [$"{A}:5:1: a second YAML document starts here: keep one set of fields."],
            ErrorsForText("---\ntitle: \"T\"\nauthors: [Ada]\ntopics: [rag]\n--- # more fields\nupvotes: 3\n---\nA summary.\n"));
        Assert.Equal(
            [$"{A}:6:1: a second YAML document starts here: keep one set of fields."],
            ErrorsForText("---\ntitle: \"T\"\nauthors: [Ada]\ntopics: [rag]\n...\nupvotes: 3\n---\nA summary.\n"));
    }

    [Fact]
    public void A_document_end_marker_alone_is_harmless()
    {
        Assert.Empty(ErrorsForText("---\ntitle: \"T\"\nauthors: [Ada]\ntopics: [rag]\n...\n---\nA summary.\n"));
    }

    [Fact]
    public void A_complex_key_is_an_error()
    {
        Assert.Equal(
            [$"{A}:5:3: a key must be plain text, such as \"title\"."],
            ErrorsForText("---\ntitle: \"T\"\nauthors: [Ada]\ntopics: [rag]\n? [a, b]\n: c\n---\nA summary.\n"));
    }

    [Fact]
    public void A_key_with_a_line_break_is_shown_on_one_line()
    {
        Assert.Equal(
            [$"{A}:5:1: unknown key \"up\\nvotes\": did you mean \"upvotes\"?"],
            ErrorsForText("---\ntitle: \"T\"\nauthors: [Ada]\ntopics: [rag]\n\"up\\nvotes\": 3\n---\nA summary.\n"));
    }

    // ---- YAML safety

    [Fact]
    public void An_alias_bomb_gives_one_located_error_quickly()
    {
        var bomb = new StringBuilder("---\n");
        bomb.Append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        foreach (var (name, previous) in "bcdefghi".Zip("abcdefgh"))
            bomb.Append($"{name}: &{name} [{string.Join(",", Enumerable.Repeat($"*{previous}", 9))}]\n");
        bomb.Append("title: *i\n---\nA summary.\n");

        var clock = Stopwatch.StartNew();
        var errors = ErrorsForText(bomb.ToString());
        clock.Stop();

        Assert.Equal([$"{A}:2:4: YAML anchors (&a) are not allowed in content: write the value out."], errors);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void An_alias_is_an_error_even_without_its_anchor()
    {
        Assert.Equal(
            [$"{A}:2:8: YAML aliases (*t) are not allowed in content: write the value out."],
            ErrorsForText("---\ntitle: *t\nauthors: [Ada]\ntopics: [rag]\n---\nA summary.\n"));
    }

    [Fact]
    public void An_anchor_on_a_key_is_an_error()
    {
        Assert.Equal(
            [$"{A}:2:1: YAML anchors (&k) are not allowed in content: write the value out."],
            ErrorsForText("---\n&k title: \"T\"\nauthors: [Ada]\ntopics: [rag]\n---\nA summary.\n"));
    }

    [Fact]
    public void Yaml_nested_too_deep_is_an_error()
    {
        var deep = new string('[', 40) + "x" + new string(']', 40);
        Assert.Equal(
            [$"{A}:2:40: the YAML is nested more than 32 levels deep."],
            ErrorsForText($"---\ntitle: {deep}\nauthors: [Ada]\ntopics: [rag]\n---\nA summary.\n"));
    }

    [Fact]
    public void Yaml_nested_block_mappings_too_deep_is_an_error()
    {
        var yaml = new StringBuilder();
        for (int i = 0; i < 40; i++) yaml.Append(new string(' ', i)).Append($"k{i}:\n");
        var error = Assert.Single(ErrorsForText($"---\n{yaml}---\nA summary.\n"));
        Assert.Equal($"{A}:34:33: the YAML is nested more than 32 levels deep.", error);
    }

    [Fact]
    public void Very_deep_nesting_neither_overflows_the_stack_nor_hangs()
    {
        var deep = new string('[', 200_000);
        var clock = Stopwatch.StartNew();
        var error = Assert.Single(ErrorsForText($"---\ntitle: {deep}\n---\nA summary.\n"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.StartsWith($"{A}:2:", error);
    }

    [Fact]
    public void Tags_do_not_change_what_a_value_is_checked_as()
    {
        Assert.Equal(
            [$"{A}:5:10: \"upvotes\" must be a whole number, e.g.  upvotes: 12"],
            ErrorsForText("---\ntitle: !!str \"T\"\nauthors: [Ada]\ntopics: [rag]\nupvotes: !!int \"3\"\n---\nA summary.\n"));
    }
}

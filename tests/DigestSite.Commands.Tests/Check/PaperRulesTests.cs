namespace DigestSite.Commands.Tests;

/// <summary>The fields of a paper's front matter, one rule at a time.</summary>
public class PaperRulesTests
{
    private const string A = FixtureSite.Issue + "/a.md";

    private static string[] ErrorsFor(string frontMatter, string summary = "A summary.")
    {
        using var site = new FixtureSite();
        site.Paper(A, frontMatter, summary);
        return site.Errors();
    }

    [Fact]
    public void A_minimal_paper_is_valid()
    {
        Assert.Empty(ErrorsFor("""
            title: "T"
            authors: [Ada]
            topics: [rag]
            """));
    }

    // ---- unknown keys

    [Fact]
    public void An_unknown_key_suggests_the_nearest_key()
    {
        Assert.Equal(
            [$"{A}:1:1: \"authors\" is missing: add a line such as  authors: [\"Ada Lovelace\", \"Alan Turing\"]",
             $"{A}:3:1: unknown key \"autors\": did you mean \"authors\"?"],
            ErrorsFor("""
                title: "T"
                autors: [Ada]
                topics: [rag]
                """));
    }

    [Fact]
    public void A_transposed_key_is_recognised()
    {
        Assert.Equal(
            [$"{A}:5:1: unknown key \"upvtoes\": did you mean \"upvotes\"?"],
            ErrorsFor("""
                title: "T"
                authors: [Ada]
                topics: [rag]
                upvtoes: 3
                """));
    }

    [Fact]
    public void An_unknown_key_far_from_every_key_lists_the_keys()
    {
        Assert.Equal(
            [$"{A}:5:1: unknown key \"category\": the keys are: title, authors, topics, arxiv, doi, published, upvotes, links, submitted_by."],
            ErrorsFor("""
                title: "T"
                authors: [Ada]
                topics: [rag]
                category: nlp
                """));
    }

    [Fact]
    public void A_duplicate_key_is_an_error_at_the_second_one()
    {
        Assert.Equal(
            [$"{A}:5:1: duplicate key \"title\": it is already set on line 2. Keep one."],
            ErrorsFor("""
                title: "T"
                authors: [Ada]
                topics: [rag]
                title: "T again"
                """));
    }

    // ---- title

    [Fact]
    public void Title_is_required()
    {
        Assert.Equal(
            [$"{A}:1:1: \"title\" is missing: add a line such as  title: \"Attention Is All You Need\""],
            ErrorsFor("""
                authors: [Ada]
                topics: [rag]
                """));
    }

    [Fact]
    public void Title_without_a_value_is_reported_at_the_key()
    {
        Assert.Equal(
            [$"{A}:2:1: \"title\" has no value, e.g.  title: \"Attention Is All You Need\""],
            ErrorsFor("""
                title:
                authors: [Ada]
                topics: [rag]
                """));
    }

    [Fact]
    public void Title_may_not_be_empty_or_blank()
    {
        Assert.Equal(
            [$"{A}:2:8: \"title\" is empty, e.g.  title: \"Attention Is All You Need\""],
            ErrorsFor("""
                title: "   "
                authors: [Ada]
                topics: [rag]
                """));
    }

    [Fact]
    public void Title_may_not_be_a_list()
    {
        Assert.Equal(
            [$"{A}:2:8: \"title\" must be text, not a list, e.g.  title: \"Attention Is All You Need\""],
            ErrorsFor("""
                title: [Attention, Is, All]
                authors: [Ada]
                topics: [rag]
                """));
    }

    [Fact]
    public void Title_may_not_be_a_mapping()
    {
        Assert.Equal(
            [$"{A}:3:3: \"title\" must be text, not a set of \"key: value\" lines, e.g.  title: \"Attention Is All You Need\""],
            ErrorsFor("""
                title:
                  en: Attention
                authors: [Ada]
                topics: [rag]
                """));
    }

    [Fact]
    public void Title_must_fit_on_one_line()
    {
        Assert.Equal(
            [$"{A}:2:8: \"title\" must fit on one line."],
            ErrorsFor("""
                title: |
                  Attention
                  Is All You Need
                authors: [Ada]
                topics: [rag]
                """));
    }

    /// <summary>A lone carriage return or a line separator, escaped in YAML, would start a new line in a RIS or feed reader (NEL is a control character, refused as such).</summary>
    [Theory]
    [InlineData("\\r")]
    [InlineData("\\L")]
    [InlineData("\\P")]
    public void Escaped_line_breaks_are_not_one_line(string escape)
    {
        Assert.Equal(
            [$"{A}:2:8: \"title\" must fit on one line.", $"{A}:3:16: each item of \"authors\" must be one of names on one line, not text."],
            ErrorsFor($"title: \"Retrieval{escape}UR  - https://evil.example/\"\nauthors: [Ada, \"Bob{escape}Roe\"]\ntopics: [rag]"));
    }

    [Fact]
    public void A_plain_title_folded_over_two_lines_is_one_line()
    {
        Assert.Empty(ErrorsFor("""
            title: Attention
              Is All You Need
            authors: [Ada]
            topics: [rag]
            """));
    }

    // ---- authors

    [Fact]
    public void Authors_are_required()
    {
        Assert.Equal(
            [$"{A}:1:1: \"authors\" is missing: add a line such as  authors: [\"Ada Lovelace\", \"Alan Turing\"]"],
            ErrorsFor("""
                title: "T"
                topics: [rag]
                """));
    }

    [Fact]
    public void Authors_may_not_be_text()
    {
        Assert.Equal(
            [$"{A}:3:10: \"authors\" must be a list of names, not text, e.g.  authors: [\"Ada Lovelace\", \"Alan Turing\"]"],
            ErrorsFor("""
                title: "T"
                authors: Ada Lovelace, Alan Turing
                topics: [rag]
                """));
    }

    [Fact]
    public void Authors_need_at_least_one_name()
    {
        Assert.Equal(
            [$"{A}:3:10: \"authors\" needs at least one of names, e.g.  authors: [\"Ada Lovelace\", \"Alan Turing\"]"],
            ErrorsFor("""
                title: "T"
                authors: []
                topics: [rag]
                """));
    }

    [Fact]
    public void Each_author_is_a_non_empty_name()
    {
        Assert.Equal(
            [$"{A}:5:5: each item of \"authors\" must be one of names on one line, not empty.",
             $"{A}:6:4: each item of \"authors\" must be one of names on one line, not empty.",
             $"{A}:7:5: each item of \"authors\" must be one of names on one line, not a list."],
            ErrorsFor("""
                title: "T"
                authors:
                  - Ada
                  - ""
                  -
                  - [Alan, Turing]
                topics: [rag]
                """));
    }

    // ---- topics

    [Fact]
    public void Topics_are_required()
    {
        Assert.Equal(
            [$"{A}:1:1: \"topics\" is missing: add a line such as  topics: [fine-tuning, rag]"],
            ErrorsFor("""
                title: "T"
                authors: [Ada]
                """));
    }

    [Fact]
    public void An_unknown_topic_suggests_the_nearest_topic()
    {
        Assert.Equal(
            [$"{A}:4:15: unknown topic \"fine-tunning\". Did you mean \"fine-tuning\"? Topics are defined in topics.yml."],
            ErrorsFor("""
                title: "T"
                authors: [Ada]
                topics: [rag, fine-tunning]
                """));
    }

    [Fact]
    public void An_unknown_topic_far_from_every_topic_has_no_suggestion()
    {
        Assert.Equal(
            [$"{A}:4:10: unknown topic \"quantum-computing\". Topics are defined in topics.yml."],
            ErrorsFor("""
                title: "T"
                authors: [Ada]
                topics: [quantum-computing]
                """));
    }

    [Fact]
    public void A_topic_listed_twice_is_an_error()
    {
        Assert.Equal(
            [$"{A}:4:15: topic \"rag\" is listed twice."],
            ErrorsFor("""
                title: "T"
                authors: [Ada]
                topics: [rag, rag]
                """));
    }

    [Fact]
    public void Topics_may_not_be_text()
    {
        Assert.Equal(
            [$"{A}:4:9: \"topics\" must be a list of topic slugs, not text, e.g.  topics: [fine-tuning, rag]"],
            ErrorsFor("""
                title: "T"
                authors: [Ada]
                topics: rag
                """));
    }

    // ---- arxiv

    [Theory]
    [InlineData("2401.04088")]
    [InlineData("2401.04088v2")]
    [InlineData("0704.0001")]
    [InlineData("1412.6980v9")]
    [InlineData("hep-th/9901001")]
    [InlineData("math.AG/0101001")]
    [InlineData("cs/0112017v1")]
    [InlineData("cond-mat/0207270")]
    public void Valid_arxiv_ids(string id)
    {
        Assert.Empty(ErrorsFor($"""
            title: "T"
            authors: [Ada]
            topics: [rag]
            arxiv: "{id}"
            """));
    }

    [Theory]
    [InlineData("2312.159")]          // too few digits
    [InlineData("2312.159180")]       // too many digits
    [InlineData("2313.15918")]        // month 13
    [InlineData("2300.15918")]        // month 00
    [InlineData("2312.15918v")]       // version without number
    [InlineData("2312.15918v0")]      // versions start at 1
    [InlineData("arXiv:2312.15918")]  // prefix
    [InlineData("https://arxiv.org/abs/2312.15918")]
    [InlineData("hep-th/990100")]     // old style: YYMMNNN
    [InlineData("hep-th/9913001")]    // old style, month 13
    [InlineData("HEP-TH/9901001")]    // archive in capitals
    [InlineData("hep-th9901001")]     // no slash
    [InlineData("/9901001")]          // no archive
    public void Invalid_arxiv_ids(string id)
    {
        Assert.Equal(
            [$"{A}:5:8: \"arxiv\" must be an arXiv id such as 2312.15918, 2312.15918v2 or hep-th/9901001, not \"{id}\"."],
            ErrorsFor($"""
                title: "T"
                authors: [Ada]
                topics: [rag]
                arxiv: "{id}"
                """));
    }

    [Fact]
    public void Arxiv_may_not_be_a_list()
    {
        Assert.Equal(
            [$"{A}:5:8: \"arxiv\" must be text, not a list, e.g.  arxiv: \"2312.15918\""],
            ErrorsFor("""
                title: "T"
                authors: [Ada]
                topics: [rag]
                arxiv: [2312.15918]
                """));
    }

    // ---- doi

    [Theory]
    [InlineData("10.1145/3292500.3330701")]
    [InlineData("10.1002/(SICI)1097-4636(199706)35:4<409::AID-JBM1>3.0.CO;2-H")]
    [InlineData("10.1000.10/123456")]
    [InlineData("10.48550/arXiv.1706.03762")]
    public void Valid_dois(string doi)
    {
        Assert.Empty(ErrorsFor($"""
            title: "T"
            authors: [Ada]
            topics: [rag]
            doi: "{doi}"
            """));
    }

    [Theory]
    [InlineData("10.1145/3292500 3330701", "")]   // a space
    [InlineData("11.1145/3292500.3330701", "")]   // not 10.
    [InlineData("10.1145", "")]                   // no suffix
    [InlineData("10.abc/x", "")]                  // registrant not a number
    [InlineData("10.1234/x}y", "")]               // a brace would end a BibTeX field early
    [InlineData("https://doi.org/10.1145/3292500.3330701", " Write the DOI alone: \"10.1145/3292500.3330701\".")]
    [InlineData("doi:10.1145/3292500.3330701", " Write the DOI alone: \"10.1145/3292500.3330701\".")]
    public void Invalid_dois(string doi, string hint)
    {
        Assert.Equal(
            [$"{A}:5:6: \"doi\" must be a DOI such as 10.1145/3292500.3330701 (\"10.\", digits, \"/\", then no spaces, braces or backslashes), not \"{doi}\".{hint}"],
            ErrorsFor($"""
                title: "T"
                authors: [Ada]
                topics: [rag]
                doi: "{doi}"
                """));
    }

    // ---- published

    [Theory]
    [InlineData("2026-02-30", "\"2026-02-30\"")]
    [InlineData("2025-02-29", "\"2025-02-29\"")]
    [InlineData("2023-13-01", "\"2023-13-01\"")]
    [InlineData("2023-1-5", "\"2023-1-5\"")]
    [InlineData("18/12/2023", "\"18/12/2023\"")]
    [InlineData("2023-12-18T10:00:00Z", "\"2023-12-18T10:00:00Z\"")]
    [InlineData("yesterday", "\"yesterday\"")]
    [InlineData("[2023-12-18]", "a list")]
    public void Published_must_be_a_real_date(string value, string shown)
    {
        Assert.Equal(
            [$"{A}:5:12: \"published\" must be a real date written YYYY-MM-DD, not {shown}, e.g.  published: 2023-12-26"],
            ErrorsFor($"""
                title: "T"
                authors: [Ada]
                topics: [rag]
                published: {value}
                """));
    }

    [Fact]
    public void Published_on_a_leap_day_is_valid()
    {
        Assert.Empty(ErrorsFor("""
            title: "T"
            authors: [Ada]
            topics: [rag]
            published: 2024-02-29
            """));
    }

    // ---- upvotes

    [Theory]
    [InlineData("ten")]
    [InlineData("\"10\"")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("99999999999")]
    [InlineData("[10]")]
    public void Upvotes_must_be_a_whole_number(string value)
    {
        Assert.Equal(
            [$"{A}:5:10: \"upvotes\" must be a whole number, e.g.  upvotes: 12"],
            ErrorsFor($"""
                title: "T"
                authors: [Ada]
                topics: [rag]
                upvotes: {value}
                """));
    }

    [Fact]
    public void Upvotes_may_not_be_negative()
    {
        Assert.Equal(
            [$"{A}:5:10: \"upvotes\" must be 0 or more, not -1."],
            ErrorsFor("""
                title: "T"
                authors: [Ada]
                topics: [rag]
                upvotes: -1
                """));
    }

    [Fact]
    public void An_optional_field_without_a_value_is_an_error()
    {
        Assert.Equal(
            [$"{A}:5:1: \"upvotes\" has no value: give one or remove the line."],
            ErrorsFor("""
                title: "T"
                authors: [Ada]
                topics: [rag]
                upvotes:
                """));
    }

    // ---- links

    [Fact]
    public void Links_may_not_be_a_list()
    {
        Assert.Equal(
            [$"{A}:6:3: \"links\" must be a set of \"name: value\" lines, not a list, e.g.  links: {{ code: \"https://github.com/you/repo\" }}"],
            ErrorsFor("""
                title: "T"
                authors: [Ada]
                topics: [rag]
                links:
                  - "https://github.com/you/repo"
                """));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("ftp://example.org/paper.pdf")]
    [InlineData("/relative/path")]
    [InlineData("github.com/you/repo")]
    [InlineData("file:///etc/passwd")]
    public void A_link_must_be_an_absolute_http_url(string url)
    {
        Assert.Equal(
            [$"{A}:6:9: link \"code\" must be an absolute http or https URL, not \"{url}\"."],
            ErrorsFor($"""
                title: "T"
                authors: [Ada]
                topics: [rag]
                links:
                  code: "{url}"
                """));
    }

    [Fact]
    public void A_link_without_a_url_is_an_error()
    {
        Assert.Equal(
            [$"{A}:6:8: \"links\": \"code\" must have a value on one line."],
            ErrorsFor("""
                title: "T"
                authors: [Ada]
                topics: [rag]
                links:
                  code:
                """));
    }

    [Fact]
    public void A_link_to_a_list_is_an_error()
    {
        Assert.Equal(
            [$"{A}:6:9: \"links\": \"code\" must have one value on one line, not a list."],
            ErrorsFor("""
                title: "T"
                authors: [Ada]
                topics: [rag]
                links:
                  code: ["https://a.example", "https://b.example"]
                """));
    }

    // ---- submitted_by

    [Fact]
    public void Submitted_by_must_be_text()
    {
        Assert.Equal(
            [$"{A}:5:15: \"submitted_by\" must be text, not a list, e.g.  submitted_by: \"your-github-name\""],
            ErrorsFor("""
                title: "T"
                authors: [Ada]
                topics: [rag]
                submitted_by: [me, you]
                """));
    }

    // ---- summary

    [Fact]
    public void The_summary_is_required()
    {
        Assert.Equal(
            [$"{A}:5:1: the summary is missing: write a few sentences about the paper after the closing \"---\"."],
            ErrorsFor("""
                title: "T"
                authors: [Ada]
                topics: [rag]
                """, summary: "\n   \n"));
    }

    // ---- all at once

    [Fact]
    public void Every_problem_of_a_file_is_reported_in_one_run_sorted_by_line()
    {
        Assert.Equal(
            [$"{A}:1:1: \"authors\" is missing: add a line such as  authors: [\"Ada Lovelace\", \"Alan Turing\"]",
             $"{A}:2:8: \"title\" must be text, not a list, e.g.  title: \"Attention Is All You Need\"",
             $"{A}:3:1: unknown key \"autors\": did you mean \"authors\"?",
             $"{A}:4:10: unknown topic \"rgb\". Did you mean \"rag\"? Topics are defined in topics.yml.",
             $"{A}:5:10: \"upvotes\" must be a whole number, e.g.  upvotes: 12",
             $"{A}:6:15: link \"code\" must be an absolute http or https URL, not \"javascript:alert(1)\".",
             $"{A}:7:1: the summary is missing: write a few sentences about the paper after the closing \"---\"."],
            ErrorsFor("""
                title: [T]
                autors: [Ada]
                topics: [rgb]
                upvotes: ten
                links: {code: "javascript:alert(1)"}
                """, summary: ""));
    }
}

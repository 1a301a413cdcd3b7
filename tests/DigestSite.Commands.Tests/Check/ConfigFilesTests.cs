namespace DigestSite.Commands.Tests;

/// <summary>site.yml, topics.yml and an issue's index.md.</summary>
public class ConfigFilesTests
{
    private static string[] SiteErrors(string siteYml)
    {
        using var site = new FixtureSite();
        site.Write("site.yml", siteYml);
        return site.Errors();
    }

    private static string[] TopicsErrors(string topicsYml)
    {
        using var site = new FixtureSite();
        site.Write("topics.yml", topicsYml);
        return site.Errors();
    }

    private const string Index = FixtureSite.Issue + "/index.md";

    private static string[] IndexErrors(string text)
    {
        using var site = new FixtureSite();
        site.Write(Index, text);
        return site.Errors();
    }

    // ---- site.yml

    [Fact]
    public void Site_yml_is_required()
    {
        using var site = new FixtureSite();
        site.Delete("site.yml");
        Assert.Equal(["site.yml:1:1: site.yml is missing: create it with title, description and url."], site.Errors());
    }

    [Fact]
    public void An_empty_site_yml_is_an_error()
    {
        Assert.Equal(["site.yml:1:1: the file is empty."], SiteErrors("\n"));
    }

    [Fact]
    public void Site_yml_needs_a_title_and_a_url()
    {
        Assert.Equal(
            ["site.yml:1:1: \"title\" is missing: add a line such as  title: \"Papers Digest\"",
             "site.yml:1:1: \"url\" is missing: add a line such as  url: \"https://you.github.io/digest\""],
            SiteErrors("description: \"Papers.\"\n"));
    }

    [Fact]
    public void Malformed_site_yml_is_located()
    {
        Assert.Equal(
            ["site.yml:2:14: invalid YAML: while scanning a multi-line double-quoted scalar, found wrong indentation."],
            SiteErrors("title: \"T\"\ndescription: \"Papers\nurl: https://example.org\n"));
    }

    [Fact]
    public void Site_yml_must_be_key_value_lines()
    {
        Assert.Equal(["site.yml:1:1: expected \"key: value\" lines here, found a list."], SiteErrors("- title\n- url\n"));
    }

    [Fact]
    public void An_unknown_site_setting_suggests_the_nearest()
    {
        Assert.Equal(
            ["site.yml:4:1: unknown key \"papers_per_pag\": did you mean \"papers_per_page\"?"],
            SiteErrors(FixtureSite.SiteYml + "papers_per_pag: 10\n"));
    }

    [Theory]
    [InlineData("/digest")]
    [InlineData("example.org")]
    [InlineData("ftp://example.org/")]
    [InlineData("javascript:alert(1)")]
    public void The_site_url_must_be_absolute_http(string url)
    {
        Assert.Equal(
            ["site.yml:3:6: \"url\" must be an absolute http or https URL, e.g.  url: \"https://you.github.io/digest\""],
            SiteErrors($"title: \"T\"\ndescription: \"D\"\nurl: \"{url}\"\n"));
    }

    [Fact]
    public void The_site_url_has_no_query_or_fragment()
    {
        Assert.Equal(
            ["site.yml:3:6: \"url\" must not have a query or a fragment: it is where the site lives."],
            SiteErrors("title: \"T\"\ndescription: \"D\"\nurl: \"https://example.org/digest?x=1\"\n"));
    }

    [Fact]
    public void Site_numbers_are_checked()
    {
        Assert.Equal(
            ["site.yml:4:18: \"papers_per_page\" must be 1 or more, not 0.",
             "site.yml:5:12: \"feed_size\" must be a whole number, e.g.  feed_size: 20"],
            SiteErrors(FixtureSite.SiteYml + "papers_per_page: 0\nfeed_size: twenty\n"));
    }

    [Fact]
    public void Site_language_and_subscribe_are_checked()
    {
        Assert.Equal(
            ["site.yml:4:11: \"language\" must be a language tag such as en or pt-BR, not \"en_US!\".",
             "site.yml:5:12: \"subscribe\" must be an absolute http or https URL, e.g.  subscribe: \"https://buttondown.com/you\""],
            SiteErrors(FixtureSite.SiteYml + "language: en_US!\nsubscribe: mailto:me@example.org\n"));
    }

    [Fact]
    public void A_broken_site_yml_does_not_hide_the_papers_problems()
    {
        using var site = new FixtureSite();
        site.Write("site.yml", "title: [\n");
        site.Paper(FixtureSite.Issue + "/a.md", "title: \"T\"\nauthors: [Ada]\ntopics: [rgb]");
        var errors = site.Errors();
        Assert.Equal(2, errors.Length);
        Assert.StartsWith($"{FixtureSite.Issue}/a.md:4:10: unknown topic \"rgb\".", errors[0]);
        Assert.StartsWith("site.yml:", errors[1]);
        Assert.Contains("invalid YAML:", errors[1]);
    }

    // ---- topics.yml

    [Fact]
    public void Topics_yml_is_required_and_then_topics_are_not_checked()
    {
        using var site = new FixtureSite();
        site.Delete("topics.yml");
        site.Paper(FixtureSite.Issue + "/a.md", "title: \"T\"\nauthors: [Ada]\ntopics: [anything]");
        Assert.Equal(["topics.yml:1:1: topics.yml is missing: create it with the topics papers are filed under."], site.Errors());
    }

    [Fact]
    public void Topics_yml_must_define_a_topic()
    {
        Assert.Equal(["topics.yml:1:1: topics.yml defines no topic: add at least one (slug, then name and description)."], TopicsErrors("{}\n"));
    }

    [Fact]
    public void A_topic_needs_a_name()
    {
        Assert.Equal(
            ["topics.yml:7:1: \"name\" is missing: add a line such as  name: \"Fine-tuning\""],
            TopicsErrors(FixtureSite.TopicsYml + "peft:\n  description: \"LoRA and friends.\"\n"));
    }

    [Fact]
    public void A_topic_is_a_mapping_not_text()
    {
        Assert.Equal(
            ["topics.yml:7:7: topic \"peft\" needs a name and a description on indented lines below it, not text."],
            TopicsErrors(FixtureSite.TopicsYml + "peft: Parameter-efficient fine-tuning\n"));
    }

    [Fact]
    public void A_topic_slug_must_be_a_slug()
    {
        Assert.Equal(
            ["topics.yml:7:1: topic slug \"Fine_Tuning\" must use lowercase letters, digits, \".\" and \"-\", starting with a letter or digit."],
            TopicsErrors(FixtureSite.TopicsYml + "Fine_Tuning:\n  name: \"FT\"\n"));
    }

    [Fact]
    public void An_unknown_topic_key_suggests_the_nearest()
    {
        Assert.Equal(
            ["topics.yml:9:3: unknown key \"descripton\": did you mean \"description\"?"],
            TopicsErrors(FixtureSite.TopicsYml + "peft:\n  name: \"PEFT\"\n  descripton: \"LoRA.\"\n"));
    }

    [Fact]
    public void A_duplicate_topic_is_an_error()
    {
        Assert.Equal(
            ["topics.yml:7:1: duplicate key \"rag\": it is already set on line 4. Keep one."],
            TopicsErrors(FixtureSite.TopicsYml + "rag:\n  name: \"RAG\"\n"));
    }

    [Fact]
    public void Malformed_topics_yml_is_located_and_papers_are_still_read()
    {
        using var site = new FixtureSite();
        site.Write("topics.yml", "rag:\n  name: \"RAG\n");
        site.Paper(FixtureSite.Issue + "/a.md", "title: [T]\nauthors: [Ada]\ntopics: [rag]");
        Assert.Equal(
            [$"{FixtureSite.Issue}/a.md:2:8: \"title\" must be text, not a list, e.g.  title: \"Attention Is All You Need\"",
             "topics.yml:2:9: invalid YAML: while scanning a quoted scalar, found unexpected end of stream."],
            site.Errors());
    }

    // ---- index.md

    [Fact]
    public void An_index_with_only_an_introduction_is_valid()
    {
        using var site = new FixtureSite();
        site.Write(Index, "A week of retrieval papers.\n");
        var issue = Assert.Single(site.Load().Archive!.Issues);
        Assert.Null(issue.Title);
        Assert.Equal("A week of retrieval papers.", issue.IntroductionMarkdown);
    }

    [Fact]
    public void An_index_with_only_a_title_is_valid()
    {
        using var site = new FixtureSite();
        site.Write(Index, "---\ntitle: \"Retrieval week\"\n---\n");
        var issue = Assert.Single(site.Load().Archive!.Issues);
        Assert.Equal("Retrieval week", issue.Title);
        Assert.Null(issue.IntroductionMarkdown);
    }

    [Fact]
    public void An_index_with_nothing_in_it_is_an_error()
    {
        Assert.Equal([$"{Index}:1:1: index.md has neither a title nor an introduction: write one, or delete the file."], IndexErrors("---\n---\n\n"));
        Assert.Equal([$"{Index}:1:1: the file is empty."], IndexErrors(""));
    }

    [Fact]
    public void An_index_only_knows_title()
    {
        Assert.Equal([$"{Index}:2:1: unknown key \"titel\": did you mean \"title\"?"], IndexErrors("---\ntitel: \"Retrieval week\"\n---\nIntro.\n"));
        Assert.Equal(
            [$"{Index}:2:1: unknown key \"authors\": the keys are: title."],
            IndexErrors("---\nauthors: [Ada]\n---\nIntro.\n"));
    }

    [Fact]
    public void An_index_title_is_one_line_of_text()
    {
        Assert.Equal(
            [$"{Index}:2:8: \"title\" must be text, not a list, e.g.  title: \"Retrieval week\""],
            IndexErrors("---\ntitle: [a, b]\n---\nIntro.\n"));
    }

    [Fact]
    public void An_index_with_unclosed_front_matter_is_an_error()
    {
        Assert.Equal(
            [$"{Index}:1:1: the front matter opened here is never closed: add a line \"---\" after the last field."],
            IndexErrors("---\ntitle: \"Retrieval week\"\nIntro.\n"));
    }

    [Fact]
    public void An_index_with_malformed_yaml_is_located()
    {
        Assert.Equal(
            [$"{Index}:2:8: YAML aliases (*x) are not allowed in content: write the value out."],
            IndexErrors("---\ntitle: *x\n---\nIntro.\n"));
    }

    [Fact]
    public void An_index_is_not_a_paper()
    {
        using var site = new FixtureSite();
        site.Write(Index, "---\ntitle: \"Retrieval week\"\n---\nIntro.\n");
        Assert.DoesNotContain(site.Load().Archive!.Papers, p => p.Slug == "index");
    }
}

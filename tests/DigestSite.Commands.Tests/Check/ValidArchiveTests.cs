using DigestSite.Content;

namespace DigestSite.Commands.Tests;

/// <summary>What a clean content folder becomes.</summary>
public class ValidArchiveTests
{
    [Fact]
    public void The_fixture_is_valid_and_becomes_an_archive()
    {
        using var site = new FixtureSite();
        var result = site.Load();

        Assert.Empty(FixtureSite.Format(result.Diagnostics));
        var archive = Assert.IsType<DigestSite.Archive.DigestArchive>(result.Archive);
        Assert.Equal("Test Digest", archive.Config.Title);
        Assert.Equal("https://example.org/digest", archive.Config.Url.ToString());
        Assert.Equal(["fine-tuning", "rag"], archive.Topics.Select(t => t.Slug));
        var issue = Assert.Single(archive.Issues);
        Assert.Equal(new DateOnly(2026, 3, 18), issue.Date);
        Assert.Null(issue.Title);
        Assert.Null(issue.IntroductionMarkdown);
        // Most upvoted first.
        Assert.Equal(["2312.15918", "lora"], issue.Papers.Select(p => p.Slug));

        var rag = issue.Papers[0];
        Assert.Equal("Retrieval-Augmented Generation for Large Language Models: A Survey", rag.Title);
        Assert.Equal(["Yunfan Gao", "Yun Xiong"], rag.Authors);
        Assert.Equal(["rag"], rag.TopicSlugs);
        Assert.Equal("2312.15918", rag.Arxiv);
        Assert.Equal(new DateOnly(2023, 12, 18), rag.Published);
        Assert.Equal(12, rag.Upvotes);
        var link = Assert.Single(rag.Links);
        Assert.Equal("code", link.Name);
        Assert.Equal("https://github.com/Tongji-KGLLM/RAG-Survey", link.Url.ToString());
        Assert.Equal("editor", rag.SubmittedBy);
        Assert.Equal("A survey of retrieval-augmented generation.", rag.SummaryMarkdown);
        Assert.Equal(FixtureSite.RagPaper, rag.SourcePath);

        var lora = issue.Papers[1];
        Assert.Equal(["Edward J. Hu", "Yelong Shen"], lora.Authors);
        Assert.Null(lora.Arxiv);
        Assert.Null(lora.Published);
        Assert.Null(lora.Upvotes);
        Assert.Empty(lora.Links);
        Assert.Null(lora.SubmittedBy);
    }

    [Fact]
    public void Site_settings_have_defaults()
    {
        using var site = new FixtureSite();
        var config = site.Load().Archive!.Config;

        Assert.Equal("en", config.Language);
        Assert.Equal(50, config.PapersPerPage);
        Assert.Equal(20, config.FeedSize);
        Assert.Null(config.Subscribe);
    }

    [Fact]
    public void Every_site_setting_is_read()
    {
        using var site = new FixtureSite();
        site.Write("site.yml", """
            title: "Test Digest"
            description: "Papers for the tests."
            url: "https://example.org/"
            language: pt-BR
            papers_per_page: 10
            feed_size: 5
            subscribe: "https://buttondown.com/digest"
            """);
        var config = site.Load().Archive!.Config;

        Assert.Equal("https://example.org/", config.Url.ToString());
        Assert.Equal("pt-BR", config.Language);
        Assert.Equal(10, config.PapersPerPage);
        Assert.Equal(5, config.FeedSize);
        Assert.Equal("https://buttondown.com/digest", config.Subscribe!.ToString());
    }

    [Fact]
    public void Issues_are_newest_first_with_their_introductions()
    {
        using var site = new FixtureSite();
        site.Paper("issues/2026-04-01/2401.00001.md", """
            title: "Later paper"
            authors: [Someone]
            topics: [rag]
            arxiv: 2401.00001
            """);
        site.Write("issues/2026-04-01/index.md", """
            ---
            title: "Retrieval week"
            ---
            This week, *retrieval*.

            """);
        var archive = site.Load().Archive!;

        Assert.Equal([new DateOnly(2026, 4, 1), new DateOnly(2026, 3, 18)], archive.Issues.Select(i => i.Date));
        Assert.Equal("Retrieval week", archive.Issues[0].Title);
        Assert.Equal("This week, *retrieval*.", archive.Issues[0].IntroductionMarkdown);
        // Written unquoted, the arXiv id stays the text as written, never a number.
        Assert.Equal("2401.00001", archive.Issues[0].Papers[0].Arxiv);
    }

    [Fact]
    public void Hidden_files_and_folders_are_ignored()
    {
        using var site = new FixtureSite();
        site.Write(".gitignore", "bin/\n")
            .Write("issues/.DS_Store", "\0\0")
            .Write(FixtureSite.Issue + "/.notes.txt", "not content")
            .Write("issues/.drafts/draft.md", "anything at all")
            .Write(".git/config", "[core]\n");

        Assert.Empty(site.Errors());
        Assert.Equal(2, site.Load().Archive!.Papers.Count());
    }

    [Fact]
    public void Optional_fields_may_be_quoted_or_plain()
    {
        using var site = new FixtureSite();
        site.Paper(FixtureSite.LoraPaper, """
            title: LoRA plain title
            authors: [Edward J. Hu]
            topics:
              - fine-tuning
              - rag
            arxiv: 2106.09685v2
            published: "2021-06-17"
            upvotes: 0
            links: { paper: "https://arxiv.org/abs/2106.09685", code: http://github.com/microsoft/LoRA }
            """);
        var lora = site.Load().Archive!.Papers.Single(p => p.Slug == "lora");

        Assert.Equal("LoRA plain title", lora.Title);
        Assert.Equal(["fine-tuning", "rag"], lora.TopicSlugs);
        Assert.Equal("2106.09685v2", lora.Arxiv);
        Assert.Equal(new DateOnly(2021, 6, 17), lora.Published);
        Assert.Equal(0, lora.Upvotes);
        Assert.Equal(["paper", "code"], lora.Links.Select(l => l.Name));
    }
}

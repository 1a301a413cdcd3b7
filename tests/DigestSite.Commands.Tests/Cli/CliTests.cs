using DigestSite.Content;

namespace DigestSite.Commands.Tests;

/// <summary>`digestsite check` and `digestsite new`, run as processes in the fixture's workspace.</summary>
public class CliTests
{
    private const string A = "content/" + FixtureSite.Issue + "/a.md";

    // ---- check

    [Fact]
    public void Check_of_clean_content_exits_0_with_a_summary()
    {
        using var site = new FixtureSite();
        var result = Cli.Run(site.Workspace, "check", "--content", "content");

        Assert.Equal(["content: 2 papers in 1 issue, no problems."], result.OutLines);
        Assert.Equal("", result.Err);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Check_reads_content_by_default()
    {
        using var site = new FixtureSite();
        var result = Cli.Run(site.Workspace, "check");
        Assert.Equal(["content: 2 papers in 1 issue, no problems."], result.OutLines);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Check_prints_errors_like_a_compiler_sorted_then_a_summary_and_exits_1()
    {
        using var site = new FixtureSite();
        site.Paper(FixtureSite.Issue + "/b.md", "title: \"T\"\nauthors: [Ada]\ntopics: [rag]\nupvotes: ten");
        site.Paper(FixtureSite.Issue + "/a.md", "title: \"T\"\nautors: [Ada]\ntopics: [rgb]");
        site.Write("site.yml", FixtureSite.SiteYml + "feed_size: 0\n");
        var result = Cli.Run(site.Workspace, "check", "--content", "content");

        Assert.Equal(
            [$"{A}:1:1: error: \"authors\" is missing: add a line such as  authors: [\"Ada Lovelace\", \"Alan Turing\"]",
             $"{A}:3:1: error: unknown key \"autors\": did you mean \"authors\"?",
             $"{A}:4:10: error: unknown topic \"rgb\". Did you mean \"rag\"? Topics are defined in topics.yml.",
             "content/issues/2026-03-18/b.md:5:10: error: \"upvotes\" must be a whole number, e.g.  upvotes: 12",
             "content/site.yml:4:12: error: \"feed_size\" must be 1 or more, not 0.",
             "5 errors in 3 files."],
            result.OutLines);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Check_of_one_error_says_so_in_the_singular()
    {
        using var site = new FixtureSite();
        site.Write(FixtureSite.Issue + "/notes.txt", "x");
        var result = Cli.Run(site.Workspace, "check", "--content", "content");
        Assert.Equal("1 error in 1 file.", result.OutLines[^1]);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Check_shows_paths_relative_to_the_current_folder()
    {
        using var site = new FixtureSite();
        site.Paper(FixtureSite.Issue + "/a.md", "title: [T]\nauthors: [Ada]\ntopics: [rag]");
        site.Write("site.yml", "title: \"T\"\n");
        const string TitleError = "2:8: error: \"title\" must be text, not a list, e.g.  title: \"Attention Is All You Need\"";
        const string UrlError = "1:1: error: \"url\" is missing: add a line such as  url: \"https://you.github.io/digest\"";

        var inside = Cli.Run(site.FullPath("issues"), "check", "--content", "..");
        Assert.Equal([$"2026-03-18/a.md:{TitleError}", $"../site.yml:{UrlError}", "2 errors in 2 files."], inside.OutLines);

        var fromContent = Cli.Run(site.Root, "check", "--content", ".");
        Assert.Equal([$"issues/2026-03-18/a.md:{TitleError}", $"site.yml:{UrlError}", "2 errors in 2 files."], fromContent.OutLines);

        var absolute = Cli.Run(site.Workspace, "check", "--content", site.Root);
        Assert.Equal([$"content/issues/2026-03-18/a.md:{TitleError}", $"content/site.yml:{UrlError}", "2 errors in 2 files."], absolute.OutLines);
    }

    [Fact]
    public void Check_of_a_missing_folder_is_an_error_not_a_crash()
    {
        using var site = new FixtureSite();
        var result = Cli.Run(site.Workspace, "check", "--content", "nowhere");
        Assert.Equal(["nowhere:1:1: error: the content folder \"nowhere\" does not exist.", "1 error in 1 file."], result.OutLines);
        Assert.Equal("", result.Err);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Check_on_github_actions_adds_workflow_commands()
    {
        using var site = new FixtureSite();
        site.Paper(FixtureSite.Issue + "/a.md", "title: \"T\"\nauthors: [Ada]\ntopics: [rag]\nupvotes: -1");
        var result = Cli.Run(site.Workspace, gitHubActions: true, "check", "--content", "content");

        Assert.Equal(
            [$"{A}:5:10: error: \"upvotes\" must be 0 or more, not -1.",
             $"::error file={A},line=5,col=10::\"upvotes\" must be 0 or more, not -1.",
             "1 error in 1 file."],
            result.OutLines);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Workflow_commands_escape_percent_in_messages_and_colon_and_comma_in_paths()
    {
        using var site = new FixtureSite();
        site.Write(FixtureSite.Issue + "/notes,v1:50%.txt", "x");
        site.Paper(FixtureSite.Issue + "/a.md", "title: \"T\"\nauthors: [Ada]\ntopics: [rag]\n\"100%\": yes");
        var result = Cli.Run(site.Workspace, gitHubActions: true, "check", "--content", "content");

        Assert.Equal(
            [$"{A}:5:1: error: unknown key \"100%\": the keys are: title, authors, topics, arxiv, doi, published, upvotes, links, submitted_by.",
             $"::error file={A},line=5,col=1::unknown key \"100%25\": the keys are: title, authors, topics, arxiv, doi, published, upvotes, links, submitted_by.",
             "content/issues/2026-03-18/notes,v1:50%.txt:1:1: error: \"notes,v1:50%.txt\" does not belong in an issue folder, which holds paper files (<slug>.md) and an optional index.md.",
             "::error file=content/issues/2026-03-18/notes%2Cv1%3A50%25.txt,line=1,col=1::\"notes,v1:50%25.txt\" does not belong in an issue folder, which holds paper files (<slug>.md) and an optional index.md.",
             "2 errors in 2 files."],
            result.OutLines);
    }

    [Fact]
    public void Check_never_prints_a_stack_trace_for_broken_yaml()
    {
        using var site = new FixtureSite();
        site.Write(FixtureSite.Issue + "/a.md", "---\ntitle: \"T\"\nauthors: [Ada\ntopics: [rag]\n---\nA summary.\n");
        var result = Cli.Run(site.Workspace, "check", "--content", "content");
        Assert.Equal(
            [$"{A}:3:10: error: invalid YAML: the YAML cannot be read from here on: look for an unclosed bracket, brace or quote.",
             "1 error in 1 file."],
            result.OutLines);
        Assert.Equal("", result.Err);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Check_prints_a_title_that_reads_like_another_as_a_warning_and_passes()
    {
        using var site = new FixtureSite();
        site.Paper("issues/2026-04-01/lora-again.md", "title: \"LORA -- low-rank adaptation of large language models\"\nauthors: [Ada]\ntopics: [rag]");

        var result = Cli.Run(site.Workspace, gitHubActions: true, "check", "--content", "content");

        const string Message = "the title reads the same as that of issues/2026-03-18/lora.md (\"LoRA: Low-Rank Adaptation of Large Language Models\") " +
                               "once case, punctuation and accents are set aside: if it is the same paper, keep one file; if not, nothing needs to change.";
        Assert.Equal(
            [$"content/issues/2026-04-01/lora-again.md:2:8: warning: {Message}",
             $"::warning file=content/issues/2026-04-01/lora-again.md,line=2,col=8::{Message}",
             "content: 3 papers in 2 issues, no errors, 1 warning."],
            result.OutLines);
        Assert.Equal(0, result.ExitCode);
    }

    // ---- new

    private static readonly string[] NewRag =
        ["new", "--content", "content", "--date", "2026-04-01", "--title", "Mixtral of Experts", "--arxiv", "2401.04088",
         "--author", "Albert Q. Jiang", "--author", "Alexandre Sablayrolles", "--topic", "rag", "--topic", "fine-tuning"];

    [Fact]
    public void New_writes_a_file_that_fails_check_only_for_its_summary_then_passes()
    {
        using var site = new FixtureSite();
        var created = Cli.Run(site.Workspace, NewRag);

        Assert.Equal(0, created.ExitCode);
        Assert.Equal("", created.Err);
        Assert.Equal(
            ["Wrote content/issues/2026-04-01/2401.04088.md. Write the summary after the closing \"---\", then run: digestsite check"],
            created.OutLines);
        var path = site.FullPath("issues/2026-04-01/2401.04088.md");
        Assert.Equal("""
            ---
            title: "Mixtral of Experts"
            authors:
              - "Albert Q. Jiang"
              - "Alexandre Sablayrolles"
            topics: [rag, fine-tuning]
            arxiv: "2401.04088"
            # Optional: published: YYYY-MM-DD, upvotes: N, links: { code: "https://..." }, submitted_by: "you"
            # Write the summary below the closing line: a few sentences, in your own words.
            ---


            """, File.ReadAllText(path));

        var before = Cli.Run(site.Workspace, "check", "--content", "content");
        Assert.Equal(
            ["content/issues/2026-04-01/2401.04088.md:10:1: error: the summary is missing: write a few sentences about the paper after the closing \"---\".",
             "1 error in 1 file."],
            before.OutLines);
        Assert.Equal(1, before.ExitCode);

        File.AppendAllText(path, "A sparse mixture of experts that routes each token to two of eight experts.\n");
        var after = Cli.Run(site.Workspace, "check", "--content", "content");
        Assert.Equal(["content: 3 papers in 2 issues, no problems."], after.OutLines);
        Assert.Equal(0, after.ExitCode);
    }

    [Fact]
    public void New_refuses_to_overwrite_or_to_start_the_same_paper_twice()
    {
        using var site = new FixtureSite();
        Assert.Equal(0, Cli.Run(site.Workspace, NewRag).ExitCode);
        var path = site.FullPath("issues/2026-04-01/2401.04088.md");
        File.AppendAllText(path, "My summary.\n");

        var again = Cli.Run(site.Workspace, NewRag);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(["error: arXiv paper 2401.04088 is already in the archive (content/issues/2026-04-01/2401.04088.md): a paper is digested once."], again.ErrLines);
        Assert.EndsWith("My summary.\n", File.ReadAllText(path));

        string[] byTitle = ["new", "--date", "2026-04-01", "--title", "Mixtral", "--author", "Ada", "--topic", "rag"];
        Assert.Equal(0, Cli.Run(site.Workspace, byTitle).ExitCode);
        var overwrite = Cli.Run(site.Workspace, byTitle);
        Assert.Equal(1, overwrite.ExitCode);
        Assert.Equal(["error: content/issues/2026-04-01/mixtral.md already exists: edit it, or choose another --arxiv or --title."], overwrite.ErrLines);
    }

    [Fact]
    public void New_refuses_a_paper_already_in_another_issue()
    {
        using var site = new FixtureSite();
        var result = Cli.Run(site.Workspace, "new", "--date", "2026-04-01", "--title", "RAG survey", "--arxiv", "2312.15918", "--author", "Ada", "--topic", "rag");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["error: arXiv paper 2312.15918 is already in the archive (content/issues/2026-03-18/2312.15918.md): a paper is digested once."], result.ErrLines);
        Assert.False(Directory.Exists(site.FullPath("issues/2026-04-01")));
    }

    [Fact]
    public void New_refuses_a_slug_already_used_by_another_issue()
    {
        using var site = new FixtureSite();
        var result = Cli.Run(site.Workspace, "new", "--date", "2026-04-01", "--title", "LoRA", "--author", "Ada", "--topic", "rag");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["error: content/issues/2026-03-18/lora.md already exists: slugs are unique across the archive; edit it, or choose another --arxiv or --title."], result.ErrLines);
        Assert.False(Directory.Exists(site.FullPath("issues/2026-04-01")));
    }

    [Fact]
    public void New_rejects_an_unknown_topic_with_a_suggestion()
    {
        using var site = new FixtureSite();
        var result = Cli.Run(site.Workspace, "new", "--date", "2026-04-01", "--title", "T", "--author", "Ada", "--topic", "fine-tunning");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["error: unknown topic \"fine-tunning\". Did you mean \"fine-tuning\"? Topics are defined in topics.yml."], result.ErrLines);
        Assert.False(Directory.Exists(site.FullPath("issues/2026-04-01")));
    }

    [Fact]
    public void New_rejects_a_date_that_does_not_exist()
    {
        using var site = new FixtureSite();
        var result = Cli.Run(site.Workspace, "new", "--date", "2026-02-30", "--title", "T", "--author", "Ada", "--topic", "rag");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["error: --date must be a real date written YYYY-MM-DD, not \"2026-02-30\"."], result.ErrLines);
        Assert.False(Directory.Exists(site.FullPath("issues/2026-02-30")));
    }

    [Fact]
    public void New_rejects_a_bad_arxiv_id()
    {
        using var site = new FixtureSite();
        var result = Cli.Run(site.Workspace, "new", "--date", "2026-04-01", "--title", "T", "--arxiv", "arXiv:2401.04088", "--author", "Ada", "--topic", "rag");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["error: --arxiv must be an arXiv id such as 2312.15918, 2312.15918v2 or hep-th/9901001, not \"arXiv:2401.04088\"."], result.ErrLines);
    }

    [Fact]
    public void New_reports_every_problem_at_once()
    {
        using var site = new FixtureSite();
        var result = Cli.Run(site.Workspace, "new", "--date", "18/03/2026", "--title", " ");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            ["error: --date must be a real date written YYYY-MM-DD, not \"18/03/2026\".",
             "error: --title must be one non-empty line.",
             "error: give at least one --author NAME (repeat it for each author, in the paper's order).",
             "error: give at least one --topic SLUG; the topics are: fine-tuning, rag.",
             "error: the title has no letter or digit to make a file name from: give --arxiv or --doi."],
            result.ErrLines);
    }

    [Fact]
    public void New_without_topics_yml_says_so()
    {
        using var site = new FixtureSite();
        site.Delete("topics.yml");
        var result = Cli.Run(site.Workspace, "new", "--date", "2026-04-01", "--title", "T", "--author", "Ada", "--topic", "rag");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.ErrLines, l => l.StartsWith("error: could not read the topics from ", StringComparison.Ordinal));
    }

    [Fact]
    public void New_without_arxiv_names_the_file_after_the_title_and_old_ids_lose_their_slash()
    {
        using var site = new FixtureSite();
        var byTitle = Cli.Run(site.Workspace, "new", "--date", "2026-04-01", "--title", "LoRA: Low-Rank Adaptation (v2)!", "--author", "Ada", "--topic", "fine-tuning");
        Assert.Equal(0, byTitle.ExitCode);
        Assert.True(File.Exists(site.FullPath("issues/2026-04-01/lora-low-rank-adaptation-v2.md")));

        var oldStyle = Cli.Run(site.Workspace, "new", "--date", "2026-04-01", "--title", "Old", "--arxiv", "hep-th/9901001", "--author", "Ada", "--topic", "rag");
        Assert.Equal(0, oldStyle.ExitCode);
        var path = site.FullPath("issues/2026-04-01/hep-th-9901001.md");
        File.AppendAllText(path, "Summary.\n");
        File.AppendAllText(site.FullPath("issues/2026-04-01/lora-low-rank-adaptation-v2.md"), "Summary.\n");
        Assert.Empty(site.Errors());
    }

    // ---- the text `new` writes, in process: any title and author survives the round trip

    [Theory]
    [InlineData("Attention: Is \"All\" You Need?")]
    [InlineData("- a list? # not a comment")]
    [InlineData("C:\\path\\to\\paper & *stars* [brackets] {braces}")]
    [InlineData("'single' | pipe > greater % percent @ at ` tick")]
    [InlineData("Ünïcödé — “quotes” 日本語")]
    [InlineData("null")]
    [InlineData("--- dashes ---")]
    public void New_paper_text_reads_back_to_the_same_title_and_authors(string text)
    {
        using var site = new FixtureSite();
        var request = new NewPaperRequest(new DateOnly(2026, 4, 1), text, null, [text, "Ada"], ["rag"]);
        var errors = new List<string>();
        var (relativePath, fileText) = NewPaper.Create(request, ["rag", "fine-tuning"], errors) ?? throw new Xunit.Sdk.XunitException(string.Join("; ", errors));
        site.Write(relativePath, fileText + "Summary.\n");

        var result = site.Load();
        Assert.Empty(FixtureSite.Format(result.Diagnostics));
        var paper = result.Archive!.Papers.Single(p => p.SourcePath == relativePath);
        Assert.Equal(text, paper.Title);
        Assert.Equal([text, "Ada"], paper.Authors);
    }
}

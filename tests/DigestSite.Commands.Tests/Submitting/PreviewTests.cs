namespace DigestSite.Commands.Tests.Submitting;

/// <summary>`digestsite preview`: a pull request's changed papers and check's findings, as the check workflow's job summary.</summary>
public sealed class PreviewTests : IDisposable
{
    private readonly FixtureSite site = new();

    public void Dispose() => site.Dispose();

    [Fact]
    public void Shows_each_changed_paper_as_readers_will_see_it_with_every_markdown_character_escaped()
    {
        site.Paper("issues/2026-12-01/1706.03762.md", """
            title: "Attention *Is* All <script>You</script> Need"
            authors: ["Ashish Vaswani", "Łukasz Kaiser"]
            topics: [rag, fine-tuning]
            arxiv: "1706.03762v7"
            doi: "10.48550/arXiv.1706.03762"
            published: 2017-06-12
            links: { code: "https://github.com/tensorflow/tensor2tensor" }
            """, "The **Transformer**: attention alone.\n\n# No recurrence @here [x](javascript:alert(1))");

        var result = Cli.Run(site.Workspace, "preview", "--content", "content",
            "content/issues/2026-12-01/1706.03762.md", "content/issues/2026-03-18/gone.md", "content/topics.yml", "README.md");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""
            ## Papers in this pull request

            ### issues\/2026\-03\-18\/gone\.md

            Removed.

            ### Attention \*Is\* All \<script\>You\<\/script\> Need

            Ashish Vaswani\, Łukasz Kaiser  
            Topics: Retrieval\-augmented generation · Fine\-tuning  
            Issue of 1 December 2026 · published 12 June 2017 · arXiv 1706\.03762v7 · DOI 10\.48550\/arXiv\.1706\.03762 · code: https\:\/\/github\.com\/tensorflow\/tensor2tensor

            > The Transformer\: attention alone\. No recurrence \@here x

            ## Check

            No problems.

            """, result.Out);
    }

    [Fact]
    public void With_errors_it_lists_check_s_findings_and_shows_papers_once_they_pass()
    {
        site.Paper("issues/2026-12-01/a.md", "title: \"A\"\nautors: [Ada]\ntopics: [rag]");
        site.Paper("issues/2026-12-01/lora-again.md", "title: \"LoRA: low-rank adaptation of large language models\"\nauthors: [Ada]\ntopics: [rag]");

        var result = Cli.Run(site.Workspace, "preview", "--content", "content", "content/issues/2026-12-01/a.md");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""
            ## Papers in this pull request

            ### issues\/2026\-12\-01\/a\.md

            Shown once `check` passes.

            ## Check

            - error: issues\/2026\-12\-01\/a\.md\:1\:1: \"authors\" is missing\: add a line such as  authors\: \[\"Ada Lovelace\"\, \"Alan Turing\"\]
            - error: issues\/2026\-12\-01\/a\.md\:3\:1: unknown key \"autors\"\: did you mean \"authors\"\?
            - warning: issues\/2026\-12\-01\/lora\-again\.md\:2\:8: the title reads the same as that of issues\/2026\-03\-18\/lora\.md \(\"LoRA\: Low\-Rank Adaptation of Large Language Models\"\) once case\, punctuation and accents are set aside\: if it is the same paper\, keep one file\; if not\, nothing needs to change\.

            """, result.Out);
    }

    [Fact]
    public void Without_changed_papers_it_says_so()
    {
        var result = Cli.Run(site.Workspace, "preview", "--content", "content");
        Assert.Equal("## Papers in this pull request\n\nNo paper file changed.\n\n## Check\n\nNo problems.\n", result.Out);
    }
}

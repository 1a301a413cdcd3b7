using System.Diagnostics;
using YamlDotNet.RepresentationModel;
using static DigestSite.Commands.Tests.Submitting.StubApis;

namespace DigestSite.Commands.Tests.Submitting;

/// <summary>
/// .github/scripts/submit-paper.sh, which the submit-paper workflow runs on an issue made with the
/// "Submit a paper" form, run here as the workflow runs it: the issue's text in ISSUE_BODY, the real
/// digestsite, arXiv's stand-in. Hostile field values are refused or kept as data, never run.
/// </summary>
public sealed class SubmitScriptTests : IAsyncLifetime
{
    private static readonly string Script = Path.Combine(Repository.Root, ".github", "scripts", "submit-paper.sh");

    private readonly FixtureSite site = new();
    private StubApis api = null!;

    public async Task InitializeAsync()
    {
        api = await StubApis.Start();
        api.Arxiv("1706.03762", Answer.Atom("arxiv-1706.03762.xml"));
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        site.Dispose();
    }

    /// <summary>An issue body as GitHub writes a submitted form: "### LABEL", a blank line, the value.</summary>
    private static string Body(string arxiv = "1706.03762", string doi = "_No response_", string date = "2026-12-01",
        string topics = "rag, fine-tuning", string summary = "Attention alone, no recurrence.") =>
        $"### arXiv id\n\n{arxiv}\n\n### DOI\n\n{doi}\n\n### Issue date\n\n{date}\n\n### Topics\n\n{topics}\n\n### Summary\n\n{summary}";

    private sealed record Run(int ExitCode, string Out, string Err, string GitHubOutput);

    private Run Submit(string body)
    {
        var output = Path.Combine(site.Workspace, "github-output");
        File.WriteAllText(output, "");
        var start = new ProcessStartInfo("bash") { WorkingDirectory = site.Workspace, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        start.Environment["ISSUE_BODY"] = body;
        start.Environment["DIGESTSITE_DLL"] = Cli.DllPath;
        start.Environment["GITHUB_OUTPUT"] = output;
        start.Environment["GITHUB_ACTIONS"] = null;
        foreach (var (name, value) in api.Environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "the script did not finish in 60 s");
        return new Run(process.ExitCode, stdout, stderr.Result, File.ReadAllText(output));
    }

    private bool NothingWritten => !Directory.Exists(site.FullPath("issues/2026-12-01")) && !File.Exists(Path.Combine(site.Workspace, "pwned"));

    [Fact]
    public void A_form_becomes_a_paper_file_with_its_summary_that_passes_check()
    {
        var run = Submit(Body(summary: "The **Transformer**: attention alone.\n\nNo recurrence.\n\n").Replace("\n", "\r\n"));

        Assert.Equal("", run.Err);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            Wrote content/issues/2026-12-01/1706.03762.md. Write the summary after the closing "---", then run: digestsite check
            content: 3 papers in 2 issues, no problems.
            content/issues/2026-12-01/1706.03762.md

            """, run.Out);
        Assert.Equal("file=content/issues/2026-12-01/1706.03762.md\n", run.GitHubOutput);
        Assert.EndsWith("---\n\nThe **Transformer**: attention alone.\n\nNo recurrence.\n", File.ReadAllText(site.FullPath("issues/2026-12-01/1706.03762.md")));
        Assert.Equal("/api/query?id_list=1706.03762", Assert.Single(api.Requests).Target);
    }

    [Theory]
    [InlineData("$(touch pwned)")]
    [InlineData("`touch pwned`")]
    [InlineData("1706.03762; touch pwned")]
    [InlineData("1706.03762 --content /")]
    [InlineData("--help")]
    [InlineData("1706.03762\n\ntouch pwned")]
    public void A_hostile_arxiv_field_is_refused_and_nothing_runs(string arxiv)
    {
        var run = Submit(Body(arxiv: arxiv));

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"\Aerror: (the arXiv id is not one \(such as 2401\.04088 or hep-th/9901001\)|""arXiv id"" must be one line)\.\n\z", run.Err);
        Assert.Empty(api.Requests);
        Assert.True(NothingWritten);
    }

    [Theory]
    [InlineData("2026-12-01; touch pwned", "error: the issue date must be written YYYY-MM-DD.")]
    [InlineData("$(touch pwned)", "error: the issue date must be written YYYY-MM-DD.")]
    public void A_hostile_date_is_refused(string date, string error)
    {
        var run = Submit(Body(date: date));
        Assert.Equal([error], run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(NothingWritten);
    }

    [Theory]
    [InlineData("rag, $(touch pwned)")]
    [InlineData("rag, --content=/")]
    [InlineData("rag;touch pwned")]
    public void A_hostile_topic_is_refused(string topics)
    {
        var run = Submit(Body(topics: topics));
        Assert.Equal(["error: a topic is not one of the digest's topic slugs."], run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(NothingWritten);
    }

    [Fact]
    public void A_hostile_summary_is_written_as_it_is_and_never_run()
    {
        const string summary = "$(touch pwned) `touch pwned` ${HOME} %s \\n\n### Topics\n\ncode\n---\ntitle: \"forged\"\n---\n<script>alert(1)</script>";

        var run = Submit(Body(summary: summary));

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(Path.Combine(site.Workspace, "pwned")));
        var text = File.ReadAllText(site.FullPath("issues/2026-12-01/1706.03762.md"));
        Assert.EndsWith("---\n\n" + summary + "\n", text);
        Assert.Contains("topics: [rag, fine-tuning]\n", text);
        Assert.Equal("Attention Is All You Need", site.Load().Archive!.Papers.Single(p => p.Slug == "1706.03762").Title);
    }

    [Theory]
    [InlineData("1706.03762", "10.1145/3292500.3330701", "error: give the arXiv id or the DOI, not both.")]
    [InlineData("_No response_", "_No response_", "error: give the paper's arXiv id or its DOI.")]
    [InlineData("_No response_", "10.1145/3292500.3330701 $(touch pwned)", "error: the DOI is not one (such as 10.1145/3292500.3330701).")]
    public void One_of_arxiv_id_and_doi_is_needed(string arxiv, string doi, string error)
    {
        var run = Submit(Body(arxiv: arxiv, doi: doi));
        Assert.Equal([error], run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(NothingWritten);
    }

    [Fact]
    public void A_paper_already_in_the_archive_fails_with_digestsite_s_own_error()
    {
        var run = Submit(Body(arxiv: "https://arxiv.org/abs/2312.15918v2"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ["error: arXiv paper 2312.15918 is already in the archive (content/issues/2026-03-18/2312.15918.md): a paper is digested once.",
             "error: digestsite new did not write the paper (see its error above)."],
            run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(NothingWritten);
    }

    [Fact]
    public void An_empty_summary_is_refused_before_anyone_is_asked()
    {
        var run = Submit(Body(summary: "_No response_"));
        Assert.Equal(["error: the summary is empty: write a few sentences about the paper."], run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(api.Requests);
    }

    [Fact]
    public void The_form_offers_the_archive_s_topics_and_the_fields_the_script_reads() =>
        AssertForm(Path.Combine(Repository.Root, ".github", "ISSUE_TEMPLATE", "submit-paper.yml"), Path.Combine(Repository.Root, "content", "topics.yml"));

    [Fact]
    public void Init_scaffolds_the_same_script_and_a_form_with_the_new_digest_s_topics()
    {
        var root = Directory.CreateTempSubdirectory("digestsite-submit-").FullName;
        try
        {
            Assert.Equal(0, Cli.Run(root, "init", "digest").ExitCode);
            var digest = Path.Combine(root, "digest");
            Assert.Equal(File.ReadAllText(Script), File.ReadAllText(Path.Combine(digest, ".github", "scripts", "submit-paper.sh")));
            AssertForm(Path.Combine(digest, ".github", "ISSUE_TEMPLATE", "submit-paper.yml"), Path.Combine(digest, "content", "topics.yml"));
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    private static void AssertForm(string formPath, string topicsPath)
    {
        var form = new YamlStream();
        form.Load(new StringReader(File.ReadAllText(formPath)));
        var fields = ((YamlSequenceNode)((YamlMappingNode)form.Documents[0].RootNode)["body"]).Children.Cast<YamlMappingNode>()
            .Where(f => ((YamlScalarNode)f["type"]).Value != "markdown").ToArray();
        Assert.Equal(["arXiv id", "DOI", "Issue date", "Topics", "Summary"],
            fields.Select(f => ((YamlScalarNode)((YamlMappingNode)f["attributes"])["label"]).Value));

        var options = ((YamlSequenceNode)((YamlMappingNode)fields[3]["attributes"])["options"]).Children.Select(o => ((YamlScalarNode)o).Value);
        var topics = new YamlStream();
        topics.Load(new StringReader(File.ReadAllText(topicsPath)));
        Assert.Equal(((YamlMappingNode)topics.Documents[0].RootNode).Children.Keys.Select(k => ((YamlScalarNode)k).Value), options);
    }

    [Fact]
    public void The_workflow_passes_the_issue_s_text_to_scripts_only_through_the_environment()
    {
        var workflow = File.ReadAllLines(Path.Combine(Repository.Root, ".github", "workflows", "submit-paper.yml"));
        var untrusted = workflow.Select((line, i) => (line, i)).Where(l => l.line.Contains("github.event.issue.body", StringComparison.Ordinal)).ToArray();
        Assert.Equal("          ISSUE_BODY: ${{ github.event.issue.body }}", Assert.Single(untrusted).line);
        Assert.Equal("        env:", workflow[untrusted[0].i - 1]);
    }
}

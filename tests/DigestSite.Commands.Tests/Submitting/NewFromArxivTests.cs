using static DigestSite.Commands.Tests.Submitting.StubApis;

namespace DigestSite.Commands.Tests.Submitting;

/// <summary>
/// `digestsite new --arxiv ID` against a stand-in of arXiv's API: the exact file written from the
/// answer, or the exact error, and then nothing written.
/// </summary>
public sealed class NewFromArxivTests : IAsyncLifetime
{
    private readonly FixtureSite site = new();
    private StubApis api = null!;

    public async Task InitializeAsync() => api = await StubApis.Start();

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        site.Dispose();
    }

    private Cli.Result New(params string[] args) => Cli.Run(site.Workspace, api.Environment, ["new", "--date", "2026-12-01", .. args]);

    private string[] IssueFiles() =>
        Directory.Exists(site.FullPath("issues/2026-12-01"))
            ? Directory.GetFiles(site.FullPath("issues/2026-12-01"), "*", SearchOption.AllDirectories).Select(f => Path.GetFileName(f)).Order().ToArray()
            : [];

    [Fact]
    public void Fills_the_file_from_arxiv_and_it_passes_check_once_the_summary_is_written()
    {
        api.Arxiv("1706.03762", Answer.Atom("arxiv-1706.03762.xml"));

        var result = New("--arxiv", "1706.03762", "--topic", "fine-tuning");

        Assert.Equal("", result.Err);
        Assert.Equal(["Wrote content/issues/2026-12-01/1706.03762.md. Write the summary after the closing \"---\", then run: digestsite check"], result.OutLines);
        Assert.Equal(0, result.ExitCode);
        var path = site.FullPath("issues/2026-12-01/1706.03762.md");
        Assert.Equal("""
            ---
            title: "Attention Is All You Need"
            authors:
              - "Ashish Vaswani"
              - "Noam Shazeer"
              - "Niki Parmar"
              - "Jakob Uszkoreit"
              - "Llion Jones"
              - "Aidan N. Gomez"
              - "Łukasz Kaiser"
              - "Illia Polosukhin"
            topics: [fine-tuning]
            arxiv: "1706.03762v7"
            published: 2017-06-12
            # Optional: upvotes: N, links: { code: "https://..." }, submitted_by: "you"
            # Write the summary below the closing line: a few sentences, in your own words.
            ---


            """, File.ReadAllText(path));
        var request = Assert.Single(api.Requests);
        Assert.Equal("/api/query?id_list=1706.03762", request.Target);
        Assert.Matches(@"\ADigestSite/[0-9]+\.[0-9]+\.[0-9]+\S* \(paper digest generator; \+https://example\.org/digest\)\z", request.UserAgent);

        File.AppendAllText(path, "The Transformer: attention alone, no recurrence, and better translations for less training.\n");
        var check = Cli.Run(site.Workspace, "check", "--content", "content");
        Assert.Equal(["content: 3 papers in 2 issues, no problems."], check.OutLines);
        Assert.Equal(0, check.ExitCode);
    }

    [Fact]
    public void An_old_style_id_keeps_its_latex_title_accents_doi_and_journal_reference()
    {
        api.Arxiv("hep-th/9901001", Answer.Atom("arxiv-hep-th-9901001.xml"));

        var result = New("--arxiv", "hep-th/9901001", "--topic", "rag");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Err);
        Assert.Equal("/api/query?id_list=hep-th%2F9901001", Assert.Single(api.Requests).Target);
        Assert.Equal("""
            ---
            title: "Conformal Field Theories of $\\mathcal{N}=4$ Strings on $AdS_3 \\times S^3$"
            authors:
              - "José Martínez-Ñúñez"
              - "Søren Ødegård"
              - "Zoë Brontë"
            topics: [rag]
            arxiv: "hep-th/9901001v1"
            doi: "10.1088/1126-6708/1999/01/009"
            published: 1999-01-04
            # arXiv's journal reference: JHEP 9901:009, 1999
            # Optional: upvotes: N, links: { code: "https://..." }, submitted_by: "you"
            # Write the summary below the closing line: a few sentences, in your own words.
            ---


            """, File.ReadAllText(site.FullPath("issues/2026-12-01/hep-th-9901001.md")));

        File.AppendAllText(site.FullPath("issues/2026-12-01/hep-th-9901001.md"), "Strings on AdS3.\n");
        var paper = site.Load().Archive!.Papers.Single(p => p.Slug == "hep-th-9901001");
        Assert.Equal("Conformal Field Theories of $\\mathcal{N}=4$ Strings on $AdS_3 \\times S^3$", paper.Title);
        Assert.Equal(["José Martínez-Ñúñez", "Søren Ødegård", "Zoë Brontë"], paper.Authors);
    }

    [Fact]
    public void A_versioned_id_asks_for_that_version_and_names_the_file_without_it()
    {
        api.Arxiv("2401.04088v1", Answer.Atom("arxiv-2401.04088v1.xml"));

        var result = New("--arxiv", "2401.04088v1", "--topic", "rag", "--topic", "fine-tuning");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""
            ---
            title: "Mixtral of Experts"
            authors:
              - "Albert Q. Jiang"
              - "Alexandre Sablayrolles"
              - "Antoine Roux"
            topics: [rag, fine-tuning]
            arxiv: "2401.04088v1"
            published: 2024-01-08
            # Optional: upvotes: N, links: { code: "https://..." }, submitted_by: "you"
            # Write the summary below the closing line: a few sentences, in your own words.
            ---


            """, File.ReadAllText(site.FullPath("issues/2026-12-01/2401.04088.md")));
    }

    [Fact]
    public void Several_ids_make_one_file_each_in_the_same_issue_three_seconds_apart()
    {
        api.Arxiv("1706.03762", Answer.Atom("arxiv-1706.03762.xml")).Arxiv("2401.04088", Answer.Atom("arxiv-2401.04088v1.xml"));

        var result = New("--arxiv", "1706.03762", "--arxiv", "2401.04088", "--topic", "rag");

        Assert.Equal("", result.Err);
        Assert.Equal(
            ["Wrote content/issues/2026-12-01/1706.03762.md.",
             "Wrote content/issues/2026-12-01/2401.04088.md.",
             "Write each summary after the closing \"---\", then run: digestsite check"],
            result.OutLines);
        Assert.Equal(["1706.03762.md", "2401.04088.md"], IssueFiles());
        var (first, second) = (api.Requests[0], api.Requests[1]);
        Assert.Equal(["/api/query?id_list=1706.03762", "/api/query?id_list=2401.04088"], api.Requests.Select(r => r.Target));
        Assert.True(second.At - first.At >= TimeSpan.FromSeconds(2.9), $"the requests were {second.At - first.At} apart, not 3 s");
    }

    [Fact]
    public void When_one_of_several_fails_none_is_written()
    {
        api.Arxiv("1706.03762", Answer.Atom("arxiv-1706.03762.xml")).Arxiv("2612.99999", Answer.Atom("arxiv-empty.xml"));

        var result = New("--arxiv", "1706.03762", "--arxiv", "2612.99999", "--topic", "rag");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            ["error: arXiv 2612.99999: arXiv has no paper 2612.99999 (an empty answer): check the id at https://arxiv.org/abs/2612.99999. " +
             "Nothing was written; to go on by hand: digestsite new --date 2026-12-01 --arxiv 2612.99999 --title \"…\" --author \"…\" (one --author per author) --topic rag"],
            result.ErrLines);
        Assert.Equal("", result.Out);
        Assert.Empty(IssueFiles());
    }

    public static TheoryData<string, Answer, string, int> Failures => new()
    {
        { "2612.99999", Answer.Atom("arxiv-empty.xml"), "arXiv has no paper 2612.99999 (an empty answer): check the id at https://arxiv.org/abs/2612.99999", 1 },
        { "2101.00001", Answer.Atom("arxiv-withdrawn.xml"),
          "arXiv 2101.00001v2 has been withdrawn (its comment: \"This paper has been withdrawn by the author due to an error in Lemma 3\"); a withdrawn paper is not digested", 1 },
        { "1001.00001", Answer.Atom("arxiv-error.xml"), "arXiv refused the id: incorrect id format for 1001.00001", 1 },
        { "1706.03762", Answer.Http(500, "Internal Server Error"), "arXiv answered HTTP 500 Internal Server Error (127.0.0.1)", 1 },
        { "1706.03762", Answer.Http(503, "Rate exceeded."), "arXiv answered HTTP 503 Service Unavailable (127.0.0.1)", 1 },
        { "1706.03762", new Answer(200, "text/html", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Submitting", "Answers", "garbage.xml"))),
          "arXiv's answer is not the Atom feed it documents (Unexpected end of file has occurred. The following elements are not closed: body, html. Line 2, position 1.)", 1 },
        { "1706.03762", Answer.Atom("arxiv-dtd.xml"),
          "arXiv's answer is not the Atom feed it documents (For security reasons DTD is prohibited in this XML document. To enable DTD processing set the DtdProcessing property on XmlReaderSettings to Parse and pass the settings into XmlReader.Create method.)", 1 },
        { "1706.03762", Answer.Atom("arxiv-2401.04088v1.xml"), "arXiv's answer is not about 1706.03762", 1 },
        { "1706.03762", Answer.Never(), "arXiv did not answer within 5 seconds, twice (127.0.0.1)", 2 },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failure_is_one_line_that_says_how_to_go_on_by_hand_and_nothing_is_written(string id, Answer answer, string problem, int requests)
    {
        api.Arxiv(id, answer);

        var result = New("--arxiv", id, "--topic", "rag", "--topic", "fine-tuning");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [$"error: arXiv {id}: {problem}. Nothing was written; to go on by hand: " +
             $"digestsite new --date 2026-12-01 --arxiv {id} --title \"…\" --author \"…\" (one --author per author) --topic rag --topic fine-tuning"],
            result.ErrLines);
        Assert.Equal("", result.Out);
        Assert.Equal(requests, api.Requests.Count);
        Assert.Empty(IssueFiles());
    }

    [Fact]
    public void Without_a_network_it_says_it_could_not_reach_arxiv()
    {
        var result = Cli.Run(site.Workspace, "new", "--date", "2026-12-01", "--arxiv", "1706.03762", "--topic", "rag");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            ["error: arXiv 1706.03762: could not reach arXiv (127.0.0.1): Connection refused (127.0.0.1:9). Nothing was written; to go on by hand: " +
             "digestsite new --date 2026-12-01 --arxiv 1706.03762 --title \"…\" --author \"…\" (one --author per author) --topic rag"],
            result.ErrLines);
        Assert.Empty(IssueFiles());
    }

    [Fact]
    public void A_paper_already_in_the_archive_is_refused_in_any_version_before_arxiv_is_asked()
    {
        var result = New("--arxiv", "2312.15918v3", "--topic", "rag");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["error: arXiv paper 2312.15918 is already in the archive (content/issues/2026-03-18/2312.15918.md): a paper is digested once."], result.ErrLines);
        Assert.Empty(api.Requests);
        Assert.Empty(IssueFiles());
    }

    [Fact]
    public void A_paper_asked_for_twice_is_refused()
    {
        var result = New("--arxiv", "1706.03762", "--arxiv", "1706.03762v2", "--topic", "rag");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["error: arXiv paper 1706.03762 is asked for twice."], result.ErrLines);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public void A_paper_whose_doi_is_already_in_the_archive_is_refused()
    {
        site.Paper("issues/2026-03-18/jhep.md", "title: \"CFTs on AdS3\"\nauthors: [\"J. M.\"]\ntopics: [rag]\ndoi: \"10.1088/1126-6708/1999/01/009\"");
        api.Arxiv("hep-th/9901001", Answer.Atom("arxiv-hep-th-9901001.xml"));

        var result = New("--arxiv", "hep-th/9901001", "--topic", "rag");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["error: arXiv paper hep-th/9901001 is DOI 10.1088/1126-6708/1999/01/009, already in the archive (content/issues/2026-03-18/jhep.md): a paper is digested once."], result.ErrLines);
        Assert.Empty(IssueFiles());
    }

    [Fact]
    public void A_title_that_reads_like_one_in_the_archive_is_warned_about_with_where_it_is()
    {
        site.Paper("issues/2026-03-18/transformer.md", "title: \"ATTENTION is all you need!\"\nauthors: [\"A. V.\"]\ntopics: [rag]");
        api.Arxiv("1706.03762", Answer.Atom("arxiv-1706.03762.xml"));

        var result = New("--arxiv", "1706.03762", "--topic", "rag");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["warning: \"Attention Is All You Need\" reads the same as the title of content/issues/2026-03-18/transformer.md:2:8 (\"ATTENTION is all you need!\") " +
             "once case, punctuation and accents are set aside: if it is the same paper, delete the new file."],
            result.ErrLines);
        Assert.Equal(["1706.03762.md"], IssueFiles());
    }

    [Fact]
    public void Author_without_title_is_refused_and_so_is_no_paper_at_all()
    {
        var withAuthor = New("--arxiv", "1706.03762", "--author", "Ada", "--topic", "rag");
        Assert.Equal(["error: --author goes with --title, to give a paper's details by hand; with --arxiv or --doi alone they come from arXiv or Crossref."], withAuthor.ErrLines);

        var nothing = New("--topic", "rag");
        Assert.Equal(["error: give --arxiv ID or --doi DOI to fetch the paper's details, or --title and --author to give them by hand."], nothing.ErrLines);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public void An_api_address_that_is_not_a_web_address_is_refused()
    {
        var result = Cli.Run(site.Workspace, new Dictionary<string, string?> { ["DIGESTSITE_ARXIV_API"] = "export.arxiv.org/api/query" },
            "new", "--date", "2026-12-01", "--arxiv", "1706.03762", "--topic", "rag");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["error: DIGESTSITE_ARXIV_API must be an absolute http or https URL, not \"export.arxiv.org/api/query\"; unset it to use https://export.arxiv.org/api/query."], result.ErrLines);
    }
}

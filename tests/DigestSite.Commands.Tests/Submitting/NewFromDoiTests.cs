using static DigestSite.Commands.Tests.Submitting.StubApis;

namespace DigestSite.Commands.Tests.Submitting;

/// <summary>`digestsite new --doi DOI` against a stand-in of Crossref's works API.</summary>
public sealed class NewFromDoiTests : IAsyncLifetime
{
    private const string Sici = "10.1002/(SICI)1097-4636(199706)35:4<409::AID-JBM1>3.0.CO;2-H";

    private readonly FixtureSite site = new();
    private StubApis api = null!;

    public async Task InitializeAsync() => api = await StubApis.Start();

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        site.Dispose();
    }

    private Cli.Result New(params string[] args) => Cli.Run(site.Workspace, api.Environment, ["new", "--date", "2026-12-01", .. args]);

    private bool IssueWritten => Directory.Exists(site.FullPath("issues/2026-12-01"));

    [Fact]
    public void A_doi_with_unusual_characters_is_asked_for_encoded_and_kept_as_written()
    {
        api.Crossref(Sici, Answer.Json("crossref-sici.json"));

        var result = New("--doi", Sici, "--topic", "fine-tuning");

        Assert.Equal("", result.Err);
        Assert.Equal(["Wrote content/issues/2026-12-01/proteins-at-interfaces-the-vroman-effect-on-polymer-surfaces.md. Write the summary after the closing \"---\", then run: digestsite check"], result.OutLines);
        var request = Assert.Single(api.Requests);
        Assert.Equal("/works/10.1002/%28SICI%291097-4636%28199706%2935%3A4%3C409%3A%3AAID-JBM1%3E3.0.CO%3B2-H", request.Target);
        Assert.Matches(@"\ADigestSite/[0-9]+\.[0-9]+\.[0-9]+\S* \(paper digest generator; \+https://example\.org/digest\)\z", request.UserAgent);
        var path = site.FullPath("issues/2026-12-01/proteins-at-interfaces-the-vroman-effect-on-polymer-surfaces.md");
        Assert.Equal("""
            ---
            title: "Proteins at interfaces: the Vroman effect on polymer surfaces"
            authors:
              - "Jürgen Großmann"
              - "Anne-Laure Dubé-Lefèvre"
              - "The Biomaterials Consortium"
            topics: [fine-tuning]
            doi: "10.1002/(SICI)1097-4636(199706)35:4<409::AID-JBM1>3.0.CO;2-H"
            published: 1997-06-15
            links:
              publisher: "https://onlinelibrary.wiley.com/doi/10.1002/(SICI)1097-4636(199706)35:4%3C409::AID-JBM1%3E3.0.CO;2-H"
            # Optional: upvotes: N, submitted_by: "you"
            # Write the summary below the closing line: a few sentences, in your own words.
            ---


            """, File.ReadAllText(path));

        File.AppendAllText(path, "Which proteins stick to a polymer first, and which replace them.\n");
        var check = Cli.Run(site.Workspace, "check", "--content", "content");
        Assert.Equal(["content: 3 papers in 2 issues, no problems."], check.OutLines);
    }

    [Fact]
    public void A_year_alone_is_not_a_published_date()
    {
        api.Crossref("10.1145/3292500.3330701", Answer.Json("crossref-year-only.json"));

        var result = New("--doi", "10.1145/3292500.3330701", "--topic", "rag");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""
            ---
            title: "Optuna: A Next-generation Hyperparameter Optimization Framework"
            authors:
              - "Takuya Akiba"
              - "Shotaro Sano"
            topics: [rag]
            doi: "10.1145/3292500.3330701"
            links:
              publisher: "https://dl.acm.org/doi/10.1145/3292500.3330701"
            # Optional: published: YYYY-MM-DD, upvotes: N, submitted_by: "you"
            # Write the summary below the closing line: a few sentences, in your own words.
            ---


            """, File.ReadAllText(site.FullPath("issues/2026-12-01/optuna-a-next-generation-hyperparameter-optimization-framewo.md")));
    }

    public static TheoryData<Answer, string> Failures => new()
    {
        { Answer.Http(404, "Resource not found."), "Crossref has no record of DOI 10.1145/3292500.3330701 (it may be registered elsewhere, such as DataCite)" },
        { Answer.Http(500), "Crossref answered HTTP 500 Internal Server Error (127.0.0.1)" },
        { Answer.Json("crossref-truncated.json"),
          "Crossref's answer is not the JSON it documents (Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. LineNumber: 0 | BytePositionInLine: 97.)" },
        { new Answer(200, "application/json", """{"status":"failed","message-type":"validation-failure","message":[]}"""),
          "Crossref's answer is not the work record it documents (no \"status\": \"ok\" with a \"message\" of type \"work\")" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failure_is_one_line_that_says_how_to_go_on_by_hand_and_nothing_is_written(Answer answer, string problem)
    {
        api.Crossref("10.1145/3292500.3330701", answer);

        var result = New("--doi", "10.1145/3292500.3330701", "--topic", "rag");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [$"error: DOI 10.1145/3292500.3330701: {problem}. Nothing was written; to go on by hand: " +
             "digestsite new --date 2026-12-01 --doi 10.1145/3292500.3330701 --title \"…\" --author \"…\" (one --author per author) --topic rag"],
            result.ErrLines);
        Assert.Single(api.Requests);
        Assert.False(IssueWritten);
    }

    [Fact]
    public void A_doi_already_in_the_archive_is_refused_whatever_its_case_before_crossref_is_asked()
    {
        site.Paper("issues/2026-03-18/vroman.md", $"title: \"Proteins at interfaces\"\nauthors: [\"Jürgen Großmann\"]\ntopics: [rag]\ndoi: \"{Sici}\"");

        var result = New("--doi", Sici.ToLowerInvariant(), "--topic", "rag");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["error: DOI 10.1002/(sici)1097-4636(199706)35:4<409::aid-jbm1>3.0.co;2-h is already in the archive (content/issues/2026-03-18/vroman.md): a paper is digested once."],
            result.ErrLines);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public void A_doi_link_is_refused_with_the_doi_alone()
    {
        var result = New("--doi", "https://doi.org/10.1145/3292500.3330701", "--topic", "rag");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            ["error: --doi must be a DOI such as 10.1145/3292500.3330701 (\"10.\", digits, \"/\", then no spaces, braces or backslashes), not \"https://doi.org/10.1145/3292500.3330701\". Give the DOI alone: 10.1145/3292500.3330701"],
            result.ErrLines);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public void By_hand_a_doi_is_kept_with_the_title_and_authors_given()
    {
        var result = New("--title", "Optuna", "--doi", "10.1145/3292500.3330701", "--author", "Takuya Akiba", "--topic", "rag");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""
            ---
            title: "Optuna"
            authors:
              - "Takuya Akiba"
            topics: [rag]
            doi: "10.1145/3292500.3330701"
            # Optional: published: YYYY-MM-DD, upvotes: N, links: { code: "https://..." }, submitted_by: "you"
            # Write the summary below the closing line: a few sentences, in your own words.
            ---


            """, File.ReadAllText(site.FullPath("issues/2026-12-01/optuna.md")));
        Assert.Empty(api.Requests);
    }
}

namespace DigestSite.Commands.Tests;

/// <summary>The folders and files of the content, and the rules across files.</summary>
public class ArchiveStructureTests
{
    private const string Minimal = "title: \"T\"\nauthors: [Ada]\ntopics: [rag]";

    // ---- issue folders

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("2026-3-18")]
    [InlineData("02026-03-18")]
    [InlineData("2026_03_18")]
    [InlineData("march-18")]
    public void An_issue_folder_must_be_named_by_a_real_date(string name)
    {
        using var site = new FixtureSite();
        site.Paper($"issues/{name}/x.md", Minimal);
        Assert.Equal(
            [$"issues/{name}/:1:1: issue folder \"{name}\" is not a real date: name it YYYY-MM-DD, e.g. 2026-03-18."],
            site.Errors());
    }

    [Fact]
    public void A_file_directly_in_issues_does_not_belong()
    {
        using var site = new FixtureSite();
        site.Paper("issues/x.md", Minimal);
        Assert.Equal(
            ["issues/x.md:1:1: \"x.md\" does not belong in issues/: papers go in a dated folder, issues/YYYY-MM-DD/<slug>.md."],
            site.Errors());
    }

    [Fact]
    public void A_file_that_is_not_markdown_does_not_belong_in_an_issue()
    {
        using var site = new FixtureSite();
        site.Write(FixtureSite.Issue + "/notes.txt", "remember to add the figures\n");
        Assert.Equal(
            [$"{FixtureSite.Issue}/notes.txt:1:1: \"notes.txt\" does not belong in an issue folder, which holds paper files (<slug>.md) and an optional index.md."],
            site.Errors());
    }

    [Fact]
    public void A_folder_inside_an_issue_does_not_belong()
    {
        using var site = new FixtureSite();
        site.Paper(FixtureSite.Issue + "/extra/x.md", Minimal);
        Assert.Equal(
            [$"{FixtureSite.Issue}/extra/:1:1: folders do not belong in an issue folder: move the papers in \"extra/\" up to {FixtureSite.Issue}/."],
            site.Errors());
    }

    [Theory]
    [InlineData("Attention.md")]
    [InlineData("my paper.md")]
    [InlineData("-lora.md")]
    [InlineData("lora_v2.md")]
    public void A_paper_file_name_must_be_a_slug(string name)
    {
        using var site = new FixtureSite();
        site.Paper($"{FixtureSite.Issue}/{name}", Minimal);
        Assert.Equal(
            [$"{FixtureSite.Issue}/{name}:1:1: the file name \"{name}\" is not a valid slug: it must use lowercase letters, digits, \".\" and \"-\", starting with a letter or digit, e.g. 2312.15918.md."],
            site.Errors());
    }

    [Fact]
    public void An_issue_with_no_paper_is_an_error()
    {
        using var site = new FixtureSite();
        site.Write("issues/2026-04-01/index.md", "---\ntitle: \"Soon\"\n---\n");
        site.CreateFolder("issues/2026-04-08");
        Assert.Equal(
            ["issues/2026-04-01/:1:1: issue 2026-04-01 has no paper: add a paper file (<slug>.md) or remove the folder.",
             "issues/2026-04-08/:1:1: issue 2026-04-08 has no paper: add a paper file (<slug>.md) or remove the folder."],
            site.Errors());
    }

    [Fact]
    public void The_issues_folder_is_required()
    {
        using var site = new FixtureSite();
        site.Delete("issues");
        Assert.Equal(
            ["issues/:1:1: the issues folder is missing: create issues/YYYY-MM-DD/ with a paper file in it."],
            site.Errors());
    }

    [Fact]
    public void A_stray_file_in_the_content_folder_does_not_belong()
    {
        using var site = new FixtureSite();
        site.Write("README.md", "# Notes\n");
        site.Write("site.yaml", "title: x\n");
        Assert.Equal(
            ["README.md:1:1: \"README.md\" does not belong in the content folder, which holds site.yml, topics.yml, issues/ and an optional authors.yml only.",
             "site.yaml:1:1: \"site.yaml\" does not belong in the content folder, which holds site.yml, topics.yml, issues/ and an optional authors.yml only."],
            site.Errors());
    }

    [Fact]
    public void A_missing_content_folder_is_one_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "digestsite-tests", "no-such-folder-" + Guid.NewGuid().ToString("N"));
        var result = DigestSite.Content.ContentLoader.Load(missing);
        Assert.Null(result.Archive);
        Assert.Equal([$".:1:1: the content folder \"{missing}\" does not exist."], FixtureSite.Format(result.Diagnostics));
    }

    // ---- across files

    [Fact]
    public void A_slug_is_unique_across_issues()
    {
        using var site = new FixtureSite();
        site.Paper("issues/2026-04-01/lora.md", Minimal);
        Assert.Equal(
            ["issues/2026-04-01/lora.md:1:1: the slug \"lora\" is already used by issues/2026-03-18/lora.md: slugs are unique across the archive, rename one file."],
            site.Errors());
    }

    [Theory]
    [InlineData("2312.15918")]
    [InlineData("2312.15918v1")]
    [InlineData("2312.15918v2")]
    public void An_arxiv_paper_is_digested_once_whatever_its_version(string id)
    {
        using var site = new FixtureSite();
        site.Paper("issues/2026-04-01/rag-again.md", Minimal + $"\narxiv: \"{id}\"");
        Assert.Equal(
            ["issues/2026-04-01/rag-again.md:5:8: arXiv paper 2312.15918 is already in the archive (issues/2026-03-18/2312.15918.md): a paper is digested once."],
            site.Errors());
    }

    [Fact]
    public void Two_versions_of_an_old_style_id_are_one_paper()
    {
        using var site = new FixtureSite();
        site.Paper($"{FixtureSite.Issue}/a.md", Minimal + "\narxiv: hep-th/9901001v1");
        site.Paper($"{FixtureSite.Issue}/b.md", Minimal + "\narxiv: hep-th/9901001v3");
        Assert.Equal(
            [$"{FixtureSite.Issue}/b.md:5:8: arXiv paper hep-th/9901001 is already in the archive ({FixtureSite.Issue}/a.md): a paper is digested once."],
            site.Errors());
    }

    [Fact]
    public void Different_papers_with_similar_ids_are_not_duplicates()
    {
        using var site = new FixtureSite();
        site.Paper($"{FixtureSite.Issue}/a.md", Minimal + "\narxiv: \"2312.15919\"");
        site.Paper($"{FixtureSite.Issue}/b.md", Minimal + "\narxiv: \"2312.1591\"");
        Assert.Empty(site.Errors());
    }

    [Fact]
    public void A_doi_is_digested_once_whatever_its_case()
    {
        using var site = new FixtureSite();
        site.Paper($"{FixtureSite.Issue}/a.md", Minimal + "\ndoi: \"10.1002/(SICI)1097-4636(199706)35:4<409::AID-JBM1>3.0.CO;2-H\"");
        site.Paper("issues/2026-04-01/b.md", Minimal + "\ndoi: \"10.1002/(sici)1097-4636(199706)35:4<409::aid-jbm1>3.0.co;2-h\"");
        Assert.Equal(
            [$"issues/2026-04-01/b.md:5:6: DOI 10.1002/(sici)1097-4636(199706)35:4<409::aid-jbm1>3.0.co;2-h is already in the archive ({FixtureSite.Issue}/a.md): a paper is digested once."],
            site.Errors());
    }

    [Fact]
    public void Titles_that_read_the_same_are_a_located_warning_not_an_error()
    {
        using var site = new FixtureSite();
        site.Paper("issues/2026-04-01/rag.md", "title: \"RETRIEVAL-augmented generation for large language models — a survey!\"\nauthors: [Ada]\ntopics: [rag]");
        site.Paper("issues/2026-04-01/cafe.md", "title: \"Café: a model\"\nauthors: [Ada]\ntopics: [rag]");
        site.Paper("issues/2026-04-02/cafe-again.md", "title: \"CAFE, a Model\"\nauthors: [Ada]\ntopics: [rag]");
        site.Paper("issues/2026-04-02/cafes.md", "title: \"Cafés: a model\"\nauthors: [Ada]\ntopics: [rag]");

        var result = site.Load();

        Assert.True(result.Succeeded, string.Join("\n", FixtureSite.Format(result.Diagnostics)));
        Assert.Equal(
            ["issues/2026-04-01/rag.md:2:8: the title reads the same as that of issues/2026-03-18/2312.15918.md (\"Retrieval-Augmented Generation for Large Language Models: A Survey\") " +
             "once case, punctuation and accents are set aside: if it is the same paper, keep one file; if not, nothing needs to change.",
             "issues/2026-04-02/cafe-again.md:2:8: the title reads the same as that of issues/2026-04-01/cafe.md (\"Café: a model\") " +
             "once case, punctuation and accents are set aside: if it is the same paper, keep one file; if not, nothing needs to change."],
            FixtureSite.Format(result.Warnings));
    }

    [Fact]
    public void Diagnostics_are_sorted_by_path_then_line_then_column()
    {
        using var site = new FixtureSite();
        site.Paper("issues/2026-04-01/b.md", "title: [T]\nauthors: Ada\ntopics: [rag]");
        site.Paper("issues/2026-04-01/a.md", "title: \"T\"\nauthors: [Ada]\nautors: [Ada]\nupvotes: -3\ntopics: [rag]");
        site.Write("issues/2026-04-01/a.txt", "x");
        site.Write("topics.yml", FixtureSite.TopicsYml + "Bad Slug:\n  name: x\n");

        Assert.Equal(
            ["issues/2026-04-01/a.md:4:1: unknown key \"autors\": did you mean \"authors\"?",
             "issues/2026-04-01/a.md:5:10: \"upvotes\" must be 0 or more, not -3.",
             "issues/2026-04-01/a.txt:1:1: \"a.txt\" does not belong in an issue folder, which holds paper files (<slug>.md) and an optional index.md.",
             "issues/2026-04-01/b.md:2:8: \"title\" must be text, not a list, e.g.  title: \"Attention Is All You Need\"",
             "issues/2026-04-01/b.md:3:10: \"authors\" must be a list of names, not text, e.g.  authors: [\"Ada Lovelace\", \"Alan Turing\"]",
             "topics.yml:7:1: topic slug \"Bad Slug\" must use lowercase letters, digits, \".\" and \"-\", starting with a letter or digit."],
            site.Errors());
    }

    [Fact]
    public void Loading_twice_gives_the_same_diagnostics()
    {
        using var site = new FixtureSite();
        for (int i = 0; i < 30; i++)
            site.Paper($"issues/2026-04-{1 + i % 28:00}/p{i}.md", $"title: \"T\"\nauthors: [Ada]\ntopics: [rgb]\narxiv: \"2401.0000{i % 3}\"");
        Assert.Equal(site.Errors(), site.Errors());
    }
}

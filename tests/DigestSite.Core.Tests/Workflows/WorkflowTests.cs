namespace DigestSite.Core.Tests.Workflows;

/// <summary>This repository's workflows pass actionlint and the hardening rules of <see cref="WorkflowPolicy"/>.</summary>
public sealed class WorkflowTests
{
    private static string[] RepositoryWorkflows() =>
        Directory.GetFiles(Path.Combine(Repository.Root, ".github", "workflows"), "*.yml").Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> RepositoryWorkflowNames() => new(RepositoryWorkflows().Select(Path.GetFileName)!);

    [Fact]
    public void Every_workflow_of_the_repository_passes_actionlint()
    {
        var workflows = RepositoryWorkflows();
        Assert.Contains(workflows, f => f.EndsWith("pages.yml", StringComparison.Ordinal));
        Assert.Empty(Actionlint.Problems(workflows));
    }

    [Theory]
    [MemberData(nameof(RepositoryWorkflowNames))]
    public void A_workflow_of_the_repository_is_hardened(string name) =>
        Assert.Empty(WorkflowPolicy.Violations(File.ReadAllText(Path.Combine(Repository.Root, ".github", "workflows", name))));

    [Fact]
    public void Actionlint_reports_an_untrusted_expression_in_a_script()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("digestsite-workflow-").FullName, "bad.yml");
        File.WriteAllText(file, """
            on: push
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "${{ github.event.head_commit.message }}"

            """);
        var problem = Assert.Single(Actionlint.Problems([file]));
        Assert.StartsWith($"{file}:6:", problem, StringComparison.Ordinal);
        Assert.EndsWith("[expression]", problem, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public void The_policy_names_each_weakness()
    {
        const string weak = """
            on: push
            permissions:
              contents: write
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020
                  - run: npm ci --prefix theme

            """;
        Assert.Equal(
        [
            "line 8: actions/checkout@v4 is not pinned as OWNER/REPO@<40-hex SHA> # vX.Y.Z",
            "line 9: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 is not pinned as OWNER/REPO@<40-hex SHA> # vX.Y.Z",
            "workflow: top-level permissions must be {} (each job grants what it needs)",
            "build: no timeout-minutes",
            "build: no permissions of its own",
            "build: a checkout without persist-credentials: false",
            "build: npm installs without --ignore-scripts",
        ], WorkflowPolicy.Violations(weak));
    }
}

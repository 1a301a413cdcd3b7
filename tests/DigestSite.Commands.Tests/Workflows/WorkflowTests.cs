namespace DigestSite.Commands.Tests.Workflows;

/// <summary>
/// This repository's workflows, and those `digestsite init` writes into a new digest, pass
/// actionlint and the hardening rules of <see cref="WorkflowPolicy"/>.
/// </summary>
public sealed class WorkflowTests
{
    private static string[] RepositoryWorkflows() =>
        Directory.GetFiles(Path.Combine(Repository.Root, ".github", "workflows"), "*.yml").Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> RepositoryWorkflowNames() => new(RepositoryWorkflows().Select(Path.GetFileName)!);

    [Fact]
    public void Every_workflow_of_the_repository_passes_actionlint()
    {
        var workflows = RepositoryWorkflows();
        Assert.Equal(["check.yml", "pages.yml", "release.yml", "submit-paper.yml"], workflows.Select(Path.GetFileName));
        Assert.Empty(Actionlint.Problems(workflows));
    }

    [Theory]
    [MemberData(nameof(RepositoryWorkflowNames))]
    public void A_workflow_of_the_repository_is_hardened(string name) =>
        Assert.Empty(WorkflowPolicy.Violations(File.ReadAllText(Path.Combine(Repository.Root, ".github", "workflows", name))));

    [Fact]
    public void Every_workflow_init_writes_passes_actionlint_and_is_hardened()
    {
        var root = Directory.CreateTempSubdirectory("digestsite-workflow-").FullName;
        try
        {
            Assert.Equal(0, Cli.Run(root, "init", "digest").ExitCode);
            var workflows = Directory.GetFiles(Path.Combine(root, "digest", ".github", "workflows"), "*.yml").Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(["check.yml", "pages.yml", "submit-paper.yml"], workflows.Select(Path.GetFileName));
            Assert.Empty(Actionlint.Problems(workflows));
            Assert.All(workflows, workflow => Assert.Empty(WorkflowPolicy.Violations(File.ReadAllText(workflow))));
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void Actionlint_reports_an_untrusted_expression_in_a_script_and_an_unknown_runner()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("digestsite-workflow-").FullName, "bad.yml");
        File.WriteAllText(file, """
            on: push
            jobs:
              a:
                runs-on: ubuntu-99.04
                steps:
                  - run: echo "${{ github.event.head_commit.message }}"

            """);
        var problems = Actionlint.Problems([file]);
        Assert.Equal(2, problems.Count);
        Assert.StartsWith($"{file}:4:", problems[0], StringComparison.Ordinal);
        Assert.EndsWith("[runner-label]", problems[0], StringComparison.Ordinal);
        Assert.StartsWith($"{file}:6:", problems[1], StringComparison.Ordinal);
        Assert.EndsWith("[expression]", problems[1], StringComparison.Ordinal);
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

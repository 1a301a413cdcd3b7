using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DigestSite.Commands.Tests.Workflows;

/// <summary>
/// The hardening rules every workflow follows, shipped or scaffolded, beyond what actionlint checks:
/// nothing granted at the top (each job says what it needs), a time limit on every job, every
/// action pinned to a full commit SHA with its version in a comment, no credentials kept by a
/// checkout (no job pushes), and no npm install scripts.
/// </summary>
public static partial class WorkflowPolicy
{
    /// <summary>Each rule the workflow breaks, as "JOB: what is wrong" (or "workflow: ..." / "line N: ...").</summary>
    public static IReadOnlyList<string> Violations(string yaml)
    {
        var problems = new List<string>();
        var lines = yaml.Split('\n');
        for (int i = 0; i < lines.Length; i++)
            if (Uses().Match(lines[i]) is { Success: true } use && !Pinned().IsMatch(use.Groups["ref"].Value))
                problems.Add($"line {i + 1}: {use.Groups["ref"].Value.Trim()} is not pinned as OWNER/REPO@<40-hex SHA> # vX.Y.Z");

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        if (Get(root, "permissions") is not YamlMappingNode { Children.Count: 0 })
            problems.Add("workflow: top-level permissions must be {} (each job grants what it needs)");
        foreach (var (name, node) in ((YamlMappingNode)Get(root, "jobs")!).Children)
        {
            var job = (YamlMappingNode)node;
            var id = ((YamlScalarNode)name).Value;
            if (Get(job, "timeout-minutes") is not YamlScalarNode) problems.Add($"{id}: no timeout-minutes");
            if (Get(job, "permissions") is not YamlMappingNode) problems.Add($"{id}: no permissions of its own");
            foreach (var step in (Get(job, "steps") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
            {
                var uses = (Get(step, "uses") as YamlScalarNode)?.Value ?? "";
                if (uses.StartsWith("actions/checkout@", StringComparison.Ordinal)
                    && (Get(step, "with") is not YamlMappingNode with || (Get(with, "persist-credentials") as YamlScalarNode)?.Value != "false"))
                    problems.Add($"{id}: a checkout without persist-credentials: false");
                var run = (Get(step, "run") as YamlScalarNode)?.Value ?? "";
                if (NpmInstall().IsMatch(run) && !run.Contains("--ignore-scripts", StringComparison.Ordinal))
                    problems.Add($"{id}: npm installs without --ignore-scripts");
            }
        }
        return problems;
    }

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    [GeneratedRegex(@"^\s*(?:-\s+)?uses:\s*(?<ref>.*)$")]
    private static partial Regex Uses();

    [GeneratedRegex(@"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+\s*$")]
    private static partial Regex Pinned();

    [GeneratedRegex(@"\bnpm\s+(?:ci|install|i)\b")]
    private static partial Regex NpmInstall();
}

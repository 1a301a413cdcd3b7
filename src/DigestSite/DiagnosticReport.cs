using DigestSite.Checking;

namespace DigestSite.Cli;

/// <summary>
/// Prints diagnostics as compilers do (PATH:LINE:COLUMN: error: MESSAGE), with paths relative to
/// the current folder so editors and terminals can open them, and, on GitHub Actions, as workflow
/// commands that annotate the pull request's diff.
/// </summary>
internal static class DiagnosticReport
{
    public static void Print(IReadOnlyList<Diagnostic> diagnostics, string contentDir, TextWriter output)
    {
        PrintEach(diagnostics, "error", contentDir, output);
        int files = diagnostics.Select(d => d.Path).Distinct().Count();
        output.WriteLine($"{Count(diagnostics.Count, "error")} in {Count(files, "file")}.");
    }

    /// <summary>Each diagnostic as "PATH:LINE:COLUMN: SEVERITY: MESSAGE" (severity "error" or "warning"), and its annotation on GitHub.</summary>
    public static void PrintEach(IReadOnlyList<Diagnostic> diagnostics, string severity, string contentDir, TextWriter output)
    {
        bool onGitHub = Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";
        foreach (var d in diagnostics)
        {
            var path = DisplayPath(contentDir, d.Path);
            output.WriteLine($"{path}:{d.Line}:{d.Column}: {severity}: {d.Message}");
            if (onGitHub)
                output.WriteLine($"::{severity} file={EscapeProperty(path)},line={d.Line},col={d.Column}::{EscapeData(d.Message)}");
        }
    }

    public static string DisplayPath(string contentDir, string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(contentDir, relativePath));
        var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), full).Replace('\\', '/');
        return relativePath.EndsWith('/') && !shown.EndsWith('/') ? shown + "/" : shown;
    }

    public static string Count(int n, string noun) => $"{n:N0} {noun}{(n == 1 ? "" : "s")}";

    // GitHub's workflow command escaping: https://github.com/actions/toolkit (command.ts).
    private static string EscapeData(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string s) => EscapeData(s).Replace(":", "%3A").Replace(",", "%2C");
}

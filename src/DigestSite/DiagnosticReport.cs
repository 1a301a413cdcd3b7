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
            // The path comes from file names, which may hold anything but "/" and NUL: escaped on the terminal,
            // and never at the start of a line as "::", which GitHub would read as a workflow command.
            var shown = Diagnostic.Printable(path);
            if (shown.StartsWith("::", StringComparison.Ordinal)) shown = "./" + shown;
            output.WriteLine($"{shown}:{d.Line}:{d.Column}: {severity}: {d.Message}");
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

    // GitHub's workflow command escaping: https://github.com/actions/toolkit (command.ts). The file
    // property is the real path (GitHub matches it to the diff), so other control characters in it are
    // percent-encoded too rather than written raw.
    internal static string EscapeData(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    internal static string EscapeProperty(string s)
    {
        var escaped = EscapeData(s).Replace(":", "%3A").Replace(",", "%2C");
        if (!escaped.Any(char.IsControl)) return escaped;
        return string.Concat(escaped.Select(c => char.IsControl(c) ? $"%{(int)c:X2}" : c.ToString()));
    }
}

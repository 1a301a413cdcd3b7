using System.CommandLine;
using DigestSite.Content;

namespace DigestSite.Cli;

/// <summary>`digestsite check`: the pull-request gate. Exit 0 when the content is clean, 1 when not.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var strict = new Option<bool>("--strict") { Description = "Treat warnings (titles that read the same, name variants) as errors: exit 1 when there are any." };
        var command = new Command("check", "Check the content and report every problem with its file, line and column.") { content, strict };
        command.SetAction(parsed => Run(parsed.GetValue(content)!, parsed.GetValue(strict)));
        return command;
    }

    private static int Run(string contentDir, bool strict)
    {
        var result = ContentLoader.Load(contentDir);
        if (strict && result.Warnings.Count > 0)
        {
            DiagnosticReport.Print(Diagnostics.Diagnostic.Sorted([.. result.Diagnostics, .. result.Warnings]), contentDir, Console.Out);
            return 1;
        }
        DiagnosticReport.PrintEach(result.Warnings, "warning", contentDir, Console.Out);
        if (result.Archive is { } archive)
        {
            var verdict = result.Warnings.Count == 0 ? "no problems" : $"no errors, {DiagnosticReport.Count(result.Warnings.Count, "warning")}";
            Console.WriteLine($"{contentDir}: {DiagnosticReport.Count(archive.Papers.Count(), "paper")} in " +
                              $"{DiagnosticReport.Count(archive.Issues.Count, "issue")}, {verdict}.");
            return 0;
        }
        DiagnosticReport.Print(result.Diagnostics, contentDir, Console.Out);
        return 1;
    }
}

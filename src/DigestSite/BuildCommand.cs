using System.CommandLine;
using DigestSite.Content;

namespace DigestSite.Cli;

/// <summary>`digestsite build`: the site, into a folder that is replaced only when the build succeeds.</summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var theme = CommonOptions.Theme();
        var output = CommonOptions.Output();
        var baseUrl = new Option<string?>("--base-url") { Description = "The site's URL for this build, instead of site.yml's url (e.g. https://you.github.io/digest)." };
        var command = new Command("build", "Build the site.") { content, theme, output, baseUrl };
        command.SetAction(parsed => Run(parsed.GetValue(content)!, parsed.GetValue(theme), parsed.GetValue(output)!, parsed.GetValue(baseUrl)));
        return command;
    }

    private static int Run(string contentDir, string? themeDir, string outputDir, string? baseUrl)
    {
        Uri? url = null;
        if (baseUrl is not null && (url = WebAddress.ParseHttp(baseUrl)) is null)
        {
            Console.Error.WriteLine($"error: --base-url must be an absolute http or https URL, not \"{baseUrl}\".");
            return 1;
        }
        if (ThemeLayers.Resolve(themeDir) is not { } layers) return 1;

        var progress = new ProgressDisplay();
        var result = SiteBuilder.Build(new BuildOptions(contentDir, layers, outputDir, url) { Observer = new ConsoleBuildObserver(progress, compact: true) });
        progress.Finish();
        if (result.Refused is { } refusal)
        {
            Console.Error.WriteLine($"error: {refusal}");
            return 1;
        }
        if (!result.Succeeded)
        {
            DiagnosticReport.Print(result.Diagnostics, contentDir, Console.Error);
            Console.Error.WriteLine($"The build failed; {Kept(outputDir, result.Restored)}");
            return 1;
        }
        if (result.Skipped)
        {
            Console.WriteLine($"Nothing changed since the last build: {outputDir} is up to date ({DiagnosticReport.Count(result.Pages, "page")}; wrote 0 files) " +
                              $"in {result.Elapsed.TotalSeconds:0.00} s.");
            return 0;
        }
        var kept = result.Incremental ? $"; {DiagnosticReport.Count(result.Unchanged, "file")} unchanged" : "";
        Console.WriteLine($"Built {DiagnosticReport.Count(result.Pages, "page")} (wrote {DiagnosticReport.Count(result.Files, "file")}, " +
                          $"{result.Bytes / 1024.0 / 1024.0:0.0} MiB{kept}) into {outputDir} in {result.Elapsed.TotalSeconds:0.00} s.");
        return 0;
    }

    /// <summary>What the output folder holds after a failed build, as it is: never a site that is not there.</summary>
    private static string Kept(string outputDir, bool restored) =>
        !Directory.Exists(outputDir) ? $"nothing was written, and there is no site in {outputDir} yet."
        : restored ? $"{outputDir} holds the last complete site, restored from an earlier build that had been interrupted."
        : $"{outputDir} was left as it was.";
}

using System.Diagnostics;
using DigestSite.Browser.Tests.Infrastructure;

namespace DigestSite.Browser.Tests;

/// <summary>
/// Every page of the built sites (and of the digest `init` makes) passes html-validate (HTML5 validity plus its a11y rules),
/// configured by .htmlvalidate.mjs beside this file.
/// </summary>
[Collection(SitesCollection.Name)]
public sealed class HtmlValidationTests(Sites sites)
{
    [Theory]
    [InlineData("fixture")]
    [InlineData("sample")]
    [InlineData("scaffold")]
    public async Task Every_page_is_valid_html(string siteName)
    {
        var site = sites[siteName];
        var pages = site.HtmlFiles();
        Assert.NotEmpty(pages);
        var (exitCode, output) = await RunHtmlValidate(site.Output, pages);
        Assert.True(exitCode == 0, $"html-validate found problems in the {siteName} site ({pages.Count} pages in {site.Output}):\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> RunHtmlValidate(string folder, IReadOnlyList<string> files)
    {
        var cli = Repo.ToolPath(Path.Combine("html-validate", "bin", "html-validate.mjs"));
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])[cli, "--config", Path.Combine(AppContext.BaseDirectory, ".htmlvalidate.mjs"), "--formatter", "stylish", .. files])
            start.ArgumentList.Add(arg);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("node is missing: html-validate runs on Node.js 20+ (apt-get install nodejs npm).");
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, (await stdout) + (await stderr));
        }
    }
}

using System.Text.RegularExpressions;

namespace DigestSite.Tests;

/// <summary>
/// The link check of a built site (also compiled into the browser tests): every internal href and
/// src of every page must be under the site's base path and resolve to a written file.
/// </summary>
public static partial class InternalLinks
{
    /// <summary>Each broken link as "PAGE: URL is ..." and how many internal links were checked.</summary>
    public static (IReadOnlyList<string> Broken, int Checked, int Pages) Check(string output, string basePath)
    {
        var pages = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories).ToArray();
        var broken = new List<string>();
        int checkedLinks = 0;
        foreach (var page in pages)
        {
            foreach (Match m in Reference().Matches(File.ReadAllText(page)))
            {
                var url = System.Net.WebUtility.HtmlDecode(m.Groups["url"].Value);
                if (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal) || url.StartsWith('#')) continue;
                checkedLinks++;
                var from = Path.GetRelativePath(output, page);
                if (!url.StartsWith(basePath, StringComparison.Ordinal)) { broken.Add($"{from}: {url} is not under the base path {basePath}"); continue; }
                var target = Path.Combine(output, url[basePath.Length..].Split('#', '?')[0]);
                if (target.EndsWith('/') || Directory.Exists(target)) target = Path.Combine(target, "index.html");
                if (!File.Exists(target)) broken.Add($"{from}: {url} does not exist");
            }
        }
        return (broken, checkedLinks, pages.Length);
    }

    [GeneratedRegex("(?:href|src)=\"(?<url>[^\"]*)\"")]
    private static partial Regex Reference();
}

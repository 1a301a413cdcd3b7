using System.Text.RegularExpressions;
using DigestSite.Archive;
using DigestSite.Checking;
using DigestSite.Content.Yaml;

namespace DigestSite.Content;

/// <summary>Reads site.yml.</summary>
public static partial class SiteConfigReader
{
    private static readonly string[] Keys = ["title", "description", "url", "language", "papers_per_page", "feed_size", "subscribe"];

    public static SiteConfig? Read(SourceText source, List<Diagnostic> diagnostics)
    {
        int errorsBefore = diagnostics.Count;
        if (YamlDocuments.ReadMapping(source.Text, 1, source.Path, diagnostics) is not { } map) return null;

        var fields = new Fields(map, source.Path, SourcePosition.Start, diagnostics);
        fields.RejectUnknownKeys(Keys);
        var title = fields.Text("title", required: true, "title: \"Papers Digest\"");
        var description = fields.Text("description", required: false, "description: \"Papers we read this week\"");
        var url = WebUrl(fields, "url", required: true, "url: \"https://you.github.io/digest\"");
        var language = fields.Text("language", required: false, "language: en");
        if (language is { } lang && !LanguageTag().IsMatch(lang.Value))
            fields.Report(lang.Position, $"\"language\" must be a language tag such as en or pt-BR, not \"{lang.Value}\".");
        var perPage = fields.WholeNumber("papers_per_page", 1, "papers_per_page: 50");
        var feedSize = fields.WholeNumber("feed_size", 1, "feed_size: 20");
        var subscribe = WebUrl(fields, "subscribe", required: false, "subscribe: \"https://buttondown.com/you\"");
        if (url is { } site && (site.Query.Length > 0 || site.Fragment.Length > 0))
            fields.Report(map.Find("url")!.Value.Position, "\"url\" must not have a query or a fragment: it is where the site lives.");

        if (diagnostics.Count > errorsBefore) return null;
        return new SiteConfig(
            title!.Value.Value,
            description?.Value ?? "",
            url!,
            language?.Value ?? "en",
            perPage?.Value ?? SiteConfig.DefaultPapersPerPage,
            feedSize?.Value ?? SiteConfig.DefaultFeedSize,
            subscribe);
    }

    private static Uri? WebUrl(Fields fields, string key, bool required, string example)
    {
        if (fields.Text(key, required, example) is not { } text) return null;
        if (WebAddress.ParseHttp(text.Value) is { } uri) return uri;
        fields.Report(text.Position, $"\"{key}\" must be an absolute http or https URL, e.g.  {example}");
        return null;
    }

    [GeneratedRegex(@"\A[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*\z")]
    private static partial Regex LanguageTag();
}

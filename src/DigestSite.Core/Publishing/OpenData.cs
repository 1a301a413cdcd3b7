using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DigestSite.Incremental;
using DigestSite.Output;
using DigestSite.Pages;
using DigestSite.Rendering;

namespace DigestSite.Publishing;

/// <summary>
/// The archive as data (docs/data.md): /api/papers.json, the site, its topics and its issues, each
/// with the URL of /api/issues/DATE.json, which holds that issue's papers in full (metadata, the
/// summary as plain text and as HTML, every URL). One file per issue keeps every file small at any
/// size of archive (tens of kB; the index grows by about 150 bytes an issue), so a consumer
/// fetches what is new. Each file is written again only when what it holds changed.
/// </summary>
public static class OpenData
{
    /// <summary>The schema's version: it changes when a field is removed, renamed or changes meaning (docs/data.md).</summary>
    public const int Version = 1;

    public static void Write(SiteModel model, StagedOutput output, InputHash hash, int parallelism, CancellationToken cancel)
    {
        var urls = model.Urls;
        var index = hash.Of(InputHash.Program, "api", model.Site, model.Archive.Issues.Select(i => model.IssueRefs[i.Date]).ToArray(),
            model.Archive.Topics.Select(t => $"{t.Slug}\n{t.Name}\n{t.Description}\n{model.PapersByTopic[t.Slug].Count}").ToArray());
        if (!output.IsCurrent(urls.OutputPath(urls.Data), index))
            output.Write(urls.OutputPath(urls.Data), index, Json(Index(model), OpenDataContext.Data.ApiIndex));

        // Each thread serializes its issues' files into one buffer, emptied for each: an issue's file (its papers' summaries
        // twice, some 150 kB) was made as an array, then copied into another with the final newline, both thrown away at once.
        using var buffers = new ThreadLocal<MemoryStream>(() => new MemoryStream());
        Parallel.ForEach(model.Archive.Issues, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancel }, issue =>
        {
            var papers = issue.Papers.Select(p => model.Papers[p.Slug]).ToArray();
            var info = model.IssueRefs[issue.Date];
            var path = urls.OutputPath(urls.IssueData(issue.Date));
            var inputs = hash.Of(InputHash.Program, "api-issue", model.Site.Url, info, issue.IntroductionMarkdown, papers);
            if (output.IsCurrent(path, inputs)) return;
            var (introHtml, introText) = issue.IntroductionMarkdown is { } intro ? SafeMarkdown.ToHtmlAndPlainText(intro) : (null, null);
            var file = new ApiIssueFile(Version,
                new ApiIssue(info.Date, info.Title, urls.Absolute(info.Url), info.PaperCount, introHtml, introText, urls.Absolute(urls.IssueCitations(issue.Date))),
                papers.Select(p => Paper(p, urls)).ToArray());
            var buffer = buffers.Value!;
            buffer.SetLength(0);
            JsonSerializer.Serialize(buffer, file, OpenDataContext.Data.ApiIssueFile);
            buffer.WriteByte((byte)'\n');
            output.Write(path, inputs, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        });
    }

    private static ApiIndex Index(SiteModel model)
    {
        var urls = model.Urls;
        var config = model.Archive.Config;
        return new ApiIndex(
            Version,
            new ApiSite(config.Title, config.Description, model.Site.Url, config.Language, urls.Absolute(urls.Feed),
                urls.Absolute(JsonFeeds.Twin(urls.Feed)), urls.Absolute(urls.Citations)),
            model.Site.PaperCount,
            model.Site.IssueCount,
            model.Archive.Topics.Select(t => new ApiTopic(t.Slug, t.Name, t.Description, urls.Absolute(urls.Topic(t.Slug)),
                model.PapersByTopic[t.Slug].Count, urls.Absolute(urls.TopicFeed(t.Slug)), urls.Absolute(urls.TopicCitations(t.Slug)))).ToArray(),
            model.Archive.Issues.Select(i => model.IssueRefs[i.Date])
                .Select(i => new ApiIssueRef(i.Date, i.Title, urls.Absolute(i.Url), i.PaperCount, urls.Absolute(urls.IssueData(i.Day)))).ToArray());
    }

    private static ApiPaper Paper(PaperView paper, Urls urls) => new(
        paper.Slug,
        paper.Title,
        paper.Authors,
        paper.Topics.Select(t => t.Slug).ToArray(),
        paper.Issue.Date,
        paper.Published,
        paper.Arxiv,
        paper.Doi,
        paper.Upvotes,
        paper.Links.Select(l => new ApiLink(l.Name, l.Url)).ToArray(),
        paper.SubmittedBy,
        paper.SummaryText.ToString(),
        paper.SummaryHtml.ToString(),
        paper.Citation.Key,
        new ApiPaperUrls(urls.Absolute(paper.Url), paper.ArxivUrl, paper.PdfUrl, paper.DoiUrl, urls.Absolute(paper.Citation.BibtexUrl),
            urls.Absolute(paper.Citation.RisUrl), urls.Absolute(paper.Citation.CslJsonUrl)));

    private static byte[] Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        [.. JsonSerializer.SerializeToUtf8Bytes(value, type), (byte)'\n'];
}

// The files' records, written by source-generated code with snake_case names; every member is
// always present (null when the paper has no such value), so a consumer can rely on the keys.

public sealed record ApiIndex(int Version, ApiSite Site, int PaperCount, int IssueCount, IReadOnlyList<ApiTopic> Topics, IReadOnlyList<ApiIssueRef> Issues);

public sealed record ApiSite(string Title, string Description, string Url, string Language, string FeedUrl, string JsonFeedUrl, string CitationsUrl);

public sealed record ApiTopic(string Slug, string Name, string Description, string Url, int PaperCount, string FeedUrl, string CitationsUrl);

public sealed record ApiIssueRef(string Date, string? Title, string Url, int PaperCount, string DataUrl);

public sealed record ApiIssueFile(int Version, ApiIssue Issue, IReadOnlyList<ApiPaper> Papers);

public sealed record ApiIssue(string Date, string? Title, string Url, int PaperCount, string? IntroductionHtml, string? IntroductionText, string CitationsUrl);

public sealed record ApiPaper(
    string Slug,
    string Title,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Topics,
    string Issue,
    string? Published,
    string? Arxiv,
    string? Doi,
    int? Upvotes,
    IReadOnlyList<ApiLink> Links,
    string? SubmittedBy,
    string SummaryText,
    string SummaryHtml,
    string CitationKey,
    ApiPaperUrls Urls);

public sealed record ApiLink(string Name, string Url);

public sealed record ApiPaperUrls(string Page, string? Arxiv, string? Pdf, string? Doi, string Bibtex, string Ris, string CslJson);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ApiIndex))]
[JsonSerializable(typeof(ApiIssueFile))]
internal sealed partial class OpenDataContext : JsonSerializerContext
{
    /// <summary>Non-ASCII text as it is (a data file, not a script in a page); compact, as the files are many.</summary>
    public static OpenDataContext Data { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    });
}

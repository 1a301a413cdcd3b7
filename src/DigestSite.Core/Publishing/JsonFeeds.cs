using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DigestSite.Pages;

namespace DigestSite.Publishing;

/// <summary>
/// JSON Feed 1.1 (jsonfeed.org) beside every Atom feed, made from the same model and the same entry
/// HTML: X.xml has its twin at X.json, whatever feed it is (the site's, a topic's, or any feed
/// <see cref="AtomFeeds.Plan"/> comes to list), and every page that links an Atom feed for
/// autodiscovery links its twin too.
/// </summary>
public static class JsonFeeds
{
    public const string MediaType = "application/feed+json";

    /// <summary>The twin's path or URL of an Atom feed's.</summary>
    public static string Twin(string atom) => atom.EndsWith(".xml", StringComparison.Ordinal) ? atom[..^4] + ".json" : atom + ".json";

    /// <summary>The autodiscovery links of <paramref name="feeds"/>, each Atom feed followed by its JSON twin.</summary>
    public static List<AlternateLink> WithTwins(IEnumerable<AlternateLink> feeds) =>
        feeds.SelectMany(f => f.Type == "application/atom+xml" ? [f, new AlternateLink(f.Title, Twin(f.Url), MediaType)] : new[] { f }).ToList();

    /// <summary>The feed's JSON, written to <paramref name="buffer"/>; <paramref name="content"/> gives each entry's HTML, as for the Atom feed.</summary>
    public static void Write(FeedView feed, Func<FeedEntryView, string> content, Stream buffer)
    {
        var json = new JsonFeed(
            "https://jsonfeed.org/version/1.1",
            feed.Title,
            feed.PageUrl,
            Twin(feed.FeedUrl),
            feed.Subtitle.Length > 0 ? feed.Subtitle : null,
            feed.Language,
            [new JsonFeedAuthor(feed.AuthorName, feed.AuthorUrl)],
            feed.Entries.Select(entry => Item(entry, content(entry))).ToArray());
        JsonSerializer.Serialize(buffer, json, JsonFeedContext.Data.JsonFeed);
        buffer.WriteByte((byte)'\n');
    }

    // An entry without HTML (an author's feed: summary and link, as in its Atom twin) has its summary
    // as its text: JSON Feed wants content_html or content_text in every item.
    private static JsonFeedItem Item(FeedEntryView entry, string html) =>
        new(entry.Url,
            entry.Url,
            entry.Title,
            html.Length > 0 ? html : null,
            html.Length > 0 ? null : entry.Summary,
            PageHeads.Shorten(entry.Summary, 400),
            Content.ContentDates.Format(entry.Date) + "T00:00:00Z",
            entry.Authors.Count > 0 ? entry.Authors.Select(a => new JsonFeedAuthor(a, null)).ToArray() : null,
            entry.Categories.Count > 0 ? entry.Categories : null);
}

public sealed record JsonFeed(
    string Version,
    string Title,
    string HomePageUrl,
    string FeedUrl,
    string? Description,
    string Language,
    IReadOnlyList<JsonFeedAuthor> Authors,
    IReadOnlyList<JsonFeedItem> Items);

public sealed record JsonFeedAuthor(string Name, string? Url);

public sealed record JsonFeedItem(
    string Id,
    string Url,
    string Title,
    string? ContentHtml,
    string? ContentText,
    string Summary,
    string DatePublished,
    IReadOnlyList<JsonFeedAuthor>? Authors,
    IReadOnlyList<string>? Tags);

/// <summary>Source-generated (no reflection: the native build trims); JSON Feed's names are snake_case; optional members left out when empty.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonFeed))]
internal sealed partial class JsonFeedContext : JsonSerializerContext
{
    public static JsonFeedContext Data { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    });
}

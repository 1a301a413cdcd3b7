using System.Text;
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

    /// <summary>
    /// The feed's JSON, written to <paramref name="buffer"/>; <paramref name="content"/> gives each entry's HTML, as for
    /// the Atom feed, <paramref name="made"/> an entry's bytes made before by <see cref="Entry"/>, or null.
    /// </summary>
    public static void Write(FeedView feed, Func<FeedEntryView, string> content, Func<FeedEntryView, byte[]?> made, Stream buffer)
    {
        var items = feed.Entries.Select(made).ToArray();
        if (items.Length == 0 || items.Any(i => i is null))
        {
            JsonSerializer.Serialize(buffer, Head(feed, feed.Entries.Select(entry => Item(entry, content(entry))).ToArray()), JsonFeedContext.Data.JsonFeed);
        }
        else
        {
            // The feed without items ends in `"items": []` and the object's end (items is its last member); the items go
            // between the brackets as the serializer would put them: each on a line of its own, indented, a comma between.
            JsonSerializer.Serialize(buffer, Head(feed, []), JsonFeedContext.Data.JsonFeed);
            buffer.Position = buffer.Length - (2 + NewLine.Length + 1);
            buffer.Write("["u8);
            for (int i = 0; i < items.Length; i++)
            {
                if (i > 0) buffer.Write(","u8);
                buffer.Write(items[i]);
            }
            buffer.Write(NewLine);
            buffer.Write("  ]"u8);
            buffer.Write(NewLine);
            buffer.Write("}"u8);
        }
        buffer.WriteByte((byte)'\n');
    }

    /// <summary>The serializer's line break, which it writes after `[]` and before the end.</summary>
    private static readonly byte[] NewLine = Encoding.UTF8.GetBytes(JsonFeedContext.Data.Options.NewLine);

    private static JsonFeed Head(FeedView feed, IReadOnlyList<JsonFeedItem> items) => new(
        "https://jsonfeed.org/version/1.1",
        feed.Title,
        feed.PageUrl,
        Twin(feed.FeedUrl),
        feed.Subtitle.Length > 0 ? feed.Subtitle : null,
        feed.Language,
        [new JsonFeedAuthor(feed.AuthorName, feed.AuthorUrl)],
        items);

    /// <summary>
    /// An entry's bytes as <see cref="Write"/> writes them among a feed's items (a line break and indentation first),
    /// for an entry in many feeds: serialized alone and indented two levels deeper. Strings escape their line breaks,
    /// so every line break of the item's JSON is one of the serializer's own.
    /// </summary>
    public static byte[] Entry(FeedEntryView entry, string html)
    {
        ReadOnlySpan<byte> alone = JsonSerializer.SerializeToUtf8Bytes(Item(entry, html), JsonFeedContext.Data.JsonFeedItem);
        ReadOnlySpan<byte> indent = "    "u8;
        var indented = new byte[NewLine.Length + indent.Length * (1 + alone.Count((byte)'\n')) + alone.Length];
        NewLine.CopyTo(indented, 0);
        int at = NewLine.Length;
        while (true)
        {
            indent.CopyTo(indented.AsSpan(at));
            at += indent.Length;
            int line = alone.IndexOf((byte)'\n') + 1;
            if (line == 0) break;
            alone[..line].CopyTo(indented.AsSpan(at));
            at += line;
            alone = alone[line..];
        }
        alone.CopyTo(indented.AsSpan(at));
        return indented;
    }

    // An entry without HTML (an author's feed: summary and link, as in its Atom twin) has its summary
    // as its text: JSON Feed wants content_html or content_text in every item.
    private static JsonFeedItem Item(FeedEntryView entry, string html)
    {
        var summary = entry.Summary.ToString();
        return new(entry.Url,
            entry.Url,
            entry.Title,
            html.Length > 0 ? html : null,
            html.Length > 0 ? null : summary,
            PageHeads.Shorten(summary, 400),
            Content.ContentDates.Format(entry.Date) + "T00:00:00Z",
            entry.Authors.Count > 0 ? entry.Authors.Select(a => new JsonFeedAuthor(a, null)).ToArray() : null,
            entry.Categories.Count > 0 ? entry.Categories : null);
    }
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
[JsonSerializable(typeof(JsonFeedItem))]
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

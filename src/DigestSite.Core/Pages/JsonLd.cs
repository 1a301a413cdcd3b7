using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DigestSite.Pages;

/// <summary>A paper as schema.org JSON-LD, in a paper page's head (search engines and Google Scholar read it).</summary>
/// <param name="Abstract">The summary's plain text, as the model holds it (UTF-8): written into the JSON as it is, not made into a string first.</param>
public sealed record ScholarlyArticle(
    string Headline,
    string Name,
    string Url,
    IReadOnlyList<Person> Author,
    IReadOnlyList<string> About,
    Utf8Text Abstract,
    string? DatePublished,
    string? SameAs);

/// <param name="Url">The author's page on this site.</param>
/// <param name="SameAs">Their ORCID record, when the registry has it.</param>
public sealed record Person(string Name, string? Url = null, string? SameAs = null);

/// <summary>
/// JSON-LD written member by member (a paper page's head: 10,000 of them at 10,000 papers, so the serializer's
/// generic machinery, the summary decoded into a string and a string per written value showed in the render's
/// profile). The JSON is the serializer's, byte for byte: the members in this order, camelCase names, an absent
/// (null) member left out, no indentation. The default encoder escapes &lt;, &gt;, &amp; and quotes as \uXXXX,
/// so no string in it can close the script element it goes in, whatever a contributor wrote.
/// </summary>
internal static class JsonLd
{
    private static readonly JsonWriterOptions ScriptSafe = new() { Encoder = JavaScriptEncoder.Default };

    // One buffer and writer per thread, kept from page to page: paper heads are made by the render's threads.
    [ThreadStatic] private static ArrayBufferWriter<byte>? buffer;
    [ThreadStatic] private static Utf8JsonWriter? writer;

    public static string Serialize(ScholarlyArticle article)
    {
        var bytes = buffer ??= new ArrayBufferWriter<byte>(4096);
        bytes.ResetWrittenCount();
        var json = writer ??= new Utf8JsonWriter(bytes, ScriptSafe);
        json.Reset(bytes);

        json.WriteStartObject();
        json.WriteString("@context"u8, "https://schema.org"u8);
        json.WriteString("@type"u8, "ScholarlyArticle"u8);
        json.WriteString("headline"u8, article.Headline);
        json.WriteString("name"u8, article.Name);
        json.WriteString("url"u8, article.Url);
        json.WriteStartArray("author"u8);
        foreach (var person in article.Author)
        {
            json.WriteStartObject();
            json.WriteString("@type"u8, "Person"u8);
            json.WriteString("name"u8, person.Name);
            if (person.Url is { } url) json.WriteString("url"u8, url);
            if (person.SameAs is { } sameAs) json.WriteString("sameAs"u8, sameAs);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("about"u8);
        foreach (var topic in article.About) json.WriteStringValue(topic);
        json.WriteEndArray();
        json.WriteString("abstract"u8, article.Abstract.Bytes);
        if (article.DatePublished is { } published) json.WriteString("datePublished"u8, published);
        if (article.SameAs is { } same) json.WriteString("sameAs"u8, same);
        json.WriteEndObject();
        json.Flush();
        return Encoding.UTF8.GetString(bytes.WrittenSpan);
    }
}

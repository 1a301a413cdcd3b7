using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigestSite.Pages;

/// <summary>A paper as schema.org JSON-LD, in a paper page's head (search engines and Google Scholar read it).</summary>
public sealed record ScholarlyArticle(
    string Headline,
    string Name,
    string Url,
    IReadOnlyList<Person> Author,
    IReadOnlyList<string> About,
    string Abstract,
    string? DatePublished,
    string? SameAs)
{
    [JsonPropertyName("@context"), JsonPropertyOrder(-2)]
    public string Context => "https://schema.org";

    [JsonPropertyName("@type"), JsonPropertyOrder(-1)]
    public string Type => "ScholarlyArticle";
}

/// <param name="Url">The author's page on this site.</param>
/// <param name="SameAs">Their ORCID record, when the registry has it.</param>
public sealed record Person(string Name, string? Url = null, string? SameAs = null)
{
    [JsonPropertyName("@type"), JsonPropertyOrder(-1)]
    public string Type => "Person";
}

/// <summary>
/// JSON-LD serialized by source-generated code (no reflection, so the native build can trim).
/// The default encoder escapes &lt;, &gt;, &amp; and quotes as \uXXXX, so no string in it can close
/// the script element it goes in, whatever a contributor wrote.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScholarlyArticle))]
internal sealed partial class JsonLdContext : JsonSerializerContext
{
    private static JsonLdContext ScriptSafe { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.Default,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    public static string Serialize(ScholarlyArticle article) => JsonSerializer.Serialize(article, ScriptSafe.ScholarlyArticle);
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigestSite.Publishing.Citations;

/// <summary>
/// A paper as CSL-JSON (Citation Style Language's data format, which Zotero, Mendeley, pandoc and
/// citeproc read): an "article" (CSL's type for preprints) with arXiv as publisher and its id as number.
/// </summary>
public static class CslJson
{
    public static CslItem Item(CitedPaper paper) => new(
        paper.Key,
        paper.Key,
        "article",
        paper.Title,
        paper.Authors.Select(a => a.Family is null ? new CslName(null, null, a.Full) : new CslName(a.Family, a.Given, null)).ToArray(),
        paper.Published is { } date ? new CslDate([[date.Year, date.Month, date.Day]])
            : paper.Year is { } year ? new CslDate([[year]]) : null,
        paper.Arxiv is null ? null : "arXiv",
        paper.Arxiv is { } arxiv ? "arXiv:" + arxiv : null,
        paper.Doi,
        paper.Url,
        paper.Topics.Count > 0 ? string.Join(", ", paper.Topics) : null);

    /// <summary>A file of CSL-JSON: an array of items, as CSL-JSON files are.</summary>
    public static byte[] File(IEnumerable<CslItem> items) =>
        JsonSerializer.SerializeToUtf8Bytes(items.ToArray(), CslJsonContext.Data.CslItemArray);
}

public sealed record CslItem(
    string Id,
    [property: JsonPropertyName("citation-key")] string CitationKey,
    string Type,
    string Title,
    IReadOnlyList<CslName> Author,
    CslDate? Issued,
    string? Publisher,
    string? Number,
    [property: JsonPropertyName("DOI")] string? Doi,
    [property: JsonPropertyName("URL")] string Url,
    string? Keyword);

public sealed record CslName(string? Family, string? Given, string? Literal);

public sealed record CslDate([property: JsonPropertyName("date-parts")] IReadOnlyList<IReadOnlyList<int>> DateParts);

/// <summary>Source-generated (no reflection: the native build trims); non-ASCII text as it is, as a data file (not a script) may have it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CslItem[]))]
internal sealed partial class CslJsonContext : JsonSerializerContext
{
    public static CslJsonContext Data { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    });
}

using System.Text.Json;
using System.Text.RegularExpressions;
using DigestSite.Archive;
using DigestSite.Content;

namespace DigestSite.Submitting;

/// <summary>
/// Reads Crossref's answer to /works/DOI: {"status": "ok", "message-type": "work", "message": {…}}
/// with "DOI", "title" (a list), "author" (given and family names, or an organisation's "name"),
/// "issued" ({"date-parts": [[year, month, day]]}, month and day optional) and "resource"
/// ({"primary": {"URL": the publisher's page}}), as the Crossref REST API documents it.
/// Read with JsonDocument: no reflection, so the CLI can be compiled ahead of time.
/// </summary>
public static partial class CrossrefWork
{
    public static Lookup Read(Stream answer, string askedDoi)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Str(root, "status") != "ok" || Str(root, "message-type") != "work"
                || !root.TryGetProperty("message", out var work) || work.ValueKind != JsonValueKind.Object)
                return Lookup.Failed("Crossref's answer is not the work record it documents (no \"status\": \"ok\" with a \"message\" of type \"work\")");
            return Work(work, askedDoi);
        }
        catch (JsonException e)
        {
            return Lookup.Failed($"Crossref's answer is not the JSON it documents ({e.Message})");
        }
    }

    private static Lookup Work(JsonElement work, string askedDoi)
    {
        var doi = Str(work, "DOI") is { } d && Doi.IsValid(d) ? d : askedDoi;
        var title = Strings(work, "title").Select(t => RemoteText.OneLine(Markup().Replace(t, ""))).FirstOrDefault(t => t.Length > 0) ?? "";
        var authors = Items(work, "author").Select(Author).Where(a => a.Length > 0).ToArray();
        if (title.Length == 0) return Lookup.Failed($"Crossref's record of {doi} has no title");
        if (authors.Length == 0) return Lookup.Failed($"Crossref's record of {doi} names no author");
        var links = work.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object
                    && resource.TryGetProperty("primary", out var primary) && primary.ValueKind == JsonValueKind.Object
                    && Str(primary, "URL") is { } url && WebAddress.ParseHttp(url) is { } page
            ? new[] { new PaperLink("publisher", page) }
            : [];
        return Lookup.Found(new PaperMetadata(title, authors, Issued(work), null, doi, links, null));
    }

    /// <summary>"Given Family" as people write their names; an organisation's "name" as it is.</summary>
    private static string Author(JsonElement author)
    {
        if (author.ValueKind != JsonValueKind.Object) return "";
        var name = string.Join(' ', new[] { Str(author, "given"), Str(author, "family") }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return RemoteText.OneLine(name.Length > 0 ? name : Str(author, "name") ?? "");
    }

    /// <summary>"issued": {"date-parts": [[2017, 12, 4]]}: a date only when year, month and day are all there.</summary>
    private static DateOnly? Issued(JsonElement work)
    {
        if (!work.TryGetProperty("issued", out var issued) || issued.ValueKind != JsonValueKind.Object) return null;
        var parts = Items(issued, "date-parts").FirstOrDefault();
        if (parts.ValueKind != JsonValueKind.Array || parts.GetArrayLength() < 3) return null;
        var numbers = parts.EnumerateArray().Take(3).Select(p => p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out int n) ? n : 0).ToArray();
        return numbers[0] is >= 1 and <= 9999 && numbers[1] is >= 1 and <= 12 && numbers[2] >= 1 && numbers[2] <= DateTime.DaysInMonth(numbers[0], numbers[1])
            ? new DateOnly(numbers[0], numbers[1], numbers[2])
            : null;
    }

    private static string? Str(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<JsonElement> Items(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    private static IEnumerable<string> Strings(JsonElement parent, string name) =>
        Items(parent, name).Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!);

    /// <summary>Crossref titles may carry JATS or HTML inline markup (&lt;i&gt;, &lt;sub&gt;, &lt;mml:math&gt;): the title is text.</summary>
    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9:.\-]*(\s[^<>]*)?/?>")]
    private static partial Regex Markup();
}

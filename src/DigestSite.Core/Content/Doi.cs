using System.Text.RegularExpressions;

namespace DigestSite.Content;

/// <summary>
/// Digital Object Identifiers: "10.", the registrant's number, "/", then any suffix without spaces
/// (suffixes hold parentheses, colons, semicolons, angle brackets: all valid), braces or backslashes
/// (which no registered DOI needs, and which would end a BibTeX field early). DOIs are
/// case-insensitive, so two spellings that differ only in case are one paper.
/// </summary>
public static partial class Doi
{
    public const string Rule = "a DOI such as 10.1145/3292500.3330701 (\"10.\", digits, \"/\", then no spaces, braces or backslashes)";

    public static bool IsValid(string doi) => Pattern().IsMatch(doi);

    /// <summary>The form two DOIs are compared in.</summary>
    public static string Key(string doi) => doi.ToUpperInvariant();

    /// <summary>Where a DOI resolves: https://doi.org/ with the suffix percent-encoded, slashes kept.</summary>
    public static string Url(string doi) => "https://doi.org/" + string.Join('/', doi.Split('/').Select(Uri.EscapeDataString));

    /// <summary>
    /// The DOI inside a link or citation people paste ("https://doi.org/10.1/x", "doi:10.1/x"), or
    /// null when the text is not one of those forms: for "did you mean" in errors.
    /// </summary>
    public static string? FromLink(string text)
    {
        var match = LinkPattern().Match(text.Trim());
        return match.Success && IsValid(match.Groups[1].Value) ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"\A10\.[0-9]+(\.[0-9]+)*/[^\s\p{C}{}\\]+\z")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\A(?:https?://(?:dx\.)?doi\.org/|doi:\s*)(\S+)\z", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();
}

using DigestSite.Pages;

namespace DigestSite.Publishing.Citations;

/// <summary>
/// A paper's citation as templates see it (`paper.citation`): its BibTeX key, its COinS (the
/// title of a span of class Z3988, for Zotero's connector), and its citation files' URLs.
/// </summary>
public sealed record CitationView(string Key, Utf8Text Coins, string BibtexUrl, string RisUrl, string CslJsonUrl)
{
    /// <summary>No citation: what a paper keeps of it where nothing reads it (the search files).</summary>
    public static CitationView None { get; } = new("", Utf8Text.Empty, "", "", "");
}

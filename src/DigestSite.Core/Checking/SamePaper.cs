using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using DigestSite.Content;

namespace DigestSite.Checking;

/// <summary>
/// When two papers are one: the same arXiv id whatever the version, the same DOI whatever the case
/// (both refused), or titles that read the same once case, punctuation and accents are set aside
/// (a warning: two papers may share a title, but a resubmission usually does).
/// </summary>
public static class SamePaper
{
    public static string ArxivKey(string arxiv) => ArxivId.WithoutVersion(arxiv);

    public static string DoiKey(string doi) => Doi.Key(doi);

    /// <summary>"Attention Is All You Need!" and "attention is all you need" give the same key; "" when no letter or digit.</summary>
    public static string TitleKey(string title)
    {
        var key = new StringBuilder(title.Length);
        foreach (char c in title)
        {
            if (char.IsLetterOrDigit(c)) key.Append(Plain.TryGetValue(c, out char plain) ? plain : char.ToLowerInvariant(c));
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark) continue; // a combining accent
            else if (key.Length > 0 && key[^1] != ' ') key.Append(' ');
        }
        return key.ToString().TrimEnd();
    }

    /// <summary>
    /// Accented Latin letters and their plain forms. The program runs with invariant globalization,
    /// which has no Unicode decomposition data (string.Normalize leaves "é" as it is), so the
    /// letters of Latin-1 and Latin Extended-A, which cover the titles of papers, are listed here.
    /// </summary>
    private static readonly FrozenDictionary<char, char> Plain = new (string Accented, char Plain)[]
    {
        ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", 'a'), ("ÇçĆćĈĉĊċČč", 'c'), ("ĎďĐđ", 'd'), ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", 'e'),
        ("ĜĝĞğĠġĢģ", 'g'), ("ĤĥĦħ", 'h'), ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", 'i'), ("Ĵĵ", 'j'), ("Ķķ", 'k'),
        ("ĹĺĻļĽľĿŀŁł", 'l'), ("ÑñŃńŅņŇň", 'n'), ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", 'o'), ("ŔŕŖŗŘř", 'r'),
        ("ŚśŜŝŞşŠš", 's'), ("ŢţŤťŦŧ", 't'), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", 'u'), ("Ŵŵ", 'w'), ("ÝýÿŶŷŸ", 'y'), ("ŹźŻżŽž", 'z'),
    }.SelectMany(fold => fold.Accented.Select(c => KeyValuePair.Create(c, fold.Plain))).ToFrozenDictionary();

    public static string TitleWarning(string otherPath, string otherTitle) =>
        $"the title reads the same as that of {otherPath} (\"{otherTitle}\") once case, punctuation and accents are set aside: " +
        "if it is the same paper, keep one file; if not, nothing needs to change.";
}

namespace DigestSite.Publishing.Citations;

/// <summary>
/// Accented Latin letters as a base letter and a LaTeX accent: what BibTeX needs, and what a
/// citation key keeps of a name ("Müller" → "muller"). A table rather than Unicode decomposition,
/// which the program does not have (it runs with invariant globalization: no ICU, so
/// string.Normalize leaves these letters as they are). Latin-1 and Latin Extended-A, the letters of
/// the European languages; letters with two accents (Vietnamese) are left as they are.
/// </summary>
public static class LatinAccents
{
    /// <summary>Each accent command, the letters that carry it, and their base letters, position by position.</summary>
    private static readonly (string Accent, string Letters, string Bases)[] Table =
    [
        ("`", "ÀÈÌÒÙàèìòù", "AEIOUaeiou"),
        ("'", "ÁÉÍÓÚÝáéíóúýĆćĹĺŃńŔŕŚśŹź", "AEIOUYaeiouyCcLlNnRrSsZz"),
        ("^", "ÂÊÎÔÛâêîôûĈĉĜĝĤĥĴĵŜŝŴŵŶŷ", "AEIOUaeiouCcGgHhJjSsWwYy"),
        ("~", "ÃÑÕãñõĨĩŨũ", "ANOanoIiUu"),
        ("\"", "ÄËÏÖÜäëïöüÿŸ", "AEIOUaeiouyY"),
        ("r", "ÅåŮů", "AaUu"),
        ("c", "ÇçĢģĶķĻļŅņŖŗŞşŢţ", "CcGgKkLlNnRrSsTt"),
        ("v", "ČčĎďĚěŇňŘřŠšŤťŽž", "CcDdEeNnRrSsTtZz"),
        ("=", "ĀāĒēĪīŌōŪū", "AaEeIiOoUu"),
        ("u", "ĂăĔĕĞğĬĭŎŏŬŭ", "AaEeGgIiOoUu"),
        (".", "ĊċĖėĠġİŻż", "CcEeGgIZz"),
        ("H", "ŐőŰű", "OoUu"),
        ("k", "ĄąĘęĮįŲų", "AaEeIiUu"),
    ];

    private static readonly Dictionary<char, (char Base, string Accent)> Letters = Table
        .SelectMany(row => row.Letters.Select((letter, i) => (letter, row.Bases[i], row.Accent)))
        .ToDictionary(x => x.letter, x => (x.Item2, x.Accent));

    /// <summary>Letters with no accent to take off, and how LaTeX writes them.</summary>
    private static readonly Dictionary<char, (string Ascii, string Latex)> Special = new()
    {
        ['ø'] = ("o", "{\\o}"), ['Ø'] = ("O", "{\\O}"), ['æ'] = ("ae", "{\\ae}"), ['Æ'] = ("AE", "{\\AE}"), ['œ'] = ("oe", "{\\oe}"),
        ['Œ'] = ("OE", "{\\OE}"), ['ß'] = ("ss", "{\\ss}"), ['ł'] = ("l", "{\\l}"), ['Ł'] = ("L", "{\\L}"), ['ı'] = ("i", "{\\i}"),
    };

    /// <summary>The LaTeX for the letter ({\'e}, {\c{c}}, {\o}), or null when it is not one of the table's.</summary>
    public static string? Latex(char c)
    {
        if (Special.TryGetValue(c, out var special)) return special.Latex;
        if (!Letters.TryGetValue(c, out var letter)) return null;
        // A symbol accent is followed directly by its letter ({\'e}); a letter accent needs braces ({\c{c}}).
        return char.IsAsciiLetter(letter.Accent[0]) ? $"{{\\{letter.Accent}{{{letter.Base}}}}}" : $"{{\\{letter.Accent}{letter.Base}}}";
    }

    /// <summary>The letter without its accent ("ü" → "u", "ß" → "ss"), or the character as it is.</summary>
    public static string Fold(char c) =>
        Special.TryGetValue(c, out var special) ? special.Ascii : Letters.TryGetValue(c, out var letter) ? letter.Base.ToString() : c.ToString();
}

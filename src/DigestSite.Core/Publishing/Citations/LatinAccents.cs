namespace DigestSite.Publishing.Citations;

/// <summary>
/// Accented Latin letters as a base letter and a LaTeX accent: what BibTeX needs ("ü" → {\"u}). A
/// table rather than Unicode decomposition, which the program does not have (it runs with invariant
/// globalization: no ICU, so string.Normalize leaves these letters as they are). Latin-1 and Latin Extended-A, the letters of
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

    /// <summary>Letters that are not a base letter with an accent, and how LaTeX writes them.</summary>
    private static readonly Dictionary<char, string> Special = new()
    {
        ['ø'] = "{\\o}", ['Ø'] = "{\\O}", ['æ'] = "{\\ae}", ['Æ'] = "{\\AE}", ['œ'] = "{\\oe}",
        ['Œ'] = "{\\OE}", ['ß'] = "{\\ss}", ['ł'] = "{\\l}", ['Ł'] = "{\\L}", ['ı'] = "{\\i}",
    };

    /// <summary>Every letter of the table and of <see cref="Special"/> as LaTeX writes it, made once.</summary>
    private static readonly Dictionary<char, string> Written = Table
        .SelectMany(row => row.Letters.Select((letter, i) => (letter, Latex: Accented(row.Accent, row.Bases[i]))))
        .Concat(Special.Select(s => (letter: s.Key, Latex: s.Value)))
        .ToDictionary(x => x.letter, x => x.Latex);

    /// <summary>The LaTeX for the letter ({\'e}, {\c{c}}, {\o}), or null when it is not one of the table's.</summary>
    public static string? Latex(char c) => Written.GetValueOrDefault(c);

    // A symbol accent is followed directly by its letter ({\'e}); a letter accent needs braces ({\c{c}}).
    private static string Accented(string accent, char letter) =>
        char.IsAsciiLetter(accent[0]) ? $"{{\\{accent}{{{letter}}}}}" : $"{{\\{accent}{letter}}}";
}

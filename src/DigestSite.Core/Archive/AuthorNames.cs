using System.Text;
using AnyAscii;

namespace DigestSite.Archive;

/// <summary>
/// A personal name as papers print it, taken apart: its family name (the last word, with the
/// particles before it such as "van der" and without a suffix such as "Jr."), its given names, and
/// the folded forms (accents and case dropped, "ß" as "ss") that sorting, slugs and the name-variant
/// check compare. Names are not all "given family": the variant check also tries the two words of
/// a two-word name the other way round, for names whose family name comes first.
/// </summary>
public sealed record AuthorName(string Written, string Family, IReadOnlyList<string> Given, IReadOnlyList<bool> GivenIsInitial)
{
    /// <summary>Lowercase words that begin a family name ("Ludwig van Beethoven", "Maria de la Cruz"); sorting skips them.</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "der", "den", "de", "del", "della", "degli", "di", "da", "das", "dos", "do", "du", "la", "le", "ter", "ten", "bin", "ibn", "al", "el", "zu", "y",
    };

    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase) { "jr", "jr.", "sr", "sr.", "ii", "iii", "iv" };

    /// <summary>The family name folded, without its particles: what the A–Z list sorts by and the variant check groups by.</summary>
    public string FamilyKey { get; } = Fold(Family.Split(' ').Where(w => !Particles.Contains(w)).DefaultIfEmpty(Family).Last(), lettersOnly: true);

    /// <summary>The given names folded and run together ("Jean-Pierre", "Jean Pierre" and "Jeanpierre" read the same).</summary>
    public string GivenKey { get; } = string.Concat(Given.Select(g => Fold(g, lettersOnly: true)));

    /// <summary>The letter of the A–Z list: the family key's first, or "#" when it does not start with A–Z.</summary>
    public string Letter => FamilyKey.Length > 0 && char.IsAsciiLetterLower(FamilyKey[0]) ? Letters[FamilyKey[0] - 'a'] : "#";

    /// <summary>"A" to "Z", made once: the A–Z order reads <see cref="Letter"/> at every comparison.</summary>
    private static readonly string[] Letters = [.. Enumerable.Range('A', 26).Select(c => ((char)c).ToString())];

    public static AuthorName Parse(string written)
    {
        var words = written.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && (Suffixes.Contains(words[^1]) || words[^1] == ",")) words.RemoveAt(words.Count - 1);
        if (words.Count > 0) words[^1] = words[^1].TrimEnd(',');
        if (words.Count == 0) return new AuthorName(written, written, [], []);
        int familyStart = words.Count - 1;
        while (familyStart > 1 && Particles.Contains(words[familyStart - 1])) familyStart--;
        var given = words.Take(familyStart).SelectMany(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries)).Select(g => g.Trim('.')).Where(g => g.Length > 0).ToArray();
        return new AuthorName(written, string.Join(' ', words.Skip(familyStart)), given, given.Select(g => g.Length == 1).ToArray());
    }

    /// <summary>The same name with its two words swapped ("Zhang Wei" read as given "Zhang", family "Wei" and the other way); null unless two full words.</summary>
    public AuthorName? Swapped() =>
        Given.Count == 1 && !GivenIsInitial[0] && !Family.Contains(' ') && Family.Length > 1
            ? new AuthorName(Written, Given[0], [Family], [false])
            : null;

    /// <summary>
    /// <paramref name="text"/> in ASCII, in lowercase: "Jörg" -> "jorg", "Łukasz" -> "lukasz", "Groß" ->
    /// "gross", "王伟" -> "wangwei". With <paramref name="lettersOnly"/>, only letters and digits are
    /// kept ("O'Brien" -> "obrien", "Jean-Pierre" -> "jeanpierre"). The transliteration is AnyAscii's
    /// own tables, not the runtime's Unicode data (the build runs with invariant globalization, and
    /// decomposition would miss "ł" and "ø" anyway).
    /// </summary>
    public static string Fold(string text, bool lettersOnly = false)
    {
        var ascii = Ascii.IsValid(text) ? text : text.Transliterate();
        // Most names are folded already or need only lowercase: the string is made once, at its length.
        int length = 0;
        bool same = true;
        foreach (char c in ascii)
            if (!lettersOnly || char.IsAsciiLetterOrDigit(c))
            {
                length++;
                same &= char.ToLowerInvariant(c) == c;
            }
            else same = false;
        if (same) return ascii;
        return string.Create(length, (ascii, lettersOnly), static (folded, state) =>
        {
            int n = 0;
            foreach (char c in state.ascii)
                if (!state.lettersOnly || char.IsAsciiLetterOrDigit(c)) folded[n++] = char.ToLowerInvariant(c);
        });
    }
}

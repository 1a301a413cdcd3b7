using System.Globalization;
using System.Text;
using DigestSite.Archive;

namespace DigestSite.Publishing.Citations;

/// <summary>
/// A paper as a BibTeX entry, in the style of arXiv's own export (@misc with eprint), and the
/// escaping that keeps any title or name a contributor writes inside its field: BibTeX reads
/// braces and backslashes, LaTeX then reads %, &amp;, #, $, _, ~ and ^; accented letters become
/// LaTeX accents (é → {\'e}), which classic BibTeX sorts and prints without a UTF-8 package.
/// </summary>
public static class Bibtex
{
    public static string Entry(Paper paper, string key, string? arxivUrl)
    {
        var year = CitationKeys.Year(paper.Published, paper.Arxiv);
        var entry = new StringBuilder();
        entry.Append("@misc{").Append(key).Append(",\n");
        Field(entry, "title", "{" + Escape(paper.Title) + "}");
        Field(entry, "author", string.Join(" and ", paper.Authors.Select(Name)));
        if (year is { } y) Field(entry, "year", y.ToString(CultureInfo.InvariantCulture));
        if (paper.Arxiv is { } id)
        {
            Field(entry, "eprint", id);
            Field(entry, "archivePrefix", "arXiv");
        }
        if (paper.Doi is { } doi) Field(entry, "doi", Verbatim(doi));
        if (arxivUrl is not null) Field(entry, "url", arxivUrl);
        entry.Length -= 2; // the last ",\n"
        return entry.Append("\n}").ToString();
    }

    private static void Field(StringBuilder entry, string name, string value) =>
        entry.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");

    /// <summary>
    /// One author. BibTeX splits the field at " and " and reads "Last, First" at a comma: a name
    /// holding either is braced whole, so it stays one name (as an organisation's is).
    /// </summary>
    private static string Name(string author)
    {
        var escaped = Escape(author);
        return author.Contains(',') || author.Contains(" and ", StringComparison.OrdinalIgnoreCase) ? "{" + escaped + "}" : escaped;
    }

    /// <summary>
    /// A DOI as biblatex and BibTeX styles print it, verbatim (\doi, \url): only a brace or a backslash
    /// would end or change the field, and those are written as \{, \} and \textbackslash{} (which a DOI
    /// almost never holds).
    /// </summary>
    private static string Verbatim(string text)
    {
        if (text.AsSpan().IndexOfAny('{', '}', '\\') < 0) return text;
        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
            escaped.Append(c switch { '{' or '}' => "\\" + c, '\\' => "\\textbackslash{}", _ => c.ToString() });
        return escaped.ToString();
    }

    /// <summary>Text for a BibTeX field: TeX's special characters escaped, accented Latin letters as LaTeX accents.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                char c = (char)rune.Value;
                escaped.Append(c switch
                {
                    '{' or '}' or '&' or '%' or '$' or '#' or '_' => "\\" + c,
                    '\\' => "\\textbackslash{}",
                    '~' => "\\textasciitilde{}",
                    '^' => "\\textasciicircum{}",
                    _ => c.ToString(),
                });
            }
            else escaped.Append(Accented(rune) ?? rune.ToString());
        }
        return escaped.ToString();
    }

    /// <summary>The LaTeX for an accented Latin letter, a ligature or a special letter (ø, ß, ł); null for anything else, which stays as it is (UTF-8).</summary>
    private static string? Accented(Rune rune)
    {
        if (Letters.TryGetValue(rune.Value, out var letter)) return letter;
        var parts = rune.ToString().Normalize(NormalizationForm.FormD);
        if (parts.Length != 2 || !char.IsAsciiLetter(parts[0]) || !Accents.TryGetValue(parts[1], out var accent)) return null;
        // A symbol accent is followed directly by its letter ({\'e}); a letter accent needs braces ({\c{c}}).
        return char.IsAsciiLetter(accent[0]) ? $"{{\\{accent}{{{parts[0]}}}}}" : $"{{\\{accent}{parts[0]}}}";
    }

    /// <summary>Combining marks (what a precomposed letter decomposes into) and their LaTeX accent commands.</summary>
    private static readonly Dictionary<char, string> Accents = new()
    {
        ['\u0300'] = "`", ['\u0301'] = "'", ['\u0302'] = "^", ['\u0303'] = "~", ['\u0304'] = "=", ['\u0306'] = "u",
        ['\u0307'] = ".", ['\u0308'] = "\"", ['\u030A'] = "r", ['\u030B'] = "H", ['\u030C'] = "v", ['\u0323'] = "d",
        ['\u0327'] = "c", ['\u0328'] = "k",
    };

    /// <summary>Letters with no decomposition that LaTeX writes as commands.</summary>
    private static readonly Dictionary<int, string> Letters = new()
    {
        ['ø'] = "{\\o}", ['Ø'] = "{\\O}", ['æ'] = "{\\ae}", ['Æ'] = "{\\AE}", ['œ'] = "{\\oe}", ['Œ'] = "{\\OE}",
        ['ß'] = "{\\ss}", ['ł'] = "{\\l}", ['Ł'] = "{\\L}", ['ı'] = "{\\i}",
    };
}

using System.Buffers;
using System.Globalization;
using System.Text;
using DigestSite.Archive;
using DigestSite.Pages;

namespace DigestSite.Publishing.Citations;

/// <summary>
/// A paper as a BibTeX entry, in the style of arXiv's own export (@misc with eprint), and the
/// escaping that keeps any title or name a contributor writes inside its field: BibTeX reads
/// braces and backslashes, LaTeX then reads %, &amp;, #, $, _, ~ and ^; a title's accented letters
/// become LaTeX accents (é → {\'e}), which classic BibTeX sorts and prints without a UTF-8 package
/// (authors' names keep theirs: see <see cref="Name"/>).
/// </summary>
public static class Bibtex
{
    // Each thread writes into one builder of its own: an entry then allocates only its UTF-8.
    [ThreadStatic] private static StringBuilder? builder;

    /// <summary>The entry, as UTF-8 (the model keeps it so, and the .bib files are written from it).</summary>
    public static Utf8Text Entry(Paper paper, string key, string? arxivUrl)
    {
        var year = CitationKeys.Year(paper.Published, paper.Arxiv);
        var entry = (builder ??= new StringBuilder(1024)).Clear();
        entry.Append("@misc{").Append(key).Append(",\n");
        entry.Append("  title = {{").Append(Escape(paper.Title)).Append("}},\n");
        entry.Append("  author = {");
        for (int i = 0; i < paper.Authors.Count; i++) (i > 0 ? entry.Append(" and ") : entry).Append(Name(paper.Authors[i]));
        entry.Append("},\n");
        if (year is { } y) Field(entry, "year", y.ToString(CultureInfo.InvariantCulture));
        if (paper.Arxiv is { } id)
        {
            Field(entry, "eprint", id);
            Field(entry, "archivePrefix", "arXiv");
        }
        if (paper.Doi is { } doi) Field(entry, "doi", Verbatim(doi));
        if (arxivUrl is not null) Field(entry, "url", arxivUrl);
        entry.Length -= 2; // the last ",\n"
        return Utf8Text.Of(entry.Append("\n}"));
    }

    private static void Field(StringBuilder entry, string name, string value) =>
        entry.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");

    /// <summary>
    /// One author. BibTeX splits the field at " and " and reads "Last, First" at a comma: a name
    /// holding either is braced whole, so it stays one name (as an organisation's is). Its letters stay
    /// as written (UTF-8, which biber, Zotero and LaTeX since 2018 read): a name's parts (given, "von",
    /// family) go by the case of each word's first letter, which a reader cannot see in an accent
    /// command ("{\L}ukasz" reads as a lowercase "von" part to citation-js).
    /// </summary>
    private static string Name(string author)
    {
        var escaped = Escape(author, accents: false);
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

    /// <summary>
    /// Text for a BibTeX field: TeX's special characters escaped, accented Latin letters as LaTeX
    /// accents (or as they are). BibTeX counts braces even after a backslash, so "\}" in a title whose
    /// braces do not balance would end the field early (and "\{" swallow the entries after it): then
    /// every brace is written as \textbraceleft{} or \textbraceright{}.
    /// </summary>
    public static string Escape(string text, bool accents = true)
    {
        int first = text.AsSpan().IndexOfAnyExcept(Plain);
        if (first < 0) return text; // most titles and names: nothing to escape
        bool balanced = Balanced(text);
        var escaped = new StringBuilder(text.Length + 8).Append(text, 0, first);
        foreach (var rune in text.AsSpan(first).EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                char c = (char)rune.Value;
                switch (c)
                {
                    case '{' when !balanced: escaped.Append("\\textbraceleft{}"); break;
                    case '}' when !balanced: escaped.Append("\\textbraceright{}"); break;
                    case '{' or '}' or '&' or '%' or '$' or '#' or '_': escaped.Append('\\').Append(c); break;
                    case '\\': escaped.Append("\\textbackslash{}"); break;
                    case '~': escaped.Append("\\textasciitilde{}"); break;
                    case '^': escaped.Append("\\textasciicircum{}"); break;
                    default: escaped.Append(c); break;
                }
            }
            else if (accents && rune.IsBmp && LatinAccents.Latex((char)rune.Value) is { } latex) escaped.Append(latex);
            else escaped.Append(rune.ToString());
        }
        return escaped.ToString();
    }

    /// <summary>ASCII that a field holds as it is: up to the first other character, a text is copied unread.</summary>
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        Enumerable.Range(0, 128).Select(c => (char)c).Where(c => "{}&%$#_\\~^".IndexOf(c) < 0).ToArray());

    /// <summary>Whether every "}" closes a "{" before it, and every "{" is closed.</summary>
    private static bool Balanced(string text)
    {
        int depth = 0;
        foreach (char c in text)
        {
            if (c == '{') depth++;
            else if (c == '}' && --depth < 0) return false;
        }
        return depth == 0;
    }
}

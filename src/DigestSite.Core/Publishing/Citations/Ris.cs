using System.Globalization;
using System.Text;

namespace DigestSite.Publishing.Citations;

/// <summary>
/// A paper as a RIS record (the tagged format every reference manager imports): an arXiv paper is
/// an unpublished work (UNPB, as arXiv preprints are imported), any other a generic one (GEN).
/// One field a line, "TAG  - value", lines ending in CR LF as the format's specification has them.
/// </summary>
public static class Ris
{
    /// <summary>Appends <paramref name="paper"/>'s record to <paramref name="record"/> (a builder kept from file to file: <see cref="CitationFiles"/>).</summary>
    public static StringBuilder Record(CitedPaper paper, StringBuilder record)
    {
        Line(record, "TY", paper.Arxiv is null ? "GEN" : "UNPB");
        Line(record, "ID", paper.Key);
        Line(record, "TI", paper.Title);
        foreach (var author in paper.Authors)
            Line(record, "AU", author.Family is { } family ? $"{family}, {author.Given}" : author.Full);
        if (paper.Year is { } year) Line(record, "PY", year.ToString(CultureInfo.InvariantCulture));
        if (paper.Published is { } date) Line(record, "DA", date.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture));
        if (paper.Arxiv is { } arxiv)
        {
            Line(record, "PB", "arXiv");
            Line(record, "M1", "arXiv:" + arxiv);
        }
        if (paper.Doi is { } doi) Line(record, "DO", doi);
        Line(record, "UR", paper.Url);
        foreach (var topic in paper.Topics) Line(record, "KW", topic);
        return record.Append("ER  - \r\n");
    }

    // check keeps line breaks out of every field; a value is still made one line here, as a line is a field.
    private static void Line(StringBuilder record, string tag, string value) =>
        record.Append(tag).Append("  - ").Append(value.ReplaceLineEndings(" ")).Append("\r\n");
}

using System.Xml;
using System.Xml.Linq;
using DigestSite.Content;

namespace DigestSite.Submitting;

/// <summary>
/// Reads the arXiv API's answer to id_list=ID: an Atom feed with one entry per paper (none when
/// arXiv does not know the id, an entry titled "Error" when it refuses the id), in the format of
/// the arXiv API User's Manual (info.arxiv.org/help/api/user-manual.html).
/// </summary>
public static class ArxivFeed
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";
    private const string ErrorIdPrefix = "http://arxiv.org/api/errors";

    /// <summary>No DTD (so no entity expansion) and nothing fetched: the answer is untrusted input.</summary>
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static Lookup Read(Stream answer, string askedId)
    {
        XDocument feed;
        try
        {
            using var reader = XmlReader.Create(answer, Settings);
            feed = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return Lookup.Failed($"arXiv's answer is not the Atom feed it documents ({e.Message})");
        }
        if (feed.Root?.Name != Atom + "feed") return Lookup.Failed("arXiv's answer is not the Atom feed it documents (no <feed> element)");

        var entries = feed.Root.Elements(Atom + "entry").ToArray();
        if (entries.FirstOrDefault(e => Text(e, Atom + "id").StartsWith(ErrorIdPrefix, StringComparison.Ordinal)) is { } error)
            return Lookup.Failed($"arXiv refused the id: {RemoteText.OneLine(Text(error, Atom + "summary"))}");
        var wanted = ArxivId.WithoutVersion(askedId);
        var entry = entries.FirstOrDefault(e => IdOf(e) is { } id && ArxivId.WithoutVersion(id) == wanted);
        if (entry is null)
            return Lookup.Failed(entries.Length == 0
                ? $"arXiv has no paper {askedId} (an empty answer): check the id at https://arxiv.org/abs/{askedId}"
                : $"arXiv's answer is not about {askedId}");
        return Paper(entry);
    }

    private static Lookup Paper(XElement entry)
    {
        var id = IdOf(entry)!;
        var title = RemoteText.OneLine(Text(entry, Atom + "title"));
        var authors = entry.Elements(Atom + "author").Select(a => RemoteText.OneLine(Text(a, Atom + "name"))).Where(a => a.Length > 0).ToArray();
        if (title.Length == 0 || authors.Length == 0)
            return Lookup.Failed($"arXiv's entry for {id} has no {(title.Length == 0 ? "title" : "author")}");
        var comment = RemoteText.OneLine(Text(entry, Arxiv + "comment"));
        if (comment.Contains("withdrawn", StringComparison.OrdinalIgnoreCase))
            return Lookup.Failed($"arXiv {id} has been withdrawn (its comment: \"{comment}\"); a withdrawn paper is not digested");
        // arxiv:doi may list several DOIs, separated by spaces: the first is the published version's.
        var doi = Text(entry, Arxiv + "doi").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(Doi.IsValid);
        var journal = RemoteText.OneLine(Text(entry, Arxiv + "journal_ref"));
        return Lookup.Found(new PaperMetadata(title, authors, FirstVersionDate(entry), id, doi, [], journal.Length > 0 ? journal : null));
    }

    /// <summary>"http://arxiv.org/abs/hep-th/9901001v2" → "hep-th/9901001v2" (https too); null when the entry has no arXiv id.</summary>
    private static string? IdOf(XElement entry)
    {
        var url = Text(entry, Atom + "id").Trim();
        int abs = url.IndexOf("arxiv.org/abs/", StringComparison.Ordinal);
        var id = abs < 0 ? "" : url[(abs + "arxiv.org/abs/".Length)..];
        return ArxivId.IsValid(id) ? id : null;
    }

    /// <summary>&lt;published&gt; is when version 1 was submitted, e.g. 2017-06-12T17:57:34Z: its date as written.</summary>
    private static DateOnly? FirstVersionDate(XElement entry) =>
        Text(entry, Atom + "published").Trim() is { Length: >= 10 } stamp ? ContentDates.Parse(stamp[..10]) : null;

    private static string Text(XElement parent, XName name) => parent.Element(name)?.Value ?? "";
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DigestSite.Lunr;
using DigestSite.Pages;

namespace DigestSite.Search;

/// <summary>
/// The search files: /search/index.json, a prebuilt lunr 2.3.9 index that lunr.Index.load reads
/// as it is, and /search/docs.json, what a result shows for each paper. Ref = the paper's slug.
/// </summary>
public static class SearchIndex
{
    public const string IndexFile = "search/index.json";
    public const string DocsFile = "search/docs.json";

    /// <summary>Fields and boosts: a match in the title counts most, then authors, topics, summary.</summary>
    public static readonly LunrField[] Fields =
    [
        new("title", boost: 10),
        new("authors", boost: 5),
        new("topics", boost: 3),
        new("summary", boost: 1),
    ];

    private const int ExcerptLength = 240;

    /// <summary>Papers in archive order (newest issue first), so the index is the same on every build.</summary>
    /// <param name="terms">Each paper's terms, numbered, in the same order (<see cref="SiteModel.Terms"/>): the texts are not analysed again.</param>
    public static LunrIndex Build(IReadOnlyList<PaperView> papers, ArchiveTerms terms, int parallelism = -1, CancellationToken cancel = default)
    {
        var builder = new LunrIndexBuilder(Fields, terms.Words) { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount };
        for (int i = 0; i < papers.Count; i++) builder.Add(papers[i].Slug, terms.Fields(i));
        return builder.Build(cancel);
    }

    /// <summary>What is indexed of <paramref name="paper"/>, one text for each of <see cref="Fields"/>, in that order (related papers read the same).</summary>
    public static string[] FieldTexts(PaperView paper) =>
        [paper.Title, AuthorsField(paper), TopicsField(paper), paper.SummaryText.ToString()];

    internal static string TopicsField(PaperView paper) => string.Join(", ", paper.Topics.Select(t => t.Name));

    /// <summary>The authors as the paper prints them, then the registry's name of any printed as an alias: the name finds all their papers.</summary>
    internal static string AuthorsField(PaperView paper) =>
        paper.AuthorLinks.All(a => a.Name == a.Person)
            ? paper.AuthorsText
            : string.Join(", ", paper.Authors.Concat(paper.AuthorLinks.Where(a => a.Name != a.Person).Select(a => a.Person).Distinct(StringComparer.Ordinal)));

    /// <summary>docs.json, streamed to <paramref name="stream"/>: slug -> { title, url, date, authors, authorUrls (each author's page, in order), people (their pages' names, only when the paper prints an alias), topics, excerpt }.</summary>
    public static void WriteDocs(Stream stream, IEnumerable<PaperView> papers)
    {
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartObject();
            foreach (var paper in papers)
            {
                json.WritePropertyName(paper.Slug);
                WriteDoc(json, paper);
                // Into the stream as it goes: the writer would otherwise hold the whole file (7 MB at 10,000 papers), doubling its buffer.
                if (json.BytesPending > 1 << 16) json.Flush();
            }
            json.WriteEndObject();
        }
    }

    /// <summary>The same entries as docs.json, as a JSON array for papers[first .. first + count).</summary>
    public static Func<int, int, byte[]> DocList(IReadOnlyList<PaperView> papers) => (first, count) =>
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartArray();
            for (int i = first; i < first + count; i++) WriteDoc(json, papers[i]);
            json.WriteEndArray();
        }
        return buffer.ToArray();
    };

    /// <summary>
    /// The whole summaries' plain text, as a JSON array of strings for papers[first .. first + count):
    /// the search page reads them only to check a quoted phrase or a model name in a result whose
    /// excerpt does not show it.
    /// </summary>
    public static Func<int, int, byte[]> TextList(IReadOnlyList<PaperView> papers) => (first, count) =>
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartArray();
            for (int i = first; i < first + count; i++) json.WriteStringValue(papers[i].SummaryText.Bytes);
            json.WriteEndArray();
        }
        return buffer.ToArray();
    };

    // Non-ASCII stays as it is (smaller, readable); the encoder still escapes what HTML would misread.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static void WriteDoc(Utf8JsonWriter json, PaperView paper)
    {
        json.WriteStartObject();
        json.WriteString("title", paper.Title);
        json.WriteString("url", paper.Url);
        json.WriteString("date", paper.Issue.Date);
        json.WriteString("authors", paper.AuthorsText);
        json.WriteStartArray("authorUrls");
        foreach (var author in paper.AuthorLinks) json.WriteStringValue(author.Url);
        json.WriteEndArray();
        // The names of the authors' pages, only where the paper prints an alias (rare): the author filter counts people.
        if (paper.AuthorLinks.Any(a => a.Name != a.Person))
        {
            json.WriteStartArray("people");
            foreach (var author in paper.AuthorLinks) json.WriteStringValue(author.Person);
            json.WriteEndArray();
        }
        json.WriteStartArray("topics");
        foreach (var topic in paper.Topics) json.WriteStringValue(topic.Name);
        json.WriteEndArray();
        json.WriteString("excerpt", PageHeads.Shorten(paper.SummaryText.ToString(), ExcerptLength));
        json.WriteEndObject();
    }
}

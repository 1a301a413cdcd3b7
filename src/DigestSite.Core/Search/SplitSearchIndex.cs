using System.Text;
using DigestSite.Pages;

namespace DigestSite.Search;

/// <summary>
/// The search as the pages load it: /search/split/, the lunr index of /search/index.json split by
/// <see cref="LunrSplit"/> (base.json, then p0.json, p1.json, … postings shards fetched per query),
/// plus what the page needs besides lunr, also in pieces:
/// <list type="bullet">
/// <item>in base.json, "site": { dates, date, topicNames, topics, docsPerFile }: each paper's issue
/// date (an index into dates) and topics (indexes into topicNames), in ref order, so the topic
/// and date filters and the result count work before any paper's text is fetched;</item>
/// <item>authors.json, { names, papers }: the authors of two papers or more, by the name of their page
/// (a registry alias counts as its person) (most papers first,
/// then by name, ordinal), and for each the numbers of their papers, in ref order, delta-coded:
/// the author facet counts over all matches without fetching their text. Authors of one paper are
/// left out: most of a real archive's names, and never more than one match's worth of a facet;</item>
/// <item>d0.json, d1.json, …: what a result shows (title, url, date, authors, topics, excerpt, as in
/// docs.json) for docsPerFile papers each, in ref order: fetched only for the results shown;</item>
/// <item>t0.json, t1.json, …: the whole summaries' plain text, for the same papers as the display
/// file of the same number: fetched only to check a quoted phrase or a model name that a result's
/// excerpt does not show.</item>
/// </list>
/// /search/index.json and /search/docs.json stay whole, for tools.
/// </summary>
public static class SplitSearchIndex
{
    public const string Folder = "search/split";
    public const string BaseFile = Folder + "/base.json";
    public const string AuthorsFile = Folder + "/authors.json";

    /// <summary>Papers per display file. The results shown are scattered over the archive, so each
    /// usually needs its own file: 4 papers (about 1 KB gzipped) waste little, and keep the file count a quarter of the papers'.</summary>
    public const int DocsPerFile = 4;

    /// <summary>Papers per postings shard: shards of about 60 KB of JSON (some 20 KB gzipped) at any size.</summary>
    public const int PapersPerShard = 64;

    /// <summary>Postings shards for <paramref name="papers"/> papers; 0 (inlined into the base) up to <see cref="PapersPerShard"/>.</summary>
    public static int ShardCount(int papers) => papers <= PapersPerShard ? 0 : (papers + PapersPerShard - 1) / PapersPerShard;

    /// <summary>The split form's files for <paramref name="papers"/> papers: known from the count alone, so that an
    /// incremental build can keep them without reading anything.</summary>
    public static IEnumerable<string> Paths(int papers) =>
        IndexPaths(papers)
            .Concat(Enumerable.Range(0, DisplayFileCount(papers)).Select(DocsPath))
            .Concat(Enumerable.Range(0, DisplayFileCount(papers)).Select(TextsPath));

    /// <summary>
    /// Writes the split form's index files (base, authors, shards) into <paramref name="output"/>, keeping the last build's
    /// files that were made from the same <paramref name="inputs"/>: they read every paper. <paramref name="lunr"/> (the index
    /// of <paramref name="papers"/>, in this order) is asked for only when one of them must be made.
    /// </summary>
    public static void WriteIndex(Output.StagedOutput output, UInt128 inputs, IReadOnlyList<PaperView> papers, Func<LunrSplit> lunr)
    {
        var missing = IndexPaths(papers.Count).Where(path => !output.IsCurrent(path, inputs)).ToHashSet(StringComparer.Ordinal);
        if (missing.Count > 0)
            foreach (var (path, content) in IndexFiles(lunr(), papers, ShardCount(papers.Count)))
                if (missing.Contains(path)) output.Write(path, inputs, content);
    }

    /// <summary>
    /// Writes the split form's display and text files into <paramref name="output"/>: file n reads only its
    /// <see cref="DocsPerFile"/> papers, and is made from <paramref name="displayInputs"/>[n] (one paper edited: two files
    /// made again, not all of them); the last build's files made from the same inputs are kept. They do not read the index.
    /// </summary>
    public static void WriteDisplay(Output.StagedOutput output, IReadOnlyList<UInt128> displayInputs, IReadOnlyList<PaperView> papers)
    {
        if (displayInputs.Count != DisplayFileCount(papers.Count))
            throw new ArgumentException("One input hash for each display file.", nameof(displayInputs));
        var docs = SearchIndex.DocList(papers);
        var texts = SearchIndex.TextList(papers);
        for (int n = 0; n < displayInputs.Count; n++)
        {
            int first = n * DocsPerFile, count = Math.Min(DocsPerFile, papers.Count - first);
            if (!output.IsCurrent(DocsPath(n), displayInputs[n])) output.Write(DocsPath(n), displayInputs[n], docs(first, count));
            if (!output.IsCurrent(TextsPath(n), displayInputs[n])) output.Write(TextsPath(n), displayInputs[n], texts(first, count));
        }
    }

    /// <summary>The split form's files, by output path (<see cref="Paths"/>, in that order), from the index of <paramref name="papers"/>.</summary>
    /// <param name="shardCount">Postings shards; by default <see cref="ShardCount"/> of the papers.</param>
    public static IEnumerable<(string Path, byte[] Content)> Files(LunrSplit lunr, IReadOnlyList<PaperView> papers, int? shardCount = null)
    {
        foreach (var file in IndexFiles(lunr, papers, shardCount ?? ShardCount(papers.Count))) yield return file;
        var docs = SearchIndex.DocList(papers);
        for (int n = 0; n < DisplayFileCount(papers.Count); n++)
            yield return (DocsPath(n), docs(n * DocsPerFile, Math.Min(DocsPerFile, papers.Count - n * DocsPerFile)));
        var texts = SearchIndex.TextList(papers);
        for (int n = 0; n < DisplayFileCount(papers.Count); n++)
            yield return (TextsPath(n), texts(n * DocsPerFile, Math.Min(DocsPerFile, papers.Count - n * DocsPerFile)));
    }

    /// <summary>The display (and text) files for <paramref name="papers"/> papers: one for each <see cref="DocsPerFile"/>.</summary>
    public static int DisplayFileCount(int papers) => (papers + DocsPerFile - 1) / DocsPerFile;

    private static string DocsPath(int n) => $"{Folder}/d{n}.json";

    private static string TextsPath(int n) => $"{Folder}/t{n}.json";

    /// <summary>The files made from the index and every paper: base, authors, and the postings shards.</summary>
    private static IEnumerable<string> IndexPaths(int papers)
    {
        yield return BaseFile;
        yield return AuthorsFile;
        for (int s = 0; s < ShardCount(papers); s++) yield return $"{Folder}/p{s}.json";
    }

    private static IEnumerable<(string Path, byte[] Content)> IndexFiles(LunrSplit lunr, IReadOnlyList<PaperView> papers, int shardCount)
    {
        if (lunr.Refs.Length != papers.Count || papers.Where((p, i) => p.Slug != lunr.Refs[i]).Any())
            throw new InvalidOperationException("The search index's refs are not the papers' slugs in order.");

        var files = lunr.Write(shardCount, json => Site(json, papers));
        yield return (BaseFile, files.Base);
        yield return (AuthorsFile, Authors(papers));
        for (int s = 0; s < files.Shards.Count; s++) yield return ($"{Folder}/p{s}.json", files.Shards[s]);
    }

    private static byte[] Authors(IReadOnlyList<PaperView> papers)
    {
        var authors = papers
            .SelectMany((paper, number) => paper.AuthorLinks.Select(a => a.Person).Distinct(StringComparer.Ordinal).Select(name => (name, number)))
            .GroupBy(a => a.name, a => a.number, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var json = new JsonText().Raw("{\"names\":").Strs(authors.Select(a => a.Key)).Raw(",\"papers\":[");
        for (int a = 0; a < authors.Count; a++)
        {
            json.Raw(a > 0 ? ",[" : "[");
            int previous = 0, k = 0;
            foreach (var number in authors[a])
            {
                if (k++ > 0) json.Raw(",");
                json.Int(number - previous);
                previous = number;
            }
            json.Raw("]");
        }
        return json.Raw("]}").ToUtf8();
    }

    private static void Site(JsonText json, IReadOnlyList<PaperView> papers)
    {
        var dates = papers.Select(p => p.Issue.Date).Distinct().ToList();
        var dateIndex = dates.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i, StringComparer.Ordinal);
        var topicNames = papers.SelectMany(p => p.Topics).Select(t => t.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        var topicIndex = topicNames.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);

        json.Raw(",\"site\":{\"docsPerFile\":").Int(DocsPerFile);
        json.Raw(",\"dates\":").Strs(dates);
        json.Raw(",\"date\":[");
        for (int i = 0; i < papers.Count; i++)
        {
            if (i > 0) json.Raw(",");
            json.Int(dateIndex[papers[i].Issue.Date]);
        }
        json.Raw("],\"topicNames\":").Strs(topicNames);
        json.Raw(",\"topics\":[");
        for (int i = 0; i < papers.Count; i++)
        {
            if (i > 0) json.Raw(",");
            var topics = papers[i].Topics;
            // One topic as a bare number, several as a list: most papers have one or two.
            if (topics.Count == 1) { json.Int(topicIndex[topics[0].Name]); continue; }
            json.Raw("[");
            for (int k = 0; k < topics.Count; k++)
            {
                if (k > 0) json.Raw(",");
                json.Int(topicIndex[topics[k].Name]);
            }
            json.Raw("]");
        }
        json.Raw("]}");
    }
}

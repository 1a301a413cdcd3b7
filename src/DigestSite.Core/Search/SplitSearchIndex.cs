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
/// <item>d0.json, d1.json, …: what a result shows (title, url, date, authors, topics, excerpt, as in
/// docs.json) for docsPerFile papers each, in ref order: fetched only for the results shown.</item>
/// </list>
/// /search/index.json and /search/docs.json stay whole, for tools.
/// </summary>
public static class SplitSearchIndex
{
    public const string Folder = "search/split";
    public const string BaseFile = Folder + "/base.json";

    /// <summary>Papers per display file: about one page of results, a few KB gzipped.</summary>
    public const int DocsPerFile = 16;

    /// <summary>Writes the split form of <paramref name="indexJson"/> (built from <paramref name="papers"/> in this order).</summary>
    public static void Write(byte[] indexJson, IReadOnlyList<PaperView> papers, Action<string, byte[]> write)
    {
        foreach (var (path, content) in Files(indexJson, papers)) write(path, content);
    }

    /// <summary>The split form's files, by output path.</summary>
    public static IEnumerable<(string Path, byte[] Content)> Files(byte[] indexJson, IReadOnlyList<PaperView> papers, int? shardBytes = null)
    {
        var lunr = LunrSplit.Parse(indexJson);
        if (lunr.Refs.Length != papers.Count || papers.Where((p, i) => p.Slug != lunr.Refs[i]).Any())
            throw new InvalidOperationException("The search index's refs are not the papers' slugs in order.");

        var files = lunr.Write(json => Site(json, papers), shardBytes);
        yield return (BaseFile, files.Base);
        for (int s = 0; s < files.Shards.Count; s++) yield return ($"{Folder}/p{s}.json", files.Shards[s]);

        var docs = SearchIndex.DocList(papers);
        for (int first = 0, n = 0; first < papers.Count; first += DocsPerFile, n++)
            yield return ($"{Folder}/d{n}.json", docs(first, Math.Min(DocsPerFile, papers.Count - first)));
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

namespace DigestSite.Corpus;

/// <summary>
/// A paper's summary, as an editor writes one: the problem, what the paper does and how, its results,
/// then perhaps an analysis, a caveat and why to read it; 120 to 260 words (as the archives of earlier
/// benchmark runs), in one or two paragraphs, some with a bullet list of results, bold, italics,
/// code and links.
/// </summary>
internal static class Summaries
{
    private static readonly string[] ListLeads = ["The main numbers:", "Headline results:", "In numbers:"];
    private static readonly string[] FillPools = ["how", "result", "analysis"];

    public static List<Paragraph> Compose(Func<string, string?> bind, Rng rng, bool modelNames, bool continuesSeries)
    {
        var paragraphs = new List<Paragraph>();
        var current = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);   // sentences and template lines
        int words = 0;

        void Add(string pool)
        {
            var sentence = Fresh(pool, bind, rng, used);
            current.Add(sentence);
            words += sentence.Count(c => c == ' ') + 1;
        }
        void Break()
        {
            if (current.Count > 0) paragraphs.Add(new Paragraph([.. current]));
            current.Clear();
        }

        Add("problem");
        if (rng.Chance(0.3)) Add("stakes");
        Add("contribution");
        if (continuesSeries) Add("seriessentence");
        if (rng.Chance(0.55)) Break();
        Add("how");
        if (rng.Chance(0.5)) Add("how");
        if (modelNames && rng.Chance(0.6)) Add("modelsentence");
        if (rng.Chance(0.15))
        {
            current.Add(rng.Pick(ListLeads));
            Break();
            var items = Enumerable.Range(0, 3).Select(_ => Fresh("resultitem", bind, rng, used)).ToList();
            words += items.Sum(s => s.Count(c => c == ' ') + 1);
            paragraphs.Add(new Paragraph(items, IsList: true));
        }
        else
        {
            Add("result");
            if (rng.Chance(0.5)) Add("result");
        }
        int target = rng.Int(120, 260);
        while (words < target - 25) Add(rng.Pick(FillPools));
        if (rng.Chance(0.5)) Add("analysis");
        if (rng.Chance(0.35)) Add("caveat");
        if (rng.Chance(0.45)) Add("why");
        Break();
        return paragraphs;
    }

    /// <summary>The summary again with one or two of its sentences (never the first) rewritten: a near-duplicate's.</summary>
    public static List<Paragraph> Reword(IReadOnlyList<Paragraph> summary, Func<string, string?> bind, Rng rng)
    {
        var copy = summary.Select(p => new Paragraph([.. p.Sentences], p.IsList)).ToList();
        var used = new HashSet<string>(copy.SelectMany(p => p.Sentences), StringComparer.Ordinal);
        var places = copy.SelectMany((p, i) => p.IsList ? [] : Enumerable.Range(0, p.Sentences.Count).Select(s => (i, s)))
            .Where(x => x != (0, 0)).ToList();
        foreach (var (p, s) in rng.Sample(places, rng.Int(1, 2)))
        {
            var sentences = copy[p].Sentences.ToList();
            sentences[s] = Fresh(rng.Chance(0.5) ? "how" : "result", bind, rng, used);
            copy[p] = copy[p] with { Sentences = sentences };
        }
        return copy;
    }

    /// <summary>
    /// A sentence from a template line of the pool this summary has not used yet (once all are used,
    /// any), and not a sentence it already has (a few tries).
    /// </summary>
    private static string Fresh(string pool, Func<string, string?> bind, Rng rng, HashSet<string> used)
    {
        var lines = Grammar.Lines(pool);
        var unused = lines.Where(l => !used.Contains(l)).ToList();
        var line = rng.Pick(unused.Count > 0 ? unused : lines);
        used.Add(line);
        string sentence = "";
        for (int attempt = 0; attempt < 6; attempt++)
        {
            sentence = Grammar.Capitalize(Grammar.Expand(line, bind, rng));
            if (used.Add(sentence)) break;
        }
        return sentence;
    }
}

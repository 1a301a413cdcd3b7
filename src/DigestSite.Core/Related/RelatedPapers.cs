using DigestSite.Lunr;
using DigestSite.Pages;
using DigestSite.Search;

namespace DigestSite.Related;

/// <summary>
/// Each paper's related papers: the archive's papers most similar to it, by the search index's terms
/// and BM25 weights (title, authors, topics and summary with their boosts, <see cref="TermWeights"/>)
/// and by shared authors and topics. Never all pairs: each paper is a vector of its weights, and only
/// papers that share one of its <see cref="TopTerms"/> heaviest terms, or an author, are candidates;
/// a term or an author that many papers share (more than <see cref="PostingCap"/>) proposes none, so the
/// work grows with the archive, not with its square. The best candidates by those shared terms are then
/// scored exactly. A paper of a series ("Kari", "Kari2", "Kari-v3: …") is also a candidate for the
/// others, although lunr sees other words in their names. Deterministic: every sum runs in a fixed
/// order and ties go by slug.
/// </summary>
public static class RelatedPapers
{
    /// <summary>At most this many related papers a paper.</summary>
    public const int Shown = 5;

    private const int TopTerms = 10;
    private const int PostingCap = 32;
    private const int Pool = 16;

    // A related paper's score: the cosine of the two weight vectors, plus these for the same series name, a shared
    // author and shared topics (their Jaccard index). Below MinScore a paper is not related at all.
    private const double SeriesBonus = 0.3;
    private const double AuthorBonus = 0.2;
    private const double TopicBonus = 0.1;
    private const double MinScore = 0.12;

    private static readonly int[] ShownFields = [0, 3]; // title and summary: the words a reason can name

    /// <summary>
    /// The tokens of a paper's title and summary (<see cref="AnalyzedText.Tokens"/> of its <see cref="PaperTerms"/>, at the
    /// positions of their terms): the words a reason can name.
    /// </summary>
    public sealed record Tokens(string[] Title, string[] Summary)
    {
        public static Tokens Of(PaperTerms terms) => new(terms.Fields[0].Tokens, terms.Fields[3].Tokens);
    }

    /// <summary>Every paper's related papers by slug, best first (a paper with none has an empty list).</summary>
    /// <param name="papers">The archive's papers, in archive order.</param>
    /// <param name="tokens">Their title's and summary's tokens, in the same order (the words a reason shows).</param>
    /// <param name="numbered">Their terms, numbered (<see cref="SiteModel.Terms"/>).</param>
    /// <param name="parallelism">Threads (-1: all cores); the result is the same for any number.</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<RelatedPaperView>> Find(IReadOnlyList<PaperView> papers, IReadOnlyList<Tokens> tokens,
        ArchiveTerms numbered, int parallelism = -1)
    {
        var threads = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        var weights = new TermWeights(numbered);
        var vectors = new Vector[papers.Count];
        // Each worker gathers a paper's weights in arrays of its own, kept from paper to paper: only the vector's are made for it.
        Parallel.For(0, papers.Count, threads, () => new Gathered(), (i, _, gathered) =>
        {
            vectors[i] = Vector.Of(numbered.Fields(i), weights, gathered);
            return gathered;
        }, _ => { });
        var series = papers.Select(p => Named(p.Title)).ToArray();
        var people = new Numbered(papers);
        var archive = new Candidates(vectors, series, people, weights.Count);

        var related = new IReadOnlyList<RelatedPaperView>[papers.Count];
        // Parallel.For starts a worker again every few dozen milliseconds, each asking for its scratch: handed on, not made again.
        var spare = new System.Collections.Concurrent.ConcurrentBag<Scratch>();
        Parallel.For(0, papers.Count, threads, () => spare.TryTake(out var kept) ? kept : new Scratch(weights.Count, papers.Count), (i, _, scratch) =>
        {
            related[i] = Best(i, papers, tokens, numbered, vectors, series, people, archive, scratch);
            return scratch;
        }, spare.Add);
        var bySlug = new Dictionary<string, IReadOnlyList<RelatedPaperView>>(papers.Count, StringComparer.Ordinal);
        for (int i = 0; i < papers.Count; i++) bySlug[papers[i].Slug] = related[i];
        return bySlug;
    }

    private static RelatedPaperView[] Best(int paper, IReadOnlyList<PaperView> papers, IReadOnlyList<Tokens> tokens, ArchiveTerms numbered, Vector[] vectors,
        (string Name, bool Versioned)?[] series, Numbered people, Candidates archive, Scratch scratch)
    {
        archive.For(paper, vectors[paper], series[paper]?.Name, scratch.Found);
        // The paper's weights spread over the vocabulary, so each candidate's cosine is one pass over its own terms.
        vectors[paper].Spread(scratch.Dense);
        var scored = scratch.Scored;
        scored.Clear();
        foreach (var (_, other) in Pooled(scratch.Found, scratch.Pooled))
        {
            double score = Score(people, paper, other, vectors[other], scratch.Dense) + (SameSeries(series[paper], series[other]) ? SeriesBonus : 0);
            if (score >= MinScore) scored.Add((score, other));
        }
        // Best first, ties by slug (slugs are unique: the order is total, whatever the sort).
        scored.Sort((x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : string.CompareOrdinal(papers[x.Other].Slug, papers[y.Other].Slug));
        var best = new RelatedPaperView[Math.Min(Shown, scored.Count)];
        for (int k = 0; k < best.Length; k++)
        {
            int other = scored[k].Other;
            best[k] = new RelatedPaperView(papers[other].Title, papers[other].Url,
                SameSeries(series[paper], series[other])
                    ? "same series: " + papers[paper].Title[..series[paper]!.Value.Name.Length]
                    : Reason(papers[paper], papers[other], tokens[paper], numbered.Fields(paper), Meet(people.Authors[paper], people.Authors[other]) > 0, scratch,
                        vectors[other]));
        }
        vectors[paper].Clear(scratch.Dense);
        return best;
    }

    /// <summary>The <see cref="Pool"/> candidates with the most shared weight (ties: archive order), to be scored exactly.</summary>
    /// <param name="best">Emptied, then given them and returned.</param>
    private static List<(double Shared, int Paper)> Pooled(Found found, List<(double Shared, int Paper)> best)
    {
        // The best few of a few hundred: kept in order as they come, rather than sorting them all.
        best.Clear();
        foreach (int other in found.Papers)
        {
            double shared = found.Shared[other];
            if (best.Count == Pool && !Before((shared, other), best[^1])) continue;
            int at = best.Count;
            while (at > 0 && Before((shared, other), best[at - 1])) at--;
            best.Insert(at, (shared, other));
            if (best.Count > Pool) best.RemoveAt(Pool);
        }
        return best;

        static bool Before((double Shared, int Paper) x, (double Shared, int Paper) y) => x.Shared > y.Shared || (x.Shared == y.Shared && x.Paper < y.Paper);
    }

    /// <param name="spread">The paper's weights, by term number.</param>
    private static double Score(Numbered people, int paper, int other, Vector b, double[] spread)
    {
        double score = b.Dot(spread);
        if (Meet(people.Authors[paper], people.Authors[other]) > 0) score += AuthorBonus;
        var topics = people.Topics[paper];
        var theirs = people.Topics[other];
        int sharedTopics = Meet(topics, theirs);
        if (sharedTopics > 0) score += TopicBonus * sharedTopics / (topics.Length + theirs.Length - sharedTopics);
        return score;
    }

    /// <summary>How many of <paramref name="mine"/> (each once) <paramref name="theirs"/> also has.</summary>
    private static int Meet(int[] mine, int[] theirs)
    {
        int count = 0;
        foreach (int x in mine)
            foreach (int y in theirs)
                if (x == y)
                {
                    count++;
                    break;
                }
        return count;
    }

    /// <summary>Why, in a few words: the shared authors; else the heaviest shared words of the title and summary; else the shared topics.</summary>
    /// <param name="shown">The paper's title and summary tokens.</param>
    /// <param name="numbered">The paper's terms, numbered.</param>
    /// <param name="sharedAuthor">Whether the two papers have an author in common (<see cref="Numbered"/>).</param>
    private static string Reason(PaperView paper, PaperView other, Tokens shown, IReadOnlyList<NumberedText> numbered, bool sharedAuthor, Scratch scratch, Vector b)
    {
        if (sharedAuthor)
        {
            var authors = new List<string>();
            foreach (var name in paper.Authors)
                foreach (var theirs in other.Authors)
                    if (name == theirs)
                    {
                        authors.Add(name);
                        break;
                    }
            return (authors.Count == 1 ? "same author: " : "same authors: ") + Names(authors);
        }

        var a = scratch.Dense;
        var words = scratch.Words;
        words.Clear();
        int mark = scratch.NextMark();
        foreach (int field in ShownFields)
        {
            var tokens = field == 0 ? shown.Title : shown.Summary;
            var ids = numbered[field].Words;
            for (int j = 0; j < ids.Length; j++)
            {
                int id = ids[j];
                if (scratch.Seen[id] == mark) continue;
                scratch.Seen[id] = mark;
                if (b.WeightOf(id) is not > 0.0 || Display(tokens[j]) is not { } word) continue;
                words.Add(word with { Weight = a[id] * b.WeightOf(id) });
            }
        }
        if (words.Count > 0)
        {
            // Only the words that weigh in: a word that many papers use ("models") adds little and says less.
            double heaviest = words.Max(w => w.Weight);
            Heaviest(words, heaviest / 6, scratch.Top);
            return "shared terms: " + string.Join(", ", scratch.Top.Select(w => w.Text.ToString()));
        }
        return "shared topics: " + string.Join(", ", paper.Topics.Where(t => other.Topics.Contains(t)).Select(t => t.Name));
    }

    /// <summary>The (at most) three heaviest words of at least <paramref name="least"/>, heaviest first, ties by word: picked as they come, not sorted.</summary>
    /// <param name="top">Emptied, then given them.</param>
    private static void Heaviest(List<Word> words, double least, List<Word> top)
    {
        const int Count = 3;
        top.Clear();
        foreach (var word in words)
        {
            if (word.Weight < least) continue;
            int at = top.Count;
            while (at > 0 && Before(word, top[at - 1])) at--;
            if (at == Count) continue;
            top.Insert(at, word);
            if (top.Count > Count) top.RemoveAt(Count);
        }

        static bool Before(Word x, Word y) => x.Weight > y.Weight || (x.Weight == y.Weight && x.Text.Span.SequenceCompareTo(y.Text.Span) < 0);
    }

    /// <summary>A word a reason may show (a part of a token, <see cref="Display"/>) and its weight: made a string only if shown.</summary>
    private readonly record struct Word(ReadOnlyMemory<char> Text, double Weight);

    /// <summary>
    /// The name a title gives its method before a colon, without its version ("Kari2: …", "Kari-v3: …",
    /// "Kari 2: …" are all "Kari"), lower-cased; null when the title has none (no colon, or more than a
    /// few words before it, or nothing but a version); and whether it had a version.
    /// </summary>
    private static (string Name, bool Versioned)? Named(string title)
    {
        int colon = title.IndexOf(':');
        if (colon <= 0) return null;
        var name = title[..colon].TrimEnd();
        if (name.Count(c => c == ' ') > 2) return null;
        int end = name.Length;
        while (end > 0 && (char.IsAsciiDigit(name[end - 1]) || name[end - 1] == '.')) end--;
        if (end < name.Length && end > 1 && name[end - 1] is 'v' or 'V' && name[end - 2] is '-' or ' ') end--;
        while (end > 0 && name[end - 1] is '-' or ' ') end--;
        var stem = name[..end];
        return stem.Count(char.IsLetter) >= 2 ? (stem.ToLowerInvariant(), end < name.Length) : null;
    }

    /// <summary>Two papers are of one series when their titles give the same name and one of them a version: "Kari" and "Kari2", not "Survey" and "Survey".</summary>
    private static bool SameSeries((string Name, bool Versioned)? a, (string Name, bool Versioned)? b) =>
        a is { } x && b is { } y && x.Name == y.Name && (x.Versioned || y.Versioned);

    private static string Names(List<string> names) =>
        names.Count <= 2 ? string.Join(", ", names) : $"{names[0]}, {names[1]} and {names.Count - 2} more";

    /// <summary>A word as a reason shows it: without the punctuation around it; none when it has no letter (a number, a sign).</summary>
    private static Word? Display(string token)
    {
        int start = 0, end = token.Length;
        while (start < end && !char.IsLetterOrDigit(token[start])) start++;
        while (end > start && !char.IsLetterOrDigit(token[end - 1])) end--;
        foreach (char c in token.AsSpan(start, end - start))
            if (char.IsLetter(c)) return new Word(token.AsMemory(start, end - start), 0);
        return null;
    }

    /// <summary>A paper's weights over the vocabulary, all fields summed, of length one; sorted by term number.</summary>
    private sealed class Vector(int[] ids, double[] weights)
    {
        public int[] Ids { get; } = ids;
        public double[] Weights { get; } = weights;

        /// <summary>The positions of the heaviest terms (ties: the lower term number).</summary>
        public int[] Top { get; } = TopOf(ids, weights);

        private static int[] TopOf(int[] ids, double[] weights)
        {
            // The best few of a few hundred, kept in order as they come, rather than sorting them all.
            var top = new int[Math.Min(TopTerms, ids.Length)];
            int count = 0;
            for (int i = 0; i < ids.Length; i++)
            {
                if (count == top.Length && !Before(i, top[count - 1], ids, weights)) continue;
                int at = count < top.Length ? count++ : count - 1;
                for (; at > 0 && Before(i, top[at - 1], ids, weights); at--) top[at] = top[at - 1];
                top[at] = i;
            }
            return top;

            static bool Before(int x, int y, int[] ids, double[] weights) => weights[x] > weights[y] || (weights[x] == weights[y] && ids[x] < ids[y]);
        }

        public static Vector Of(IReadOnlyList<NumberedText> fields, TermWeights weights, Gathered gathered)
        {
            int count = 0;
            foreach (var field in fields) count += field.Words.Length;
            var (ids, values) = gathered.Room(count);
            int n = 0;
            for (int f = 0; f < fields.Count; f++)
            {
                var field = fields[f];
                for (int j = 0; j < field.Words.Length; j++, n++)
                {
                    ids[n] = field.Words[j];
                    values[n] = weights.Weight(field, f, j);
                }
            }
            // A term of several fields becomes one element with its weights summed (Array.Sort orders equal
            // input the same way every time, so the sums are the same on every build).
            Array.Sort(ids, values, 0, count);
            int m = 0;
            for (int i = 0; i < count; i++)
            {
                if (m > 0 && ids[m - 1] == ids[i]) values[m - 1] += values[i];
                else
                {
                    ids[m] = ids[i];
                    values[m++] = values[i];
                }
            }
            double norm = 0;
            for (int i = 0; i < m; i++) norm += values[i] * values[i];
            norm = Math.Sqrt(norm);
            for (int i = 0; i < m; i++) values[i] = norm > 0 ? values[i] / norm : 0;
            return new Vector(ids[..m], values[..m]);
        }

        public double WeightOf(int id)
        {
            int at = Array.BinarySearch(Ids, id);
            return at >= 0 ? Weights[at] : 0;
        }

        /// <summary>The cosine with the vector spread over <paramref name="spread"/> (both have length one): the sum runs in this vector's term order.</summary>
        public double Dot(double[] spread)
        {
            double sum = 0;
            for (int i = 0; i < Ids.Length; i++) sum += Weights[i] * spread[Ids[i]];
            return sum;
        }

        public void Spread(double[] into)
        {
            for (int i = 0; i < Ids.Length; i++) into[Ids[i]] = Weights[i];
        }

        public void Clear(double[] spread)
        {
            foreach (int id in Ids) spread[id] = 0;
        }
    }

    /// <summary>One worker's arrays for a paper's weights before they are summed by term (<see cref="Vector.Of"/>), grown as needed.</summary>
    private sealed class Gathered
    {
        private int[] ids = [];
        private double[] values = [];

        /// <summary>The arrays, with room for at least <paramref name="count"/> elements.</summary>
        public (int[] Ids, double[] Values) Room(int count)
        {
            if (ids.Length < count) (ids, values) = (new int[count * 2], new double[count * 2]);
            return (ids, values);
        }
    }

    /// <summary>One thread's working memory: the candidates of the paper at hand, their scores, and its weights by term number.</summary>
    private sealed class Scratch(int vocabulary, int papers)
    {
        public Found Found { get; } = new(papers);
        public List<(double Shared, int Paper)> Pooled { get; } = new(Pool + 1);
        public List<(double Score, int Other)> Scored { get; } = [];
        public double[] Dense { get; } = new double[vocabulary];

        /// <summary>The words a reason weighs, and the heaviest of them (<see cref="Reason"/>).</summary>
        public List<Word> Words { get; } = [];
        public List<Word> Top { get; } = [];

        /// <summary>For each term number, the mark of the last reason that met it (<see cref="NextMark"/>).</summary>
        public int[] Seen { get; } = new int[vocabulary];

        private int mark;

        /// <summary>A mark no term of <see cref="Seen"/> has yet.</summary>
        public int NextMark() => ++mark;
    }

    /// <summary>The candidates of one paper: each with the part of its score found so far, by paper number, and the papers found, in the order found.</summary>
    private sealed class Found(int papers)
    {
        private readonly bool[] listed = new bool[papers];

        public double[] Shared { get; } = new double[papers];
        public List<int> Papers { get; } = [];

        public void Add(int paper, double part)
        {
            if (!listed[paper])
            {
                listed[paper] = true;
                Papers.Add(paper);
            }
            Shared[paper] += part;
        }

        public void Clear()
        {
            foreach (int paper in Papers)
            {
                Shared[paper] = 0;
                listed[paper] = false;
            }
            Papers.Clear();
        }
    }

    /// <summary>Each paper's authors (distinct, in the order it names them) and topics, as numbers: equal numbers, the same name or topic.</summary>
    private sealed class Numbered
    {
        public int[][] Authors { get; }
        public int[][] Topics { get; }

        /// <summary>How many different names: the authors' numbers are below it.</summary>
        public int AuthorCount { get; }

        public Numbered(IReadOnlyList<PaperView> papers)
        {
            var authorNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
            var topicNumbers = new Dictionary<TopicRef, int>();
            Authors = new int[papers.Count][];
            Topics = new int[papers.Count][];
            var distinct = new List<int>();
            for (int p = 0; p < papers.Count; p++)
            {
                distinct.Clear();
                foreach (var author in papers[p].Authors)
                {
                    int number = Number(authorNumbers, author);
                    if (!distinct.Contains(number)) distinct.Add(number);
                }
                Authors[p] = [.. distinct];
                var topics = papers[p].Topics;
                Topics[p] = new int[topics.Count];
                for (int t = 0; t < topics.Count; t++) Topics[p][t] = Number(topicNumbers, topics[t]);
            }
            AuthorCount = authorNumbers.Count;
        }

        private static int Number<T>(Dictionary<T, int> numbers, T key) where T : notnull
        {
            ref int number = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(numbers, key, out bool known);
            if (!known) number = numbers.Count - 1;
            return number;
        }
    }

    /// <summary>Which papers hold each term among their heaviest, and which papers each author wrote: where candidates come from.</summary>
    private sealed class Candidates
    {
        private readonly (int Paper, double Weight)[]?[] byTerm;
        private readonly Numbered numbered;
        private readonly List<int>?[] byAuthor;
        private readonly Dictionary<string, List<int>> bySeries = new(StringComparer.Ordinal);

        public Candidates(Vector[] vectors, (string Name, bool Versioned)?[] series, Numbered numbered, int vocabulary)
        {
            this.numbered = numbered;
            // Each term's papers in paper order, in an array of its exact length (counted first).
            var counts = new int[vocabulary];
            foreach (var vector in vectors)
                foreach (int i in vector.Top) counts[vector.Ids[i]]++;
            byTerm = new (int, double)[]?[vocabulary];
            for (int p = 0; p < vectors.Length; p++)
                foreach (int i in vectors[p].Top)
                {
                    int id = vectors[p].Ids[i];
                    var posting = byTerm[id] ??= new (int, double)[counts[id]];
                    posting[posting.Length - counts[id]--] = (p, vectors[p].Weights[i]);
                }
            byAuthor = new List<int>?[numbered.AuthorCount];
            for (int p = 0; p < vectors.Length; p++)
            {
                foreach (int author in numbered.Authors[p]) (byAuthor[author] ??= []).Add(p);
                if (series[p]?.Name is { } name)
                {
                    if (!bySeries.TryGetValue(name, out var list)) bySeries[name] = list = [];
                    list.Add(p);
                }
            }
        }

        /// <summary>The candidates for <paramref name="paper"/> into <paramref name="found"/> (cleared first), each with the part of its score its heaviest shared terms, authors and name make.</summary>
        public void For(int paper, Vector vector, string? series, Found found)
        {
            found.Clear();
            foreach (int i in vector.Top)
            {
                var posting = byTerm[vector.Ids[i]]!;
                if (posting.Length > PostingCap) continue;
                foreach (var (other, weight) in posting)
                    if (other != paper) found.Add(other, vector.Weights[i] * weight);
            }
            foreach (int author in numbered.Authors[paper])
            {
                var wrote = byAuthor[author]!;
                if (wrote.Count > PostingCap) continue;
                foreach (int other in wrote)
                    if (other != paper) found.Add(other, AuthorBonus);
            }
            // Candidates by name (whether versioned or not, the exact score decides), unless the name is common.
            if (series is not null && bySeries[series] is { Count: <= PostingCap } named)
                foreach (int other in named)
                    if (other != paper) found.Add(other, SeriesBonus);
        }
    }
}

using System.Runtime.InteropServices;
using DigestSite.Lunr;
using DigestSite.Search;

namespace DigestSite.Related;

/// <summary>
/// The archive's vocabulary and lunr's BM25 weights over it: each term of a paper's field weighs what
/// the search index's field vector holds for it (lunr.Builder.createFieldVectors: k1 = 1.2, b = 0.75,
/// idf over (field, paper) pairs, the field's boost, three decimals). Terms are numbered in archive
/// order, so the numbers are the same on every build of the same archive.
/// </summary>
public sealed class TermWeights
{
    private const double K1 = 1.2, B = 0.75;

    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly double[] idf;
    private readonly double[] averageLength;

    /// <summary>For each paper and field, the number of each of the field's terms.</summary>
    private readonly int[][][] termIds;

    public TermWeights(IReadOnlyList<PaperTerms> papers)
    {
        int fieldCount = SearchIndex.Fields.Length;
        var withTerm = new List<int>();
        var lengthSums = new long[fieldCount];
        termIds = new int[papers.Count][][];
        for (int p = 0; p < papers.Count; p++)
        {
            termIds[p] = new int[fieldCount][];
            for (int f = 0; f < fieldCount; f++)
            {
                var field = papers[p].Fields[f];
                lengthSums[f] += field.Length;
                var numbers = termIds[p][f] = new int[field.Terms.Length];
                for (int j = 0; j < numbers.Length; j++)
                {
                    ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, field.Terms[j], out bool known);
                    if (!known)
                    {
                        id = withTerm.Count;
                        withTerm.Add(0);
                    }
                    withTerm[id]++;
                    numbers[j] = id;
                }
            }
        }
        // lunr.idf: documentsWithTerm counts (field, document) pairs, not documents.
        int n = papers.Count;
        idf = withTerm.Select(count => JsMath.Log(1 + Math.Abs((n - count + 0.5) / (count + 0.5)))).ToArray();
        averageLength = lengthSums.Select(sum => (double)sum / n).ToArray();
    }

    /// <summary>How many distinct terms the archive has.</summary>
    public int Count => idf.Length;

    /// <summary>The number of <paramref name="paper"/>'s <paramref name="field"/>'s term <paramref name="index"/> in the vocabulary.</summary>
    public int Id(int paper, int field, int index) => termIds[paper][field][index];

    /// <summary>The weight of term <paramref name="index"/> of paper <paramref name="paper"/>'s field <paramref name="field"/> (<paramref name="terms"/>): lunr's, to the bit.</summary>
    public double Weight(PaperTerms terms, int paper, int field, int index)
    {
        var fieldTerms = terms.Fields[field];
        double tf = fieldTerms.Counts[index];
        double fieldLength = fieldTerms.Length;
        // The same expression, in the same order, as LunrIndexBuilder's (and lunr.js's).
        double score = idf[termIds[paper][field][index]] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (fieldLength / averageLength[field])) + tf);
        score *= SearchIndex.Fields[field].Boost;
        return JsNumber.Round(score * 1000) / 1000;
    }
}

using DigestSite.Lunr;
using DigestSite.Search;

namespace DigestSite.Related;

/// <summary>
/// lunr's BM25 weights over the archive's vocabulary (<see cref="ArchiveTerms"/>): each term of a paper's
/// field weighs what the search index's field vector holds for it (lunr.Builder.createFieldVectors:
/// k1 = 1.2, b = 0.75, idf over (field, paper) pairs, the field's boost, three decimals).
/// </summary>
public sealed class TermWeights
{
    private const double K1 = 1.2, B = 0.75;

    private readonly double[] idf;
    private readonly double[] averageLength;

    public TermWeights(ArchiveTerms terms)
    {
        int fieldCount = SearchIndex.Fields.Length;
        var withTerm = new int[terms.Words.Count];
        var lengthSums = new long[fieldCount];
        for (int p = 0; p < terms.Count; p++)
        {
            var fields = terms.Fields(p);
            for (int f = 0; f < fieldCount; f++)
            {
                lengthSums[f] += fields[f].Length;
                foreach (int id in fields[f].Words) withTerm[id]++;
            }
        }
        // lunr.idf: documentsWithTerm counts (field, document) pairs, not documents.
        int n = terms.Count;
        idf = Array.ConvertAll(withTerm, count => JsMath.Log(1 + Math.Abs((n - count + 0.5) / (count + 0.5))));
        averageLength = Array.ConvertAll(lengthSums, sum => (double)sum / n);
    }

    /// <summary>How many distinct terms the archive has.</summary>
    public int Count => idf.Length;

    /// <summary>The weight of term <paramref name="index"/> of a paper's field number <paramref name="field"/> (<paramref name="fieldTerms"/>): lunr's, to the bit.</summary>
    public double Weight(NumberedText fieldTerms, int field, int index)
    {
        double tf = fieldTerms.Counts[index];
        double fieldLength = fieldTerms.Length;
        // The same expression, in the same order, as LunrIndexBuilder's (and lunr.js's).
        double score = idf[fieldTerms.Words[index]] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (fieldLength / averageLength[field])) + tf);
        score *= SearchIndex.Fields[field].Boost;
        return JsNumber.Round(score * 1000) / 1000;
    }
}

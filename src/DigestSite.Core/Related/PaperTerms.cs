using DigestSite.Lunr;
using DigestSite.Pages;
using DigestSite.Search;

namespace DigestSite.Related;

/// <summary>
/// A paper's terms as the search index analyses them: the texts of <see cref="SearchIndex.FieldTexts"/>
/// through lunr's tokenizer and pipeline (trimmer, stop words, stemmer). Computed from the paper's
/// view alone, so serve keeps it for as long as it keeps the view.
/// </summary>
/// <param name="Fields">One entry for each of <see cref="SearchIndex.Fields"/>, in that order.</param>
public sealed record PaperTerms(IReadOnlyList<FieldTerms> Fields)
{
    public static PaperTerms Of(PaperView paper, LunrTextAnalyzer analyzer)
    {
        var tokens = new List<(string Token, string Term)>();
        return new(Array.ConvertAll(SearchIndex.FieldTexts(paper), text =>
        {
            tokens.Clear();
            analyzer.Analyze(text, tokens);
            return FieldTerms.Of(tokens);
        }));
    }
}

/// <summary>One field's distinct terms (in the order the text first has them), how often each occurs, and the field's length in terms, as lunr counts them.</summary>
/// <param name="Words">For each term, the first word of the text that gave it: what a reason shows ("retrieval", not the stem "retriev").</param>
public sealed record FieldTerms(string[] Terms, int[] Counts, string[] Words, int Length)
{
    public static FieldTerms Of(List<(string Token, string Term)> tokens)
    {
        // The analyzer gives one string instance for each term: compare them by reference.
        var index = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        var terms = new List<string>();
        var counts = new List<int>();
        var words = new List<string>();
        foreach (var (token, term) in tokens)
        {
            if (index.TryGetValue(term, out int at))
            {
                counts[at]++;
                continue;
            }
            index[term] = terms.Count;
            terms.Add(term);
            counts.Add(1);
            words.Add(token);
        }
        return new FieldTerms([.. terms], [.. counts], [.. words], tokens.Count);
    }
}

/// <summary>
/// Each paper's terms, kept with its view by a long-running process (serve): after an edit only the
/// changed papers are analysed again. A view is immutable and its terms depend on it alone, so they
/// live exactly as long as the view does.
/// </summary>
public sealed class PaperTermsCache
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<PaperView, PaperTerms> terms = new();

    internal PaperTerms Get(PaperView paper, LunrTextAnalyzer analyzer) =>
        terms.TryGetValue(paper, out var kept) ? kept : terms.GetValue(paper, p => PaperTerms.Of(p, analyzer));
}

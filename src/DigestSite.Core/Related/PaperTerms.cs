using System.Collections.Concurrent;
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
    public static PaperTerms Of(PaperView paper, TermPipeline pipeline) =>
        new(Array.ConvertAll(SearchIndex.FieldTexts(paper), text => FieldTerms.Of(text, pipeline)));
}

/// <summary>One field's distinct terms (in ordinal order), how often each occurs, and the field's length in terms, as lunr counts them.</summary>
/// <param name="Words">For each term, the first word of the text that gave it: what a reason shows ("retrieval", not the stem "retriev").</param>
public sealed record FieldTerms(string[] Terms, int[] Counts, string[] Words, int Length)
{
    public static FieldTerms Of(string text, TermPipeline pipeline)
    {
        var found = new Dictionary<string, (int Count, string Word)>(StringComparer.Ordinal);
        int length = 0;
        foreach (var token in Tokenizer.Tokenize(text))
        {
            if (pipeline.Term(token) is not { } term) continue;
            length++;
            found[term] = found.TryGetValue(term, out var seen) ? (seen.Count + 1, seen.Word) : (1, token);
        }
        var terms = found.Keys.ToArray();
        Array.Sort(terms, StringComparer.Ordinal);
        return new FieldTerms(terms, Array.ConvertAll(terms, t => found[t].Count), Array.ConvertAll(terms, t => found[t].Word), length);
    }
}

/// <summary>
/// lunr's pipeline for one token, remembered for the tokens already seen (its result depends on the
/// token alone, and an archive repeats the same few thousand words): one for each computation of
/// related papers, shared by its threads.
/// </summary>
public sealed class TermPipeline
{
    private readonly ConcurrentDictionary<string, string?> terms = new(StringComparer.Ordinal);

    /// <summary>The term lunr indexes for a lowercased token, or null when it is a stop word.</summary>
    public string? Term(string token) => terms.TryGetValue(token, out var term) ? term : terms.GetOrAdd(token, LunrPipeline.Run(token));
}

/// <summary>
/// Each paper's terms, kept with its view by a long-running process (serve): after an edit only the
/// changed papers are analysed again. A view is immutable and its terms depend on it alone, so they
/// live exactly as long as the view does.
/// </summary>
public sealed class PaperTermsCache
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<PaperView, PaperTerms> terms = new();

    internal PaperTerms Get(PaperView paper, TermPipeline pipeline) =>
        terms.TryGetValue(paper, out var kept) ? kept : terms.GetValue(paper, p => PaperTerms.Of(p, pipeline));
}

using DigestSite.Lunr;
using DigestSite.Pages;

namespace DigestSite.Search;

/// <summary>
/// A paper's terms as the search index analyses them: the texts of <see cref="SearchIndex.FieldTexts"/>
/// through lunr's tokenizer and pipeline (trimmer, stop words, stemmer). Made once a build (in the model),
/// for both the search index and related papers; computed from the paper's view alone, so serve keeps
/// it for as long as it keeps the view.
/// </summary>
/// <param name="Fields">One entry for each of <see cref="SearchIndex.Fields"/>, in that order.</param>
public sealed record PaperTerms(IReadOnlyList<AnalyzedText> Fields)
{
    public static PaperTerms Of(PaperView paper, LunrTextAnalyzer analyzer) =>
        new(Array.ConvertAll(SearchIndex.FieldTexts(paper), analyzer.Analyze));
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

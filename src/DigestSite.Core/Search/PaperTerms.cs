using DigestSite.Lunr;
using DigestSite.Pages;

namespace DigestSite.Search;

/// <summary>
/// A paper's terms as the search index analyses them: the texts of <see cref="SearchIndex.FieldTexts"/>
/// through lunr's tokenizer and pipeline (trimmer, stop words, stemmer). Made once a build (in the model),
/// for both the search index and related papers.
/// </summary>
/// <param name="Fields">One entry for each of <see cref="SearchIndex.Fields"/>, in that order.</param>
public sealed record PaperTerms(IReadOnlyList<AnalyzedText> Fields)
{
    /// <summary>
    /// The title's and summary's terms come with the rendered paper (kept between builds, as the file's own);
    /// the authors' and topics' are analysed now: the author registry and the topics' names, which other
    /// files hold, change them.
    /// </summary>
    public static PaperTerms Of(PaperView paper, RenderedPaper rendered, LunrTextAnalyzer analyzer) =>
        new([rendered.TitleTerms, analyzer.Analyze(SearchIndex.AuthorsField(paper)), analyzer.Analyze(SearchIndex.TopicsField(paper)), rendered.SummaryTerms]);
}

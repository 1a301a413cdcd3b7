namespace DigestSite.Lunr;

/// <summary>
/// The terms <see cref="LunrIndexBuilder"/> indexes of a text (lunr.tokenizer, then the default
/// pipeline), for programs that compare documents by the index's own terms and give the builder
/// the same analysis. Thread-safe: each distinct token goes through the pipeline about once however
/// many threads analyse texts.
/// </summary>
public sealed class LunrTextAnalyzer : IDisposable
{
    private readonly TermAnalyzer _analyzer = new(1);

    /// <summary>
    /// <paramref name="value"/>'s terms, counted. Equal tokens and equal terms are the same string
    /// instances, for every text this analyzer analyses.
    /// </summary>
    public AnalyzedText Analyze(string? value) => _analyzer.AnalyzeText(value);

    public void Dispose() => _analyzer.Dispose();
}

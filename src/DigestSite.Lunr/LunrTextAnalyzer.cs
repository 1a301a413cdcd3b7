namespace DigestSite.Lunr;

/// <summary>
/// The terms <see cref="LunrIndexBuilder"/> indexes of a text (lunr.tokenizer, then the default
/// pipeline), for programs that compare documents by the index's own terms. Thread-safe: each
/// distinct token goes through the pipeline about once however many threads analyse texts.
/// </summary>
public sealed class LunrTextAnalyzer : IDisposable
{
    private readonly TermAnalyzer _analyzer = new(1);

    /// <summary>
    /// Appends to <paramref name="into"/>, in text order, each token of <paramref name="value"/> the pipeline
    /// keeps (lowercased, as the tokenizer split it) with the term indexed for it. Equal tokens and equal
    /// terms are the same string instances.
    /// </summary>
    public void Analyze(string? value, List<(string Token, string Term)> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        _analyzer.Analyze(value, into);
    }

    public void Dispose() => _analyzer.Dispose();
}

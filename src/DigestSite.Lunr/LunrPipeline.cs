namespace DigestSite.Lunr;

/// <summary>
/// The default lunr indexing pipeline, <c>trimmer → stopWordFilter → stemmer</c>, as set up by the
/// <c>lunr()</c> convenience function. The search pipeline (serialized as <c>["stemmer"]</c>) only stems.
/// </summary>
public static class LunrPipeline
{
    /// <summary>The serialized search pipeline lunr writes into the index.</summary>
    public static IReadOnlyList<string> SearchPipelineLabels { get; } = ["stemmer"];

    /// <summary>
    /// The term lunr indexes for one lowercased token, or null when the stop word filter drops it.
    /// The result can be "" (a token made only of non-word characters): lunr indexes it.
    /// </summary>
    public static string? Run(string token) => Run(token.AsSpan(), token);

    internal static string? Run(ReadOnlySpan<char> token, string? tokenString)
    {
        var trimmed = Trimmer.Trim(token);
        if (StopWordFilter.IsStopWord(trimmed)) return null;
        string s = tokenString is not null && trimmed.Length == token.Length ? tokenString : trimmed.ToString();
        return PorterStemmer.Stem(s);
    }
}

namespace DigestSite.Lunr;

/// <summary>lunr.stopWordFilter: drops tokens that are exactly one of lunr's English stop words.</summary>
public static class StopWordFilter
{
    /// <summary>The stop words of lunr.stopWordFilter, in lunr's order.</summary>
    public static IReadOnlyList<string> Words { get; } =
    [
        "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and",
        "any", "are", "as", "at", "be", "because", "been", "but", "by", "can", "cannot", "could", "dear",
        "did", "do", "does", "either", "else", "ever", "every", "for", "from", "get", "got", "had", "has",
        "have", "he", "her", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it",
        "its", "just", "least", "let", "like", "likely", "may", "me", "might", "most", "must", "my",
        "neither", "no", "nor", "not", "of", "off", "often", "on", "only", "or", "other", "our", "own",
        "rather", "said", "say", "says", "she", "should", "since", "so", "some", "than", "that", "the",
        "their", "them", "then", "there", "these", "they", "this", "tis", "to", "too", "twas", "us",
        "wants", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "would", "yet", "you", "your",
    ];

    private static readonly HashSet<string> Set = new(Words, StringComparer.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpanLookup =
        Set.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True if lunr.stopWordFilter removes <paramref name="token"/>.</summary>
    public static bool IsStopWord(ReadOnlySpan<char> token) => token.Length <= 8 && SpanLookup.Contains(token);

    /// <summary>True if lunr.stopWordFilter removes <paramref name="token"/>.</summary>
    public static bool IsStopWord(string token) => IsStopWord(token.AsSpan());
}

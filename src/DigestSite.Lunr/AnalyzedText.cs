namespace DigestSite.Lunr;

/// <summary>
/// A text as lunr's tokenizer and default pipeline leave it, counted: its distinct terms in the order
/// the text first has them, how often each occurs, and for each the first token that gave it. All a
/// <see cref="LunrIndexBuilder"/> reads of a field (<see cref="LunrIndexBuilder.Add(string, IReadOnlyList{AnalyzedText?}, double)"/>),
/// so a program that needs the terms for itself too analyses each text once, and can keep the result.
/// </summary>
public sealed class AnalyzedText
{
    /// <summary>No terms: an empty or missing text, or one of stop words only.</summary>
    public static AnalyzedText Empty { get; } = new([], [], []);

    /// <param name="terms">Distinct terms, in order of first occurrence.</param>
    /// <param name="counts">How often each term occurs (at least once).</param>
    /// <param name="tokens">For each term, the first token (lowercased, as the tokenizer split it) that gave it.</param>
    /// <exception cref="ArgumentException">The three do not have one entry for each term, or a count is under one.</exception>
    public AnalyzedText(string[] terms, int[] counts, string[] tokens)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(tokens);
        if (counts.Length != terms.Length || tokens.Length != terms.Length) throw new ArgumentException("One count and one token for each term.");
        int length = 0;
        foreach (int count in counts) length += count >= 1 ? count : throw new ArgumentException("A term occurs at least once.", nameof(counts));
        Terms = terms;
        Counts = counts;
        Tokens = tokens;
        Length = length;
    }

    /// <summary>Distinct terms, in order of first occurrence.</summary>
    public string[] Terms { get; }

    /// <summary>How often each of <see cref="Terms"/> occurs.</summary>
    public int[] Counts { get; }

    /// <summary>For each of <see cref="Terms"/>, the first token that gave it ("retrieval" for "retriev").</summary>
    public string[] Tokens { get; }

    /// <summary>The text's length in terms, as lunr counts a field's length (every token the pipeline keeps).</summary>
    public int Length { get; }
}

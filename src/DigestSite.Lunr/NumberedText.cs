namespace DigestSite.Lunr;

/// <summary>
/// An analysed text (<see cref="AnalyzedText"/>) with its terms as numbers of a vocabulary instead of
/// strings: what a <see cref="LunrIndexBuilder"/> made with that vocabulary reads of a field
/// (<see cref="LunrIndexBuilder.Add(string, IReadOnlyList{NumberedText?}, double)"/>). A program that
/// numbers its terms once, for its own use, gives the builder the same numbers.
/// </summary>
public sealed class NumberedText
{
    /// <summary>No terms.</summary>
    public static NumberedText Empty { get; } = new([], []);

    /// <param name="words">The distinct terms' numbers in the vocabulary, in order of first occurrence.</param>
    /// <param name="counts">How often each term occurs (at least once).</param>
    /// <exception cref="ArgumentException">Not one count for each term, or a count under one.</exception>
    public NumberedText(int[] words, int[] counts)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Length != words.Length) throw new ArgumentException("One count for each term.", nameof(counts));
        int length = 0;
        foreach (int count in counts) length += count >= 1 ? count : throw new ArgumentException("A term occurs at least once.", nameof(counts));
        Words = words;
        Counts = counts;
        Length = length;
    }

    /// <summary>The distinct terms' numbers, in order of first occurrence.</summary>
    public int[] Words { get; }

    /// <summary>How often each of <see cref="Words"/> occurs.</summary>
    public int[] Counts { get; }

    /// <summary>The text's length in terms, as lunr counts a field's length.</summary>
    public int Length { get; }
}

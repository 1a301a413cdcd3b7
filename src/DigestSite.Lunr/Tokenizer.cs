namespace DigestSite.Lunr;

/// <summary>
/// lunr.tokenizer for string values: lowercases the whole value (JS toLowerCase, so Final_Sigma
/// sees the whole string) and splits it on <c>lunr.tokenizer.separator = /[\s\-]+/</c>, keeping
/// the non-empty slices.
/// </summary>
public static class Tokenizer
{
    /// <summary>A separator character of lunr.tokenizer: JS <c>\s</c> or '-'.</summary>
    public static bool IsSeparator(char c) => c == '-' || (c > ' ' ? c >= '\u00A0' && JsString.IsWhiteSpace(c) : c == ' ' || (uint)(c - '\t') <= '\r' - '\t');

    /// <summary>The tokens lunr.tokenizer makes of <paramref name="value"/> (none for null).</summary>
    public static List<string> Tokenize(string? value)
    {
        var tokens = new List<string>();
        if (value is null) return tokens;
        string lower = JsString.ToLowerCase(value);
        var ranges = new List<Range>();
        Split(lower, ranges);
        foreach (var r in ranges) tokens.Add(lower[r]);
        return tokens;
    }

    /// <summary>Appends the ranges of the tokens of an already lowercased string to <paramref name="tokens"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static void Split(string lower, List<Range> tokens)
    {
        int start = 0;
        for (int i = 0; i < lower.Length; i++)
        {
            if (IsSeparator(lower[i]))
            {
                if (i > start) tokens.Add(new Range(start, i));
                start = i + 1;
            }
        }
        if (lower.Length > start) tokens.Add(new Range(start, lower.Length));
    }
}

namespace DigestSite.Lunr;

/// <summary>
/// lunr.trimmer: <c>s.replace(/^\W+/, '').replace(/\W+$/, '')</c>. JS <c>\W</c> is everything but
/// ASCII [A-Za-z0-9_], so "café" becomes "caf" and an all-punctuation token becomes "" — which lunr
/// then indexes as the empty term (lunr.Pipeline.run only drops null/undefined tokens).
/// </summary>
public static class Trimmer
{
    /// <summary>The token with leading and trailing non-word code units removed.</summary>
    public static string Trim(string token)
    {
        var trimmed = Trim(token.AsSpan());
        return trimmed.Length == token.Length ? token : trimmed.ToString();
    }

    /// <summary>Span version of <see cref="Trim(string)"/>.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> token)
    {
        int start = 0;
        while (start < token.Length && !JsString.IsWordChar(token[start])) start++;
        int end = token.Length;
        while (end > start && !JsString.IsWordChar(token[end - 1])) end--;
        return token[start..end];
    }
}

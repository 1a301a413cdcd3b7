using System.Collections.Concurrent;

namespace DigestSite.Lunr;

/// <summary>
/// Turns field values into terms: lunr.tokenizer then the default pipeline. The pipeline result
/// depends only on the lowercased token, so it is memoized per distinct token (thread-safe, so
/// documents can be analyzed in parallel), and equal terms share one <see cref="Term"/>.
/// </summary>
internal sealed class TermAnalyzer
{
    private readonly int _fieldCount;
    private readonly ConcurrentDictionary<string, Term?> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Term?>.AlternateLookup<ReadOnlySpan<char>> _tokenLookup;
    private readonly ConcurrentDictionary<string, Term> _terms = new(StringComparer.Ordinal);

    [ThreadStatic] private static List<Range>? t_ranges;
    [ThreadStatic] private static List<Term>? t_terms;

    public TermAnalyzer(int fieldCount)
    {
        _fieldCount = fieldCount;
        _tokenLookup = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The terms lunr's pipeline leaves of <paramref name="value"/>, in token order.</summary>
    public Term[] Analyze(string? value)
    {
        if (string.IsNullOrEmpty(value)) return [];
        string lower = JsString.ToLowerCase(value);
        var ranges = t_ranges ??= new List<Range>();
        var terms = t_terms ??= new List<Term>();
        ranges.Clear();
        terms.Clear();
        Tokenizer.Split(lower, ranges);
        foreach (var range in ranges)
        {
            var token = lower.AsSpan()[range];
            if (!_tokenLookup.TryGetValue(token, out var term))
            {
                string tokenString = token.ToString();
                string? text = LunrPipeline.Run(tokenString);
                term = text is null ? null : _terms.GetOrAdd(text, static (t, n) => new Term(t, n), _fieldCount);
                _tokens.TryAdd(tokenString, term);
            }
            if (term is not null) terms.Add(term);
        }
        return terms.ToArray();
    }
}

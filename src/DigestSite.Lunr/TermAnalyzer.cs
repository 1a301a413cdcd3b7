using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DigestSite.Lunr;

/// <summary>
/// Turns field values into terms: lunr.tokenizer then the default pipeline. The pipeline result
/// depends only on the lowercased token, so it is memoized per distinct token: first in a
/// per-thread dictionary (no contention), then in a shared one (each token is stemmed about once
/// however many threads analyze documents). Equal terms share one <see cref="Term"/>.
/// </summary>
internal sealed class TermAnalyzer : IDisposable
{
    private static readonly Term NoTerm = new("", 0); // cached "dropped by the stop word filter"

    private readonly int _fieldCount;
    private readonly ConcurrentDictionary<string, Term> _sharedTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Term> _terms = new(StringComparer.Ordinal);
    private readonly ThreadLocal<LocalState> _local = new(() => new LocalState());

    private sealed class LocalState
    {
        public readonly Dictionary<string, Term> Tokens = new(StringComparer.Ordinal);
        public readonly Dictionary<string, Term>.AlternateLookup<ReadOnlySpan<char>> Lookup;
        public readonly List<Range> Ranges = [];
        public readonly List<Term> Terms = [];
        public readonly List<int> Counts = [];
        public readonly List<string> FirstTokens = [];
        public readonly Dictionary<Term, int> Seen = new(ReferenceEqualityComparer.Instance);

        public LocalState() => Lookup = Tokens.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public TermAnalyzer(int fieldCount) => _fieldCount = fieldCount;

    public void Dispose() => _local.Dispose();

    /// <summary>The terms lunr's pipeline leaves of <paramref name="value"/>, in token order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Term[] Analyze(string? value)
    {
        if (string.IsNullOrEmpty(value)) return [];
        string lower = JsString.ToLowerCase(value);
        var local = _local.Value!;
        var ranges = local.Ranges;
        var terms = local.Terms;
        ranges.Clear();
        terms.Clear();
        Tokenizer.Split(lower, ranges);
        foreach (var range in ranges)
        {
            var token = lower.AsSpan()[range];
            if (!local.Lookup.TryGetValue(token, out var term)) term = Miss(local, token.ToString());
            if (!ReferenceEquals(term, NoTerm)) terms.Add(term);
        }
        return terms.ToArray();
    }

    /// <summary>
    /// As <see cref="Analyze"/>, counted: the distinct terms in order of first occurrence, with their counts and
    /// the first token of each. The strings are shared, one instance for each distinct token and term.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public AnalyzedText AnalyzeText(string? value)
    {
        if (string.IsNullOrEmpty(value)) return AnalyzedText.Empty;
        string lower = JsString.ToLowerCase(value);
        var local = _local.Value!;
        var ranges = local.Ranges;
        var terms = local.Terms;
        var counts = local.Counts;
        var tokens = local.FirstTokens;
        var seen = local.Seen;
        ranges.Clear();
        terms.Clear();
        counts.Clear();
        tokens.Clear();
        seen.Clear();
        Tokenizer.Split(lower, ranges);
        foreach (var range in ranges)
        {
            var span = lower.AsSpan()[range];
            if (!local.Lookup.TryGetValue(span, out var token, out var term))
            {
                token = span.ToString();
                term = Miss(local, token);
            }
            if (ReferenceEquals(term, NoTerm)) continue;
            ref int at = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, term, out bool known);
            if (known)
            {
                CollectionsMarshal.AsSpan(counts)[at]++;
                continue;
            }
            at = terms.Count;
            terms.Add(term);
            counts.Add(1);
            tokens.Add(token);
        }
        if (terms.Count == 0) return AnalyzedText.Empty;
        var texts = new string[terms.Count];
        for (int i = 0; i < texts.Length; i++) texts[i] = terms[i].Text;
        return new AnalyzedText(texts, [.. counts], [.. tokens]);
    }

    /// <summary>The term whose text is <paramref name="text"/>, as <see cref="Analyze"/> gives it (one for each text).</summary>
    public Term TermOf(string text) => _terms.GetOrAdd(text, static (t, n) => new Term(t, n), _fieldCount);

    private Term Miss(LocalState local, string token)
    {
        if (!_sharedTokens.TryGetValue(token, out var term))
        {
            string? text = LunrPipeline.Run(token);
            term = text is null ? NoTerm : TermOf(text);
            term = _sharedTokens.GetOrAdd(token, term);
        }
        local.Tokens.Add(token, term);
        return term;
    }
}

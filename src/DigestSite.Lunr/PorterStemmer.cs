using System.Runtime.CompilerServices;

namespace DigestSite.Lunr;

/// <summary>
/// lunr.stemmer: lunr's Porter stemmer (from tartarus.org/~martin/PorterStemmer/js.txt), reproduced
/// regex by regex with its quirks: y is a vowel in <c>v = [aeiouy]</c> yet also matches
/// <c>c = [^aeiou]</c>, any non-ASCII code unit is a consonant, a leading 'y' is uppercased while
/// stemming. The regexes are evaluated without a regex engine (the stemmer is the hot part of
/// indexing, and regexes are slow before the JIT warms up):
/// <list type="bullet">
/// <item>the measure tests (mgr0, meq1, mgr1, s_v, the cvc tests) are simulated as the small
/// automata they are, so each matches exactly the language of the JS regex;</item>
/// <item>the <c>^(.+?)(suffix|…)$</c> tests take, like the lazy group, the longest listed suffix that
/// leaves a non-empty stem; JS <c>.</c> rejects line terminators, so a stem containing one never matches.</item>
/// </list>
/// </summary>
public static class PorterStemmer
{
    // Character classes of lunr's stemmer regexes.
    private const byte NotAeiou = 0;   // c = [^aeiou]
    private const byte NotAeiouy = 1;  // [^aeiouy], the rest of a consonant sequence C
    private const byte Aeiouy = 2;     // v = [aeiouy]
    private const byte Aeiou = 3;      // [aeiou], the rest of a vowel sequence V
    private const byte NotAeiouwxy = 4; // [^aeiouwxy]

    private readonly record struct Item(byte Class, bool Star);

    // Every pattern starts with the optional group (C)? = (c[^aeiouy]*)?, items 0 and 1.
    private static readonly Item[] Mgr0 = [new(NotAeiou, false), new(NotAeiouy, true), new(Aeiouy, false), new(Aeiou, true), new(NotAeiou, false)];
    private static readonly Item[] Mgr1 =
    [
        new(NotAeiou, false), new(NotAeiouy, true), new(Aeiouy, false), new(Aeiou, true), new(NotAeiou, false),
        new(NotAeiouy, true), new(Aeiouy, false), new(Aeiou, true), new(NotAeiou, false),
    ];
    private static readonly Item[] Meq1 =
    [
        new(NotAeiou, false), new(NotAeiouy, true), new(Aeiouy, false), new(Aeiou, true), new(NotAeiou, false),
        new(NotAeiouy, true), new(Aeiouy, false), new(Aeiou, true),
    ];
    private static readonly Item[] SV = [new(NotAeiou, false), new(NotAeiouy, true), new(Aeiouy, false)];
    private static readonly Item[] Cvc = [new(NotAeiou, false), new(NotAeiouy, true), new(Aeiouy, false), new(NotAeiouwxy, false)];

    private const int OptionalStart = 0b101; // before (C)? or right after it

    private static readonly string[] Step2Suffixes =
        ["ational", "tional", "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi"];
    private static readonly string[] Step2Replacements =
        ["ate", "tion", "ence", "ance", "ize", "ble", "al", "ent", "e", "ous", "ize", "ate", "ate", "al", "ive", "ful", "ous", "al", "ive", "ble", "log"];
    private static readonly string[] Step3Suffixes = ["icate", "ative", "alize", "iciti", "ical", "ful", "ness"];
    private static readonly string[] Step3Replacements = ["ic", "", "al", "ic", "ic", "", ""];
    private static readonly string[] Step4Suffixes =
        ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate", "iti", "ous", "ive", "ize"];

    /// <summary>The stem lunr.stemmer gives <paramref name="w"/> (a lowercased, trimmed token).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Stem(string w)
    {
        if (w.Length < 3) return w;

        bool firstY = w[0] == 'y';
        if (firstY) w = "Y" + w[1..];

        // Step 1a: /^(.+?)(ss|i)es$/ else /^(.+?)([^s])s$/, replaced by "$1$2"
        if ((EndsWith(w, "sses") && IsStem(w, w.Length - 4)) || (EndsWith(w, "ies") && IsStem(w, w.Length - 3)))
            w = w[..^2];
        else if (w.Length >= 3 && w[^1] == 's' && w[^2] != 's' && IsStem(w, w.Length - 2))
            w = w[..^1];

        // Step 1b: /^(.+?)eed$/ else /^(.+?)(ed|ing)$/
        if (EndsWith(w, "eed") && IsStem(w, w.Length - 3))
        {
            if (Matches(Mgr0, w.AsSpan(0, w.Length - 3), OptionalStart, 1 << Mgr0.Length, prefix: true)) w = DropLastChar(w);
        }
        else if ((EndsWith(w, "ed") && IsStem(w, w.Length - 2)) || (EndsWith(w, "ing") && IsStem(w, w.Length - 3)))
        {
            string stem = w[..^(w[^1] == 'd' ? 2 : 3)];
            if (Matches(SV, stem, OptionalStart, 1 << SV.Length, prefix: true))
            {
                w = stem;
                if (EndsWith(w, "at") || EndsWith(w, "bl") || EndsWith(w, "iz")) w += "e";           // /(at|bl|iz)$/
                else if (w.Length >= 2 && w[^1] == w[^2] && !"aeiouylsz".Contains(w[^1])) w = DropLastChar(w); // /([^aeiouylsz])\1$/
                else if (Matches(Cvc, w, 1, 1 << Cvc.Length, prefix: false)) w += "e";                 // /^C v [^aeiouwxy]$/
            }
        }

        // Step 1c: /^(.+?[^aeiou])y$/ -> "$1i"
        if (w.Length >= 3 && w[^1] == 'y' && !IsAeiou(w[^2]) && IsStem(w, w.Length - 2))
            w = w[..^1] + "i";

        // Step 2 and 3: /^(.+?)(suffixes)$/, replaced when the stem has m > 0
        int s = LongestSuffix(w, Step2Suffixes);
        if (s >= 0)
        {
            string stem = w[..^Step2Suffixes[s].Length];
            if (Matches(Mgr0, stem, OptionalStart, 1 << Mgr0.Length, prefix: true)) w = stem + Step2Replacements[s];
        }
        s = LongestSuffix(w, Step3Suffixes);
        if (s >= 0)
        {
            string stem = w[..^Step3Suffixes[s].Length];
            if (Matches(Mgr0, stem, OptionalStart, 1 << Mgr0.Length, prefix: true)) w = stem + Step3Replacements[s];
        }

        // Step 4: /^(.+?)(suffixes)$/, else (only when no suffix matched) /^(.+?)(s|t)(ion)$/; removed when m > 1
        s = LongestSuffix(w, Step4Suffixes);
        if (s >= 0)
        {
            string stem = w[..^Step4Suffixes[s].Length];
            if (Matches(Mgr1, stem, OptionalStart, 1 << Mgr1.Length, prefix: true)) w = stem;
        }
        else if ((EndsWith(w, "sion") || EndsWith(w, "tion")) && IsStem(w, w.Length - 4))
        {
            string stem = w[..^3];
            if (Matches(Mgr1, stem, OptionalStart, 1 << Mgr1.Length, prefix: true)) w = stem;
        }

        // Step 5: /^(.+?)e$/ removed when m > 1, or m = 1 and not *o; then /ll$/ with m > 1 loses an l
        if (EndsWith(w, "e") && IsStem(w, w.Length - 1))
        {
            string stem = w[..^1];
            if (Matches(Mgr1, stem, OptionalStart, 1 << Mgr1.Length, prefix: true)
                || (Matches(Meq1, stem, OptionalStart, (1 << 6) | (1 << Meq1.Length), prefix: false)
                    && !Matches(Cvc, stem, 1, 1 << Cvc.Length, prefix: false)))
            {
                w = stem;
            }
        }
        if (EndsWith(w, "ll") && Matches(Mgr1, w, OptionalStart, 1 << Mgr1.Length, prefix: true)) w = DropLastChar(w);

        // and turn initial Y back to y
        if (firstY) w = "y" + w[1..];
        return w;
    }

    /// <summary>
    /// Whether <paramref name="s"/> (or, with <paramref name="prefix"/>, some prefix of it) is in the
    /// language of <paramref name="items"/>: an NFA over item positions, bit i meaning "before item i".
    /// </summary>
    private static bool Matches(Item[] items, ReadOnlySpan<char> s, int start, int accept, bool prefix)
    {
        int state = Closure(items, start);
        if (prefix && (state & accept) != 0) return true;
        foreach (char ch in s)
        {
            int next = 0;
            for (int i = 0; i < items.Length; i++)
            {
                if ((state & (1 << i)) == 0 || !InClass(items[i].Class, ch)) continue;
                next |= items[i].Star ? 1 << i : 1 << (i + 1);
            }
            state = Closure(items, next);
            if (state == 0) return false;
            if (prefix && (state & accept) != 0) return true;
        }
        return (state & accept) != 0;
    }

    private static int Closure(Item[] items, int state)
    {
        for (int i = 0; i < items.Length; i++)
        {
            if ((state & (1 << i)) != 0 && items[i].Star) state |= 1 << (i + 1);
        }
        return state;
    }

    private static bool InClass(byte cls, char ch) => cls switch
    {
        NotAeiou => !IsAeiou(ch),
        NotAeiouy => !IsAeiou(ch) && ch != 'y',
        Aeiouy => IsAeiou(ch) || ch == 'y',
        Aeiou => IsAeiou(ch),
        _ => !IsAeiou(ch) && ch is not ('w' or 'x' or 'y'),
    };

    private static bool IsAeiou(char ch) => ch is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool EndsWith(string w, string suffix) => w.EndsWith(suffix, StringComparison.Ordinal);

    // The lazy group (.+?) before a suffix ending at length: non-empty, no JS line terminator.
    private static bool IsStem(string w, int length) =>
        length >= 1 && w.AsSpan(0, length).IndexOfAny('\n', '\r', '\u2028') < 0 && w.AsSpan(0, length).IndexOf('\u2029') < 0;

    // ^(.+?)(a|b|…)$: the first match has the shortest stem, i.e. the longest listed suffix.
    private static int LongestSuffix(string w, string[] suffixes)
    {
        int best = -1;
        for (int i = 0; i < suffixes.Length; i++)
        {
            if (EndsWith(w, suffixes[i]) && (best < 0 || suffixes[i].Length > suffixes[best].Length) && IsStem(w, w.Length - suffixes[i].Length))
                best = i;
        }
        return best;
    }

    // w.replace(/.$/, ""): removes the last code unit unless it is a line terminator.
    private static string DropLastChar(string w)
    {
        if (w.Length == 0) return w;
        char last = w[^1];
        return last is '\n' or '\r' or '\u2028' or '\u2029' ? w : w[..^1];
    }
}

using System.Text;

namespace DigestSite.Lunr;

/// <summary>
/// The JavaScript string operations lunr.js relies on, reproduced exactly:
/// <c>String.prototype.toLowerCase</c> (full Unicode mapping plus the Final_Sigma rule, with the
/// engine's own Unicode data, see <c>tools/generate-unicode-tables.js</c>) and the regex classes
/// <c>\s</c> and <c>\w</c>, which lunr.tokenizer and lunr.trimmer use. All work on UTF-16 code units,
/// as JavaScript does.
/// </summary>
public static class JsString
{
    private static readonly char[] BmpLower = BuildBmpLower();
    private static readonly Dictionary<int, string> OtherLower = BuildOtherLower();

    /// <summary>JS <c>/\s/</c>: WhiteSpace and LineTerminator of ECMA-262 (incl. U+FEFF, not U+180E).</summary>
    public static bool IsWhiteSpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u1680' or '\u2028' or '\u2029'
            or '\u202F' or '\u205F' or '\u3000' or '\uFEFF' => true,
        >= '\u2000' and <= '\u200A' => true,
        _ => false,
    };

    /// <summary>JS <c>/\w/</c> without the u flag: ASCII letters, digits and underscore only.</summary>
    public static bool IsWordChar(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_';

    /// <summary>JS <c>String.prototype.toLowerCase()</c> (root locale).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static string ToLowerCase(string s)
    {
        int i = s.AsSpan().IndexOfAnyInRange('A', 'Z');
        int nonAscii = s.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');
        if (nonAscii < 0)
        {
            // ASCII only (the common case): vectorized
            if (i < 0) return s;
            return string.Create(s.Length, s, static (dest, src) => System.Text.Ascii.ToLower(src, dest, out _));
        }
        if (i < 0 || i > nonAscii) i = nonAscii;

        var sb = new StringBuilder(s.Length);
        sb.Append(s, 0, i);
        while (i < s.Length)
        {
            char c = s[i];
            if (c < 0x80)
            {
                sb.Append((uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c);
                i++;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                int cp = char.ConvertToUtf32(c, s[i + 1]);
                if (OtherLower.TryGetValue(cp, out var lower)) sb.Append(lower);
                else sb.Append(c).Append(s[i + 1]);
                i += 2;
            }
            else if (c == '\u03A3')
            {
                sb.Append(IsFinalSigma(s, i) ? '\u03C2' : '\u03C3');
                i++;
            }
            else
            {
                char l = BmpLower[c];
                if (l != '\0') sb.Append(l);
                else if (OtherLower.TryGetValue(c, out var lower)) sb.Append(lower);
                else sb.Append(c);
                i++;
            }
        }
        return sb.ToString();
    }

    // Unicode SpecialCasing Final_Sigma, as ICU's ucase.cpp isFollowedByCasedLetter evaluates it:
    // skipping case-ignorable code points, a cased letter precedes and none follows. A code point
    // that is both case-ignorable and cased counts as ignorable.
    private static bool IsFinalSigma(string s, int index)
    {
        return CasedLetterAround(s, index, -1) && !CasedLetterAround(s, index, +1);
    }

    private static bool CasedLetterAround(string s, int index, int dir)
    {
        int i = dir < 0 ? index : index + 1;
        while (dir < 0 ? i > 0 : i < s.Length)
        {
            int cp;
            if (dir < 0)
            {
                cp = s[--i];
                if (char.IsLowSurrogate(s[i]) && i > 0 && char.IsHighSurrogate(s[i - 1]))
                    cp = char.ConvertToUtf32(s[--i], s[i + 1]);
            }
            else
            {
                cp = s[i++];
                if (char.IsHighSurrogate((char)cp) && i < s.Length && char.IsLowSurrogate(s[i]))
                    cp = char.ConvertToUtf32((char)cp, s[i++]);
            }
            if (InRanges(JsUnicodeTables.CaseIgnorable, cp)) continue;
            return InRanges(JsUnicodeTables.Cased, cp);
        }
        return false;
    }

    private static bool InRanges(int[] ranges, int cp)
    {
        int lo = 0, hi = ranges.Length / 2 - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (cp < ranges[2 * mid]) hi = mid - 1;
            else if (cp > ranges[2 * mid + 1]) lo = mid + 1;
            else return true;
        }
        return false;
    }

    private static char[] BuildBmpLower()
    {
        var table = new char[0x10000];
        var pairs = JsUnicodeTables.LowerSingle;
        for (int i = 0; i < pairs.Length; i += 2)
        {
            if (pairs[i] <= 0xFFFF && pairs[i + 1] <= 0xFFFF) table[pairs[i]] = (char)pairs[i + 1];
        }
        return table;
    }

    private static Dictionary<int, string> BuildOtherLower()
    {
        var map = new Dictionary<int, string>();
        var pairs = JsUnicodeTables.LowerSingle;
        for (int i = 0; i < pairs.Length; i += 2)
        {
            if (pairs[i] > 0xFFFF || pairs[i + 1] > 0xFFFF) map[pairs[i]] = char.ConvertFromUtf32(pairs[i + 1]);
        }
        var multi = JsUnicodeTables.LowerMulti;
        for (int i = 0; i < multi.Length;)
        {
            int cp = multi[i], n = multi[i + 1];
            var sb = new StringBuilder();
            for (int j = 0; j < n; j++) sb.Append(char.ConvertFromUtf32(multi[i + 2 + j]));
            map[cp] = sb.ToString();
            i += 2 + n;
        }
        return map;
    }
}

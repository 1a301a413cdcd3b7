using System.Text.RegularExpressions;

namespace DigestSite.Lunr;

/// <summary>
/// lunr.stemmer: lunr's Porter stemmer (from tartarus.org/~martin/PorterStemmer/js.txt), with its
/// regular expressions carried over verbatim so its quirks survive: y is a vowel in <c>v</c> but a
/// consonant in <c>c</c>, any non-ASCII code unit is a consonant, a leading 'y' is uppercased while
/// stemming. Two translations keep the .NET regexes equal to the JS ones: JS <c>$</c> (no m flag) is
/// <c>\z</c>, and JS <c>.</c> excludes all four line terminators.
/// </summary>
public static partial class PorterStemmer
{
    private const string Dot = @"[^\n\r\u2028\u2029]";
    private const string End = @"\z";
    private const string c = "[^aeiou]";          // consonant
    private const string v = "[aeiouy]";          // vowel
    private const string C = c + "[^aeiouy]*";    // consonant sequence
    private const string V = v + "[aeiou]*";      // vowel sequence
    private const string Mgr0 = "^(" + C + ")?" + V + C;                      // [C]VC... is m>0
    private const string Meq1 = "^(" + C + ")?" + V + C + "(" + V + ")?" + End; // [C]VC[V] is m=1
    private const string Mgr1 = "^(" + C + ")?" + V + C + V + C;              // [C]VCVC... is m>1
    private const string SV = "^(" + C + ")?" + v;                           // vowel in stem

    [GeneratedRegex(Mgr0)] private static partial Regex ReMgr0();
    [GeneratedRegex(Mgr1)] private static partial Regex ReMgr1();
    [GeneratedRegex(Meq1)] private static partial Regex ReMeq1();
    [GeneratedRegex(SV)] private static partial Regex ReSV();
    [GeneratedRegex("^(" + Dot + "+?)(ss|i)es" + End)] private static partial Regex Re1a();
    [GeneratedRegex("^(" + Dot + "+?)([^s])s" + End)] private static partial Regex Re2_1a();
    [GeneratedRegex("^(" + Dot + "+?)eed" + End)] private static partial Regex Re1b();
    [GeneratedRegex("^(" + Dot + "+?)(ed|ing)" + End)] private static partial Regex Re2_1b();
    [GeneratedRegex("(at|bl|iz)" + End)] private static partial Regex Re2_1b_2();
    [GeneratedRegex(@"([^aeiouylsz])\1" + End)] private static partial Regex Re3_1b_2();
    [GeneratedRegex("^" + C + v + "[^aeiouwxy]" + End)] private static partial Regex Re4_1b_2();
    [GeneratedRegex("^(" + Dot + "+?[^aeiou])y" + End)] private static partial Regex Re1c();
    [GeneratedRegex("^(" + Dot + "+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)" + End)]
    private static partial Regex Re2();
    [GeneratedRegex("^(" + Dot + "+?)(icate|ative|alize|iciti|ical|ful|ness)" + End)] private static partial Regex Re3();
    [GeneratedRegex("^(" + Dot + "+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)" + End)]
    private static partial Regex Re4();
    [GeneratedRegex("^(" + Dot + "+?)(s|t)(ion)" + End)] private static partial Regex Re2_4();
    [GeneratedRegex("^(" + Dot + "+?)e" + End)] private static partial Regex Re5();
    [GeneratedRegex("ll" + End)] private static partial Regex Re5_1();
    [GeneratedRegex("^" + C + v + "[^aeiouwxy]" + End)] private static partial Regex Re3_5();

    private static readonly Dictionary<string, string> Step2List = new(StringComparer.Ordinal)
    {
        ["ational"] = "ate", ["tional"] = "tion", ["enci"] = "ence", ["anci"] = "ance", ["izer"] = "ize",
        ["bli"] = "ble", ["alli"] = "al", ["entli"] = "ent", ["eli"] = "e", ["ousli"] = "ous",
        ["ization"] = "ize", ["ation"] = "ate", ["ator"] = "ate", ["alism"] = "al", ["iveness"] = "ive",
        ["fulness"] = "ful", ["ousness"] = "ous", ["aliti"] = "al", ["iviti"] = "ive", ["biliti"] = "ble",
        ["logi"] = "log",
    };

    private static readonly Dictionary<string, string> Step3List = new(StringComparer.Ordinal)
    {
        ["icate"] = "ic", ["ative"] = "", ["alize"] = "al", ["iciti"] = "ic", ["ical"] = "ic",
        ["ful"] = "", ["ness"] = "",
    };

    /// <summary>The stem lunr.stemmer gives <paramref name="w"/> (a lowercased, trimmed token).</summary>
    public static string Stem(string w)
    {
        if (w.Length < 3) return w;

        bool firstY = w[0] == 'y';
        if (firstY) w = "Y" + w[1..];

        Match m;
        // Step 1a
        if ((m = Re1a().Match(w)).Success || (m = Re2_1a().Match(w)).Success)
            w = m.Groups[1].Value + m.Groups[2].Value;

        // Step 1b
        if ((m = Re1b().Match(w)).Success)
        {
            if (ReMgr0().IsMatch(m.Groups[1].Value)) w = DropLastChar(w);
        }
        else if ((m = Re2_1b().Match(w)).Success)
        {
            string stem = m.Groups[1].Value;
            if (ReSV().IsMatch(stem))
            {
                w = stem;
                if (Re2_1b_2().IsMatch(w)) w += "e";
                else if (Re3_1b_2().IsMatch(w)) w = DropLastChar(w);
                else if (Re4_1b_2().IsMatch(w)) w += "e";
            }
        }

        // Step 1c: a final y after a consonant becomes i
        if ((m = Re1c().Match(w)).Success) w = m.Groups[1].Value + "i";

        // Step 2
        if ((m = Re2().Match(w)).Success)
        {
            string stem = m.Groups[1].Value;
            if (ReMgr0().IsMatch(stem)) w = stem + Step2List[m.Groups[2].Value];
        }

        // Step 3
        if ((m = Re3().Match(w)).Success)
        {
            string stem = m.Groups[1].Value;
            if (ReMgr0().IsMatch(stem)) w = stem + Step3List[m.Groups[2].Value];
        }

        // Step 4 (as in lunr, -ion is only tried when no other step-4 suffix matches)
        if ((m = Re4().Match(w)).Success)
        {
            string stem = m.Groups[1].Value;
            if (ReMgr1().IsMatch(stem)) w = stem;
        }
        else if ((m = Re2_4().Match(w)).Success)
        {
            string stem = m.Groups[1].Value + m.Groups[2].Value;
            if (ReMgr1().IsMatch(stem)) w = stem;
        }

        // Step 5
        if ((m = Re5().Match(w)).Success)
        {
            string stem = m.Groups[1].Value;
            if (ReMgr1().IsMatch(stem) || (ReMeq1().IsMatch(stem) && !Re3_5().IsMatch(stem))) w = stem;
        }
        if (Re5_1().IsMatch(w) && ReMgr1().IsMatch(w)) w = DropLastChar(w);

        // and turn initial Y back to y
        if (firstY) w = "y" + w[1..];
        return w;
    }

    // w.replace(/.$/, ""): removes the last code unit unless it is a line terminator.
    private static string DropLastChar(string w)
    {
        if (w.Length == 0) return w;
        char last = w[^1];
        return last is '\n' or '\r' or '\u2028' or '\u2029' ? w : w[..^1];
    }
}

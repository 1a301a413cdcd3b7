using System.Buffers;
using System.Globalization;

namespace DigestSite.Content;

/// <summary>
/// Characters that cannot appear in a web page or a feed, so not in content: every field, summary
/// and introduction ends up in HTML and in Atom (XML), and the feed writer refuses them. XML 1.0
/// forbids the C0 controls but tab, line feed and carriage return, unpaired surrogates, U+FFFE and
/// U+FFFF; HTML also makes DEL, the C1 controls (U+0080-U+009F) and the other noncharacters
/// (U+FDD0-U+FDEF, U+xFFFE and U+xFFFF of every plane) errors.
/// </summary>
public static class Characters
{
    /// <summary>The index of the first forbidden character of <paramref name="text"/>, or -1.</summary>
    public static int FirstForbidden(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            // Most text is printable ASCII, skipped many characters at a time; what is not is looked at one by one.
            int plain = text[i..].IndexOfAnyExcept(PrintableAscii);
            if (plain < 0) return -1;
            i += plain;
            char c = text[i];
            if (c < ' ' ? c is not ('\t' or '\n' or '\r') : c is >= '\u007F' and <= '\u009F' || c is >= '\uFDD0' and <= '\uFDEF' || c is '\uFFFE' or '\uFFFF')
                return i;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if ((char.ConvertToUtf32(c, text[i + 1]) & 0xFFFE) == 0xFFFE) return i;
                i++;
            }
            else if (char.IsSurrogate(c)) return i;
        }
        return -1;
    }

    /// <summary>Tab, line feed, carriage return and U+0020-U+007E: allowed, and most of any text.</summary>
    private static readonly SearchValues<char> PrintableAscii =
        SearchValues.Create("\t\n\r" + string.Concat(Enumerable.Range(' ', '\u007F' - ' ').Select(c => (char)c)));

    /// <summary>How the character at <paramref name="index"/> is named in messages: "U+0001".</summary>
    public static string Name(ReadOnlySpan<char> text, int index) =>
        "U+" + (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(text[index], text[index + 1])
            : text[index]).ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>The end of a diagnostic about a forbidden character: what it is and what to do.</summary>
    public static string Forbidden(ReadOnlySpan<char> text, int index) =>
        $"{Name(text, index)}, a character that cannot appear in a web page or a feed (a control character or a noncharacter): remove it.";
}

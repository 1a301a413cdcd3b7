using System.Net;
using System.Text.Encodings.Web;

namespace DigestSite.Rendering;

/// <summary>
/// How feed entries' HTML is escaped: as <see cref="WebUtility.HtmlEncode(string)"/> does, the escaping
/// the feeds have always had (&lt; &gt; &amp; &quot; and &#39;, numeric references for U+00A0–U+00FF and
/// for characters beyond the BMP, a lone surrogate replaced by U+FFFD). Pages use a different encoder
/// (<see cref="TemplateSet"/>); this one keeps the feeds' bytes as they were when entries were written
/// in code. Fluid writes every value through the TextWriter overload, given here to WebUtility itself;
/// the scalar methods the other overloads use follow the same rules.
/// </summary>
internal sealed class FeedHtmlEncoder : TextEncoder
{
    public static readonly FeedHtmlEncoder Instance = new();

    public override int MaxOutputCharactersPerInputCharacter => 10; // "&#1114111;"

    public override void Encode(TextWriter output, string value, int startIndex, int characterCount) =>
        output.Write(WebUtility.HtmlEncode(value.Substring(startIndex, characterCount)));

    public override string Encode(string value) => WebUtility.HtmlEncode(value);

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar is '<' or '>' or '&' or '"' or '\'' || unicodeScalar is >= 160 and < 256 || unicodeScalar >= 0x10000;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (int i = 0; i < textLength; i++)
        {
            char c = text[i];
            // A surrogate is either half of a character beyond the BMP (encoded) or alone (replaced).
            if (char.IsSurrogate(c) || WillEncode(c)) return i;
        }
        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        string encoded = unicodeScalar switch
        {
            '<' => "&lt;",
            '>' => "&gt;",
            '&' => "&amp;",
            '"' => "&quot;",
            '\'' => "&#39;",
            _ => $"&#{unicodeScalar.ToString(System.Globalization.CultureInfo.InvariantCulture)};",
        };
        if (encoded.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }
        for (int i = 0; i < encoded.Length; i++) buffer[i] = encoded[i];
        numberOfCharactersWritten = encoded.Length;
        return true;
    }
}

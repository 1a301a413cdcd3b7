using System.Text;

namespace DigestSite.Corpus;

internal static class Slugs
{
    /// <summary>Lower-case ASCII letters and digits, other runs as one '-': "Jörg Müller" -> "jorg-muller".</summary>
    public static string Ascii(string text)
    {
        var plain = NameTradition.WithoutAccents(text) ?? text;
        var sb = new StringBuilder(plain.Length);
        foreach (char c in plain)
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (c != '\'' && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }
}

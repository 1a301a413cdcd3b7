using System.Text.RegularExpressions;

namespace DigestSite.Content;

/// <summary>Slugs name papers and topics in URLs: lowercase letters, digits, "." and "-".</summary>
public static partial class Slugs
{
    public const string Rule = "lowercase letters, digits, \".\" and \"-\", starting with a letter or digit";

    public static bool IsValid(string slug) => SlugPattern().IsMatch(slug);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.\-]*$")]
    private static partial Regex SlugPattern();
}

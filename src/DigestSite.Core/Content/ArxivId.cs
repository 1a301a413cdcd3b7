using System.Text.RegularExpressions;

namespace DigestSite.Content;

/// <summary>arXiv identifiers, in the new (2312.15918v2) and the old (hep-th/9901001) style.</summary>
public static partial class ArxivId
{
    public const string Rule = "an arXiv id such as 2312.15918, 2312.15918v2 or hep-th/9901001";

    public static bool IsValid(string id) => NewStyle().IsMatch(id) || OldStyle().IsMatch(id);

    /// <summary>The id without its version: two versions of one paper are one paper.</summary>
    public static string WithoutVersion(string id) => Version().Replace(id, "");

    // [0-9], not \d (which takes any script's digits); \z, not $ (which takes a final line break too).
    [GeneratedRegex(@"\A[0-9]{2}(0[1-9]|1[0-2])\.[0-9]{4,5}(v[1-9][0-9]*)?\z")]
    private static partial Regex NewStyle();

    [GeneratedRegex(@"\A[a-z]+(-[a-z]+)*(\.[A-Z]{2})?/[0-9]{2}(0[1-9]|1[0-2])[0-9]{3}(v[1-9][0-9]*)?\z")]
    private static partial Regex OldStyle();

    [GeneratedRegex(@"v[0-9]+\z")]
    private static partial Regex Version();
}

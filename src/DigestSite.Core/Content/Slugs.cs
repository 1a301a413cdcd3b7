using System.Text.RegularExpressions;

namespace DigestSite.Content;

/// <summary>
/// Slugs name papers and topics in file names and URLs: lowercase letters, digits, "." and "-",
/// and never a name Windows cannot have (a repository with con.md cannot be checked out there).
/// </summary>
public static partial class Slugs
{
    public const string Rule = "lowercase letters, digits, \".\" and \"-\", starting with a letter or digit";

    public static bool IsValid(string slug) => Problem(slug) is null;

    /// <summary>What is wrong with <paramref name="slug"/> (to follow "must"), or null when it is a valid slug.</summary>
    public static string? Problem(string slug)
    {
        // \z, not $: $ also matches before a final line break, and "abc\n" would pass.
        if (!SlugPattern().IsMatch(slug)) return $"use {Rule}";
        // Windows reserves these device names whatever follows the first dot (con.md, aux.tar.gz), and drops a trailing dot.
        if (WindowsReserved().IsMatch(slug))
            return "not be a name Windows reserves (con, prn, aux, nul, com0-com9, lpt0-lpt9, alone or before a dot): such a repository cannot be checked out on Windows";
        if (slug.EndsWith('.')) return "not end with \".\" (Windows drops it, so the file could not be checked out there)";
        return null;
    }

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9.\-]*\z")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"\A(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|\z)")]
    private static partial Regex WindowsReserved();
}

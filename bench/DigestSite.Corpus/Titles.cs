namespace DigestSite.Corpus;

internal static class Titles
{
    /// <summary>Small edits an author makes to a title between two submissions.</summary>
    private static readonly (string From, string To)[] Edits =
    [
        ("Towards ", "Toward "), ("Scaling ", "Scaling Up "), ("Improving ", "Enhancing "), ("Rethinking ", "Revisiting "),
        ("Revisiting ", "Rethinking "), ("Learning ", "Training "), (" for ", " in "), (" with ", " using "),
        (" via ", " through "), ("Is All You Need", "Is What You Need"), ("Simple ", "Simpler "), ("Evidence from ", "Lessons from "),
    ];

    /// <summary>The title changed a little: a word or two replaced, the method's name dropped, or a hyphenated word's case.</summary>
    public static string Reword(string title, string method, Rng rng)
    {
        var result = title;
        int edits = rng.Int(1, 2);
        foreach (var (from, to) in rng.Sample(Edits, Edits.Length))
        {
            if (edits == 0) break;
            int at = result.IndexOf(from, StringComparison.Ordinal);
            if (at < 0) continue;
            result = result[..at] + to + result[(at + from.Length)..];
            edits--;
        }
        if (edits > 0 && result.StartsWith(method + ": ", StringComparison.Ordinal))
        {
            result = Grammar.Capitalize(result[(method.Length + 2)..]);
            edits--;
        }
        if (edits > 0 && result.IndexOf("-", StringComparison.Ordinal) is > 0 and var hyphen && hyphen + 1 < result.Length && char.IsUpper(result[hyphen + 1]))
            result = result[..(hyphen + 1)] + char.ToLowerInvariant(result[hyphen + 1]) + result[(hyphen + 2)..];
        return result == title ? title + " (Extended Version)" : result;
    }
}

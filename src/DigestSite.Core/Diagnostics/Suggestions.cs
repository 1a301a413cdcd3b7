namespace DigestSite.Diagnostics;

/// <summary>"Did you mean …?" for misspelt keys and topic slugs.</summary>
public static class Suggestions
{
    /// <summary>The candidate closest to <paramref name="typed"/>, if it is close enough to be a likely typo.</summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        // A third of the word may be wrong; beyond that a suggestion is more noise than help.
        int allowed = Math.Max(2, typed.Length / 3);
        foreach (var candidate in candidates.OrderBy(c => c, StringComparer.Ordinal))
        {
            // The distance is at least the difference in length: skip the quadratic work (a 1 MB "topic").
            if (Math.Abs(candidate.Length - typed.Length) > allowed) continue;
            int distance = EditDistance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>" Did you mean "x"?" or nothing, ready to append to a message.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Nearest(typed, candidates) is { } near ? $" Did you mean \"{near}\"?" : "";

    /// <summary>Optimal string alignment distance: Levenshtein plus adjacent transpositions ("autohrs").</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}

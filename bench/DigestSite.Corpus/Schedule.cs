namespace DigestSite.Corpus;

/// <summary>When the issues appear and how many papers each has.</summary>
internal static class Schedule
{
    /// <summary>
    /// Issues on weekdays, going back from the newest, about one weekday in twenty-five skipped (holidays);
    /// each issue has between half and one and a half times the average, the oldest what is left.
    /// Oldest first.
    /// </summary>
    public static List<(DateOnly Date, int Papers)> Make(CorpusOptions options, Rng rng)
    {
        var issues = new List<(DateOnly, int)>();
        int left = options.Papers, per = Math.Max(1, options.PerIssue);
        for (var day = options.End; left > 0; day = day.AddDays(-1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || rng.Chance(0.04)) continue;
            int count = Math.Min(left, rng.Int(Math.Max(1, per / 2), Math.Max(1, per * 3 / 2)));
            issues.Add((day, count));
            left -= count;
        }
        issues.Reverse();
        return issues;
    }
}

using System.Globalization;

namespace DigestSite.Content;

/// <summary>Dates in content are written YYYY-MM-DD, and must exist (no 2026-02-30).</summary>
public static class ContentDates
{
    private const string Pattern = "yyyy-MM-dd";

    public static DateOnly? Parse(string text) =>
        text.Length == 10 && DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);
}

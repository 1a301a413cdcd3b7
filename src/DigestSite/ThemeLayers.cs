namespace DigestSite.Cli;

/// <summary>
/// The folders a build layers over the built-in theme: --theme, or ./theme when there is one.
/// Nothing is installed or run from them: they are read as files.
/// </summary>
internal static class ThemeLayers
{
    public const string DefaultFolder = "theme";

    /// <param name="themeDir">--theme as given, or null when not given.</param>
    public static IReadOnlyList<string>? Resolve(string? themeDir)
    {
        var site = themeDir ?? DefaultFolder;
        if (Directory.Exists(site)) return [site];
        if (themeDir is null) return [];
        Console.Error.WriteLine($"error: the theme folder \"{themeDir}\" does not exist.");
        return null;
    }
}

namespace DigestSite.Cli;

/// <summary>
/// The theme a build uses: the default theme shipped beside the program, overridden file by file
/// by the site's own theme folder (by default ./theme, when there is one).
/// </summary>
internal static class ThemeLayers
{
    public const string DefaultFolder = "theme";

    public static string BundledTheme => Path.Combine(AppContext.BaseDirectory, "theme");

    /// <param name="themeDir">--theme as given, or null when not given.</param>
    public static IReadOnlyList<string>? Resolve(string? themeDir)
    {
        var layers = new List<string> { BundledTheme };
        var site = themeDir ?? DefaultFolder;
        if (Directory.Exists(site))
        {
            if (Path.GetFullPath(site).TrimEnd('/') != Path.GetFullPath(BundledTheme).TrimEnd('/')) layers.Add(site);
        }
        else if (themeDir is not null)
        {
            Console.Error.WriteLine($"error: the theme folder \"{themeDir}\" does not exist.");
            return null;
        }
        return layers;
    }
}

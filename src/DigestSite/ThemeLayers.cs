using DigestSite;

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
        RestoreNpmPackages(layers);
        return layers;
    }

    /// <summary>
    /// When no layer has the theme's npm packages (lunr.js), runs `npm ci` in the last layer with a
    /// lockfile, so a fresh clone builds with one command. Without npm, the build's error says what to do.
    /// </summary>
    private static void RestoreNpmPackages(IReadOnlyList<string> layers)
    {
        bool present = Rendering.Theme.NpmAssets.Values.All(path => layers.Any(layer => File.Exists(Path.Combine(layer, path))));
        var target = layers.LastOrDefault(layer => File.Exists(Path.Combine(layer, "package-lock.json")));
        if (present || target is null) return;
        Console.Error.WriteLine($"Restoring the theme's npm packages: npm ci in {target}");
        try
        {
            using var npm = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error")
            {
                WorkingDirectory = target,
                RedirectStandardOutput = true,
            })!;
            npm.StandardOutput.ReadToEnd();
            npm.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("npm is not installed: install Node.js and npm, or run `npm ci` in the theme folder elsewhere.");
        }
    }
}

namespace DigestSite.Rendering;

/// <summary>
/// The default theme, built into the program as resources (see DigestSite.Core.csproj): the
/// repository's theme/layouts and theme/assets, and lunr.min.js from npm. Every build starts from
/// it, so a digest needs no theme folder, and neither node nor npm, to build.
/// </summary>
internal static class BuiltInTheme
{
    /// <summary>Where its files are said to be in messages; it is not a folder on disk.</summary>
    public const string Location = "(built-in theme)";

    private const string Prefix = "theme/";

    /// <summary>Its files by name in the theme ("layouts/paper.liquid", "assets/lunr.min.js"), read once.</summary>
    public static IReadOnlyList<ThemeFile> Files => files.Value;

    private static readonly Lazy<IReadOnlyList<ThemeFile>> files = new(Read);

    private static IReadOnlyList<ThemeFile> Read()
    {
        var assembly = typeof(BuiltInTheme).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                var bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
                var relative = name[Prefix.Length..];
                return new ThemeFile(relative, $"{Location}/{relative}", bytes);
            })
            .ToArray();
    }
}

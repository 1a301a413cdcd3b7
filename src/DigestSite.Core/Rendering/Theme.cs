using System.Text;
using DigestSite.Checking;
using DigestSite.Output;

namespace DigestSite.Rendering;

/// <summary>
/// A file of the theme: its name in the theme ("layouts/paper.liquid"), where it is (a path on disk,
/// or under <see cref="BuiltInTheme.Location"/>), and, for a file of the built-in theme, its bytes.
/// </summary>
public sealed record ThemeFile(string Name, string FullPath, byte[]? BuiltIn = null)
{
    public string ReadText() => BuiltIn is { } bytes ? Encoding.UTF8.GetString(bytes) : File.ReadAllText(FullPath);

    public UInt128 Hash() => BuiltIn is { } bytes ? InputHash.Bytes(bytes) : InputHash.File(FullPath);
}

/// <summary>
/// The theme: Liquid templates under layouts/ and static files under assets/, the built-in theme
/// overridden file by file by the given folders, so a site owner changes one template without
/// copying the rest.
/// </summary>
public sealed class Theme
{
    public const string LayoutsFolder = "layouts";
    public const string AssetsFolder = "assets";

    /// <summary>By name, e.g. "layouts/partials/paper-card.liquid"; later layers win.</summary>
    public IReadOnlyDictionary<string, ThemeFile> Templates { get; }

    /// <summary>By name relative to assets/, e.g. "style.css"; later layers win.</summary>
    public IReadOnlyDictionary<string, ThemeFile> Assets { get; }

    private Theme(IReadOnlyDictionary<string, ThemeFile> templates, IReadOnlyDictionary<string, ThemeFile> assets)
    {
        Templates = templates;
        Assets = assets;
    }

    /// <summary>The built-in theme with the layers over it, later layers winning. A missing layer fails the load.</summary>
    public static Theme? Load(IReadOnlyList<string> layers, List<Diagnostic> diagnostics)
    {
        var templates = new SortedDictionary<string, ThemeFile>(StringComparer.Ordinal);
        var assets = new SortedDictionary<string, ThemeFile>(StringComparer.Ordinal);
        foreach (var file in BuiltInTheme.Files)
        {
            if (file.Name.StartsWith(LayoutsFolder + "/", StringComparison.Ordinal)) templates[file.Name] = file;
            else
            {
                var asset = file.Name[(AssetsFolder.Length + 1)..];
                assets[asset] = file with { Name = asset };
            }
        }
        foreach (var layer in layers)
        {
            if (!Directory.Exists(layer))
            {
                diagnostics.Add(Diagnostic.AtStart(Path.GetFullPath(layer), "the theme folder does not exist."));
                return null;
            }
            foreach (var file in Files(layer, LayoutsFolder).Where(f => f.Name.EndsWith(".liquid", StringComparison.Ordinal)))
                templates[$"{LayoutsFolder}/{file.Name}"] = file with { Name = $"{LayoutsFolder}/{file.Name}" };
            foreach (var file in Files(layer, AssetsFolder))
                assets[file.Name] = file;
        }
        return new Theme(templates, assets);
    }

    private static IEnumerable<ThemeFile> Files(string layer, string folder)
    {
        var root = Path.GetFullPath(Path.Combine(layer, folder));
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => new ThemeFile(Path.GetRelativePath(root, path).Replace('\\', '/'), path))
            .Where(f => !f.Name.Split('/').Any(part => part.StartsWith('.')));
    }
}

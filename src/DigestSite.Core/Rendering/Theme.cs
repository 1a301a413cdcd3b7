using DigestSite.Checking;

namespace DigestSite.Rendering;

/// <summary>A file of the theme: its name in the theme ("layouts/paper.liquid") and where it is on disk.</summary>
public sealed record ThemeFile(string Name, string FullPath);

/// <summary>
/// The theme: Liquid templates under layouts/ and static files under assets/, from one or more
/// folders layered file by file, so a site owner overrides one template without copying the rest.
/// </summary>
public sealed class Theme
{
    public const string LayoutsFolder = "layouts";
    public const string AssetsFolder = "assets";

    /// <summary>
    /// Browser code the theme takes from npm (theme/package.json and its lockfile), never copied
    /// into the repository: asset name -> path in the layer.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NpmAssets = new Dictionary<string, string>
    {
        ["lunr.min.js"] = "node_modules/lunr/lunr.min.js",
    };

    /// <summary>By name, e.g. "layouts/partials/paper-card.liquid"; later layers win.</summary>
    public IReadOnlyDictionary<string, ThemeFile> Templates { get; }

    /// <summary>By name relative to assets/, e.g. "style.css"; later layers win.</summary>
    public IReadOnlyDictionary<string, ThemeFile> Assets { get; }

    /// <summary>The folders, base first, that the theme was read from.</summary>
    public IReadOnlyList<string> Layers { get; }

    private Theme(IReadOnlyList<string> layers, IReadOnlyDictionary<string, ThemeFile> templates, IReadOnlyDictionary<string, ThemeFile> assets)
    {
        Layers = layers;
        Templates = templates;
        Assets = assets;
    }

    /// <summary>
    /// Reads the layers, base theme first. A missing layer fails the load; a missing npm asset is
    /// reported but the theme is returned, so its templates are checked in the same run.
    /// </summary>
    public static Theme? Load(IReadOnlyList<string> layers, List<Diagnostic> diagnostics)
    {
        var templates = new SortedDictionary<string, ThemeFile>(StringComparer.Ordinal);
        var assets = new SortedDictionary<string, ThemeFile>(StringComparer.Ordinal);
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
            foreach (var (name, path) in NpmAssets.Where(a => File.Exists(Path.Combine(layer, a.Value))))
                assets[name] = new ThemeFile(name, Path.GetFullPath(Path.Combine(layer, path)));
        }
        foreach (var (name, path) in NpmAssets.Where(a => !assets.ContainsKey(a.Key)))
            diagnostics.Add(Diagnostic.AtStart(Path.GetFullPath(Path.Combine(layers[^1], "package.json")),
                $"the theme needs {path} from npm: run `npm ci` in the theme folder (Node.js and npm are needed)."));
        return new Theme(layers, templates, assets);
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

using System.IO.Enumeration;
using DigestSite.Checking;
using DigestSite.Content;

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
            var kind = FileKinds.Of(Path.TrimEndingDirectorySeparator(Path.GetFullPath(layer))).Kind;
            if (kind != FileKind.Folder)
            {
                diagnostics.Add(Diagnostic.AtStart(Path.GetFullPath(layer),
                    kind == FileKind.Missing ? "the theme folder does not exist." : $"the theme folder is {FileKinds.Describe(kind)}, not a folder: links are never followed."));
                return null;
            }
            foreach (var file in Files(layer, LayoutsFolder, diagnostics).Where(f => f.Name.EndsWith(".liquid", StringComparison.Ordinal)))
                templates[$"{LayoutsFolder}/{file.Name}"] = file with { Name = $"{LayoutsFolder}/{file.Name}" };
            foreach (var file in Files(layer, AssetsFolder, diagnostics))
                assets[file.Name] = file;
            foreach (var (name, path) in NpmAssets.Where(a => File.Exists(Path.Combine(layer, a.Value))))
                assets[name] = new ThemeFile(name, Path.GetFullPath(Path.Combine(layer, path)));
        }
        foreach (var (name, path) in NpmAssets.Where(a => !assets.ContainsKey(a.Key)))
            diagnostics.Add(Diagnostic.AtStart(Path.GetFullPath(Path.Combine(layers[^1], "package.json")),
                $"the theme needs {path} from npm: run `npm ci` in the theme folder (Node.js and npm are needed)."));
        return new Theme(layers, templates, assets);
    }

    /// <summary>
    /// The regular files under layer/folder, hidden ones left out. As with content, a symbolic link
    /// (a pull request can add one to the theme), a device, a FIFO or a socket is reported and left
    /// out, never read, copied or followed.
    /// </summary>
    private static List<ThemeFile> Files(string layer, string folder, List<Diagnostic> diagnostics)
    {
        var root = Path.GetFullPath(Path.Combine(layer, folder));
        var files = new List<ThemeFile>();
        switch (FileKinds.Of(root).Kind)
        {
            case FileKind.Missing:
                return files;
            case FileKind.Folder:
                break;
            case var kind:
                diagnostics.Add(Diagnostic.AtStart(root, $"{folder}/ is {FileKinds.Describe(kind)}, not a folder: theme files are read from regular files and folders only, and links are never followed."));
                return files;
        }
        var entries = new FileSystemEnumerable<string>(root, (ref FileSystemEntry entry) => entry.ToFullPath(),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            // Hidden files and folders are left out; links are not recursed into (.NET never does) but reported below.
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.FileName.StartsWith('.') && !(entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) == 0),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !entry.FileName.StartsWith('.'),
        };
        foreach (var path in entries.Order(StringComparer.Ordinal))
        {
            var kind = FileKinds.Of(path).Kind;
            if (kind == FileKind.File)
                files.Add(new ThemeFile(Path.GetRelativePath(root, path).Replace('\\', '/'), path));
            else
                diagnostics.Add(Diagnostic.AtStart(path,
                    $"it is {FileKinds.Describe(kind)}, not a regular file: theme files are read from regular files only, and links are never followed. Replace it with the file itself."));
        }
        return files;
    }
}

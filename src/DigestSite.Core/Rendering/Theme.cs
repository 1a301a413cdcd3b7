using System.IO.Enumeration;
using System.Text;
using DigestSite.Checking;
using DigestSite.Content;
using DigestSite.Incremental;

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
        }
        return new Theme(templates, assets);
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

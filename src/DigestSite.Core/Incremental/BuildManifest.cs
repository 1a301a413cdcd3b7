using System.Globalization;
using System.Text;
using DigestSite.Content;

namespace DigestSite.Incremental;

/// <summary>What the previous build wrote for one output file: the hash of what it was made from, and of its bytes.</summary>
public readonly record struct ManifestEntry(UInt128 Inputs, long Length, UInt128 Content);

/// <summary>
/// The record of a build, kept beside the output folder (never in it, so it is not published):
/// every output file with the hash of its inputs and of its bytes. The next build renders again
/// only the files whose inputs hash changed, and removes those no longer made.
/// One line per file, ordinal order: path, inputs, length, content.
/// </summary>
public sealed class BuildManifest
{
    private const string Header = "digestsite-manifest 1";

    public IReadOnlyDictionary<string, ManifestEntry> Files { get; }

    public BuildManifest(IReadOnlyDictionary<string, ManifestEntry> files) => Files = files;

    /// <summary>Where the manifest of <paramref name="outputDir"/> is kept: "_site" -> "_site.manifest".</summary>
    public static string PathFor(string outputDir) => Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar) + ".manifest";

    /// <summary>The manifest kept beside <paramref name="outputDir"/>, as written; null when there is none or it is unreadable.</summary>
    public static BuildManifest? Load(string outputDir) => Read(PathFor(outputDir));

    /// <summary>The manifest kept beside <paramref name="outputDir"/>, when its bytes have the hash <paramref name="expected"/>; else null.</summary>
    public static BuildManifest? Load(string outputDir, UInt128 expected)
    {
        var path = PathFor(outputDir);
        if (!IsFile(path)) return null;
        var bytes = File.ReadAllBytes(path);
        return InputHash.Bytes(bytes) == expected ? Parse(new StreamReader(new MemoryStream(bytes), Encoding.UTF8)) : null;
    }

    /// <summary>A manifest file (the manifest beside an output folder, or a swap's journal); null when there is none or it is unreadable.</summary>
    public static BuildManifest? Read(string path)
    {
        if (!IsFile(path)) return null;
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Parse(reader);
    }

    /// <summary>A regular file, not a link, named pipe or device put in a manifest's place: those are never opened (a pipe would wait for a writer).</summary>
    internal static bool IsFile(string path) => FileKinds.Of(path).Kind == FileKind.File;

    private static BuildManifest? Parse(TextReader reader)
    {
        var files = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        if (reader.ReadLine() != Header) return null;
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            if (parts.Length != 4
                || !UInt128.TryParse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var inputs)
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || !UInt128.TryParse(parts[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var content))
                return null;
            files[parts[0]] = new ManifestEntry(inputs, length, content);
        }
        return new BuildManifest(files);
    }

    /// <summary>Writes the manifest to <paramref name="path"/>, atomically (a reader sees the old file or the new one, never half of one).</summary>
    public void Save(string path)
    {
        var temp = path + ".tmp";
        File.Delete(temp); // a symbolic link left there would be written through
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write(Header);
            writer.Write('\n');
            foreach (var (name, entry) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                writer.Write(name);
                writer.Write('\t');
                writer.Write(entry.Inputs.ToString("x32", CultureInfo.InvariantCulture));
                writer.Write('\t');
                writer.Write(entry.Length.ToString(CultureInfo.InvariantCulture));
                writer.Write('\t');
                writer.Write(entry.Content.ToString("x32", CultureInfo.InvariantCulture));
                writer.Write('\n');
            }
        }
        File.Move(temp, path, overwrite: true);
    }

    public static void Delete(string outputDir)
    {
        var path = PathFor(outputDir);
        if (File.Exists(path)) File.Delete(path);
    }
}

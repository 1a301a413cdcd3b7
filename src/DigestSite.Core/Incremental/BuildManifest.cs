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
            // path, inputs, length, content: read in place, only the path made a string (59,000 lines at 10,000 papers).
            var rest = line.AsSpan();
            if (!Field(ref rest, out var path) || !Field(ref rest, out var inputsText) || !Field(ref rest, out var lengthText)
                || rest.Contains('\t')
                || !UInt128.TryParse(inputsText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var inputs)
                || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || !UInt128.TryParse(rest, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var content)
                || !IsOutputPath(path))
                return null;
            files[path.ToString()] = new ManifestEntry(inputs, length, content);
        }
        return new BuildManifest(files);
    }

    /// <summary>
    /// A path as a build names its files: relative, by '/', without an empty, "." or ".." part. A swap deletes the files the
    /// old manifest names and the journal does not, by these paths: a manifest or journal planted beside the output (a restored
    /// cache) that named "../x" would have a file outside the folder deleted, or "a//b" a file of the site.
    /// </summary>
    private static bool IsOutputPath(ReadOnlySpan<char> path)
    {
        if (path.IsEmpty || path.ContainsAny('\\', '\0')) return false;
        foreach (var part in path.Split('/'))
            if (path[part] is [] or "." or "..") return false;
        return true;
    }

    /// <summary>The text before the next tab, and <paramref name="rest"/> after it; false when there is no tab.</summary>
    private static bool Field(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> field)
    {
        int tab = rest.IndexOf('\t');
        field = tab < 0 ? default : rest[..tab];
        rest = tab < 0 ? rest : rest[(tab + 1)..];
        return tab >= 0;
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
            // Numbers formatted into one buffer, not a string each.
            Span<char> line = stackalloc char[100];
            foreach (var (name, entry) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                writer.Write(name);
                line[0] = '\t';
                entry.Inputs.TryFormat(line[1..], out int at, "x32", CultureInfo.InvariantCulture);
                line[++at] = '\t';
                entry.Length.TryFormat(line[++at..], out int written, default, CultureInfo.InvariantCulture);
                at += written;
                line[at++] = '\t';
                entry.Content.TryFormat(line[at..], out written, "x32", CultureInfo.InvariantCulture);
                at += written;
                line[at++] = '\n';
                writer.Write(line[..at]);
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

using System.Globalization;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// The files in ordinal order of their paths, when known: a manifest read from a file that lists them so, or made from
    /// one by <see cref="Next"/>. A rebuild then neither sorts 59,000 paths (10,000 papers) nor looks each one up twice to
    /// save the manifest and find the files it drops. Never changed once made: a manifest may share its paths with the next.
    /// </summary>
    private (List<string> Paths, List<ManifestEntry> Entries)? ordered;

    public BuildManifest(IReadOnlyDictionary<string, ManifestEntry> files) => Files = files;

    private BuildManifest(IReadOnlyDictionary<string, ManifestEntry> files, List<string> paths, List<ManifestEntry> entries)
    {
        Files = files;
        ordered = (paths, entries);
    }

    /// <summary>The files in ordinal order of their paths (sorted once, if the manifest did not come so).</summary>
    private (List<string> Paths, List<ManifestEntry> Entries) Ordered()
    {
        if (ordered is { } known) return known;
        var paths = new List<string>(Files.Count);
        var entries = new List<ManifestEntry>(Files.Count);
        foreach (var (path, entry) in Files)
        {
            paths.Add(path);
            entries.Add(entry);
        }
        CollectionsMarshal.AsSpan(paths).Sort(CollectionsMarshal.AsSpan(entries), StringComparer.Ordinal);
        ordered = (paths, entries);
        return (paths, entries);
    }

    /// <summary>What a build's files change of the manifest before it: see <see cref="Next"/>.</summary>
    /// <param name="Manifest">The build's manifest.</param>
    /// <param name="Dropped">The files of the manifest before that the build no longer has, in ordinal order.</param>
    /// <param name="Same">True when the build has exactly the files of the manifest before, each with the same entry.</param>
    public sealed record Change(BuildManifest Manifest, IReadOnlyList<string> Dropped, bool Same);

    /// <summary>
    /// The manifest of a build that had <paramref name="previous"/> and made (or kept) <paramref name="files"/>, in the
    /// order of <paramref name="previous"/>'s paths with the build's new paths merged in: a one-paper rebuild adds none.
    /// </summary>
    public static Change Next(BuildManifest previous, IReadOnlyDictionary<string, ManifestEntry> files)
    {
        var (oldPaths, oldEntries) = previous.Ordered();
        var entries = new List<ManifestEntry>(files.Count);
        var dropped = new List<string>();
        List<string>? kept = null; // made once a path is dropped; until then the kept paths are the previous manifest's
        bool same = true;
        for (int i = 0; i < oldPaths.Count; i++)
        {
            if (files.TryGetValue(oldPaths[i], out var entry))
            {
                kept?.Add(oldPaths[i]);
                entries.Add(entry);
                same &= entry == oldEntries[i];
            }
            else
            {
                kept ??= oldPaths.GetRange(0, i);
                dropped.Add(oldPaths[i]);
            }
        }
        var paths = kept ?? oldPaths;
        if (paths.Count == files.Count) return new Change(new BuildManifest(files, paths, entries), dropped, same && dropped.Count == 0);

        // The build's new files, sorted, merged with the kept ones (both in ordinal order).
        var added = files.Where(f => !previous.Files.ContainsKey(f.Key)).ToArray();
        Array.Sort(added.Select(f => f.Key).ToArray(), added, StringComparer.Ordinal);
        var mergedPaths = new List<string>(files.Count);
        var mergedEntries = new List<ManifestEntry>(files.Count);
        for (int k = 0, a = 0; k < paths.Count || a < added.Length;)
        {
            bool takeKept = a == added.Length || (k < paths.Count && string.CompareOrdinal(paths[k], added[a].Key) < 0);
            mergedPaths.Add(takeKept ? paths[k] : added[a].Key);
            mergedEntries.Add(takeKept ? entries[k++] : added[a++].Value);
        }
        return new Change(new BuildManifest(files, mergedPaths, mergedEntries), dropped, Same: false);
    }

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
        return InputHash.Bytes(bytes) == expected ? Parse(bytes) : null;
    }

    /// <summary>A manifest file (the manifest beside an output folder, or a swap's journal); null when there is none or it is unreadable.</summary>
    public static BuildManifest? Read(string path)
    {
        return IsFile(path) ? Parse(File.ReadAllBytes(path)) : null;
    }

    /// <summary>A regular file, not a link, named pipe or device put in a manifest's place: those are never opened (a pipe would wait for a writer).</summary>
    internal static bool IsFile(string path) => FileKinds.Of(path).Kind == FileKind.File;

    /// <summary>The manifest <paramref name="text"/> (UTF-8, lines ended by '\n') holds; null when it is not one this program wrote.</summary>
    private static BuildManifest? Parse(ReadOnlySpan<byte> text)
    {
        // Sized from the line count (grown from nothing, it was rehashed about 15 times at 10,000 papers, 59,000 lines), up to a
        // bound: a planted file of nothing but line feeds must not make it allocate gigabytes before its first line is refused.
        int lines = Math.Min(text.Count((byte)'\n'), 1 << 20);
        var files = new Dictionary<string, ManifestEntry>(lines, StringComparer.Ordinal);
        if (!NextLine(ref text, out var header) || !header.SequenceEqual(HeaderBytes)) return null;
        // The lines in order as read, kept while each path comes after the one before (as this program writes them).
        var paths = new List<string>(lines);
        var entries = new List<ManifestEntry>(lines);
        bool inOrder = true;
        while (NextLine(ref text, out var rest))
        {
            // path, inputs, length, content: read in place as UTF-8, only the path made a string (59,000 lines at 10,000 papers).
            if (!Field(ref rest, out var pathBytes) || !Field(ref rest, out var inputsText) || !Field(ref rest, out var lengthText)
                || rest.IndexOfAny((byte)'\t', (byte)'\r') >= 0 || pathBytes.Contains((byte)'\r')
                || !UInt128.TryParse(inputsText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var inputs)
                || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || !UInt128.TryParse(rest, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var content))
                return null;
            var path = Encoding.UTF8.GetString(pathBytes);
            if (!IsOutputPath(path)) return null;
            var entry = new ManifestEntry(inputs, length, content);
            files[path] = entry;
            inOrder = inOrder && (paths.Count == 0 || string.CompareOrdinal(paths[^1], path) < 0);
            if (inOrder)
            {
                paths.Add(path);
                entries.Add(entry);
            }
        }
        return inOrder ? new BuildManifest(files, paths, entries) : new BuildManifest(files);
    }

    private static readonly byte[] HeaderBytes = Encoding.UTF8.GetBytes(Header);

    /// <summary>The text up to the next '\n' (or the end), and <paramref name="text"/> after it; false at the end.</summary>
    private static bool NextLine(ref ReadOnlySpan<byte> text, out ReadOnlySpan<byte> line)
    {
        int end = text.IndexOf((byte)'\n');
        line = end < 0 ? text : text[..end];
        bool any = !text.IsEmpty;
        text = end < 0 ? default : text[(end + 1)..];
        return any;
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
    private static bool Field(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> field)
    {
        int tab = rest.IndexOf((byte)'\t');
        field = tab < 0 ? default : rest[..tab];
        rest = tab < 0 ? rest : rest[(tab + 1)..];
        return tab >= 0;
    }

    /// <summary>Writes the manifest to <paramref name="path"/>, atomically (a reader sees the old file or the new one, never half of one).</summary>
    public void Save(string path)
    {
        var temp = path + ".tmp";
        File.Delete(temp); // a symbolic link left there would be written through
        // In order as two arrays, and each line made as UTF-8 in one buffer: 59,000 lines at 10,000 papers, where a LINQ
        // sort of the pairs and a text writer took most of a one-paper rebuild's commit.
        var (names, entries) = Ordered();
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            var buffer = new byte[1 << 16];
            int used = Encoding.UTF8.GetBytes(Header + "\n", buffer);
            for (int i = 0; i < names.Count; i++)
            {
                // A line: the path, then at most 3 tabs, 2 x 32 hex digits, 20 digits and a newline.
                int most = Encoding.UTF8.GetMaxByteCount(names[i].Length) + 100;
                if (buffer.Length - used < most)
                {
                    file.Write(buffer, 0, used);
                    used = 0;
                    if (buffer.Length < most) buffer = new byte[most];
                }
                used += Line(buffer.AsSpan(used), names[i], entries[i]);
            }
            file.Write(buffer, 0, used);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>"path TAB inputs TAB length TAB content NEWLINE" into <paramref name="line"/>, which has room for it; its length.</summary>
    private static int Line(Span<byte> line, string name, ManifestEntry entry)
    {
        int at = Encoding.UTF8.GetBytes(name, line);
        line[at++] = (byte)'\t';
        at += Hex(line[at..], entry.Inputs);
        line[at++] = (byte)'\t';
        entry.Length.TryFormat(line[at..], out int written, default, CultureInfo.InvariantCulture);
        at += written;
        line[at++] = (byte)'\t';
        at += Hex(line[at..], entry.Content);
        line[at++] = (byte)'\n';
        return at;
    }

    /// <summary>32 lowercase hex digits, as "x32" formats a UInt128: its two halves as 16 digits each (by table: two per line, 59,000 lines).</summary>
    private static int Hex(Span<byte> into, UInt128 value)
    {
        Hex16(into, (ulong)(value >> 64));
        Hex16(into[16..], (ulong)value);
        return 32;
    }

    private static void Hex16(Span<byte> into, ulong value)
    {
        for (int i = 15; i >= 0; i--)
        {
            into[i] = HexDigits[(int)(value & 0xF)];
            value >>= 4;
        }
    }

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    public static void Delete(string outputDir)
    {
        var path = PathFor(outputDir);
        if (File.Exists(path)) File.Delete(path);
    }
}

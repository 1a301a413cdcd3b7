using System.Globalization;
using System.IO.Enumeration;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using DigestSite.Content;

namespace DigestSite.Incremental;

/// <summary>
/// A fingerprint of everything a build reads, taken from file stats (only files written just before are read): every
/// entry of the content folder (path, length, last-write time), every file of the theme layers'
/// layouts/ and assets/, the program's version (with its built-in theme) and the build's options. Kept beside
/// the manifest ("_site.manifest.inputs", with the hash of the manifest it goes with): when the
/// next build finds the same fingerprint and an output folder that still matches the manifest,
/// nothing can have changed and the build is skipped.
/// <para>
/// The output folder is compared with the manifest without reading the manifest (59,000 lines at
/// 10,000 papers, a third of the skip's time): the file keeps the number of files the manifest lists
/// and a sum of the hashes of their paths and lengths, which one pass over the folder's names and
/// lengths makes again (<see cref="Compare"/>). When it does, the manifest is the folder's: a build whose
/// inputs changed reads it without a second look at each file.
/// </para>
/// <para>
/// Any doubt means no fingerprint, hence a normal build: a symbolic link among the inputs (its
/// target may change without its own stamp changing), or a file written within
/// <see cref="FileStamp.RacyWindow"/> of the fingerprint being taken that is not confirmed at the
/// end of the build (<see cref="Taken.Confirmed"/>).
/// </para>
/// </summary>
public static class InputStamp
{
    /// <summary>
    /// The fingerprint one build took before reading anything, and the files written within
    /// <see cref="FileStamp.RacyWindow"/> of it (a fresh checkout or a just generated archive: all of
    /// them). A later write to one of those in the same clock tick, with the same length, would keep
    /// its stamp (git's "racily clean" entries), so their bytes are hashed too: the fingerprint holds
    /// when, at the end of the build, each still has its stamp and its bytes and is old enough that
    /// any later write changes its stamp.
    /// </summary>
    public sealed class Taken(UInt128 hash, IReadOnlyList<Recent> recent)
    {
        public UInt128 Hash { get; } = hash;

        /// <summary>No file too recent: the fingerprint can be compared with the last build's at once (the fast path).</summary>
        public bool Settled => recent.Count == 0;

        /// <summary>The fingerprint, once every recent file is shown unchanged since it was taken and now settled; else null.</summary>
        public UInt128? Confirmed()
        {
            var now = DateTime.UtcNow;
            foreach (var file in recent)
            {
                if (FileKinds.Of(file.Path).Kind != FileKind.File) return null;
                var stamp = FileStamp.Of(new FileInfo(file.Path));
                if (stamp != file.Stamp || !stamp.TrustedAt(now) || InputHash.File(file.Path) != file.Content) return null;
            }
            return Hash;
        }
    }

    /// <summary>A file written within <see cref="FileStamp.RacyWindow"/> of the fingerprint: its stamp and the hash of its bytes then.</summary>
    public readonly record struct Recent(string Path, FileStamp Stamp, UInt128 Content);

    private const string Header = "digestsite-inputs 2";

    public static string PathFor(string outputDir) => BuildManifest.PathFor(outputDir) + ".inputs";

    /// <summary>The fingerprint of the inputs now, or null when it cannot be trusted.</summary>
    public static Taken? Take(string contentDir, IReadOnlyList<string> themeLayers, string outputDir, string options)
    {
        var takenAt = DateTime.UtcNow;
        var hash = new XxHash128();
        var recent = new List<(string Path, FileStamp Stamp)>();
        Text(hash, Header);
        Text(hash, InputHash.Program.ToString("x32", CultureInfo.InvariantCulture));
        Text(hash, options);
        Text(hash, Path.GetFullPath(outputDir));
        Text(hash, Path.GetFullPath(contentDir));
        if (!Directory.Exists(contentDir) || !Walk(hash, new DirectoryInfo(contentDir), "", skipHidden: true, takenAt, recent)) return null;
        foreach (var layer in themeLayers)
        {
            Text(hash, "layer " + Path.GetFullPath(layer));
            if (!Directory.Exists(layer)) return null;
            foreach (var folder in new[] { "layouts", "assets" })
            {
                var dir = new DirectoryInfo(Path.Combine(layer, folder));
                Text(hash, folder + (dir.Exists ? "" : " none"));
                if (dir.Exists && !Walk(hash, dir, "", skipHidden: false, takenAt, recent)) return null;
            }
        }
        // Hashed after the walk: a write between a file's stat and the hash of its bytes shows as a changed stamp at the end.
        // Only regular files are opened (a FIFO would wait for a writer): anything else among them, and there is no fingerprint.
        if (recent.Any(f => FileKinds.Of(f.Path).Kind != FileKind.File)) return null;
        return new Taken(hash.GetCurrentHashAsUInt128(), recent.Select(f => new Recent(f.Path, f.Stamp, InputHash.File(f.Path))).ToArray());
    }

    /// <summary>Entries in ordinal order, with the files written within the racy window of <paramref name="takenAt"/> in <paramref name="recent"/>; false on a symbolic link.</summary>
    private static bool Walk(XxHash128 hash, DirectoryInfo dir, string prefix, bool skipHidden, DateTime takenAt, List<(string, FileStamp)> recent)
    {
        foreach (var entry in dir.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false })
                     .OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (skipHidden && entry.Name.StartsWith('.')) continue;
            if ((entry.Attributes & FileAttributes.ReparsePoint) != 0) return false;
            var relative = prefix + entry.Name;
            if (entry is DirectoryInfo sub)
            {
                Text(hash, relative + "/");
                if (!Walk(hash, sub, relative + "/", skipHidden, takenAt, recent)) return false;
            }
            else Entry(hash, relative, (FileInfo)entry, takenAt, recent);
        }
        return true;
    }

    private static void Entry(XxHash128 hash, string relative, FileInfo file, DateTime takenAt, List<(string, FileStamp)> recent)
    {
        Text(hash, relative);
        var stamp = FileStamp.Of(file);
        long length = stamp.Length, ticks = stamp.LastWriteUtc.Ticks;
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in length)));
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in ticks)));
        if (!stamp.TrustedAt(takenAt)) recent.Add((file.FullName, stamp));
    }

    private static void Text(XxHash128 hash, string text)
    {
        int length = text.Length;
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in length)));
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    /// <summary>The fingerprint the stamp file beside <paramref name="outputDir"/> records, if it holds one (whether the folder still matches it is <see cref="Compare"/>'s to say).</summary>
    public static UInt128? Kept(string outputDir)
    {
        try
        {
            return Lines(outputDir) is { Length: > 1 } lines
                && UInt128.TryParse(lines[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var kept) ? kept : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // gone or unreadable meanwhile: Compare finds it so too
        }
    }

    /// <summary>The stamp file's lines, its header first; null when there is none or it is not one this program wrote.</summary>
    private static string[]? Lines(string outputDir)
    {
        var path = PathFor(outputDir);
        if (!BuildManifest.IsFile(path)) return null;
        var lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        return lines[0] == Header ? lines : null;
    }

    /// <summary>
    /// What the stamp file beside an output folder says of it, when the folder holds exactly the files (and lengths) of the
    /// manifest the stamp file names, no other file and no symbolic link: whether <paramref name="stamp"/> (asked last, so
    /// that the caller may take it meanwhile) is the fingerprint the build that wrote them had, and the hash of that manifest;
    /// else null.
    /// </summary>
    /// <param name="parallelism">The cores the folder is listed on (<see cref="BuildOptions.Parallelism"/>).</param>
    public static Check? Compare(string outputDir, Func<UInt128?> stamp, int parallelism)
    {
        var manifest = BuildManifest.PathFor(outputDir);
        if (!BuildManifest.IsFile(manifest) || !Directory.Exists(outputDir)
            || Lines(outputDir) is not { Length: >= 6 } lines
            || !UInt128.TryParse(lines[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var kept)
            || !UInt128.TryParse(lines[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var manifestHash)
            || !UInt128.TryParse(lines[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var filesHash)
            || !int.TryParse(lines[4], NumberStyles.None, CultureInfo.InvariantCulture, out int files)
            || !int.TryParse(lines[5], NumberStyles.None, CultureInfo.InvariantCulture, out int pages)
            || manifestHash != InputHash.File(manifest)
            || Listing(outputDir, parallelism) != (files, filesHash))
            return null;
        return new Check(stamp() == kept, manifestHash, pages, files, filesHash);
    }

    /// <summary>
    /// The output folder holds exactly the files the stamp file lists (<paramref name="Files"/> of them, their <see cref="Listed"/>
    /// hashes summing to <paramref name="Listing"/>), which should be those of the manifest whose hash is <paramref name="Manifest"/>;
    /// <paramref name="SameInputs"/>: and the build that wrote them had the same inputs.
    /// </summary>
    public sealed record Check(bool SameInputs, UInt128 Manifest, int Pages, int Files, UInt128 Listing)
    {
        /// <summary>
        /// Whether <paramref name="manifest"/> lists the files the folder was found to hold: the stamp file's hash of the manifest
        /// proves which manifest it was saved with, not that the two agree (a planted or damaged stamp file may pair them).
        /// </summary>
        public bool Lists(BuildManifest manifest)
        {
            UInt128 sum = 0;
            foreach (var (file, entry) in manifest.Files) sum += Listed(file, entry.Length);
            return manifest.Files.Count == Files && sum == Listing;
        }
    }

    /// <summary>The number of files of the folder and the sum of their <see cref="Listed"/> hashes; none when it holds a symbolic link.</summary>
    private static (int Count, UInt128 Hash)? Listing(string outputDir, int parallelism)
    {
        var root = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        // The files of the top two levels here; below them each folder (papers/SLUG/, authors/SLUG/: thousands) is
        // listed whole, on every core: the kernel's work (a stat of each file, a read of each folder) is most of the time.
        var whole = new Tally();
        var second = new List<string>();
        var below = new List<string>();
        if (!whole.Add(root, root, second)) return null;
        foreach (var folder in second)
            if (!whole.Add(root, folder, below)) return null;
        bool linked = false;
        var threads = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        Parallel.ForEach(below, threads, () => new Tally(), (folder, loop, tally) =>
        {
            if (!tally.Add(root, folder, subfolders: null)) { linked = true; loop.Stop(); }
            return tally;
        }, tally => { lock (whole) whole.Add(tally); });
        return linked ? null : (whole.Count, whole.Sum);
    }

    /// <summary>Files counted and their <see cref="Listed"/> hashes summed (a sum: the order they are listed in does not matter).</summary>
    private sealed class Tally
    {
        public int Count { get; private set; }
        public UInt128 Sum { get; private set; }

        /// <summary>
        /// Counts the files in <paramref name="folder"/>: those below it too when <paramref name="subfolders"/> is null, else
        /// those directly in it, its folders added to <paramref name="subfolders"/>. False on a symbolic link.
        /// Names and kinds come with the folder's entries; only a file's length asks the file system.
        /// </summary>
        public bool Add(string root, string folder, List<string>? subfolders)
        {
            // A file's hash is made from the entry's spans: no string for each of the 59,000 files of a 10,000-paper site.
            var entries = new FileSystemEnumerable<(UInt128 Listed, string? Folder, bool Link)>(folder,
                (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0 ? (0, null, true)
                    : entry.IsDirectory ? (0, entry.ToFullPath(), false)
                    : (ListedEntry(root, entry.Directory, entry.FileName, entry.Length), null, false),
                new EnumerationOptions { RecurseSubdirectories = subfolders is null, AttributesToSkip = 0 });
            foreach (var (listed, path, link) in entries)
            {
                if (link) return false;
                if (path is not null)
                {
                    subfolders?.Add(path);
                    continue;
                }
                Sum += listed;
                Count++;
            }
            return true;
        }

        /// <summary>The <see cref="Listed"/> hash of the file <paramref name="name"/> in <paramref name="directory"/>, by its path from <paramref name="root"/>.</summary>
        private static UInt128 ListedEntry(string root, ReadOnlySpan<char> directory, ReadOnlySpan<char> name, long length)
        {
            // root ends with a separator; a file directly in it has root without it as its directory.
            var under = directory.Length >= root.Length ? directory[root.Length..] : [];
            int count = under.Length + (under.IsEmpty ? 0 : 1) + name.Length;
            Span<char> path = count <= 512 ? stackalloc char[count] : new char[count];
            under.CopyTo(path);
            if (!under.IsEmpty) path[under.Length] = '/';
            name.CopyTo(path[(count - name.Length)..]);
            path.Replace('\\', '/');
            return Listed(path, length);
        }

        public void Add(Tally other)
        {
            Count += other.Count;
            Sum += other.Sum;
        }
    }

    /// <summary>A file of the output as the manifest lists it: its path and length, hashed (as <see cref="Text"/> then the length would be).</summary>
    private static UInt128 Listed(ReadOnlySpan<char> path, long length)
    {
        int size = sizeof(int) + path.Length * sizeof(char) + sizeof(long);
        Span<byte> bytes = size <= 1024 ? stackalloc byte[size] : new byte[size];
        MemoryMarshal.Write(bytes, path.Length);
        MemoryMarshal.AsBytes(path).CopyTo(bytes[sizeof(int)..]);
        MemoryMarshal.Write(bytes[(size - sizeof(long))..], length);
        return XxHash128.HashToUInt128(bytes);
    }

    /// <summary>Records the fingerprint of the build that wrote <paramref name="manifest"/> there now (atomically), with what <see cref="Compare"/> compares the folder with.</summary>
    public static void Save(string outputDir, UInt128 stamp, BuildManifest manifest)
    {
        var path = PathFor(outputDir);
        UInt128 files = 0;
        foreach (var (file, entry) in manifest.Files) files += Listed(file, entry.Length);
        int pages = manifest.Files.Keys.Count(f => f.EndsWith(".html", StringComparison.Ordinal));
        var text = string.Join("\n", Header, stamp.ToString("x32", CultureInfo.InvariantCulture),
            InputHash.File(BuildManifest.PathFor(outputDir)).ToString("x32", CultureInfo.InvariantCulture),
            files.ToString("x32", CultureInfo.InvariantCulture), manifest.Files.Count.ToString(CultureInfo.InvariantCulture),
            pages.ToString(CultureInfo.InvariantCulture), "");
        File.Delete(path + ".tmp"); // a symbolic link left there would be written through
        File.WriteAllText(path + ".tmp", text, new UTF8Encoding(false));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public static void Delete(string outputDir)
    {
        var path = PathFor(outputDir);
        if (File.Exists(path)) File.Delete(path);
    }
}
